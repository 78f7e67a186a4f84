/**
 * Comparison benchmark: `compare.20` — 20 calculations of 20 lines each (different start years),
 * put on a common basis with the portfolio, differences and warnings (goal ≤ 50 ms median).
 */
import { compare } from '../shared/engine/compare';
import { syntheticDoc } from '../shared/engine/synthetic';
import { measureSync as measure, type Figure } from './measure';

export default async function (): Promise<Record<string, Figure>> {
  const docs = Array.from({ length: 20 }, (_, i) => syntheticDoc({ lines: 20, cohorts: 5, seed: 100 + i, startYear: 2018 + (i % 6) }));
  const basis = { priceYear: 2020, discountRate: 0.035, periodStart: 2020, periodEnd: 2029 };
  return { 'compare.20': measure(() => compare(docs, basis), 200, 20) };
}
