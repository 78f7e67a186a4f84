/**
 * The engine's shared vocabulary: result keys, the sign-test tolerance and the types that
 * `prepare`, `evaluate` and `calculate` pass between them (docs: ../shared/docs/model.md §2–§7).
 */
import { ACTORS, type Actor, type ViewActor } from '../som/basics';
import type { Direction, SomLine } from '../som/schema';
import type { CostModelResult } from './costmodel';

export { ACTORS };
export type { Actor, ViewActor };
/** Result keys: the three actors and their sum 'alle' (in this order in results JSON). */
export const RESULT_ACTORS = ['kommune', 'region', 'stat', 'alle'] as const satisfies readonly ViewActor[];
export type ByActor<T> = Record<ViewActor, T>;

/** Label and area of the derived tax line of §5 (as the seeds name it). */
export const TAX_LINE_LABEL = 'Skat af indkomst: fra overførselsindkomster';
export const TAX_LINE_AREA = 'Skat af indkomst';
/** The absolute part of the sign-test tolerance ε (kr.). */
export const BREAK_EVEN_TOLERANCE = 1e-6;

/**
 * ε of the sign tests: a value whose magnitude is below `1e-9 × (Σ |flows involved|) + 1e-6` kr.
 * counts as exactly 0, so floating-point noise never decides a sign. `involved` is the sum of the
 * absolute discounted gains and net costs of the years being summed.
 */
export function signTolerance(involved: number): number {
  return 1e-9 * involved + BREAK_EVEN_TOLERANCE;
}


export interface IndexLookup {
  /** The year asked for. */
  year: number;
  /** The year whose index value was used (nearest year in the index when `year` is missing). */
  usedYear: number;
  value: number;
}

export interface EffectivePrice {
  /** 'own' when the user's override replaced the knowledge price for this actor. */
  priceSource: 'knowledge' | 'own';
  /** The price used, kr. per unit in the calculation's price year (p′). */
  price: number;
  /** The knowledge price as stored, in its own price year. */
  knowledgePrice: number;
  knowledgePriceYear: number;
  /** The knowledge price converted to the price year: p × I(startYear)/I(priceYear). */
  convertedKnowledgePrice: number;
  /** I(startYear) / I(priceYear) and the index entries used (null when no conversion was needed). */
  indexFactor: number;
  indexFrom: IndexLookup | null;
  indexTo: IndexLookup | null;
}

/** §7 figures for one actor over the period. */
export interface ActorSummary {
  pvGains: number;
  pvCosts: number;
  pvNet: number;
  /** PV of gains over the period at success rate 100 % (g1 of §7.6). */
  pvGainsAtFullSuccess: number;
  breakEvenYear: number | null;
  returnPerKrone: number | null;
  breakEvenSuccessRate: number | null;
  netGainPerParticipant: number | null;
  maxCostPerParticipant: number | null;
}

/** Yearly flows over the full horizon (index i ↔ year startYear + i) plus the §7 figures. */
export interface ActorFigures extends ActorSummary {
  /** Gains incl. tax lines, undiscounted. */
  gains: number[];
  /** Net intervention cost: costs − savedCosts. */
  costs: number[];
  net: number[];
  cumulativeNet: number[];
  discountedGains: number[];
  discountedCosts: number[];
  discountedNet: number[];
  cumulativeDiscountedNet: number[];
}

export interface Evaluation {
  years: number[];
  period: { start: number; end: number };
  /** Effective inputs of this evaluation. */
  successRate: number;
  discountRate: number;
  /** δ(t) for each year of `years`. */
  discountFactors: number[];
  actors: ByActor<ActorFigures>;
}

export interface LineResult {
  /** The line id; for a derived tax line `<source id>#skat`. */
  id: string;
  /** For a derived tax line: the id of the taxable line it comes from; else null. */
  derivedFrom: string | null;
  dimensionId: string | null;
  label: string;
  area: string;
  unit: string;
  direction: Direction;
  /** Total change in units per year over all successful participants (Σ_y S(y) Δ(t−f(y)+1)). */
  units: number[];
  /** Gain per unit of change per actor, signed (−p′ for expenses, +p′ for revenues, Σp′×rate for tax). */
  unitValue: Record<Actor, number>;
  /** Prices used; null for derived tax lines (see `unitValue`). */
  prices: Record<Actor, EffectivePrice> | null;
  gains: ByActor<number[]>;
  /** PV over the period of `gains`. */
  pv: ByActor<number>;
}

