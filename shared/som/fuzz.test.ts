 
/**
 * Fuzzing the reader: thousands of deterministically mutated fixture files. Each must either
 * load (and then calculate to finite figures and round-trip) or be rejected with a
 * SomFileError carrying a one-line Danish message. Anything else (TypeError, RangeError, …) fails.
 */
import { describe, expect, it } from 'vitest';
import { SomFileError, parseSom, serializeSom } from './io';
import { calculate, toResultsJson } from '../engine/calc';
import { seededRandom } from '../engine/synthetic';
import { goldenNames, readGolden } from '../../test-support/golden';

const fixtures = goldenNames().map((n) => readGolden(`${n}.som`));
// One more base file with every optional section, so their validation is fuzzed too.
{
  const o = JSON.parse(fixtures[0]);
  o.analysis = {
    scenarios: [{ id: 's1', name: 'Pessimistisk', changes: [{ input: 'successRate', value: 0.5 }, { input: 'discountRate', value: 0.06 }] }],
    sensitivity: { successRate: { low: 0.5, high: 1.5 }, discountRates: [0, 0.035, 0.04] },
    monteCarlo: { seed: 42, draws: 1000, ranges: { costs: { low: 0.9, high: 1.3 } } },
  };
  o.report = { text: 'Rapporttekst.' };
  o.notes = [{ at: '2026-11-23T10:00:00Z', text: 'Oprettet' }];
  o.extensions = { 'x.y': { list: [1, 2, { a: null }] } };
  fixtures.push(JSON.stringify(o, null, 2));
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Rnd = () => number;

const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];

/** Every container node with the path to it. */
function nodes(root: Json): { parent: Json[] | Record<string, Json>; key: string | number }[] {
  const out: { parent: Json[] | Record<string, Json>; key: string | number }[] = [];
  const stack: Json[] = [root];
  while (stack.length) {
    const v = stack.pop() as Json;
    if (Array.isArray(v)) {
      v.forEach((c, i) => {
        out.push({ parent: v, key: i });
        stack.push(c);
      });
    } else if (v && typeof v === 'object') {
      for (const k of Object.keys(v)) {
        out.push({ parent: v, key: k });
        stack.push(v[k]);
      }
    }
  }
  return out;
}

const WEIRD_VALUES: Json[] = [
  null, true, false, 0, -0, -1, 1e308, -1e308, 5e-324, 2 ** 53 + 1, 0.1, 1e21, 20, 21, 61, 1990, 2101,
  '', 'NaN', 'Infinity', '-Infinity', '1e400', '2018', 'null', 'true', '__proto__', 'æøå', '\u0000', '\n', 'x'.repeat(300),
  [], {}, [null], [1, 2, 3], { __proto__: 1 } as unknown as Json, { constructor: 'x' }, new Array(20).fill('NaN'),
];

const DEEP_MARKER = '\u0001deep\u0001';

function setAt(parent: Json[] | Record<string, Json>, key: string | number, value: Json) {
  (parent as Record<string | number, Json>)[key] = value;
}

