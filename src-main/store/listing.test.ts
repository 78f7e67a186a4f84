/**
 * Listing the store folder reads headers, not whole documents: a large or hostile file in the folder
 * costs the listing a bounded read. Timing-free: JSON.parse is watched, and no text longer than a
 * header value may reach it while listing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scanSomHeader } from '../../shared/som/header';
import { MAX_SOM_BYTES, parseSom, serializeSom } from '../../shared/som/io';
import { hugeParticipantsText, validExampleText } from './hostile-files';
import { FULL_CHECK_BYTES } from './som-entry';
import { createFileStore } from './store';

let docs: string;
let data: string;
let store: ReturnType<typeof createFileStore>;

beforeEach(() => {
  docs = mkdtempSync(path.join(os.tmpdir(), 'som-listing-docs-'));
  data = mkdtempSync(path.join(os.tmpdir(), 'som-listing-data-'));
  store = createFileStore({ documentsDir: docs, userDataDir: data });
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(docs, { recursive: true, force: true });
  rmSync(data, { recursive: true, force: true });
});

/** Runs `fn` and returns its result and the length of the longest string JSON.parse was given meanwhile. */
function watchingJsonParse<T>(fn: () => T): { result: T; longest: number; calls: number } {
  const real = JSON.parse;
  let longest = 0;
  let calls = 0;
  const spy = vi.spyOn(JSON, 'parse').mockImplementation((text: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
    calls++;
    if (typeof text === 'string') longest = Math.max(longest, text.length);
    return real(text, reviver);
  });
  try {
    return { result: fn(), longest, calls };
  } finally {
    spy.mockRestore();
  }
}

/** The example with `extra` notes: a valid file larger than FULL_CHECK_BYTES, header first (as the store writes it). */
function largeValidText(): string {
  const doc = parseSom(validExampleText());
  const notes = Array.from({ length: 400 }, (_, i) => ({ at: '2026-01-01T00:00:00.000Z', text: `Note ${i} `.padEnd(900, 'x') }));
  const text = serializeSom({ ...doc, intervention: { ...doc.intervention, name: 'Stor beregning' }, notes });
  expect(text.length).toBeGreaterThan(FULL_CHECK_BYTES);
  return text;
}

describe('the header scan', () => {
  it('finds the listed fields of a file the store wrote, and stops before the rest', () => {
    const text = serializeSom(parseSom(validExampleText()));
    const { header, complete } = scanSomHeader(text);
    const doc = parseSom(text);
    expect(complete).toBe(true);
    expect(header).toEqual({
      format: 'som',
      formatVersion: 1,
      savedAt: doc.savedAt,
      knowledgeRelease: doc.knowledge?.release ?? null,
      name: doc.intervention.name,
      targetGroupLabel: doc.intervention.targetGroup.label,
      startYear: doc.intervention.startYear,
    });
    // Everything after intervention.startYear can be cut off: the header is already complete.
    const cut = text.slice(0, text.indexOf('"yearsWithIntervention"'));
    expect(scanSomHeader(cut)).toEqual({ header, complete: true });
  });

  it('ignores same-named keys in the wrong place and leaves fields of a cut text unknown', () => {
    const text = JSON.stringify({
      lines: [{ name: 'forkert', startYear: 1 }],
      extensions: { intervention: { name: 'heller ikke' } },
      format: 'som',
      formatVersion: 1,
      knowledge: null,
      intervention: { description: 'a "quoted" \\ text', name: 'Rigtig', targetGroup: { label: 'Gruppe' }, startYear: 2026 },
      savedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(scanSomHeader(text)).toEqual({
      header: { format: 'som', formatVersion: 1, knowledgeRelease: null, name: 'Rigtig', targetGroupLabel: 'Gruppe', startYear: 2026, savedAt: '2026-01-01T00:00:00.000Z' },
      complete: true,
    });
    const cut = scanSomHeader(text.slice(0, text.indexOf('"savedAt"')));
    expect(cut.complete).toBe(false);
    expect(cut.header.savedAt).toBeUndefined();
  });
});

describe('listing the store folder', () => {
  it('lists a large valid file from its header, without parsing the document', () => {
    writeFileSync(path.join(docs, 'stor.som'), largeValidText());
    const { result, longest } = watchingJsonParse(() => store.list());
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({ fileName: 'stor.som', name: 'Stor beregning', error: null });
    expect(result[0].startYear).toBe(parseSom(validExampleText()).intervention.startYear);
    expect(longest).toBeLessThan(4096);
    // Opening it is the full check, and it passes.
    expect(store.open(result[0].id, null).doc.notes).toHaveLength(400);
  });

  it('a hostile 5 MiB file (1,75 million participants) does not hold up the listing; opening it refuses it, and the listing then says so', () => {
    const hostile = hugeParticipantsText();
    expect(new TextEncoder().encode(hostile).byteLength).toBeLessThanOrEqual(MAX_SOM_BYTES);
    writeFileSync(path.join(docs, 'deltagere.som'), hostile);
    store.importText('god.som', validExampleText());
    const { result, longest } = watchingJsonParse(() => store.list());
    expect(result.map((e) => e.fileName)).toEqual(['deltagere.som', 'god.som']);
    expect(longest).toBeLessThan(100_000);
    // Listed from its header (the full check is the opening).
    const bad = result[0];
    expect(bad).toMatchObject({ name: parseSom(validExampleText()).intervention.name, error: null });
    expect(() => store.open(bad.id, null)).toThrow(/Filen «deltagere.som» kan ikke åbnes\. [\s\S]*har mere end/);
    expect(store.list()[0].error).toMatch(/har mere end/);
  });

  it('a hostile file with its header after the huge array is refused by the structure scan, still without parsing it', () => {
    const doc = JSON.parse(hugeParticipantsText()) as Record<string, unknown> & { intervention: Record<string, unknown> };
    const { participants, ...rest } = doc.intervention;
    // participants first, everything the listing shows after it.
    const reordered = { intervention: { participants, ...rest }, ...Object.fromEntries(Object.entries(doc).filter(([k]) => k !== 'intervention')) };
    writeFileSync(path.join(docs, 'omvendt.som'), JSON.stringify(reordered));
    const { result, longest } = watchingJsonParse(() => store.list());
    expect(result).toHaveLength(1);
    expect(result[0].error).toMatch(/har mere end/);
    expect(longest).toBeLessThan(100_000);
  });

  it('small files are still checked in full (a broken one is listed with its message)', () => {
    writeFileSync(path.join(docs, 'forkert.som'), JSON.stringify({ ...JSON.parse(validExampleText()), formatVersion: 9 }));
    const [e] = store.list();
    expect(e.error).toMatch(/nyere version/);
  });
});