export interface AreaResult {
  area: string;
  gains: ByActor<number[]>;
  pv: ByActor<number>;
}

export interface CalcResult extends Evaluation {
  startYear: number;
  /** The price year of all amounts (= startYear). */
  priceYear: number;
  /** The price year's entry in the document's price index (nearest year when the index does not reach it). */
  priceYearIndex: IndexLookup | null;
  /** Successful participants per year of `years` (fractional). */
  successes: number[];
  totalParticipants: number;
  lines: LineResult[];
  /** Areas in order of first appearance (tax lines in TAX_LINE_AREA). */
  areas: AreaResult[];
  /** The cost model's figures (activities' PV, cost per forløb); null without a cost model. */
  costModel: CostModelResult | null;
  warnings: string[];
}

/** Changes applied by `evaluate`; all default to "as in the document". */
export interface Multipliers {
  /** Factor on the document's success rate (not clipped: the caller clips to [0, 1] if it wants). */
  successRate?: number;
  /** Absolute success rate; wins over `successRate` when both are given. */
  successRateValue?: number;
  /** Factor on gross intervention costs (`costs`); saved costs are not scaled. */
  costs?: number;
  /** Factor on Δ in measured years: estimates tagged 'estimate' (or untagged) and all own values. */
  consequencesMeasured?: number;
  /** Factor on Δ in forecast years: estimates tagged 'forecast' (only where no own value). */
  consequencesForecast?: number;
  /** Factor on every price used (knowledge and own; the tax lines follow). */
  prices?: number;
  /** Absolute discount rate. */
  discountRate?: number;
  /** Absolute last year of the period (the period start stays). */
  periodEnd?: number;
}

export interface PreparedLine {
  line: SomLine;
  coef: Record<Actor, number>;
  taxCoef: Record<Actor, number> | null;
  prices: Record<Actor, EffectivePrice>;
  /** Units per year at success rate 1, measured and forecast parts. */
  unitsMeasured: Float64Array;
  unitsForecast: Float64Array;
  /** Units per year of the cohorts with given successes (not scaled by the rate); null when none has them. */
  givenMeasured: Float64Array | null;
  givenForecast: Float64Array | null;
}

/** Inputs of `prepare` that a document does not hold. */
export interface PrepareOptions {
  /**
   * Successful participants per cohort (index i ↔ intervention year startYear + i) that replace
   * participants × successRate; null or missing = not given. Used by the follow-up's re-forecast.
   */
  cohortSuccesses?: readonly (number | null | undefined)[];
}

export interface Prepared {
  readonly startYear: number;
  readonly periodStart: number;
  readonly periodEnd: number;
  readonly successRate: number;
  readonly discountRate: number;
  /** floor((6 + D) / 12): År 1 of a cohort starting in y is y + finishOffset. */
  readonly finishOffset: number;
  /** Years with possibly non-zero flows: startYear … startYear + flowYears − 1. */
  readonly flowYears: number;
  readonly participants: readonly number[];
  readonly totalParticipants: number;
  /** Per actor (ACTORS order) per year (flowYears): gains at success rate 1 (incl. tax lines). */
  readonly gainsMeasured: readonly Float64Array[];
  readonly gainsForecast: readonly Float64Array[];
  readonly costsGross: readonly Float64Array[];
  readonly savedCosts: readonly Float64Array[];
  /** Per actor per year: gains of the cohorts with given successes (absolute, not per success); null when none. */
  readonly givenGainsMeasured: readonly Float64Array[] | null;
  readonly givenGainsForecast: readonly Float64Array[] | null;
  /** Given successes per cohort (null = participants × rate); null when no cohort has them. */
  readonly cohortSuccesses: readonly (number | null)[] | null;
  /** Every cohort has given successes: no success rate is left to break even on. */
  readonly allSuccessesGiven: boolean;
  readonly lines: readonly PreparedLine[];
  readonly warnings: readonly string[];
  /** δ(t) at the document's discount rate over the document's full horizon (reused by evaluate). */
  readonly discountFactors: readonly number[];
}
