import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { parseSom } from '../../shared/som/io';
import type { SomDocument } from '../../shared/som/schema';
import { dispatch } from '../dispatch';
import { storeHandlers } from '../handlers/store';
import type { HandlerMap } from '../handlers/types';
import type { Deps } from '../deps';
import { createStoreDeps } from './deps';
import { hostileFiles, validExampleText } from './hostile-files';
import { createFileStore, type FileStore } from './store';
import { BACKUP_DIR, fileId } from './files';

let docs: string;
let data: string;
let store: FileStore;
let clock: number;

function example(): SomDocument {
  return parseSom(validExampleText());
}

/** SHA-256 over every file (relative path + bytes) under `dir`, recursively. */
function hashTree(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const n of readdirSync(d).sort()) {
      const p = path.join(d, n);
      const st = statSync(p);
      h.update(path.relative(dir, p) + '\u0000');
      if (st.isDirectory()) walk(p);
      else h.update(readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex');
}

beforeEach(() => {
  const root = mkdtempSync(path.join(os.tmpdir(), 'som-store-'));
  docs = path.join(root, 'docs');
  data = path.join(root, 'data');
  mkdirSync(docs);
  mkdirSync(data);
  clock = Date.parse('2026-11-23T10:00:00.000Z');
  store = createFileStore({
    documentsDir: docs,
    userDataDir: data,
    examplesDir: path.join(process.cwd(), 'data', 'examples'),
    appLabel: 'SØM Desktop test',
    now: () => new Date((clock += 1000)),
  });
});

describe('file store', () => {
  it('saves a new calculation under its name, lists and opens it', () => {
    const saved = store.save(null, example());
    expect(saved.fileName).toBe('ICM til hjemløse (kursuscase 1).som');
    expect(existsSync(path.join(docs, saved.fileName))).toBe(true);
    // A course example keeps its mark (its values are the course's) until a value comes from a release.
    expect(saved.doc.createdWith).toBe('SØM Desktop test (eksempelberegning)');
    expect(saved.doc.savedAt).toBe('2026-11-23T10:00:01.000Z');
    const list = store.list();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({
      id: saved.id,
      name: 'ICM til hjemløse (kursuscase 1)',
      targetGroup: 'Hjemløse (18-65 år)',
      startYear: 2018,
      error: null,
    });
    const opened = store.open(saved.id, { release: '2.0', sha256: 'a'.repeat(64), date: '2018-08-27' });
    expect(opened.doc.intervention.participants).toEqual([20, 20, 20]);
    expect(opened.knowledge.differs).toBe(true); // the example has no knowledge stamp
    expect(store.open(saved.id, null).knowledge.differs).toBe(false);
    const own = store.save(saved.id, { ...saved.doc, knowledge: { release: '2.0', sha256: 'a'.repeat(64) } });
    expect(own.doc.createdWith).toBe('SØM Desktop test');
    expect(store.save(null, { ...example(), createdWith: 'Et andet program' }).doc.createdWith).toBe('SØM Desktop test');
  });

  it('reports when the file was made with the same or another knowledge release', () => {
    const doc = { ...example(), knowledge: { release: '2.0', sha256: 'b'.repeat(64) } };
    const { id } = store.save(null, doc);
    expect(store.open(id, { release: '2.0', sha256: 'B'.repeat(64), date: 'x' }).knowledge.differs).toBe(false);
    expect(store.open(id, { release: '2.1', sha256: 'b'.repeat(64), date: 'x' }).knowledge.differs).toBe(true);
  });

  it('gives unique file names and keeps a backup of the previous version', () => {
    const a = store.save(null, example());
    const b = store.save(null, example());
    expect(b.fileName).toBe('ICM til hjemløse (kursuscase 1) (2).som');
    const changed = example();
    changed.intervention.participants = [30, 30, 30];
    const again = store.save(a.id, changed);
    expect(again.id).toBe(a.id);
    const bak = path.join(docs, BACKUP_DIR, `${a.fileName}.bak`);
    expect(parseSom(readFileSync(bak, 'utf8')).intervention.participants).toEqual([20, 20, 20]);
    expect(store.open(a.id, null).doc.intervention.participants).toEqual([30, 30, 30]);
    // the backup folder is not listed
    expect(store.list().map((e) => e.fileName).sort()).toEqual([a.fileName, b.fileName].sort());
  });

  it('refuses to save an invalid document with a Danish message naming the field, writing nothing', () => {
    const bad = example();
    bad.intervention.participants = [20, 20];
    const before = hashTree(docs);
    expect(() => store.save(null, bad)).toThrow(/Beregningen kan ikke gemmes: Deltagere.*præcis 3 værdier/);
    expect(hashTree(docs)).toBe(before);
  });

  it('renames (file and calculation) and duplicates', () => {
    const a = store.save(null, example());
    const renamed = store.rename(a.id, 'ICM Aarhus');
    expect(renamed.fileName).toBe('ICM Aarhus.som');
    expect(renamed.id).not.toBe(a.id);
    expect(existsSync(path.join(docs, a.fileName))).toBe(false);
    expect(store.open(renamed.id, null).doc.intervention.name).toBe('ICM Aarhus');
    expect(() => store.open(a.id, null)).toThrow(/findes ikke/);
    const dup = store.duplicate(renamed.id);
    expect(dup.name).toBe('ICM Aarhus (kopi)');
    expect(store.list()).toHaveLength(2);
    expect(() => store.rename(renamed.id, '   ')).toThrow(/1–200 tegn/);
  });

  it('deletes to the trash, restores and empties it', () => {
    const a = store.save(null, example());
    const t = store.remove(a.id);
    expect(store.list()).toHaveLength(0);
    expect(store.trashList()).toEqual([t]);
    const restored = store.trashRestore(t.id);
    expect(restored.fileName).toBe(a.fileName);
    expect(store.trashList()).toHaveLength(0);
    store.remove(restored.id);
    expect(store.trashEmpty()).toEqual({ removed: 1 });
    expect(store.trashList()).toHaveLength(0);
    expect(() => store.trashRestore('../../etc')).toThrow(/Ugyldigt id/);
    expect(() => store.trashRestore('0'.repeat(24))).toThrow(/findes ikke i papirkurven/);
  });

  it('restores from the trash under a new name when the name is taken again', () => {
    const a = store.save(null, example());
    const t = store.remove(a.id);
    store.save(null, example());
    expect(store.trashRestore(t.id).fileName).toBe('ICM til hjemløse (kursuscase 1) (2).som');
  });

  it('refuses ids that are malformed or not in the index', () => {
    store.save(null, example());
    for (const bad of ['../../etc/passwd', '', 'x'.repeat(32), '/etc/passwd', fileId('../../etc/passwd'), '0'.repeat(32)]) {
      let err: unknown;
      try {
        store.open(bad, null);
      } catch (e) {
        err = e;
      }
      expect(err, bad).toBeInstanceOf(AppError);
      expect((err as AppError).message).toMatch(/Ugyldigt id|findes ikke/);
    }
    expect(() => store.remove('../../etc/passwd')).toThrow(/Ugyldigt id/);
    expect(() => store.exportFile('../x')).toThrow(/Ugyldigt id/);
  });

  it('answers through the dispatcher with Danish error values', async () => {
    const deps = { ...createStoreDeps({ documentsDir: docs, userDataDir: data }), knowledge: { release: () => null } } as unknown as Deps;
    const r = await dispatch(storeHandlers as unknown as HandlerMap, deps, 'store.open', { id: '../../etc/passwd' });
    expect(r).toEqual({ ok: false, error: { code: 'invalid-request', message: 'Ugyldigt id for en beregning.' } });
    const ok = await dispatch(storeHandlers as unknown as HandlerMap, deps, 'store.importFile', { fileName: 'x.som', text: validExampleText() });
    expect(ok.ok).toBe(true);
  });

  it('lists a bad file already in the folder with a warning instead of failing', () => {
    store.save(null, example());
    writeFileSync(path.join(docs, 'ødelagt.som'), '{"format":"som"');
    const list = store.list();
    expect(list).toHaveLength(2);
    const bad = list.find((e) => e.fileName === 'ødelagt.som');
    expect(bad?.error).toMatch(/ikke gyldig JSON/);
    expect(() => store.open(bad!.id, null)).toThrow(/Filen «ødelagt.som» kan ikke åbnes/);
  });

  it('imports a valid file with a path-like or reserved name safely inside the store', () => {
    const outside = path.dirname(docs);
    const before = readdirSync(outside).sort();
    const a = store.importText('../x.som', validExampleText());
    expect(a.fileName).toBe('x.som');
    const b = store.importText('CON.som', validExampleText());
    expect(b.fileName).toBe('CON_.som');
    const c = store.importText('a\u0000b/..\\c.som', validExampleText());
    expect(c.fileName).toBe('c.som');
    const d = store.importText('..', validExampleText());
    expect(d.fileName).toBe('Beregning.som');
    expect(readdirSync(outside).sort()).toEqual(before);
    expect(store.list()).toHaveLength(4);
  });

  it('exports the file text unchanged', () => {
    const e = store.importText('mine.som', validExampleText());
    expect(store.exportFile(e.id)).toEqual({ fileName: 'mine.som', text: validExampleText() });
  });

  it('imports from a path (Electron) and opens files already in the store without copying', () => {
    const src = path.join(path.dirname(docs), 'ude.som');
    writeFileSync(src, validExampleText());
    const a = store.importFromPath(src);
    expect(store.list()).toHaveLength(1);
    const again = store.importFromPath(path.join(docs, 'ude.som'));
    expect(again.id).toBe(a.id);
    expect(store.list()).toHaveLength(1);
    writeFileSync(src, '{');
    expect(() => store.importFromPath(src)).toThrow(/Filen «ude.som» kan ikke åbnes/);
    expect(store.list()).toHaveLength(1);
  });

  it('keeps unsaved work in the recovery area: save, list, open, discard', () => {
    const doc = example();
    doc.intervention.name = 'Ikke gemt';
    store.recoverySave('abcdef12-3456', doc, null);
    const saved = store.save(null, example());
    store.recoverySave('fedcba98-7654', example(), saved.id);
    const list = store.recoveryList();
    expect(list.map((r) => r.name).sort()).toEqual(['ICM til hjemløse (kursuscase 1)', 'Ikke gemt']);
    expect(list.find((r) => r.key === 'fedcba98-7654')?.fileId).toBe(saved.id);
    expect(store.recoveryOpen('abcdef12-3456').doc.intervention.name).toBe('Ikke gemt');
    expect(store.recoveryDiscard('abcdef12-3456')).toEqual({ removed: true });
    expect(store.recoveryList()).toHaveLength(1);
    expect(() => store.recoveryOpen('../../x')).toThrow(/Ugyldig nøgle/);
    expect(() => store.recoveryOpen('abcdef12-3456')).toThrow(/findes ikke/);
    // the recovery area is in userData, not in the store folder
    expect(readdirSync(path.join(data, 'recovery'))).toHaveLength(1);
  });

  it('persists the store folder in settings.json', () => {
    expect(store.settings()).toEqual({ folder: docs, isDefault: true });
    const other = path.join(path.dirname(docs), 'andet');
    store.setFolder(other);
    expect(JSON.parse(readFileSync(path.join(data, 'settings.json'), 'utf8'))).toEqual({ storeDir: other });
    const s2 = createFileStore({ documentsDir: docs, userDataDir: data });
    expect(s2.settings()).toEqual({ folder: other, isDefault: false });
    s2.save(null, example());
    expect(readdirSync(other).filter((n) => n.endsWith('.som'))).toHaveLength(1);
    expect(() => s2.setFolder('relativ/sti')).toThrow(/fuld sti/);
    s2.setFolder(null);
    expect(s2.settings().isDefault).toBe(true);
  });

  it('lists the three course examples and copies one into the store', () => {
    const ex = store.examples();
    // In the course's order, case 2 on SØM's own target group.
    expect(ex.map((e) => e.id)).toEqual(['icm-hjemloese', 'skole-angst', 'psykiatri-alkohol']);
    expect(ex.map((e) => /kursuscase (\d)/.exec(e.name)?.[1])).toEqual(['1', '2', '3']);
    expect(ex[1].targetGroup).toBe('Børn og unge med angst, depression eller anden affektiv lidelse: 6-13 år');
    for (const e of ex) expect(e.description).toMatch(/illustrative kursustal/);
    for (const e of ex) expect(e.description).not.toMatch(/testcase/);
    // Each example's target group and success measure are in the knowledge release.
    const knowledge = (f: string) => JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../data/knowledge', f), 'utf8')) as { id: string; targetGroupId?: string }[];
    const groups = knowledge('target-groups.json');
    const measures = [...knowledge('success-measures.json'), ...knowledge('success-measures-illustrative.json')];
    for (const e of ex) {
      const tg = store.open(store.createFromExample(e.id).id, null).doc.intervention.targetGroup;
      expect(groups.some((g) => g.id === tg.id), e.id).toBe(true);
      expect(measures.some((m) => m.id === tg.successMeasureId && m.targetGroupId === tg.id), e.id).toBe(true);
    }
    const entry = store.createFromExample('skole-angst');
    expect(entry.error).toBeNull();
    expect(store.open(entry.id, null).doc.intervention.yearsWithIntervention).toBe(1);
    expect(() => store.createFromExample('../icm')).toThrow(/Ugyldigt id/);
    expect(() => store.createFromExample('findes-ikke')).toThrow(/findes ikke/);
  });
});

describe('hostile files', () => {
  const files = hostileFiles();
  it('has at least 20 of them', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });
  for (const f of files) {
    it(`refuses: ${f.title}`, () => {
      store.save(null, example());
      const before = hashTree(docs);
      const text = new TextDecoder('utf-8').decode(f.bytes);
      let err: unknown;
      try {
        store.importText(f.fileName, text);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(AppError);
      const msg = (err as AppError).message;
      expect(msg).toMatch(/^Filen «.*» kan ikke importeres\. /);
      // Danish, names the problem, and no JS internals
      expect(msg).not.toMatch(/undefined|TypeError|SyntaxError|Unexpected token|\[object/);
      expect(hashTree(docs)).toBe(before);
      // the same bytes from a path (Electron) are refused too
      const p = path.join(path.dirname(docs), 'hostile.som');
      writeFileSync(p, f.bytes);
      expect(() => store.importFromPath(p)).toThrow(AppError);
      expect(hashTree(docs)).toBe(before);
    });
  }
});