/** One random mutation of a parsed document (in place) or of its text. */
function mutateText(text: string, rnd: Rnd): string {
  let kind = Math.floor(rnd() * 11);
  let deepDepth = 0;
  let doc: Json = null;
  if (kind <= 6) {
    try {
      doc = JSON.parse(text) as Json;
    } catch {
      kind = 7 + Math.floor(rnd() * 4); // already broken text: mutate it as text
    }
  }
  if (kind <= 6) {
    const all = nodes(doc);
    const times = 1 + Math.floor(rnd() * 3);
    for (let t = 0; t < times; t++) {
      const n = pick(rnd, all);
      const cur = (n.parent as Record<string | number, Json>)[n.key];
      switch (kind) {
        case 0: // delete a key / array element
          if (Array.isArray(n.parent)) n.parent.splice(n.key as number, 1);
          else delete n.parent[n.key as string];
          break;
        case 1: // change the type
          setAt(n.parent, n.key, pick(rnd, WEIRD_VALUES));
          break;
        case 2: {
          // swap two values
          const m = pick(rnd, all);
          const other = (m.parent as Record<string | number, Json>)[m.key];
          setAt(n.parent, n.key, other);
          setAt(m.parent, m.key, cur);
          break;
        }
        case 3: // huge / tiny / negative numbers
          setAt(n.parent, n.key, pick(rnd, [1e308, -1e308, 1e15, -1e15, 1e-300, -5, 1e7, 123456789.123]));
          break;
        case 4: // add an unknown key / element
          if (Array.isArray(cur)) cur.push(pick(rnd, WEIRD_VALUES));
          else if (cur && typeof cur === 'object') cur[`felt${Math.floor(rnd() * 10)}`] = pick(rnd, WEIRD_VALUES);
          else setAt(n.parent, n.key, [cur]);
          break;
        case 5: {
          // deep nesting (spliced in as text below: JSON.stringify itself would overflow)
          deepDepth = pick(rnd, [10, 70, 1000, 20000]);
          setAt(n.parent, n.key, DEEP_MARKER);
          break;
        }
        default: // numbers as strings / numbers nudged
          if (typeof cur === 'number') setAt(n.parent, n.key, rnd() < 0.5 ? String(cur) : cur + pick(rnd, [-1, 1, 0.5, -1000, 1e6]));
          else if (typeof cur === 'string') setAt(n.parent, n.key, cur.slice(0, Math.floor(rnd() * cur.length)));
          else setAt(n.parent, n.key, pick(rnd, WEIRD_VALUES));
      }
    }
    const out = JSON.stringify(doc, null, rnd() < 0.5 ? 2 : 0);
    const open = rnd() < 0.5 ? '[' : '{"a":';
    const close = open === '[' ? ']' : '}';
    return out.replaceAll(`"${DEEP_MARKER}"`, open.repeat(deepDepth) + '1' + close.repeat(deepDepth));
  }
  switch (kind) {
    case 7: // truncate the text
      return text.slice(0, Math.floor(rnd() * text.length));
    case 8: {
      // random byte flips (on the UTF-8 bytes, decoded leniently)
      const bytes = new TextEncoder().encode(text);
      const flips = 1 + Math.floor(rnd() * 8);
      for (let i = 0; i < flips; i++) bytes[Math.floor(rnd() * bytes.length)] ^= 1 << Math.floor(rnd() * 8);
      return new TextDecoder().decode(bytes);
    }
    case 9: // textual number tricks JSON.parse accepts or rejects
      return text.replace(/: (\d+(\.\d+)?)/, pick(rnd, [': 1e400', ': -1e400', ': NaN', ': 0x10', ': 1_000', ': -0', ': 1E+2']));
    default: {
      // insert junk somewhere
      const at = Math.floor(rnd() * text.length);
      return text.slice(0, at) + pick(rnd, ['"', '}', ']', ',', '{"a":', '\\u0000', 'null', '\u2028', '\ud800']) + text.slice(at);
    }
  }
}

function checkAllFinite(v: unknown, at = '$'): void {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`non-finite number at ${at}`);
  } else if (Array.isArray(v)) v.forEach((x, i) => checkAllFinite(x, `${at}[${i}]`));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) checkAllFinite(x, `${at}.${k}`);
}

describe('reader fuzz', () => {
  it('every mutated file loads or throws SomFileError (≥ 2 000 files, seeded)', () => {
    const rnd = seededRandom(20261123);
    const stats = { loaded: 0, rejected: 0 };
    const messages: string[] = [];
    const N = 2400;
    for (let i = 0; i < N; i++) {
      const base = fixtures[i % fixtures.length];
      let text = mutateText(base, rnd);
      if (rnd() < 0.2) text = mutateText(text.startsWith('{') ? safeReformat(text) : base, rnd);
      let doc;
      try {
        doc = parseSom(text);
      } catch (e) {
        if (!(e instanceof SomFileError)) {
          throw new Error(`mutation ${i}: ${String(e)} is not a SomFileError\n${text.slice(0, 300)}`);
        }
        expect(e.code).toBe('invalid-file');
        expect(e.message.length).toBeGreaterThan(5);
        expect(e.message).not.toMatch(/\n|undefined|\[object|NaN/);
        stats.rejected++;
        messages.push(e.message);
        continue;
      }
      stats.loaded++;
      // A file that loads must calculate to finite figures and round-trip.
      const json = toResultsJson(calculate(doc));
      checkAllFinite(json);
      const again = serializeSom(doc);
      expect(serializeSom(parseSom(again))).toBe(again);
    }
    expect(stats.loaded + stats.rejected).toBe(N);
    if (process.env.FUZZ_VERBOSE) console.log(stats, messages.slice(0, 60));
    // The mutations are meant to exercise both paths.
    expect(stats.rejected).toBeGreaterThan(N / 2);
    expect(stats.loaded).toBeGreaterThan(20);
  });
});

/** Re-indents valid JSON (so a second mutation works on a parsed tree); leaves invalid text alone. */
function safeReformat(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}
