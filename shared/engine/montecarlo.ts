/**
 * Monte Carlo analysis (model.md §9). Pure and reproducible: draws come from mulberry32 seeded
 * with the file's seed (rng.ts), and every draw computes what the engine's `evaluate` would.
 *
 * Per draw, in this fixed order, one triangular draw each of: success rate (absolute, mode =
 * the document's rate, min/max = mode × low/high clipped to [0, 1]), intervention costs factor,
 * consequences-in-measured-years factor, consequences-in-forecast-years factor, prices factor
 * (mode 1, min low, max high). With every range of zero width each draw is exactly the
 * document's value, so every figure equals `calculate(doc)` bit for bit.
 *
 * The run can be done in steps (`step(n)`) so a Web Worker can report progress; the numbers do
 * not depend on the step sizes.
 */
import type { Analysis, FactorRange, MonteCarloSettings } from '../som/analysis';
import type { ViewActor } from '../som/schema';
import { RESULT_ACTORS, signTolerance, type ByActor, type Prepared } from './calc';
import { mulberry32, sampleTriangular, type Uniform } from './rng';
import { histogram, percentileSorted, percentilesSelect, type Histogram } from './percentiles';

export { HISTOGRAM_BINS, histogram, percentileSelect, percentileSorted, percentilesSelect, type Histogram } from './percentiles';

export interface MonteCarloRanges {
  successRate: FactorRange;
  costs: FactorRange;
  consequencesMeasured: FactorRange;
  consequencesForecast: FactorRange;
  prices: FactorRange;
}

export const MC_RANGE_NAMES: Record<keyof MonteCarloRanges, string> = {
  successRate: 'Succesrate',
  costs: 'Omkostninger til indsatsen',
  consequencesMeasured: 'Konsekvenser i målte år',
  consequencesForecast: 'Konsekvenser i fremskrevne år',
  prices: 'Priser',
};

/** The defaults of model.md §9 (factors on the document's values; the mode is the value itself). */
export const DEFAULT_MC_RANGES: MonteCarloRanges = {
  successRate: { low: 0.5, high: 1.5 },
  costs: { low: 0.9, high: 1.3 },
  consequencesMeasured: { low: 0.75, high: 1.25 },
  consequencesForecast: { low: 0.75, high: 1.25 },
  prices: { low: 0.9, high: 1.1 },
};

export const DEFAULT_MC_SEED = 2018;
export const DEFAULT_MC_DRAWS = 10_000;
/** Draws per step in the app's worker (progress is reported between steps). */
export const MC_WORKER_STEP = 250;
/** Above this many draw × year cells per actor the fan data is stored as Float32 (see MonteCarloRun). */
export const FAN_FLOAT64_LIMIT = 2_000_000;
/** The fan chart's percentiles (5 %, median, 95 %). */
const FAN_QUANTILES = [0.05, 0.5, 0.95] as const;

export interface ResolvedMonteCarloSettings {
  seed: number;
  draws: number;
  ranges: MonteCarloRanges;
}

/** The file's settings on top of the defaults. */
export function monteCarloSettings(analysis?: Analysis | null): ResolvedMonteCarloSettings {
  const mc: Partial<MonteCarloSettings> = analysis?.monteCarlo ?? {};
  const r = mc.ranges ?? {};
  return {
    seed: mc.seed ?? DEFAULT_MC_SEED,
    draws: mc.draws ?? DEFAULT_MC_DRAWS,
    ranges: {
      successRate: r.successRate ?? DEFAULT_MC_RANGES.successRate,
      costs: r.costs ?? DEFAULT_MC_RANGES.costs,
      consequencesMeasured: r.consequencesMeasured ?? DEFAULT_MC_RANGES.consequencesMeasured,
      consequencesForecast: r.consequencesForecast ?? DEFAULT_MC_RANGES.consequencesForecast,
      prices: r.prices ?? DEFAULT_MC_RANGES.prices,
    },
  };
}

export interface FanChart {
  years: number[];
  p5: number[];
  p50: number[];
  p95: number[];
}

export interface MonteCarloActorResult {
  /** Share of draws with PV net gain over the period > 0. */
  probPositive: number;
  mean: number;
  p5: number;
  p50: number;
  p95: number;
  histogram: Histogram;
  /** Cumulative (undiscounted) net gain per year of the period, as in Figur 2. */
  fan: FanChart;
}

