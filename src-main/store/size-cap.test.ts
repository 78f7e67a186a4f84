/**
 * One rule for the 5 MiB cap, applied to the bytes written: a file that opens can be saved again
 * (written compact when the pretty form would pass the cap), a file near the cap warns, and the
 * recovery area never drops work silently.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_SOM_BYTES, NEAR_LIMIT_BYTES, normalizeSom, parseSom, serializeSom } from '../../shared/som/io';
import type { SomDocument } from '../../shared/som/schema';
import { validExampleText } from './hostile-files';
import { createFileStore, type FileStore } from './store';

let root: string;
let docs: string;
let store: FileStore;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'som-cap-'));
  docs = path.join(root, 'docs');
  store = createFileStore({ documentsDir: docs, userDataDir: path.join(root, 'data') });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

/** A valid document whose compact JSON is under 5 MiB and whose pretty JSON is over. */
function bigDoc(): SomDocument {
  const doc = parseSom(validExampleText());
  doc.notes = Array.from({ length: 530 }, (_, i) => ({ at: '2026-01-01T00:00:00.000Z', text: `${i} ${'x'.repeat(9500)}` }));
  doc.extensions = { tal: new Array<number>(40_000).fill(0) };
  return doc;
}

describe('the cap on the bytes written', () => {
  it('a compact file under 5 MiB whose pretty form is over opens, warns, and saves, renames and duplicates', () => {
    const doc = bigDoc();
    const compact = JSON.stringify(normalizeSom(doc));
    expect(bytes(compact)).toBeLessThanOrEqual(MAX_SOM_BYTES);
    expect(bytes(serializeSom(doc))).toBeGreaterThan(MAX_SOM_BYTES);
    mkdirSync(docs, { recursive: true });
    writeFileSync(path.join(docs, 'Stor.som'), compact);

    const entry = store.list().find((e) => e.fileName === 'Stor.som')!;
    expect(entry.error).toBeNull();
    const opened = store.open(entry.id, null);
    expect(opened.sizeWarning).toMatch(/^Beregningen fylder \d,\d MiB, tæt på grænsen på 5,0 MiB for en SØM-fil\./);

    const saved = store.save(entry.id, opened.doc, { base: opened.stamp });
    expect(saved.sizeWarning).toMatch(/tæt på grænsen/);
    const written = statSync(path.join(docs, 'Stor.som')).size;
    expect(written).toBeLessThanOrEqual(MAX_SOM_BYTES);
    expect(written).toBeGreaterThanOrEqual(NEAR_LIMIT_BYTES);
    expect(saved.stamp.size).toBe(written);
    expect(parseSom(readFileSync(path.join(docs, 'Stor.som'), 'utf8')).notes).toHaveLength(530);

    const renamed = store.rename(entry.id, 'Stor omdøbt');
    expect(renamed.error).toBeNull();
    const copy = store.duplicate(renamed.id);
    expect(copy.error).toBeNull();
    expect(store.list().map((e) => e.fileName).sort()).toEqual(['Stor omdøbt (kopi).som', 'Stor omdøbt.som']);
  });

  it('a small file is written pretty and gets no warning', () => {
    const saved = store.save(null, parseSom(validExampleText()));
    expect(saved.sizeWarning).toBeNull();
    expect(readFileSync(path.join(docs, saved.fileName), 'utf8')).toBe(serializeSom(saved.doc));
  });

  it('a document over the cap even compact is refused with a Danish message, and nothing is written', () => {
    const doc = bigDoc();
    doc.report = { text: 'y'.repeat(200_000) };
    doc.notes = Array.from({ length: 600 }, (_, i) => ({ at: '2026-01-01T00:00:00.000Z', text: `${i} ${'x'.repeat(9500)}` }));
    expect(() => store.save(null, doc)).toThrow(/^Beregningen kan ikke gemmes: Beregningen fylder over 5,0 MiB, og en SØM-fil må højst fylde 5,0 MiB\./);
    expect(store.list()).toEqual([]);
  });
});

describe('the recovery area never drops work silently', () => {
  it('a document near the cap is kept and listed (written compact)', () => {
    const doc = bigDoc();
    store.recoverySave('w-0123456789ab', doc, null);
    const list = store.recoveryList();
    expect(list).toHaveLength(1);
    expect(list[0]!.error).toBeUndefined();
    expect(store.recoveryOpen('w-0123456789ab').doc.notes).toHaveLength(530);
  });

  it('a document that cannot be kept is an error, not a success', () => {
    const doc = bigDoc();
    doc.notes = Array.from({ length: 600 }, (_, i) => ({ at: '2026-01-01T00:00:00.000Z', text: `${i} ${'x'.repeat(9500)}` }));
    expect(() => store.recoverySave('w-0123456789ab', doc, null)).toThrow(/^Det ikke-gemte arbejde kunne ikke sikres\. Beregningen fylder over 5,0 MiB/);
    expect(store.recoveryList()).toEqual([]);
  });

  it('saved work that cannot be read back is listed with a Danish message, never left out', () => {
    store.recoverySave('w-0123456789ab', parseSom(validExampleText()), null);
    const file = path.join(root, 'data', 'recovery', 'w-0123456789ab.json');
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 500));
    const list = store.recoveryList();
    expect(list).toEqual([expect.objectContaining({ key: 'w-0123456789ab', name: 'Ikke-gemt arbejde', error: expect.stringMatching(/^Det ikke-gemte arbejde kan ikke læses igen\./) })]);
    expect(() => store.recoveryOpen('w-0123456789ab')).toThrow(/kan ikke læses igen/);
  });
});
