/**
 * A store folder shared by two writers (two processes, or two PCs on a network drive): new names are
 * taken by exclusive create, an overwrite of a file that changed on disk is refused with a conflict,
 * locks and crash leftovers are handled. Bounded by counts, never by wall time.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSom, serializeSom } from '../../shared/som/io';
import { dispatch } from '../dispatch';
import { handlers } from '../handlers';
import type { Deps } from '../deps';
import { validExampleText } from './hostile-files';
import { createFileStore } from './store';
import { LEFTOVER_AGE_MS, LOCK_STALE_MS, cleanLeftovers, lockIsStale, withFileLock, writeNewFile } from './shared-folder';

const SAVES_PER_WRITER = 200;
let bundle: string;
const tmpDirs: string[] = [];

function tmp(prefix: string): string {
  const d = mkdtempSync(path.join(os.tmpdir(), prefix));
  tmpDirs.push(d);
  return d;
}

beforeAll(() => {
  bundle = path.join(tmp('som-two-writers-bundle-'), 'child.cjs');
  buildSync({
    entryPoints: [path.join(__dirname, 'two-writers-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: bundle,
    logLevel: 'silent',
    define: { 'import.meta.url': '"file:///two-writers-child.js"' },
  });
});
afterAll(() => {
  for (const d of tmpDirs) rmSync(d, { recursive: true, force: true });
});

interface Writer {
  ready: Promise<void>;
  go(): void;
  done: Promise<string[]>;
}

function writer(docs: string, data: string, text: string): Writer {
  const child = spawn(process.execPath, [bundle, docs, data, String(SAVES_PER_WRITER), text], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let markReady: () => void = () => {};
  const ready = new Promise<void>((r) => (markReady = r));
  child.stdout.on('data', (b: Buffer) => {
    out += b.toString('utf8');
    if (out.startsWith('R\n')) markReady();
  });
  child.stderr.on('data', (b: Buffer) => (err += b.toString('utf8')));
  const done = new Promise<string[]>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out.split('\n').filter((l) => l.startsWith('OK ') || l.startsWith('ERR '))) : reject(new Error(`writer exit ${code}: ${err}`))));
  });
  return { ready, go: () => child.stdin.write('go\n'), done };
}

describe('two writers, one folder', () => {
  it(`two processes × ${SAVES_PER_WRITER} saves of "Samme navn" give ${2 * SAVES_PER_WRITER} files, each valid`, async () => {
    const docs = tmp('som-two-writers-');
    const doc = parseSom(validExampleText());
    doc.intervention.name = 'Samme navn';
    const text = serializeSom(doc);
    const writers = [writer(docs, tmp('som-tw-data-a-'), text), writer(docs, tmp('som-tw-data-b-'), text)];
    await Promise.all(writers.map((w) => w.ready));
    for (const w of writers) w.go();
    const [a, b] = await Promise.all(writers.map((w) => w.done));
    const lines = [...a!, ...b!];
    expect(lines.filter((l) => l.startsWith('ERR '))).toEqual([]);
    const reported = lines.map((l) => l.slice(3));
    expect(new Set(reported).size).toBe(2 * SAVES_PER_WRITER);
    const files = readdirSync(docs).filter((n) => n.endsWith('.som'));
    expect(files).toHaveLength(2 * SAVES_PER_WRITER);
    expect(new Set(files)).toEqual(new Set(reported));
    for (const f of files) expect(parseSom(readFileSync(path.join(docs, f), 'utf8')).intervention.name, f).toBe('Samme navn');
    // No placeholder, temp file or lock is left behind.
    expect(readdirSync(docs).filter((n) => !n.endsWith('.som') && n !== '.backups')).toEqual([]);
  }, 240_000);

  it('a name another writer already holds is skipped, even when it is not in our listing', () => {
    const dir = tmp('som-excl-');
    writeFileSync(path.join(dir, 'Samme navn.som'), 'theirs');
    const name = writeNewFile(dir, 'Samme navn', 'mine', []);
    expect(name).toBe('Samme navn (2).som');
    expect(readFileSync(path.join(dir, 'Samme navn.som'), 'utf8')).toBe('theirs');
    expect(readFileSync(path.join(dir, name), 'utf8')).toBe('mine');
  });
});

function storeDeps(docs: string, data: string): Deps {
  const store = createFileStore({ documentsDir: docs, userDataDir: data });
  return { store, knowledge: { release: () => null } } as unknown as Deps;
}

describe('edit conflict (handler level)', () => {
  it('Gem with the stamp from store.open is refused when another writer saved in between; overwrite and reload work', async () => {
    const docs = tmp('som-conflict-');
    const mine = storeDeps(docs, tmp('som-conflict-a-'));
    const theirs = storeDeps(docs, tmp('som-conflict-b-'));
    const created = await dispatch(handlers, mine, 'store.save', { id: null, doc: parseSom(validExampleText()) });
    expect(created.ok).toBe(true);
    const id = (created as { value: { id: string } }).value.id;

    const openedMine = (await dispatch(handlers, mine, 'store.open', { id })) as { ok: true; value: { stamp: { sha256: string }; doc: ReturnType<typeof parseSom> } };
    const openedTheirs = (await dispatch(handlers, theirs, 'store.open', { id })) as typeof openedMine;
    expect(openedMine.value.stamp).toEqual(openedTheirs.value.stamp);

    const theirDoc = { ...openedTheirs.value.doc, intervention: { ...openedTheirs.value.doc.intervention, description: 'Kollegaens ændring' } };
    const r1 = await dispatch(handlers, theirs, 'store.save', { id, doc: theirDoc, base: openedTheirs.value.stamp });
    expect(r1.ok).toBe(true);

    const myDoc = { ...openedMine.value.doc, intervention: { ...openedMine.value.doc.intervention, description: 'Min ændring' } };
    const r2 = await dispatch(handlers, mine, 'store.save', { id, doc: myDoc, base: openedMine.value.stamp });
    expect(r2).toEqual({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/er blevet ændret af en anden .* siden du åbnede den/) } });
    const onDisk = () => parseSom(readFileSync(path.join(docs, (created as { value: { fileName: string } }).value.fileName), 'utf8')).intervention.description;
    expect(onDisk()).toBe('Kollegaens ændring');

    // Reload theirs: store.open gives their version and a stamp that saves without conflict.
    const reloaded = (await dispatch(handlers, mine, 'store.open', { id })) as typeof openedMine;
    expect(reloaded.value.doc.intervention.description).toBe('Kollegaens ændring');
    const r3 = await dispatch(handlers, mine, 'store.save', { id, doc: reloaded.value.doc, base: reloaded.value.stamp });
    expect(r3.ok).toBe(true);

    // Overwrite: my version replaces theirs although the stamp is old.
    const r4 = await dispatch(handlers, mine, 'store.save', { id, doc: myDoc, base: openedMine.value.stamp, overwrite: true });
    expect(r4.ok).toBe(true);
    expect(onDisk()).toBe('Min ændring');
  });

  it('restored unsaved work keeps the stamp of its file: saving it over a file changed meanwhile is a conflict', async () => {
    const docs = tmp('som-recovery-conflict-');
    const myData = tmp('som-recovery-conflict-a-');
    const mine = storeDeps(docs, myData);
    const theirs = storeDeps(docs, tmp('som-recovery-conflict-b-'));
    const created = (await dispatch(handlers, mine, 'store.save', { id: null, doc: parseSom(validExampleText()) })) as { ok: true; value: { id: string; fileName: string } };
    const id = created.value.id;
    const opened = (await dispatch(handlers, mine, 'store.open', { id })) as { ok: true; value: { stamp: { size: number; mtimeMs: number; sha256: string }; doc: ReturnType<typeof parseSom> } };
    const myDoc = { ...opened.value.doc, intervention: { ...opened.value.doc.intervention, description: 'Min ikke-gemte ændring' } };
    const kept = await dispatch(handlers, mine, 'store.recoverySave', { key: 'w-0123456789ab', doc: myDoc, fileId: id, base: opened.value.stamp });
    expect(kept.ok).toBe(true);

    // The app stops; a colleague saves the file; the app starts again and restores the work.
    const theirDoc = { ...opened.value.doc, intervention: { ...opened.value.doc.intervention, description: 'Kollegaens ændring' } };
    expect((await dispatch(handlers, theirs, 'store.save', { id, doc: theirDoc, base: opened.value.stamp })).ok).toBe(true);
    const restarted = storeDeps(docs, myData);
    const restored = (await dispatch(handlers, restarted, 'store.recoveryOpen', { key: 'w-0123456789ab' })) as { ok: true; value: { fileId: string; stamp: unknown; doc: ReturnType<typeof parseSom> } };
    expect(restored.value.fileId).toBe(id);
    expect(restored.value.stamp).toEqual(opened.value.stamp);

    const r = await dispatch(handlers, restarted, 'store.save', { id, doc: restored.value.doc, base: restored.value.stamp as typeof opened.value.stamp });
    expect(r).toEqual({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/er blevet ændret af en anden/) } });
    expect(parseSom(readFileSync(path.join(docs, created.value.fileName), 'utf8')).intervention.description).toBe('Kollegaens ændring');
  });

  it('my own saves in a row never conflict, and a changed time alone (a copy, a sync client) is not a change', async () => {
    const docs = tmp('som-noconflict-');
    const deps = storeDeps(docs, tmp('som-noconflict-d-'));
    const doc = parseSom(validExampleText());
    let r = (await dispatch(handlers, deps, 'store.save', { id: null, doc })) as { ok: true; value: { id: string; fileName: string; stamp: { size: number; mtimeMs: number; sha256: string } } };
    for (let i = 0; i < 5; i++) {
      r = (await dispatch(handlers, deps, 'store.save', { id: r.value.id, doc: { ...doc, intervention: { ...doc.intervention, description: `v${i}` } }, base: r.value.stamp })) as typeof r;
      expect(r.ok, `save ${i}`).toBe(true);
    }
    utimesSync(path.join(docs, r.value.fileName), new Date(2000, 0, 1), new Date(2000, 0, 1));
    const again = await dispatch(handlers, deps, 'store.save', { id: r.value.id, doc, base: r.value.stamp });
    expect(again.ok).toBe(true);
  });
});

describe('locks and crash leftovers', () => {
  it('a lock of a dead process on this computer, or an old one, is taken over; a live one makes the save wait and then say so in Danish', () => {
    const dir = tmp('som-lock-');
    const lock = path.join(dir, '.a.som.lock');
    writeFileSync(lock, JSON.stringify({ owner: 'x', host: os.hostname(), pid: 2 ** 22 + 12345, at: new Date().toISOString() }));
    expect(lockIsStale(lock)).toBe(true);
    expect(withFileLock(dir, 'a.som', () => 'ran')).toBe('ran');
    expect(existsSync(lock)).toBe(false);

    writeFileSync(lock, JSON.stringify({ owner: 'kollega på PC-7', host: 'PC-7', pid: 1, at: new Date(Date.now() - LOCK_STALE_MS - 1000).toISOString() }));
    expect(lockIsStale(lock)).toBe(true);

    writeFileSync(lock, JSON.stringify({ owner: 'kollega på PC-7', host: 'PC-7', pid: 1, at: new Date().toISOString() }));
    expect(lockIsStale(lock)).toBe(false);
    // A clock that jumps a second per look: the wait ends after a few tries, not after seconds.
    let t = Date.now();
    let ran = false;
    expect(() => withFileLock(dir, 'a.som', () => (ran = true), () => (t += 1000))).toThrow('Filen «a.som» gemmes lige nu fra et andet sted (kollega på PC-7). Vent et øjeblik, og prøv igen.');
    expect(ran).toBe(false);
    expect(existsSync(lock)).toBe(true);
  });

  it('temp files, empty placeholders and stale locks left by a crash are cleaned at start; fresh ones and real files stay', () => {
    const docs = tmp('som-leftovers-');
    const old = new Date(Date.now() - LEFTOVER_AGE_MS - 60_000);
    const files = {
      oldTmp: '.Beregning.som.123.abcd1234.tmp',
      freshTmp: '.Anden.som.456.abcd1234.tmp',
      oldEmpty: 'Tom pladsholder.som',
      freshEmpty: 'Gemmes lige nu.som',
      real: 'Rigtig.som',
      staleLock: '.Rigtig.som.lock',
    };
    for (const f of Object.values(files)) writeFileSync(path.join(docs, f), f === files.real ? validExampleText() : f.endsWith('.lock') ? '{}' : f.endsWith('.tmp') ? 'halv' : '');
    for (const f of [files.oldTmp, files.oldEmpty, files.staleLock, files.real]) utimesSync(path.join(docs, f), old, old);
    mkdirSync(path.join(docs, '.backups'));
    writeFileSync(path.join(docs, '.backups', 'x.som.bak.1234.tmp'), 'halv');
    utimesSync(path.join(docs, '.backups', 'x.som.bak.1234.tmp'), old, old);
    expect(cleanLeftovers(path.join(docs, '.backups'))).toBe(0); // not hidden: only with anyTemp
    // Starting the store cleans the folder.
    const store = createFileStore({ documentsDir: docs, userDataDir: tmp('som-leftovers-data-') });
    expect(store.list().map((e) => e.fileName).sort()).toEqual([files.freshEmpty, files.real].sort());
    expect(readdirSync(docs).sort()).toEqual(['.backups', files.freshTmp, files.freshEmpty, files.real].sort());
    expect(readdirSync(path.join(docs, '.backups'))).toEqual([]);
  });
});