export interface MonteCarloResult {
  seed: number;
  draws: number;
  period: { start: number; end: number };
  actors: ByActor<MonteCarloActorResult>;
}

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/** A Monte Carlo run that can be advanced in steps. */
export class MonteCarloRun {
  readonly total: number;
  readonly periodStart: number;
  readonly periodEnd: number;
  private readonly p: Prepared;
  private readonly s: ResolvedMonteCarloSettings;
  private readonly rng: Uniform;
  private readonly periodLen: number;
  private readonly pStart: number;
  /** PV net gain per draw, per actor (RESULT_ACTORS order). */
  readonly pvNet: Float64Array[];
  /** Per actor: draws whose PV net gain is > 0 beyond the ε of the sign tests (model.md §7). */
  private readonly positive: number[] = [0, 0, 0, 0];
  /**
   * Cumulative net per period year and draw: [year * total + draw], per actor. Year-major, so each
   * year's values (what the fan chart's percentiles need) are one contiguous block.
   */
  private readonly cum: (Float64Array | Float32Array)[];
  private n = 0;
  /** δ(t) for t = 0 … periodEnd (the discount rate is not drawn). */
  private readonly disc: Float64Array;
  private readonly alleG: Float64Array;
  private readonly alleC: Float64Array;

  constructor(p: Prepared, settings: ResolvedMonteCarloSettings) {
    this.p = p;
    this.s = settings;
    this.total = Math.max(0, Math.trunc(settings.draws));
    this.rng = mulberry32(settings.seed);
    this.periodStart = p.periodStart;
    this.periodEnd = p.periodEnd;
    this.periodLen = p.periodEnd - p.periodStart + 1;
    this.pStart = p.periodStart - p.startYear;
    this.pvNet = RESULT_ACTORS.map(() => new Float64Array(this.total));
    // Memory guard: beyond 2 million (draw × year) cells per actor the fan chart is kept in single
    // precision (max 100 000 draws × 61 years ≈ 98 MB instead of 195 MB); PV figures stay exact.
    const cells = this.total * this.periodLen;
    this.cum = RESULT_ACTORS.map(() => (cells > FAN_FLOAT64_LIMIT ? new Float32Array(cells) : new Float64Array(cells)));
    const upto = p.periodEnd - p.startYear + 1;
    this.disc = new Float64Array(Math.max(0, upto));
    for (let i = 0; i < upto; i++) this.disc[i] = Math.pow(1 + p.discountRate, -i);
    this.alleG = new Float64Array(Math.max(0, upto));
    this.alleC = new Float64Array(Math.max(0, upto));
  }

  /**
   * One draw: PV net gain per actor and the cumulative net gain over the period. The same
   * arithmetic, in the same order, as the engine's `evaluate` (so zero-width ranges reproduce it
   * bit for bit; tested), without building the full yearly result.
   */
  private draw(d: number, rate: number, costF: number, mMeas: number, mFore: number, priceF: number): void {
    const p = this.p;
    const T = p.flowYears;
    const upto = this.disc.length;
    const pStart = this.pStart;
    const N = this.total;
    const disc = this.disc;
    const aG = this.alleG;
    const aC = this.alleC;
    aG.fill(0);
    aC.fill(0);
    for (let ai = 0; ai < 3; ai++) {
      const gm = p.gainsMeasured[ai];
      const gf = p.gainsForecast[ai];
      const cg = p.costsGross[ai];
      const sc = p.savedCosts[ai];
      const cumDst = this.cum[ai];
      let cum = 0;
      let pvG = 0;
      let pvC = 0;
      let abs = 0;
      for (let i = 0; i < upto; i++) {
        let g1t = 0;
        let c = 0;
        if (i < T) {
          g1t = priceF * (mMeas * gm[i] + mFore * gf[i]);
          c = costF * cg[i] - sc[i];
        }
        const g = rate * g1t;
        cum += g - c;
        if (i >= pStart) {
          const dd = disc[i];
          pvG += dd * g;
          pvC += dd * c;
          abs += Math.abs(dd * g) + Math.abs(dd * c);
          cumDst[(i - pStart) * N + d] = cum;
        }
        aG[i] += g;
        aC[i] += c;
      }
      this.record(ai, d, pvG - pvC, abs);
    }
    const cumDst = this.cum[3];
    let cum = 0;
    let pvG = 0;
    let pvC = 0;
    let abs = 0;
    for (let i = 0; i < upto; i++) {
      const g = aG[i];
      const c = aC[i];
      cum += g - c;
      if (i >= pStart) {
        const dd = disc[i];
        pvG += dd * g;
        pvC += dd * c;
        abs += Math.abs(dd * g) + Math.abs(dd * c);
        cumDst[(i - pStart) * N + d] = cum;
      }
    }
    this.record(3, d, pvG - pvC, abs);
  }

