import { describe, expect, it } from 'vitest';
import { calculate } from './calc';
import { calculatePreview } from './preview';
import { syntheticDoc } from './synthetic';
import { goldenNames, goldenSom } from '../../test-support/golden';

describe('calculatePreview', () => {
  const docs = [
    ...goldenNames().map((name) => ({ name, doc: goldenSom(name) })),
    ...[1, 2, 3, 4, 5].map((seed) => ({ name: `synthetic ${seed}`, doc: syntheticDoc({ lines: 20, cohorts: 5, seed }) })),
  ];
  it.each(docs)('shows what calculate gives for $name', ({ doc }) => {
    const full = calculate(doc);
    const p = calculatePreview(doc);
    expect(p.period).toEqual(full.period);
    expect(p.priceYear).toBe(full.priceYear);
    expect(p.priceYearIndex).toEqual(full.priceYearIndex);
    expect(p.warnings).toEqual(full.warnings);
    for (const a of ['kommune', 'region', 'stat', 'alle'] as const) expect(p.actors[a]).toEqual(full.actors[a]);
  });
});
