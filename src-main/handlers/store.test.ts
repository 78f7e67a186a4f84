import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import { handlers } from './index';
import type { Deps } from '../deps';
import { createStoreDeps } from '../store/deps';
import { validExampleText } from '../store/hostile-files';

const tmp = (p: string) => mkdtempSync(path.join(os.tmpdir(), p));

function deps(chooseFolder?: () => Promise<string | null>): Deps {
  const store = createStoreDeps({ documentsDir: tmp('som-h-docs-'), userDataDir: tmp('som-h-ud-') });
  return { ...store, ...(chooseFolder ? { chooseFolder } : {}) } as unknown as Deps;
}

describe('store.chooseFolder', () => {
  it('switches the store to the folder the native dialog returns, and back with reset', async () => {
    const other = tmp('som-h-other-');
    writeFileSync(path.join(other, 'Fra kollega.som'), validExampleText());
    const d = deps(async () => other);
    const before = await dispatch(handlers, d, 'store.settings', {});
    expect(before).toMatchObject({ ok: true, value: { isDefault: true } });

    const chosen = await dispatch(handlers, d, 'store.chooseFolder', {});
    expect(chosen).toEqual({ ok: true, value: { folder: path.resolve(other), isDefault: false, changed: true } });
    const list = await dispatch(handlers, d, 'store.list', {});
    expect(list.ok && (list.value as { fileName: string }[]).map((e) => e.fileName)).toEqual(['Fra kollega.som']);

    const reset = await dispatch(handlers, d, 'store.chooseFolder', { reset: true });
    expect(reset).toMatchObject({ ok: true, value: { isDefault: true, changed: true } });
    const after = await dispatch(handlers, d, 'store.list', {});
    expect(after.ok && (after.value as unknown[]).length).toBe(0);
  });

  it('a cancelled dialog changes nothing', async () => {
    const d = deps(async () => null);
    const r = await dispatch(handlers, d, 'store.chooseFolder', {});
    expect(r).toMatchObject({ ok: true, value: { isDefault: true, changed: false } });
  });

  it('without a native dialog (web host) it says so in Danish', async () => {
    const r = await dispatch(handlers, deps(), 'store.chooseFolder', {});
    expect(r).toEqual({ ok: false, error: { code: 'unavailable', message: 'Mappen kan kun skiftes i skrivebordsprogrammet (ikke i webværten).' } });
  });
});
