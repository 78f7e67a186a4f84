import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSom } from '../som/io';
import type { SomDocument } from '../som/schema';
import { readdirSync } from 'node:fs';
import { isCourseExample } from '../som/course-example';
import { applyKnowledge, compareKnowledge, type CurrentKnowledge } from './knowledge-diff';

const doc = (): SomDocument =>
  parseSom(readFileSync(path.join(process.cwd(), 'data', 'examples', 'icm-hjemloese.som'), 'utf8'));

function currentFrom(d: SomDocument): CurrentKnowledge {
  return { lines: structuredClone(d.lines), parameters: structuredClone(d.parameters), knowledge: { release: '3.0', sha256: 'c'.repeat(64) } };
}

describe('isCourseExample', () => {
  it('knows every shipped course example, and no file that names its knowledge release or another writer', () => {
    const dir = path.join(process.cwd(), 'data', 'examples');
    const files = readdirSync(dir).filter((f) => f.endsWith('.som'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(isCourseExample(parseSom(readFileSync(path.join(dir, f), 'utf8'))), f).toBe(true);
    const d = doc();
    expect(isCourseExample({ ...d, knowledge: { release: '3.0', sha256: 'c'.repeat(64) } })).toBe(false);
    expect(isCourseExample({ ...d, createdWith: 'SØM Desktop 0.1.0' })).toBe(false);
  });
});

describe('compareKnowledge', () => {
  it('finds no differences when the values are the same', () => {
    const d = doc();
    const diff = compareKnowledge(d, currentFrom(d));
    expect(diff.hasDifferences).toBe(false);
    expect(diff.lines).toEqual([]);
  });

  it('reports differing estimates, colour codes, prices and parameters per line', () => {
    const d = doc();
    const cur = currentFrom(d);
    cur.lines[0].estimate[1] = -3.1;
    cur.lines[0].estimateKind[5] = 'forecast';
    cur.lines[2].price.kommune = 130;
    cur.lines[2].price.priceYear = 2020;
    cur.parameters.discountRate = 0.035;
    cur.parameters.taxRates.stat = 0.12;
    cur.parameters.priceIndex['2024'] = 1.14;
    const diff = compareKnowledge(d, cur);
    expect(diff.lines.map((l) => l.lineId)).toEqual(['kontanthjaelp', 'alkoholbehandling']);
    expect(diff.lines[0].estimates).toEqual([
      { year: 2, file: -2.4, current: -3.1 },
      { year: 6, file: -0, current: -0 },
    ]);
    expect(diff.lines[1].prices).toEqual([{ actor: 'kommune', file: 116, current: 130 }]);
    expect(diff.lines[1].priceYear).toEqual({ file: 2018, current: 2020 });
    expect(diff.parameters.discountRate).toEqual({ file: 0.04, current: 0.035 });
    expect(diff.parameters.taxRates).toEqual([{ actor: 'stat', file: 0.121, current: 0.12 }]);
    expect(diff.parameters.priceIndex).toEqual([{ year: '2024', file: null, current: 1.14 }]);
    expect(diff.hasDifferences).toBe(true);
  });

  it('reports lines the current database no longer has and new ones it has', () => {
    const d = doc();
    const cur = currentFrom(d);
    const removed = cur.lines.splice(3, 1)[0];
    cur.lines.push({ ...removed, id: 'ny', dimensionId: 'ny-dimension', label: 'Ny' });
    const diff = compareKnowledge(d, cur);
    expect(diff.lines).toEqual([expect.objectContaining({ lineId: 'beskyttet-beskaeftigelse', status: 'removed' })]);
    expect(diff.added).toEqual([{ dimensionId: 'ny-dimension', label: 'Ny', area: removed.area }]);
  });

  it('ignores user-defined lines', () => {
    const d = doc();
    d.lines[0].dimensionId = null;
    const cur = currentFrom(doc());
    cur.lines[0].estimate[0] = 99;
    expect(compareKnowledge(d, cur).lines).toEqual([]);
  });
});

describe('applyKnowledge', () => {
  it('updates only the chosen lines, keeps own values, and moves the stamp only when nothing differs', () => {
    const d = doc();
    d.lines[0].own[0] = -5;
    d.lines[0].useEstimates = false;
    const cur = currentFrom(d);
    cur.lines[0].estimate[1] = -3.1;
    cur.lines[2].price.kommune = 130;
    cur.lines[0].own[0] = null;
    const partly = applyKnowledge(d, cur, ['kontanthjaelp'], false);
    expect(partly.lines[0].estimate[1]).toBe(-3.1);
    expect(partly.lines[0].own[0]).toBe(-5);
    expect(partly.lines[0].useEstimates).toBe(false);
    expect(partly.lines[2].price.kommune).toBe(116);
    expect(partly.knowledge).toBeNull();
    expect(d.lines[0].estimate[1]).toBe(-2.4); // input untouched
    const all = applyKnowledge(d, cur, ['kontanthjaelp', 'alkoholbehandling'], true);
    expect(all.lines[2].price.kommune).toBe(130);
    expect(all.knowledge).toEqual({ release: '3.0', sha256: 'c'.repeat(64) });
    expect(compareKnowledge(all, cur).lines).toEqual([]);
  });

  it('updates the parameters when asked', () => {
    const d = doc();
    const cur = currentFrom(d);
    cur.parameters.discountRate = 0.03;
    expect(applyKnowledge(d, cur, [], false).parameters.discountRate).toBe(0.04);
    expect(applyKnowledge(d, cur, [], true).parameters.discountRate).toBe(0.03);
  });
});
