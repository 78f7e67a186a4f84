/**
 * File-system failures get their own Danish message (read-only folder, full disk, name too long,
 * reserved Windows names) instead of "Der opstod en uventet fejl", and a failed delete leaves no
 * phantom trash entry. The failures are injected into node:fs (as root, chmod cannot make a folder
 * read-only); everything else runs on real temp folders through the handlers.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseSom } from '../../shared/som/io';
import { safeBaseName } from '../../shared/store/filenames';
import { dispatch } from '../dispatch';
import { handlers } from '../handlers';
import type { Deps } from '../deps';
import { fsErrorMessage, isReservedWindowsName } from './fs-errors';
import { validExampleText } from './hostile-files';
import { createFileStore } from './store';

const inject = vi.hoisted(() => ({
  /** node:fs function → error code to throw when the path is inside `under`. */
  fail: new Map<string, string>(),
  under: '',
}));

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const wrap = <F extends (...a: never[]) => unknown>(name: string, fn: F): F =>
    ((...args: Parameters<F>) => {
      const code = inject.fail.get(name);
      const p = typeof args[0] === 'string' ? args[0] : '';
      // A read-only folder still reads: only opening for writing fails.
      const writing = name !== 'openSync' || (args[1] as unknown) !== 'r';
      if (code && inject.under && writing && (name === 'writeSync' || p.startsWith(inject.under))) {
        throw Object.assign(new Error(`${code}: injected, ${name} '${p}'`), { code, syscall: name, path: p });
      }
      return fn(...args);
    }) as F;
  const mocked = {
    ...real,
    openSync: wrap('openSync', real.openSync),
    writeSync: wrap('writeSync', real.writeSync),
    renameSync: wrap('renameSync', real.renameSync),
    copyFileSync: wrap('copyFileSync', real.copyFileSync),
    rmSync: wrap('rmSync', real.rmSync),
  };
  return { ...mocked, default: mocked };
});

let root: string;
let docs: string;
let deps: Deps;
const UNEXPECTED = /uventet fejl/;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'som-fserr-'));
  docs = path.join(root, 'docs');
  deps = { store: createFileStore({ documentsDir: docs, userDataDir: path.join(root, 'data') }), knowledge: { release: () => null } } as unknown as Deps;
  deps.store.list(); // creates and cleans the folder before any failure is injected
});
afterEach(() => {
  inject.fail.clear();
  inject.under = '';
  rmSync(root, { recursive: true, force: true });
});

const example = () => parseSom(validExampleText());

async function failing(fn: string, code: string, call: () => Promise<unknown>): Promise<{ code: string; message: string }> {
  inject.under = docs;
  inject.fail.set(fn, code);
  const r = (await call()) as { ok: boolean; error?: { code: string; message: string } };
  inject.fail.clear();
  expect(r.ok).toBe(false);
  expect(r.error!.message).not.toMatch(UNEXPECTED);
  return r.error!;
}

