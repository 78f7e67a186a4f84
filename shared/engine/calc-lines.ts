/**
 * Per-line arithmetic of the calculation (model.md §2–§4): when a cohort's År 1 is, the horizon,
 * the price index, a line's Δ per year, the prices that are used and the discount factors.
 */
import { ACTORS, YEARS_PER_LINE, type Actor } from '../som/basics';
import type { SomDocument, SomLine } from '../som/schema';
import type { EffectivePrice, IndexLookup } from './calc-types';

/** Year an intervention-year cohort finishes: f(y) = y + floor((6 + D) / 12) (model.md §2). */
export function finishYear(startOfCohort: number, courseDurationMonths: number): number {
  return startOfCohort + Math.floor((6 + courseDurationMonths) / 12);
}

/** Last year of the full horizon: max(f(last cohort) + 19, periodEnd). */
export function horizonEnd(doc: SomDocument, periodEnd = doc.view.periodEnd): number {
  const iv = doc.intervention;
  const last = finishYear(iv.startYear + iv.yearsWithIntervention - 1, iv.courseDurationMonths) + YEARS_PER_LINE - 1;
  return Math.max(last, periodEnd);
}

/**
 * The index entry for `year`, or the nearest year in the index (the earlier one on a tie).
 * Returns null only for an empty index.
 */
export function lookupIndex(index: Readonly<Record<string, number>>, year: number): IndexLookup | null {
  const direct = index[String(year)];
  if (typeof direct === 'number' && Object.prototype.hasOwnProperty.call(index, String(year))) {
    return { year, usedYear: year, value: direct };
  }
  let best: number | null = null;
  for (const k of Object.keys(index)) {
    const y = Number(k);
    if (!Number.isFinite(y)) continue;
    if (best === null || Math.abs(y - year) < Math.abs(best - year) || (Math.abs(y - year) === Math.abs(best - year) && y < best)) {
      best = y;
    }
  }
  return best === null ? null : { year, usedYear: best, value: index[String(best)] };
}

/** Δ(k) of §3 for k = 0…19 (År k+1): own wins, else the estimate if used, else 0. */
export function lineChange(line: SomLine, k: number): number {
  const own = line.own[k];
  if (own !== null && own !== undefined) return own;
  if (line.useEstimates) {
    const e = line.estimate[k];
    if (e !== null && e !== undefined) return e;
  }
  return 0;
}

/** Whether År k+1 of the line counts as forecast (for the Monte Carlo split): estimate used and tagged 'forecast'. */
export function isForecastYear(line: SomLine, k: number): boolean {
  const own = line.own[k];
  if (own !== null && own !== undefined) return false;
  return line.useEstimates && line.estimate[k] !== null && line.estimateKind[k] === 'forecast';
}

function priceWarning(l: IndexLookup): string {
  return `prisindeks mangler for ${l.year}; ${l.usedYear} anvendt`;
}

export function perActor<T>(f: (a: Actor) => T): Record<Actor, T> {
  return { kommune: f('kommune'), region: f('region'), stat: f('stat') };
}

export function effectivePrices(doc: SomDocument, line: SomLine, warn: (w: string) => void): Record<Actor, EffectivePrice> {
  const startYear = doc.intervention.startYear;
  const needsKnowledge = ACTORS.some((a) => line.ownPrice[a] === null);
  let factor = 1;
  let from: IndexLookup | null = null;
  let to: IndexLookup | null = null;
  if (line.price.priceYear !== startYear) {
    to = lookupIndex(doc.parameters.priceIndex, startYear);
    from = lookupIndex(doc.parameters.priceIndex, line.price.priceYear);
    if (to && from) {
      factor = to.value / from.value;
      if (needsKnowledge) {
        if (to.usedYear !== to.year) warn(priceWarning(to));
        if (from.usedYear !== from.year) warn(priceWarning(from));
      }
    }
  }
  return perActor((a) => {
    const own = line.ownPrice[a];
    const converted = line.price[a] * factor;
    return {
      priceSource: own !== null ? 'own' : 'knowledge',
      price: own !== null ? own : converted,
      knowledgePrice: line.price[a],
      knowledgePriceYear: line.price.priceYear,
      convertedKnowledgePrice: converted,
      indexFactor: factor,
      indexFrom: from,
      indexTo: to,
    };
  });
}

/** δ(t) = (1 + r)^−(t − startYear) for t = startYear … startYear + len − 1. */
export function discountFactors(r: number, len: number): number[] {
  const disc = new Array<number>(len);
  for (let i = 0; i < len; i++) disc[i] = Math.pow(1 + r, -i);
  return disc;
}