  private record(ai: number, d: number, pvNet: number, involved: number): void {
    this.pvNet[ai][d] = pvNet;
    if (pvNet > signTolerance(involved)) this.positive[ai]++;
  }

  get done(): number {
    return this.n;
  }

  /** Runs up to `count` more draws; returns the number done so far. */
  step(count: number): number {
    const { p, s, rng } = this;
    const r = s.ranges;
    const m0 = p.successRate;
    const sa = clamp01(m0 * r.successRate.low);
    const sb = clamp01(m0 * r.successRate.high);
    const end = Math.min(this.total, this.n + Math.max(0, Math.trunc(count)));
    for (let d = this.n; d < end; d++) {
      const successRateValue = sampleTriangular(rng, sa, m0, sb);
      const costs = sampleTriangular(rng, r.costs.low, 1, r.costs.high);
      const consequencesMeasured = sampleTriangular(rng, r.consequencesMeasured.low, 1, r.consequencesMeasured.high);
      const consequencesForecast = sampleTriangular(rng, r.consequencesForecast.low, 1, r.consequencesForecast.high);
      const prices = sampleTriangular(rng, r.prices.low, 1, r.prices.high);
      this.draw(d, successRateValue, costs, consequencesMeasured, consequencesForecast, prices);
    }
    this.n = end;
    return this.n;
  }

  /** The cumulative net gains of the draws done so far in period year k (0-based) for actor index ai, copied into out. */
  copyYear(ai: number, k: number, out: Float64Array = new Float64Array(this.n)): Float64Array {
    const start = k * this.total;
    out.set(this.cum[ai].subarray(start, start + this.n));
    return out;
  }

  /** Summary of the draws done so far (all of them after the run completes). */
  result(): MonteCarloResult {
    const n = this.n;
    const L = this.periodLen;
    const years: number[] = [];
    for (let k = 0; k < L; k++) years.push(this.periodStart + k);
    const actors = {} as ByActor<MonteCarloActorResult>;
    const col = new Float64Array(n);
    RESULT_ACTORS.forEach((a, ai) => {
      const sorted = this.pvNet[ai].slice(0, n).sort();
      const pos = this.positive[ai];
      let sum = 0;
      for (let i = 0; i < n; i++) sum += sorted[i];
      const fan: FanChart = { years, p5: [], p50: [], p95: [] };
      for (let k = 0; k < L; k++) {
        this.copyYear(ai, k, col);
        // Three percentiles per year by nested selection (a full sort per year was most of the run).
        const [p5, p50, p95] = percentilesSelect(col, FAN_QUANTILES);
        fan.p5.push(p5);
        fan.p50.push(p50);
        fan.p95.push(p95);
      }
      actors[a as ViewActor] = {
        probPositive: n > 0 ? pos / n : Number.NaN,
        mean: n > 0 ? sum / n : Number.NaN,
        p5: percentileSorted(sorted, 0.05),
        p50: percentileSorted(sorted, 0.5),
        p95: percentileSorted(sorted, 0.95),
        histogram: histogram(sorted),
        fan,
      };
    });
    return { seed: this.s.seed, draws: n, period: { start: this.periodStart, end: this.periodEnd }, actors };
  }
}

/**
 * Runs all draws in steps of `stepSize`, calling `afterStep(done, total)` after each step, and
 * summarises them: the app's worker path (it reports progress from `afterStep`).
 */
export function runMonteCarloInSteps(
  p: Prepared,
  settings: ResolvedMonteCarloSettings,
  stepSize: number,
  afterStep: (done: number, total: number) => void,
): MonteCarloResult {
  const run = new MonteCarloRun(p, settings);
  afterStep(0, run.total);
  while (run.done < run.total) afterStep(run.step(stepSize), run.total);
  return run.result();
}

/** Runs all draws at once (command line, report, tests). */
export function runMonteCarlo(p: Prepared, settings: ResolvedMonteCarloSettings): MonteCarloResult {
  const run = new MonteCarloRun(p, settings);
  run.step(run.total);
  return run.result();
}