describe('Danish messages for file-system failures', () => {
  it.each(['EACCES', 'EPERM', 'EROFS'])('a read-only folder (%s) on Gem says so', async (code) => {
    const e = await failing('openSync', code, () => dispatch(handlers, deps, 'store.save', { id: null, doc: example() }));
    expect(e).toEqual({ code: 'unavailable', message: expect.stringContaining('Beregningen kunne ikke gemmes: mappen eller filen er skrivebeskyttet') });
  });

  it('a full disk (ENOSPC) while writing says so, and leaves neither a placeholder nor a temp file', async () => {
    const e = await failing('writeSync', 'ENOSPC', () => dispatch(handlers, deps, 'store.save', { id: null, doc: example() }));
    expect(e.message).toContain('der er ikke mere plads på disken');
    expect(readdirSync(docs).filter((n) => n !== '.backups')).toEqual([]);
  });

  it('a full disk when overwriting keeps the old file', async () => {
    const saved = (await dispatch(handlers, deps, 'store.save', { id: null, doc: example() })) as { ok: true; value: { id: string; fileName: string; stamp: unknown } };
    const changed = { ...example(), intervention: { ...example().intervention, description: 'ny' } };
    const e = await failing('writeSync', 'ENOSPC', () => dispatch(handlers, deps, 'store.save', { id: saved.value.id, doc: changed }));
    expect(e.message).toContain('ikke mere plads');
    expect(deps.store.read(saved.value.id).doc.intervention.description).toBe(example().intervention.description);
    expect(readdirSync(docs).filter((n) => n.startsWith('.') && n !== '.backups')).toEqual([]);
  });

  it('a name or path that is too long (ENAMETOOLONG) says so', async () => {
    const e = await failing('openSync', 'ENAMETOOLONG', () => dispatch(handlers, deps, 'store.saveAs', { doc: example(), name: 'Et navn' }));
    expect(e.message).toContain('navnet eller stien til mappen er for lang');
  });

  it('Omdøb and Importér get the same messages', async () => {
    const saved = (await dispatch(handlers, deps, 'store.save', { id: null, doc: example() })) as { ok: true; value: { id: string } };
    const e1 = await failing('openSync', 'EROFS', () => dispatch(handlers, deps, 'store.rename', { id: saved.value.id, name: 'Nyt navn' }));
    expect(e1.message).toMatch(/^Beregningen kunne ikke omdøbes: mappen eller filen er skrivebeskyttet/);
    const e2 = await failing('openSync', 'ENOSPC', () => dispatch(handlers, deps, 'store.importFile', { fileName: 'x.som', text: validExampleText() }));
    expect(e2.message).toMatch(/^Filen kunne ikke importeres: der er ikke mere plads/);
  });

  it('reserved Windows names never reach the disk, and are named when the disk refuses one', () => {
    for (const n of ['CON', 'nul', 'PRN.txt', 'aux.tar.gz', 'COM1', 'lpt9', 'CON .som', 'Com¹']) {
      const safe = safeBaseName(n);
      expect(isReservedWindowsName(`${safe}.som`), `${n} → ${safe}`).toBe(false);
    }
    expect(safeBaseName('nul.tar')).toBe('nul_.tar');
    expect(safeBaseName('Console')).toBe('Console');
    expect(isReservedWindowsName('CON.som')).toBe(true);
    expect(isReservedWindowsName('con .txt')).toBe(true);
    expect(fsErrorMessage({ code: 'EINVAL' }, 'Beregningen kunne ikke gemmes', 'CON.som')).toBe(
      'Beregningen kunne ikke gemmes: «CON.som» er et navn, Windows ikke tillader (fx CON, NUL, PRN, AUX, COM1, LPT1). Giv beregningen et andet navn.',
    );
  });

  it('autosave to the recovery area reports a full disk instead of claiming success', async () => {
    inject.under = path.join(root, 'data');
    inject.fail.set('writeSync', 'ENOSPC');
    const r = await dispatch(handlers, deps, 'store.recoverySave', { key: 'w-0123456789ab', doc: example(), fileId: null });
    inject.fail.clear();
    expect(r).toEqual({ ok: false, error: { code: 'unavailable', message: expect.stringMatching(/^Det ikke-gemte arbejde kunne ikke sikres: der er ikke mere plads/) } });
  });
});

describe('a failed delete', () => {
  it('leaves the file in the folder and no phantom entry in the trash', async () => {
    const saved = (await dispatch(handlers, deps, 'store.save', { id: null, doc: example() })) as { ok: true; value: { id: string; fileName: string } };
    const e = await failing('renameSync', 'EACCES', () => dispatch(handlers, deps, 'store.delete', { id: saved.value.id }));
    expect(e.message).toMatch(/^Beregningen kunne ikke slettes: mappen eller filen er skrivebeskyttet/);
    expect(deps.store.trashList()).toEqual([]);
    expect(readdirSync(path.join(root, 'data', 'trash'))).toEqual([]);
    expect(deps.store.list().map((x) => x.fileName)).toEqual([saved.value.fileName]);
  });

  it('on another volume: a copy that cannot remove the original is taken back out of the trash', async () => {
    const saved = (await dispatch(handlers, deps, 'store.save', { id: null, doc: example() })) as { ok: true; value: { id: string; fileName: string } };
    inject.under = docs;
    inject.fail.set('renameSync', 'EXDEV');
    inject.fail.set('rmSync', 'EPERM');
    const r = await dispatch(handlers, deps, 'store.delete', { id: saved.value.id });
    inject.fail.clear();
    expect(r).toMatchObject({ ok: false, error: { message: expect.stringMatching(/^Beregningen kunne ikke slettes/) } });
    expect(deps.store.trashList()).toEqual([]);
    expect(deps.store.list().map((x) => x.fileName)).toEqual([saved.value.fileName]);
  });
});
