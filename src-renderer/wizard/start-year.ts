import { LIMITS } from '../../shared/som/schema';
import type { PriceIndexKind } from '../../shared/knowledge/price-index';

/**
 * The start years a calculation's price index can serve (the start year is the price year, so it
 * must lie inside the index), and a note for the field: the range, and up to which year the index
 * holds actual values and from which it is projected, where that is known.
 */
export function startYearRange(index: Readonly<Record<string, number>>, kinds: Readonly<Record<string, PriceIndexKind>> = {}): { min: number; max: number; note: string } {
  const years = Object.keys(index).map(Number).filter(Number.isInteger).sort((a, b) => a - b);
  if (years.length === 0) return { min: LIMITS.minYear, max: LIMITS.maxYear, note: 'Beregningen har intet prisindeks.' };
  const min = Math.max(LIMITS.minYear, years[0]);
  const max = Math.min(LIMITS.maxYear, years[years.length - 1]);
  const projected = years.filter((y) => kinds[String(y)] === 'projected');
  const lastActual = years.filter((y) => kinds[String(y)] === 'actual').pop();
  let note = `Prisindekset dækker ${min}–${max}; startåret er også prisåret.`;
  if (lastActual !== undefined && projected.length > 0) note += ` Faktiske tal til og med ${lastActual}, fremskrevet fra ${projected[0]}.`;
  return { min, max, note };
}
