/**
 * Gem when the file changed on disk since it was opened: the store refuses with 'conflict', and the
 * Danish dialog offers keep mine as a copy, reload theirs, overwrite (jsdom, typed fake bridge).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync, tick } from 'svelte';
import { parseSom } from '../../shared/som/io';
import { AppError } from '../../shared/errors';
import { setApi } from '../lib/api';
import { createFakeApi, type FakeHandlers } from '../test/fake-api';
import { Calculation } from './calculation.svelte';
import { session } from './session.svelte';
import SaveConflictDialog from './SaveConflictDialog.svelte';
import icmText from '../../data/examples/icm-hjemloese.som?raw';

const ID = '0123456789abcdef0123456789abcdef';
const opened = { size: 100, mtimeMs: 1, sha256: '1'.repeat(64) };
const theirs = { size: 120, mtimeMs: 2, sha256: '2'.repeat(64) };
const CONFLICT = 'Filen «ICM.som» er blevet ændret af en anden (eller på en anden computer), siden du åbnede den.';

/** A store where someone else saved the file after we opened it (their stamp differs from ours). */
function conflictingStore(extra: Partial<FakeHandlers> = {}) {
  const theirDoc = parseSom(icmText);
  theirDoc.intervention.description = 'Kollegaens udgave';
  return createFakeApi({
    'store.save': ({ id, doc, base, overwrite }) => {
      if (base && !overwrite && base.sha256 !== theirs.sha256) throw new AppError('conflict', CONFLICT);
      return { id: id ?? ID, fileName: 'ICM.som', savedAt: '2026-03-01T10:00:00.000Z', doc, stamp: { size: 130, mtimeMs: 3, sha256: '3'.repeat(64) }, sizeWarning: null };
    },
    'store.open': ({ id }) => ({ id, fileName: 'ICM.som', doc: theirDoc, stamp: theirs, sizeWarning: null, knowledge: { file: null, current: null, differs: false } }),
    ...extra,
  });
}

async function conflicted(onresolved?: () => void) {
  const api = conflictingStore();
  setApi(api);
  const calc = new Calculation(parseSom(icmText), { autosaveMs: 0, id: ID, fileName: 'ICM.som', stamp: opened });
  calc.update((d) => (d.intervention.description = 'Min udgave'));
  render(SaveConflictDialog, { calc, onresolved });
  expect(await calc.save()).toBe(false);
  flushSync();
  return { api, calc };
}

afterEach(() => setApi(null));

describe('SaveConflictDialog', () => {
  it('Gem sends the stamp the file had when opened, and a changed file opens the Danish question', async () => {
    const { api, calc } = await conflicted();
    expect(api.calls[0]).toMatchObject({ channel: 'store.save', args: { id: ID, base: opened } });
    expect(calc.saveError).toBeNull();
    expect(screen.getByRole('heading', { name: 'Filen er ændret af en anden' })).toBeTruthy();
    expect(screen.getByText(CONFLICT)).toBeTruthy();
    for (const name of ['Gem min som kopi', 'Hent den anden udgave', 'Overskriv', 'Annullér']) expect(screen.getByRole('button', { name })).toBeTruthy();
    expect(calc.dirty).toBe(true);
  });

  it('Overskriv saves mine over theirs (overwrite: true) and closes the question', async () => {
    const { api, calc } = await conflicted();
    await fireEvent.click(screen.getByRole('button', { name: 'Overskriv' }));
    await tick();
    expect(api.calls.at(-2)).toMatchObject({ channel: 'store.save', args: { id: ID, overwrite: true } });
    expect(calc.conflict).toBeNull();
    expect(calc.dirty).toBe(false);
    expect(calc.stamp).toEqual({ size: 130, mtimeMs: 3, sha256: '3'.repeat(64) });
    expect(screen.queryByRole('heading', { name: 'Filen er ændret af en anden' })).toBeNull();
  });

  it('Gem min som kopi makes a new file named "(min udgave)" and leaves theirs', async () => {
    let resolved = 0;
    const { api, calc } = await conflicted(() => resolved++);
    await fireEvent.click(screen.getByRole('button', { name: 'Gem min som kopi' }));
    // The wizard is told, so that it follows the copy's new id.
    await vi.waitFor(() => expect(resolved).toBe(1));
    const copy = api.calls.find((c) => c.channel === 'store.saveAs');
    expect(copy?.args).toMatchObject({ name: 'ICM til hjemløse (kursuscase 1) (min udgave)', doc: { intervention: { name: 'ICM til hjemløse (kursuscase 1) (min udgave)' } } });
    expect(calc.doc.intervention.name).toBe('ICM til hjemløse (kursuscase 1) (min udgave)');
    expect(api.calls.filter((c) => c.channel === 'store.save' && (c.args as { overwrite?: boolean }).overwrite)).toEqual([]);
    expect(calc.dirty).toBe(false);
  });

  it('Hent den anden udgave replaces my copy with theirs', async () => {
    const { calc } = await conflicted();
    await fireEvent.click(screen.getByRole('button', { name: 'Hent den anden udgave' }));
    await tick();
    expect(calc.doc.intervention.description).toBe('Kollegaens udgave');
    expect(calc.stamp).toEqual(theirs);
    expect(calc.dirty).toBe(false);
    expect(calc.conflict).toBeNull();
  });

  it('Annullér keeps my unsaved changes', async () => {
    const { calc } = await conflicted();
    await fireEvent.click(screen.getByRole('button', { name: 'Annullér' }));
    await tick();
    expect(calc.conflict).toBeNull();
    expect(calc.dirty).toBe(true);
    expect(calc.doc.intervention.description).toBe('Min udgave');
  });

  it('autosave keeps the stamp with the unsaved work, and work restored from it still meets the question', async () => {
    const kept: { doc?: unknown; base?: unknown } = {};
    const api = conflictingStore({
      'store.recoverySave': ({ doc, base }) => {
        Object.assign(kept, { doc, base });
        return { savedAt: '2026-03-01T09:00:00.000Z' };
      },
      'store.recoveryOpen': ({ key }) => ({ key, fileId: ID, fileName: 'ICM.som', stamp: kept.base as typeof opened, doc: kept.doc as ReturnType<typeof parseSom> }),
    });
    setApi(api);
    const calc = new Calculation(parseSom(icmText), { autosaveMs: 0, id: ID, fileName: 'ICM.som', stamp: opened });
    calc.update((d) => (d.intervention.description = 'Min udgave'));
    await calc.autosave();
    expect(kept.base).toEqual(opened);
    calc.dispose();

    // The app was closed; the colleague saved; the work is restored and saved.
    expect(await session.restore('w-0123456789ab')).toBe(true);
    const restored = session.current!;
    expect(restored.stamp).toEqual(opened);
    render(SaveConflictDialog, { calc: restored });
    expect(await restored.save()).toBe(false);
    flushSync();
    expect(api.calls.filter((c) => c.channel === 'store.save').at(-1)?.args).toMatchObject({ id: ID, base: opened });
    expect(screen.getByRole('heading', { name: 'Filen er ændret af en anden' })).toBeTruthy();
    restored.dispose();
  });
});
