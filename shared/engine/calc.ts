/**
 * The SØM calculation (docs: ../shared/docs/model.md §2–§7; readings in docs/engine.md).
 * Pure functions only: no I/O, no clocks, no randomness.
 *
 * Two levels:
 * - `prepare(doc)` does the per-line work once (Δ per cohort and year, prices, tax lines) and
 *   keeps per actor per year: gains per success (success rate 1) split into measured-year and
 *   forecast-year parts, gross costs and saved costs.
 * - `evaluate(prepared, multipliers)` turns that into yearly flows, present values and the §7
 *   figures in O(actors × years); sensitivity and Monte Carlo call it many times.
 * `calculate(doc)` = `evaluate(prepare(doc))` plus the per-line and per-area detail.
 */
import { ACTORS, YEARS_PER_LINE, type Actor, type ViewActor } from '../som/basics';
import type { Direction, SomDocument, SomLine } from '../som/schema';
import { costModelResults, effectiveCosts, toCostModelJson, type CostModelJson, type CostModelResult } from './costmodel';

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

// ---- types -----------------------------------------------------------------------------------

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

// ---- helpers ---------------------------------------------------------------------------------

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

function perActor<T>(f: (a: Actor) => T): Record<Actor, T> {
  return { kommune: f('kommune'), region: f('region'), stat: f('stat') };
}

