import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { syntheticDoc, seededRandom } from '../engine/synthetic';
import { parseSom } from './io';
import type { SomDocument } from './schema';
import { SomPartsValidator, somMembersOf, somTextOf } from './validate-parts';

const here = path.dirname(fileURLToPath(import.meta.url));
const GOLDEN = path.resolve(here, '../../../shared/fixtures/golden');

type Outcome = { doc: SomDocument } | { error: string; path: readonly (string | number)[] };

function outcome(fn: () => SomDocument): Outcome {
  try {
    return { doc: fn() };
  } catch (e) {
    const err = e as Error & { path?: readonly (string | number)[] };
    return { error: `${err.name}: ${err.message}`, path: err.path ?? [] };
  }
}

/** Changes a document the way editing (or a broken file) can: valid values, invalid ones, rules across fields. */
function mutate(d: SomDocument, base: SomDocument, r: () => number): SomDocument {
  const doc = structuredClone(d) as SomDocument & Record<string, unknown>;
  const iv = doc.intervention;
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const line = () => doc.lines[Math.floor(r() * doc.lines.length)];
  switch (Math.floor(r() * 16)) {
    case 0:
    case 1:
      iv.participants[Math.floor(r() * iv.participants.length)] = Math.round(r() * 500);
      break;
    case 2:
      iv.participants[0] = -5;
      break;
    case 3:
      iv.yearsWithIntervention = Math.min(20, iv.yearsWithIntervention + 1);
      break;
    case 4:
      if (doc.lines.length) line().own[Math.floor(r() * 20)] = r() < 0.8 ? Math.round(r() * 100) / 10 : 2e6;
      break;
    case 5:
      if (doc.lines.length > 1) doc.lines[1].id = doc.lines[0].id;
      break;
    case 6:
      doc.view = { ...doc.view, periodStart: iv.startYear - 1 };
      break;
    case 7:
      doc.foo = 1;
      break;
    case 8:
      doc.extensions = { a: [1, 2, 3] };
      break;
    case 9:
      if (doc.analysis) delete doc.analysis;
      else doc.analysis = { monteCarlo: { seed: 5, draws: 1000 } } as SomDocument['analysis'];
      break;
    case 10:
      if (doc.lines.length) doc.lines.push({ ...structuredClone(line()), id: `kopi-${Math.floor(r() * 1e6)}` });
      break;
    case 11:
    case 12:
      return structuredClone(base);
    case 13:
      doc.parameters.discountRate = pick([0.03, 0.5, 0.04]);
      break;
    case 14:
      if (doc.lines.length) line().estimate.push(1);
      break;
    case 15:
      iv.costs.kommune[0] = pick([1000, -1, 2e12, 123.5]);
      break;
  }
  return doc;
}

describe('SomPartsValidator', () => {
  it('the members give back the text JSON.stringify gives', () => {
    const doc = syntheticDoc({ lines: 5, cohorts: 3, seed: 2 });
    expect(somTextOf(somMembersOf(doc))).toBe(JSON.stringify(doc));
  });

  const cases: [string, SomDocument][] = [
    ['synthetic 20 lines', syntheticDoc({ lines: 20, cohorts: 5, seed: 42 })],
    ...fs
      .readdirSync(GOLDEN)
      .filter((f) => f.endsWith('.som'))
      .map((f): [string, SomDocument] => [f, parseSom(fs.readFileSync(path.join(GOLDEN, f), 'utf8'))]),
  ];
  for (const [name, base] of cases) {
    it(`gives exactly parseSom's document or error over a sequence of edits (${name})`, () => {
      const r = seededRandom(name.length * 31 + 7);
      const v = new SomPartsValidator();
      let doc = structuredClone(base);
      let valid = 0;
      let invalid = 0;
      for (let step = 0; step < 250; step++) {
        const want = outcome(() => parseSom(JSON.stringify(doc)));
        const got = outcome(() => v.validate(somMembersOf(doc)));
        expect(got, `step ${step}`).toEqual(want);
        if ('doc' in want) valid++;
        else invalid++;
        doc = mutate(doc, base, r);
      }
      // Both paths were exercised.
      expect(valid).toBeGreaterThan(20);
      expect(invalid).toBeGreaterThan(20);
    });
  }

  it('a change to one member re-checks only that member: the other members are the same objects', () => {
    const v = new SomPartsValidator();
    const doc = syntheticDoc({ lines: 10, cohorts: 5, seed: 4 });
    const a = v.validate(somMembersOf(doc));
    doc.intervention.participants[0] += 1;
    const b = v.validate(somMembersOf(doc));
    expect(b.intervention.participants[0]).toBe(a.intervention.participants[0] + 1);
    expect(b.lines[3]).toBe(a.lines[3]);
    expect(b.parameters).toBe(a.parameters);
    doc.lines[3].own[0] = 1.5;
    const c = v.validate(somMembersOf(doc));
    expect(c.lines[3].own[0]).toBe(1.5);
    expect(c.lines[2]).toBe(a.lines[2]);
  });
});
