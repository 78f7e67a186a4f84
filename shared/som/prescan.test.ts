/**
 * The structural pre-scan: hostile shapes are refused before JSON.parse builds anything (counted by
 * spying on JSON.parse and on the schema), valid files pass it untouched. Times are in bench/hostile.bench.ts.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_SOM_BYTES, parseSom, SomFileError } from './io';
import { MAX_SOM_DEPTH, MAX_SOM_VALUES, prescanSom, SOM_ARRAY_LIMITS } from './prescan';
import { somDocumentSchema } from './schema';
import { hugeParticipantsText as hugeParticipants } from '../../src-main/store/hostile-files';
import { GOLDEN_DIR } from '../../test-support/golden';

const root = path.resolve(import.meta.dirname, '..', '..');
const example = readFileSync(path.join(root, 'data', 'examples', 'icm-hjemloese.som'), 'utf8');

afterEach(() => vi.restoreAllMocks());

function refusedWithoutParsing(text: string): SomFileError {
  const parse = vi.spyOn(JSON, 'parse');
  const schema = vi.spyOn(somDocumentSchema, 'safeParse');
  let err: unknown = null;
  try {
    parseSom(text);
  } catch (e) {
    err = e;
  }
  expect(parse).not.toHaveBeenCalled();
  expect(schema).not.toHaveBeenCalled();
  expect(err).toBeInstanceOf(SomFileError);
  return err as SomFileError;
}

describe('prescanSom', () => {
  it('the 5 MiB file with 1,75 million participants is refused before JSON.parse, naming the field', () => {
    const text = hugeParticipants();
    expect(new TextEncoder().encode(text).length).toBeLessThanOrEqual(MAX_SOM_BYTES);
    expect(new TextEncoder().encode(text).length).toBeGreaterThan(MAX_SOM_BYTES - 16);
    const scan = prescanSom(text);
    expect(scan).toMatchObject({ ok: false, reason: 'length', path: 'intervention.participants', limit: 20 });
    expect(text.split(',').length).toBeGreaterThan(1_700_000);
    const e = refusedWithoutParsing(text);
    expect(e.message).toBe('Deltagere: har mere end 20 værdier, men må højst have 20.');
    expect(e.path).toEqual(['intervention', 'participants']);
  });

  it('every limited array is refused one past its limit, and accepted at it', () => {
    const doc = JSON.parse(example);
    const line = doc.lines[0];
    const set = (o: Record<string, unknown>, keys: string[], v: unknown) => {
      let cur = o;
      for (const k of keys.slice(0, -1)) cur = (k === '*' ? (cur as unknown as unknown[])[0] : cur[k]) as Record<string, unknown>;
      cur[keys.at(-1)!] = v;
    };
    for (const [p, limit] of Object.entries(SOM_ARRAY_LIMITS)) {
      const d = JSON.parse(JSON.stringify(doc));
      d.lines = [JSON.parse(JSON.stringify(line))];
      d.analysis = { scenarios: [{ id: 'a', name: 'a', changes: [] }], sensitivity: {} };
      d.intervention.costModel = { overheadRate: 0, activities: [] };
      d.followUp = { asOf: '2026-01-01', years: [] };
      const keys = p.split('.');
      const filler = p === 'parameters.priceIndex' ? null : 0;
      const make = (n: number) =>
        filler === null ? Object.fromEntries(Array.from({ length: n }, (_, i) => [String(1900 + i), 100])) : Array.from({ length: n }, () => filler);
      set(d, keys, make(limit));
      expect(prescanSom(JSON.stringify(d)), `${p} at ${limit}`).toMatchObject({ ok: true });
      set(d, keys, make(limit + 1));
      expect(prescanSom(JSON.stringify(d, null, 2)), `${p} at ${limit + 1}`).toMatchObject({ ok: false, reason: 'length', path: p, limit, found: limit + 1 });
    }
  });

  it('a million empty objects in extensions are refused by the total count', () => {
    const doc = JSON.parse(example);
    doc.extensions = { x: '__X__' };
    const text = JSON.stringify(doc).replace('"__X__"', `[${'{},'.repeat(1_000_000)}{}]`);
    expect(prescanSom(text)).toMatchObject({ ok: false, reason: 'values', limit: MAX_SOM_VALUES });
    expect(refusedWithoutParsing(text).message).toContain('mere end 250.000 værdier');
  });

  it('deep nesting is refused by depth', () => {
    const doc = JSON.parse(example);
    doc.extensions = { x: '__X__' };
    const text = JSON.stringify(doc).replace('"__X__"', '['.repeat(100_000) + ']'.repeat(100_000));
    expect(prescanSom(text)).toMatchObject({ ok: false, reason: 'depth', limit: MAX_SOM_DEPTH });
    expect(refusedWithoutParsing(text).message).toContain('indlejret mere end 64 niveauer');
  });

  it('an object with many members at a place of the format is refused', () => {
    const doc = JSON.parse(example);
    const members = Array.from({ length: 20_000 }, (_, i) => `"k${i}":0`).join(',');
    const text = JSON.stringify(doc).replace('"intervention":{', `"intervention":{${members},`);
    expect(prescanSom(text)).toMatchObject({ ok: false, reason: 'length', path: 'intervention' });
  });

  it('strings with brackets, commas, colons and escaped quotes are not structure', () => {
    const doc = JSON.parse(example);
    doc.intervention.description = '[[[[ ,,,, :::: {{{{ \\" ' + ',"x":['.repeat(1_000);
    doc.notes = [{ at: '2025-01-01T00:00:00.000Z', text: '"]],}},' }];
    const text = JSON.stringify(doc, null, 2);
    expect(prescanSom(text)).toMatchObject({ ok: true });
    expect(parseSom(text).intervention.description).toBe(doc.intervention.description);
  });

  it('every valid file of the project and the golden fixtures passes', () => {
    const dirs = [path.join(root, 'data', 'examples'), GOLDEN_DIR];
    let n = 0;
    for (const dir of dirs) {
      for (const f of readdirSync(dir).filter((f) => f.endsWith('.som'))) {
        const text = readFileSync(path.join(dir, f), 'utf8');
        expect(prescanSom(text), f).toMatchObject({ ok: true });
        n++;
      }
    }
    expect(n).toBeGreaterThanOrEqual(5);
  });
});