function effectivePrices(doc: SomDocument, line: SomLine, warn: (w: string) => void): Record<Actor, EffectivePrice> {
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

// ---- prepare ---------------------------------------------------------------------------------

/**
 * Up to `count` zeroed arrays of `len` numbers, each a view of one buffer allocated once. A small
 * Float64Array of its own costs an allocation outside the heap (about 1 µs each, and more for the
 * garbage collector), and a preparation needs two per line: with one buffer a keystroke's
 * preparation of a 20-line case allocates twice instead of some fifty times.
 */
function arena(len: number, count: number): () => Float64Array {
  const buf = new Float64Array(len * count);
  let next = 0;
  const take = () => {
    if (next >= count) throw new Error('arena: more arrays than counted');
    const view = buf.subarray(next * len, (next + 1) * len);
    next++;
    return view;
  };
  return take;
}

export function prepare(doc: SomDocument, options: PrepareOptions = {}): Prepared {
  const iv = doc.intervention;
  const s = iv.startYear;
  const n = iv.yearsWithIntervention;
  const off = Math.floor((6 + iv.courseDurationMonths) / 12);
  const T = n + off + YEARS_PER_LINE - 1;
  const warnings: string[] = [];
  const warn = (w: string) => {
    if (!warnings.includes(w)) warnings.push(w);
  };
  const participants = iv.participants.slice(0, n);
  let totalParticipants = 0;
  for (const p of participants) totalParticipants += p;

  const given = participants.map((_, i) => options.cohortSuccesses?.[i] ?? null);
  const anyGiven = given.some((g) => g !== null);
  // Every per-year array of this preparation is a view of one buffer (see `arena`): 4 arrays per
  // actor, and 2 per line (4 with given successes).
  const arr = arena(T, 3 * (anyGiven ? 6 : 4) + doc.lines.length * (anyGiven ? 4 : 2));
  const gainsMeasured = ACTORS.map(() => arr());
  const gainsForecast = ACTORS.map(() => arr());
  // With a cost model the costs are the ones its activities give (model.md §12), whatever is stored.
  const yearly = effectiveCosts(iv);
  const givenGainsMeasured = anyGiven ? ACTORS.map(() => arr()) : null;
  const givenGainsForecast = anyGiven ? ACTORS.map(() => arr()) : null;
  const costsGross = ACTORS.map((a) => {
    const out = arr();
    for (let i = 0; i < n; i++) out[i] = yearly.costs[a][i] ?? 0;
    return out;
  });
  const savedCosts = ACTORS.map((a) => {
    const out = arr();
    for (let i = 0; i < n; i++) out[i] = yearly.savedCosts[a][i] ?? 0;
    return out;
  });

  const taxRates = doc.parameters.taxRates;
  const delta = new Float64Array(YEARS_PER_LINE);
  const forecast = new Uint8Array(YEARS_PER_LINE);
  const lines: PreparedLine[] = [];
  for (const line of doc.lines) {
    const prices = effectivePrices(doc, line, warn);
    const sign = line.direction === 'expense' ? -1 : 1;
    const coef = perActor((a) => sign * prices[a].price);
    let taxCoef: Record<Actor, number> | null = null;
    if (line.taxableTransfer) {
      // §5: taxChange(actor) = Δ × (p′kommune + p′region + p′stat) × taxRate(actor), a revenue,
      // with p′ the prices actually used (own overrides included).
      const base = prices.kommune.price + prices.region.price + prices.stat.price;
      taxCoef = perActor((a) => base * taxRates[a]);
    }
    for (let k = 0; k < YEARS_PER_LINE; k++) {
      delta[k] = lineChange(line, k);
      forecast[k] = isForecastYear(line, k) ? 1 : 0;
    }
    const unitsMeasured = arr();
    const unitsForecast = arr();
    const givenMeasured = anyGiven ? arr() : null;
    const givenForecast = anyGiven ? arr() : null;
    for (let i = 0; i < n; i++) {
      // A cohort with given successes adds S(y) × Δ to the given part; any other adds participants × Δ
      // to the part that the success rate scales.
      const g = given[i];
      const p = g ?? participants[i];
      if (p === 0) continue;
      const um = g === null ? unitsMeasured : (givenMeasured as Float64Array);
      const uf = g === null ? unitsForecast : (givenForecast as Float64Array);
      const base = i + off;
      for (let k = 0; k < YEARS_PER_LINE; k++) {
        const d = delta[k];
        if (d === 0) continue;
        if (forecast[k]) uf[base + k] += p * d;
        else um[base + k] += p * d;
      }
    }
    for (let ai = 0; ai < 3; ai++) {
      const a = ACTORS[ai];
      const c = coef[a] + (taxCoef ? taxCoef[a] : 0);
      if (c === 0) continue;
      const gm = gainsMeasured[ai];
      const gf = gainsForecast[ai];
      for (let t = 0; t < T; t++) {
        gm[t] += c * unitsMeasured[t];
        gf[t] += c * unitsForecast[t];
      }
      if (givenMeasured && givenForecast && givenGainsMeasured && givenGainsForecast) {
        const xm = givenGainsMeasured[ai];
        const xf = givenGainsForecast[ai];
        for (let t = 0; t < T; t++) {
          xm[t] += c * givenMeasured[t];
          xf[t] += c * givenForecast[t];
        }
      }
    }
    lines.push({ line, coef, taxCoef, prices, unitsMeasured, unitsForecast, givenMeasured, givenForecast });
  }

  return {
    startYear: s,
    periodStart: doc.view.periodStart,
    periodEnd: doc.view.periodEnd,
    successRate: iv.effect.successRate,
    discountRate: doc.parameters.discountRate,
    finishOffset: off,
    flowYears: T,
    participants,
    totalParticipants,
    gainsMeasured,
    gainsForecast,
    costsGross,
    savedCosts,
    givenGainsMeasured,
    givenGainsForecast,
    cohortSuccesses: anyGiven ? given : null,
    allSuccessesGiven: n > 0 && given.every((g) => g !== null),
    lines,
    warnings,
    discountFactors: discountFactors(doc.parameters.discountRate, Math.max(T, doc.view.periodEnd - s + 1)),
  };
}

// ---- evaluate --------------------------------------------------------------------------------

function newFigures(len: number): ActorFigures {
  return {
    gains: new Array<number>(len),
    costs: new Array<number>(len),
    net: new Array<number>(len),
    cumulativeNet: new Array<number>(len),
    discountedGains: new Array<number>(len),
    discountedCosts: new Array<number>(len),
    discountedNet: new Array<number>(len),
    cumulativeDiscountedNet: new Array<number>(len),
    pvGains: 0,
    pvCosts: 0,
    pvNet: 0,
    pvGainsAtFullSuccess: 0,
    breakEvenYear: null,
    returnPerKrone: null,
    breakEvenSuccessRate: null,
    netGainPerParticipant: null,
    maxCostPerParticipant: null,
  };
}

/** δ(t) = (1 + r)^−(t − startYear) for t = startYear … startYear + len − 1. */
function discountFactors(r: number, len: number): number[] {
  const disc = new Array<number>(len);
  for (let i = 0; i < len; i++) disc[i] = Math.pow(1 + r, -i);
  return disc;
}

/**
 * Yearly flows, present values and §7 figures for every actor, with optional changes.
 * With no multipliers this is exactly what `calculate` reports. Cost: O(actors × years) and a
 * few small arrays; about 10 µs for a typical case.
 */
export function evaluate(p: Prepared, m: Multipliers = {}): Evaluation {
  const s = p.startYear;
  const rate = m.successRateValue ?? p.successRate * (m.successRate ?? 1);
  const costF = m.costs ?? 1;
  const mMeas = m.consequencesMeasured ?? 1;
  const mFore = m.consequencesForecast ?? 1;
  const priceF = m.prices ?? 1;
  const r = m.discountRate ?? p.discountRate;
  const periodStart = p.periodStart;
  const periodEnd = m.periodEnd ?? p.periodEnd;
  const T = p.flowYears;
  const len = Math.max(T, periodEnd - s + 1);
  const pStart = periodStart - s;
  const pEnd = periodEnd - s;

  const years = new Array<number>(len);
  for (let i = 0; i < len; i++) years[i] = s + i;
  const cached = p.discountFactors;
  const disc = r === p.discountRate && cached.length >= len ? cached.slice(0, len) : discountFactors(r, len);
  // §7.8: only cohorts that start inside the period carry a cost into it.
  let discParticipants = 0;
  let cohortsInPeriod = 0;
  for (let i = 0; i < p.participants.length; i++) {
    if (i < pStart || i > pEnd) continue;
    discParticipants += disc[i] * p.participants[i];
    cohortsInPeriod++;
  }
  // A plain array: a small Float64Array would be an allocation outside the heap on every evaluation.
  const cumAbs = new Array<number>(len).fill(0);

  const figs: ActorFigures[] = [];
  let alleG1 = 0;
  let alleAbsG1 = 0;
  let allePvGiven = 0;
  for (let ai = 0; ai < 3; ai++) {
    const f = newFigures(len);
    const gm = p.gainsMeasured[ai];
    const gf = p.gainsForecast[ai];
    const xm = p.givenGainsMeasured?.[ai];
    const xf = p.givenGainsForecast?.[ai];
    const cg = p.costsGross[ai];
    const sc = p.savedCosts[ai];
    let cum = 0;
    let cumD = 0;
    let pvG = 0;
    let pvC = 0;
    let g1 = 0;
    let abs = 0;
    let absPeriod = 0;
    let absG1 = 0;
    let pvGiven = 0;
    for (let i = 0; i < len; i++) {
      let g1t = 0;
      let gGiven = 0;
      let c = 0;
      if (i < T) {
        g1t = priceF * (mMeas * gm[i] + mFore * gf[i]);
        if (xm && xf) gGiven = priceF * (mMeas * xm[i] + mFore * xf[i]);
        c = costF * cg[i] - sc[i];
      }
      const g = xm ? rate * g1t + gGiven : rate * g1t;
      const net = g - c;
      const d = disc[i];
      cum += net;
      cumD += d * net;
      abs += Math.abs(d * g) + Math.abs(d * c);
      cumAbs[i] = abs;
      f.gains[i] = g;
      f.costs[i] = c;
      f.net[i] = net;
      f.cumulativeNet[i] = cum;
      f.discountedGains[i] = d * g;
      f.discountedCosts[i] = d * c;
      f.discountedNet[i] = d * net;
      f.cumulativeDiscountedNet[i] = cumD;
      if (i >= pStart && i <= pEnd) {
        pvG += d * g;
        pvC += d * c;
        g1 += d * g1t;
        absPeriod += Math.abs(d * g) + Math.abs(d * c);
        absG1 += Math.abs(d * g1t) + Math.abs(d * c);
        pvGiven += d * gGiven;
      }
    }
    const tol = { cumAbs, period: absPeriod, g1: absG1 };
    finishSummary(f, pvG, pvC, g1, s, p.totalParticipants, cohortsInPeriod > 0 ? discParticipants : 0, tol, pvGiven, p.allSuccessesGiven);
    alleG1 += g1;
    alleAbsG1 += absG1;
    allePvGiven += pvGiven;
    figs.push(f);
  }
  const [k, rg, st] = figs;
  const alle = newFigures(len);
  {
    let cum = 0;
    let cumD = 0;
    let pvG = 0;
    let pvC = 0;
    let abs = 0;
    let absPeriod = 0;
    for (let i = 0; i < len; i++) {
      const g = k.gains[i] + rg.gains[i] + st.gains[i];
      const c = k.costs[i] + rg.costs[i] + st.costs[i];
      const net = g - c;
      const d = disc[i];
      cum += net;
      cumD += d * net;
      abs += Math.abs(d * g) + Math.abs(d * c);
      cumAbs[i] = abs;
      alle.gains[i] = g;
      alle.costs[i] = c;
      alle.net[i] = net;
      alle.cumulativeNet[i] = cum;
      alle.discountedGains[i] = d * g;
      alle.discountedCosts[i] = d * c;
      alle.discountedNet[i] = d * net;
      alle.cumulativeDiscountedNet[i] = cumD;
      if (i >= pStart && i <= pEnd) {
        pvG += d * g;
        pvC += d * c;
        absPeriod += Math.abs(d * g) + Math.abs(d * c);
      }
    }
    const tol = { cumAbs, period: absPeriod, g1: alleAbsG1 };
    finishSummary(alle, pvG, pvC, alleG1, s, p.totalParticipants, cohortsInPeriod > 0 ? discParticipants : 0, tol, allePvGiven, p.allSuccessesGiven);
  }
  return {
    years,
    period: { start: periodStart, end: periodEnd },
    successRate: rate,
    discountRate: r,
    discountFactors: disc,
    actors: { kommune: k, region: rg, stat: st, alle },
  };
}

/** Absolute flows behind the sign tests of one actor (see `signTolerance`). */
interface Involved {
  /** Σ |discounted gains| + |discounted net costs| from the start year up to each year. */
  cumAbs: ArrayLike<number>;
  /** The same over the period. */
  period: number;
  /** The same over the period with gains at success rate 100 %. */
  g1: number;
}

function finishSummary(
  f: ActorFigures,
  pvG: number,
  pvC: number,
  g1: number,
  startYear: number,
  totalParticipants: number,
  discParticipants: number,
  involved: Involved,
  pvGiven: number,
  allSuccessesGiven: boolean,
): void {
  f.pvGains = pvG;
  f.pvCosts = pvC;
  f.pvNet = pvG - pvC;
  f.pvGainsAtFullSuccess = g1;
  f.breakEvenYear = breakEvenYear(f.cumulativeDiscountedNet, startYear, involved.cumAbs);
  const costPositive = pvC > signTolerance(involved.period);
  const g1Positive = g1 > signTolerance(involved.g1);
  f.returnPerKrone = finiteOrNull(costPositive ? pvG / pvC : null);
  // §7.6, and §13 for a re-forecast: the gains of cohorts with given successes (pvGiven) are fixed,
  // so the rate of the other cohorts must cover what is left of the cost; none when no cohort is left.
  const rest = pvC - pvGiven;
  const restPositive = rest > signTolerance(involved.period);
  f.breakEvenSuccessRate = allSuccessesGiven ? null : finiteOrNull(!restPositive ? 0 : g1Positive ? rest / g1 : null);
  f.netGainPerParticipant = finiteOrNull(totalParticipants > 0 ? f.pvNet / totalParticipants : null);
  f.maxCostPerParticipant = finiteOrNull(discParticipants > 0 ? pvG / discParticipants : null);
}

/** Ratios of (near-)degenerate inputs can overflow; report them as undefined (null), never ±Infinity. */
function finiteOrNull(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}

/**
 * §7.4: the first year t ≥ startYear such that the cumulative discounted net gain stays ≥ 0 from t
 * to the end of the full horizon; null if it ends below 0. "≥ 0" is within the ε of §7 for the
 * years up to each one (`cumAbs`, Σ |discounted flows| so far); without it, within 10⁻⁶ kr.
 */
export function breakEvenYear(
  cumulativeDiscountedNet: ArrayLike<number>,
  startYear: number,
  cumAbs?: ArrayLike<number>,
): number | null {
  const ok = (i: number) => cumulativeDiscountedNet[i] >= -signTolerance(cumAbs ? cumAbs[i] : 0);
  let i = cumulativeDiscountedNet.length - 1;
  if (i < 0 || !ok(i)) return null;
  while (i > 0 && ok(i - 1)) i--;
  return startYear + i;
}

// ---- calculate -------------------------------------------------------------------------------

function byActorArrays(len: number): ByActor<number[]> {
  return {
    kommune: new Array<number>(len).fill(0),
    region: new Array<number>(len).fill(0),
    stat: new Array<number>(len).fill(0),
    alle: new Array<number>(len).fill(0),
  };
}

/** The full calculation of a document (model.md §2–§7). */
export function calculate(doc: SomDocument, options: PrepareOptions = {}): CalcResult {
  const p = prepare(doc, options);
  const ev = evaluate(p);
  const len = ev.years.length;
  const pStart = ev.period.start - p.startYear;
  const pEnd = ev.period.end - p.startYear;
  const rate = ev.successRate;
  const disc = ev.discountFactors;

  const successes = new Array<number>(len).fill(0);
  for (let i = 0; i < p.participants.length; i++) {
    successes[i + p.finishOffset] += p.cohortSuccesses?.[i] ?? p.participants[i] * rate;
  }

  const lines: LineResult[] = [];
  const areaMap = new Map<string, AreaResult>();
  const addToArea = (area: string, gains: ByActor<number[]>, pv: ByActor<number>) => {
    let ar = areaMap.get(area);
    if (!ar) {
      ar = { area, gains: byActorArrays(len), pv: { kommune: 0, region: 0, stat: 0, alle: 0 } };
      areaMap.set(area, ar);
    }
    for (const a of RESULT_ACTORS) {
      const dst = ar.gains[a];
      const src = gains[a];
      for (let i = 0; i < len; i++) dst[i] += src[i];
      ar.pv[a] += pv[a];
    }
  };
  const build = (units: number[], unitValue: Record<Actor, number>) => {
    const gains = byActorArrays(len);
    const pv: ByActor<number> = { kommune: 0, region: 0, stat: 0, alle: 0 };
    for (const a of ACTORS) {
      const v = unitValue[a];
      const ga = gains[a];
      let acc = 0;
      for (let i = 0; i < len; i++) {
        const g = units[i] * v;
        ga[i] = g;
        gains.alle[i] += g;
        if (i >= pStart && i <= pEnd) acc += disc[i] * g;
      }
      pv[a] = acc;
      pv.alle += acc;
    }
    return { gains, pv };
  };

  for (const pl of p.lines) {
    const units = new Array<number>(len).fill(0);
    for (let i = 0; i < p.flowYears; i++) units[i] = rate * (pl.unitsMeasured[i] + pl.unitsForecast[i]);
    if (pl.givenMeasured && pl.givenForecast) {
      for (let i = 0; i < p.flowYears; i++) units[i] += pl.givenMeasured[i] + pl.givenForecast[i];
    }
    const l = pl.line;
    const main = build(units, pl.coef);
    lines.push({
      id: l.id,
      derivedFrom: null,
      dimensionId: l.dimensionId,
      label: l.label,
      area: l.area,
      unit: l.unit,
      direction: l.direction,
      units,
      unitValue: { ...pl.coef },
      prices: pl.prices,
      gains: main.gains,
      pv: main.pv,
    });
    addToArea(l.area, main.gains, main.pv);
    if (pl.taxCoef) {
      const tax = build(units, pl.taxCoef);
      lines.push({
        id: `${l.id}#skat`,
        derivedFrom: l.id,
        dimensionId: null,
        label: TAX_LINE_LABEL,
        area: TAX_LINE_AREA,
        unit: l.unit,
        direction: 'revenue',
        units,
        unitValue: { ...pl.taxCoef },
        prices: null,
        gains: tax.gains,
        pv: tax.pv,
      });
      addToArea(TAX_LINE_AREA, tax.gains, tax.pv);
    }
  }

  return {
    ...ev,
    startYear: p.startYear,
    priceYear: p.startYear,
    priceYearIndex: lookupIndex(doc.parameters.priceIndex, p.startYear),
    successes,
    totalParticipants: p.totalParticipants,
    lines,
    areas: [...areaMap.values()],
    costModel: costModelResults(doc.intervention, disc, pStart, pEnd),
    warnings: [...p.warnings],
  };
}

// ---- results JSON (som-format.md "Results as JSON") -----------------------------------------

export interface ResultsJsonActor {
  gains: number[];
  costs: number[];
  net: number[];
  pvGains: number;
  pvCosts: number;
  pvNet: number;
  breakEvenYear: number | null;
  returnPerKrone: number | null;
  breakEvenSuccessRate: number | null;
  netGainPerParticipant: number | null;
  maxCostPerParticipant: number | null;
}

export interface ResultsJson {
  priceYear: number;
  period: { start: number; end: number };
  years: number[];
  actors: ByActor<ResultsJsonActor>;
  warnings: string[];
  /** Only when the calculation has a cost model. */
  costModel?: CostModelJson;
}

/** One actor of the results JSON (also used for the follow-up's re-forecast). */
export function actorJson(f: ActorFigures): ResultsJsonActor {
  return {
    gains: [...f.gains],
    costs: [...f.costs],
    net: [...f.net],
    pvGains: f.pvGains,
    pvCosts: f.pvCosts,
    pvNet: f.pvNet,
    breakEvenYear: f.breakEvenYear,
    returnPerKrone: f.returnPerKrone,
    breakEvenSuccessRate: f.breakEvenSuccessRate,
    netGainPerParticipant: f.netGainPerParticipant,
    maxCostPerParticipant: f.maxCostPerParticipant,
  };
}

export function toResultsJson(r: CalcResult): ResultsJson {
  const actor = actorJson;
  return {
    priceYear: r.priceYear,
    period: { start: r.period.start, end: r.period.end },
    years: [...r.years],
    actors: {
      kommune: actor(r.actors.kommune),
      region: actor(r.actors.region),
      stat: actor(r.actors.stat),
      alle: actor(r.actors.alle),
    },
    warnings: [...r.warnings],
    ...(r.costModel ? { costModel: toCostModelJson(r.costModel) } : {}),
  };
}

// ---- document helpers ------------------------------------------------------------------------

/** A copy of the document with another success rate (for one-way sensitivity and tests). */
export function withSuccessRate(doc: SomDocument, successRate: number): SomDocument {
  return {
    ...doc,
    intervention: { ...doc.intervention, effect: { ...doc.intervention.effect, successRate } },
  };
}

/** A copy of the document with another discount rate. */
export function withDiscountRate(doc: SomDocument, discountRate: number): SomDocument {
  return { ...doc, parameters: { ...doc.parameters, discountRate } };
}

/** A copy of the document with another period end. */
export function withPeriodEnd(doc: SomDocument, periodEnd: number): SomDocument {
  return { ...doc, view: { ...doc.view, periodEnd } };
}
