/**
 * Ready-made `.som` lines (som-format.md `lines[]`) from the knowledge database's consequences and
 * prices for one target group and success measure. Pure.
 *
 * Local prices (the user's own, from the user database) become the line's `price` with the source
 * "Lokal pris (…)"; `ownPrice` stays null so the user can still override per calculation.
 */
import type { SomLine } from '../som/schema';
import type { ConsequenceLine, LinesForResult, LocalPrice, OtherKnowledge, PriceRow } from './types';

const nulls = <T,>(n: number): (T | null)[] => Array.from({ length: n }, () => null);

export function priceIndexObject(o: OtherKnowledge): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of o.priceIndex.rows) out[String(r.year)] = r.value;
  return out;
}

/** p × I(to) / I(from), nearest index year when outside (model.md §4). */
export function movePrice(p: number, from: number, to: number, index: Record<string, number>): number {
  const years = Object.keys(index).map(Number).sort((a, b) => a - b);
  if (!years.length) return p;
  const near = (y: number) => index[String(Math.min(Math.max(y, years[0]), years[years.length - 1]))];
  return (p * near(to)) / near(from);
}

export function localPriceSource(l: LocalPrice): string {
  return `Lokal pris (${l.targetGroupId ? 'denne målgruppe' : 'alle målgrupper'}, ${l.priceYear}-priser, ændret ${l.updatedAt.slice(0, 10)}${l.note ? `: ${l.note}` : ''})`;
}

export function buildSomLines(args: {
  lines: ConsequenceLine[];
  prices: PriceRow[];
  other: OtherKnowledge;
}): { lines: SomLine[]; notes: string[] } {
  const index = priceIndexObject(args.other);
  const byDim = new Map(args.prices.map((p) => [p.dimensionId, p]));
  const notes: string[] = [];
  const lines = args.lines.map((c): SomLine => {
    const p = byDim.get(c.dimensionId);
    let price: SomLine['price'];
    if (p?.local) {
      const l = p.local;
      const fill = (own: number | null, kn: number) => own ?? Math.round(movePrice(kn, p.priceYear, l.priceYear, index) * 100) / 100;
      price = { priceYear: l.priceYear, kommune: fill(l.kommune, p.kommune), region: fill(l.region, p.region), stat: fill(l.stat, p.stat), source: localPriceSource(l) };
      notes.push(`${c.label}: lokal pris anvendt.`);
    } else if (p) {
      price = { priceYear: p.priceYear, kommune: p.kommune, region: p.region, stat: p.stat, source: p.source };
    } else {
      price = { priceYear: args.other.priceIndex.basisYear, kommune: 0, region: 0, stat: 0, source: 'Ingen pris i vidensdatabasen' };
      notes.push(`${c.label}: ingen pris i vidensdatabasen; angiv en egen pris.`);
    }
    return {
      id: c.dimensionId,
      dimensionId: c.dimensionId,
      label: c.label,
      area: c.area,
      unit: c.unit,
      direction: c.direction,
      taxableTransfer: c.taxableTransfer,
      useEstimates: true,
      estimate: [...c.values],
      estimateKind: [...c.kinds],
      own: nulls<number>(20),
      price,
      ownPrice: { kommune: null, region: null, stat: null },
    };
  });
  return { lines, notes };
}

export function linesForResult(args: {
  targetGroup: LinesForResult['targetGroup'];
  lines: ConsequenceLine[];
  prices: PriceRow[];
  other: OtherKnowledge;
  release: { release: string; sha256: string } | null;
}): LinesForResult {
  const { lines, notes } = buildSomLines(args);
  return {
    targetGroup: args.targetGroup,
    lines,
    parameters: {
      discountRate: args.other.discountRate.value,
      taxRates: { kommune: args.other.taxRates.kommune, region: args.other.taxRates.region, stat: args.other.taxRates.stat },
      priceIndex: priceIndexObject(args.other),
    },
    knowledge: args.release,
    uncertainDimensionIds: args.lines.filter((l) => l.uncertainSocialService).map((l) => l.dimensionId),
    notes,
  };
}
