/**
 * The shipped net price index (nettoprisindeks), derived from its sources:
 * - actual years: Danmarks Statistik's annual averages of the monthly index, for every year with
 *   all twelve months published, rebased so that the basis year is 1,00;
 * - years before the first actual year: chained backwards with SØM v2.0's printed yearly changes,
 *   I(y − 1) = I(y) / (1 + change(y));
 * - years after the last actual year: projected at a stated yearly rate, through `through`.
 * Values are rounded to four decimals (as Danmarks Statistik's rebased figures are quoted); the
 * chain itself runs unrounded.
 */

export type PriceIndexKind = 'actual' | 'projected';

export interface PriceIndexSources {
  basisYear: number;
  through: number;
  dst: { source: string; monthly: Record<string, (number | null)[]> };
  som: { source: string; values: { year: number; value: number; publishedChange?: number | null }[] };
  projection: { rate: number; source: string };
}

export interface ShippedIndexRow {
  year: number;
  value: number;
  kind: PriceIndexKind;
  /** The yearly change the value rests on where a source states it (SØM's change, the projection rate); else null. */
  publishedChange: number | null;
}

export interface ShippedIndex {
  basisYear: number;
  values: ShippedIndexRow[];
  source: string;
  note: string;
  projection: { rate: number; source: string };
}

const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

/** Annual averages of the years with all twelve months, in year order. */
export function annualAverages(monthly: Record<string, (number | null)[]>): { year: number; value: number }[] {
  return Object.keys(monthly)
    .map(Number)
    .filter((y) => Number.isInteger(y))
    .sort((a, b) => a - b)
    .flatMap((year) => {
      const m = monthly[String(year)];
      if (m.length !== 12 || m.some((v) => typeof v !== 'number' || !Number.isFinite(v))) return [];
      return [{ year, value: (m as number[]).reduce((s, v) => s + v, 0) / 12 }];
    });
}

export function deriveShippedIndex(src: PriceIndexSources): ShippedIndex {
  const annual = annualAverages(src.dst.monthly);
  const basis = annual.find((a) => a.year === src.basisYear);
  if (!basis) throw new Error(`Danmarks Statistiks tal mangler et helt år for basisåret ${src.basisYear}.`);
  for (let i = 1; i < annual.length; i++) {
    if (annual[i].year !== annual[i - 1].year + 1) throw new Error(`Danmarks Statistiks årstal har et hul før ${annual[i].year}.`);
  }
  const exact = new Map<number, number>(annual.map((a) => [a.year, a.value / basis.value]));
  const rows: ShippedIndexRow[] = annual.map((a) => ({ year: a.year, value: round4(exact.get(a.year)!), kind: 'actual', publishedChange: null }));

  const first = annual[0].year;
  const somChange = new Map(src.som.values.map((v) => [v.year, v.publishedChange ?? null]));
  const before: ShippedIndexRow[] = [];
  let value = exact.get(first)!;
  for (let y = first; somChange.get(y) !== undefined && somChange.get(y) !== null && somChange.has(y - 1); y--) {
    const change = somChange.get(y)!;
    value = value / (1 + change);
    before.unshift({ year: y - 1, value: round4(value), kind: 'actual', publishedChange: somChange.get(y - 1) ?? null });
  }

  const last = annual[annual.length - 1].year;
  const after: ShippedIndexRow[] = [];
  value = exact.get(last)!;
  for (let y = last + 1; y <= src.through; y++) {
    value = value * (1 + src.projection.rate);
    after.push({ year: y, value: round4(value), kind: 'projected', publishedChange: src.projection.rate });
  }

  const pct = (r: number) => `${(r * 100).toFixed(1).replace('.', ',')} %`;
  const chained = before.length > 0 ? `${before[0].year}–${before[before.length - 1].year}` : null;
  return {
    basisYear: src.basisYear,
    values: [...before, ...rows, ...after],
    source:
      `${src.dst.source}: årsgennemsnit ${first}–${last}, omregnet til basis ${src.basisYear} = 1,00.` +
      (chained ? ` ${chained}: kædet bagud med de årlige ændringer i ${src.som.source}.` : '') +
      ` ${last + 1}–${src.through}: fremskrevet med ${pct(src.projection.rate)} om året.`,
    note: `Faktiske tal til og med ${last}; fra ${last + 1} er indekset fremskrevet. ${src.projection.source}`,
    projection: { ...src.projection },
  };
}

/**
 * Actual/projected for the years of a calculation's price index whose value is the release's value
 * for that year (a document with its own index, or from another release, gets tags only where
 * the values agree).
 */
export function indexKindsFor(index: Readonly<Record<string, number>>, rows: readonly { year: number; value: number; kind: PriceIndexKind | null }[]): Record<string, PriceIndexKind> {
  const out: Record<string, PriceIndexKind> = {};
  for (const r of rows) {
    const v = index[String(r.year)];
    if (r.kind && v !== undefined && Math.abs(v - r.value) <= 1e-9 * Math.max(1, Math.abs(r.value))) out[String(r.year)] = r.kind;
  }
  return out;
}
