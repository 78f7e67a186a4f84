/**
 * The JSON of `som compare` (../shared/docs/som-format.md "Comparison as JSON"): the common basis,
 * each member's and the portfolio's figures per actor. Pure.
 */
import type { ByActor, ViewActor } from './calc';
import type { CompareBasis } from './compare-basis';
import type { CompareResult } from './compare';

export interface CompareJsonMemberActor {
  pvGains: number;
  pvCosts: number;
  pvNet: number;
  net: number[];
}
export interface CompareJsonPortfolioActor extends CompareJsonMemberActor {
  breakEvenYear: number | null;
}
export interface CompareJson {
  basis: CompareBasis;
  years: number[];
  members: { name: string; startYear: number; actors: ByActor<CompareJsonMemberActor> }[];
  portfolio: { participants: number; actors: ByActor<CompareJsonPortfolioActor> };
  warnings: string[];
}

function byActor<T>(f: (a: ViewActor) => T): ByActor<T> {
  return { kommune: f('kommune'), region: f('region'), stat: f('stat'), alle: f('alle') };
}

export function toCompareJson(r: CompareResult): CompareJson {
  return {
    basis: {
      priceYear: r.basis.priceYear,
      discountRate: r.basis.discountRate,
      periodStart: r.basis.periodStart,
      periodEnd: r.basis.periodEnd,
    },
    years: [...r.years],
    members: r.members.map((m) => ({
      name: m.name,
      startYear: m.startYear,
      actors: byActor((a) => {
        const f = m.common[a];
        return { pvGains: f.pvGains, pvCosts: f.pvCosts, pvNet: f.pvNet, net: [...f.net] };
      }),
    })),
    portfolio: {
      participants: r.portfolio.participants,
      actors: byActor((a) => {
        const f = r.portfolio.actors[a];
        return { pvGains: f.pvGains, pvCosts: f.pvCosts, pvNet: f.pvNet, net: [...f.net], breakEvenYear: f.breakEvenYear };
      }),
    },
    warnings: [...r.warnings],
  };
}
