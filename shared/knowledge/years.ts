/**
 * Consequence years (model.md §3): measured years are 'estimate'; after the last measured year
 * a straight line tapers to 0 in År 20, tagged 'forecast'. Pure.
 */
import type { EstimateKind } from './types';

export const YEAR_COUNT = 20;

export interface ExpandedYears {
  values: (number | null)[];
  kinds: (EstimateKind | null)[];
}

/** Expand measured År 1…m into År 1–20. Nulls stay nulls (not estimated); no taper when nothing is measured. */
export function expandMeasured(measured: readonly (number | null)[]): ExpandedYears {
  const values: (number | null)[] = [];
  const kinds: (EstimateKind | null)[] = [];
  let last = -1;
  for (let i = 0; i < measured.length && i < YEAR_COUNT; i++) {
    const v = measured[i];
    values.push(v ?? null);
    kinds.push(v === null || v === undefined ? null : 'estimate');
    if (v !== null && v !== undefined) last = i;
  }
  while (values.length < YEAR_COUNT) {
    values.push(null);
    kinds.push(null);
  }
  if (last >= 0) {
    const m = last + 1; // År of the last measured value
    const v = values[last] as number;
    for (let k = m + 1; k <= YEAR_COUNT; k++) {
      values[k - 1] = (v * (YEAR_COUNT - k)) / (YEAR_COUNT - m);
      kinds[k - 1] = 'forecast';
    }
  }
  return { values, kinds };
}

/** Pad a partial row (success group, others, adjustment) to 20 years. */
export function padYears(row: readonly (number | null)[] | undefined): (number | null)[] | null {
  if (!row) return null;
  const out: (number | null)[] = [];
  for (let i = 0; i < YEAR_COUNT; i++) out.push(row[i] ?? null);
  return out;
}

/** Inverse of expandMeasured for a stored line: the measured prefix (up to the last 'estimate' year). */
export function measuredPrefix(values: readonly (number | null)[], kinds: readonly (EstimateKind | null)[]): (number | null)[] {
  let last = -1;
  kinds.forEach((k, i) => {
    if (k === 'estimate') last = i;
  });
  return values.slice(0, last + 1).map((v) => v ?? null);
}
