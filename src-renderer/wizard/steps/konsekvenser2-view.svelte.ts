/**
 * What Konsekvenser 2 shows: which areas are open, and whether all 20 years or only the period's
 * years are shown. Kept per calculation while it is open (leaving the step and coming back keeps it).
 */
import { ACTORS, YEARS_PER_LINE, type SomDocument } from '../../../shared/som/schema';
import type { Calculation } from '../calculation.svelte';

export class Konsekvenser2View {
  /** Open areas by name. */
  open: Record<string, boolean> = $state({});
  /** All 20 years are shown (otherwise År 1 up to the period's years). */
  allYears = $state(false);

  constructor(doc: SomDocument) {
    // Areas where the user has typed own values or prices start open; the rest are opened on demand.
    for (const l of doc.lines) {
      if (l.own.some((v) => v !== null) || ACTORS.some((a) => l.ownPrice[a] !== null)) this.open[l.area] = true;
    }
  }
}

const views = new WeakMap<Calculation, Konsekvenser2View>();

export function k2ViewOf(calc: Calculation): Konsekvenser2View {
  let v = views.get(calc);
  if (!v) {
    v = new Konsekvenser2View(calc.doc);
    views.set(calc, v);
  }
  return v;
}

/**
 * How many of År 1–20 can fall in the result period: År 1 of the first cohort is the year its
 * course ends (start year + ⌊(6 + months) / 12⌋), so År k lies in the period up to
 * k = periodEnd − that year + 1; at least as many years as the period has, at most 20.
 */
export function periodYearsShown(doc: SomDocument): { count: number; periodStart: number; periodEnd: number } {
  const iv = doc.intervention;
  const { periodStart, periodEnd } = doc.view;
  const firstEffect = iv.startYear + Math.floor((6 + iv.courseDurationMonths) / 12);
  const count = Math.min(YEARS_PER_LINE, Math.max(1, periodEnd - firstEffect + 1, periodEnd - periodStart + 1));
  return { count, periodStart, periodEnd };
}
