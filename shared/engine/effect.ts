/**
 * Effect size → success rate (model.md §10), with a self-contained normal distribution.
 *
 * Φ: Marsaglia's Taylor series (|x| < 3, absolute error ~1e-16) and a continued fraction for
 * the tails (relative accuracy ~1e-15). Φ⁻¹: Acklam's rational approximation (relative error
 * 1.15e-9) refined by two Halley steps on the accurate Φ, giving full double precision.
 */

const SQRT_2PI = Math.sqrt(2 * Math.PI);
const LOG_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

/** Standard normal density φ(x). */
export function normalPdf(x: number): number {
  return Math.exp(-0.5 * x * x - LOG_SQRT_2PI);
}

/** Upper tail Q(x) = 1 − Φ(x) for x ≥ 3 by the Laplace continued fraction (modified Lentz). */
function upperTailCf(x: number): number {
  // Q(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + …))))
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    d = x + k * d;
    d = d === 0 ? tiny : d;
    c = x + k / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return normalPdf(x) / f;
}

/** Q(x) = 1 − Φ(x), accurate in the upper tail. */
function upperTail(x: number): number {
  return x >= 3 ? upperTailCf(x) : 1 - normalCdf(x);
}

/** Standard normal cumulative distribution Φ(x). */
export function normalCdf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return 1;
  if (x === -Infinity) return 0;
  if (x <= -3) return upperTailCf(-x);
  if (x >= 3) return 1 - upperTailCf(x);
  // Marsaglia (2004): Φ(x) = ½ + φ(x)·(x + x³/3 + x⁵/(3·5) + …)
  let sum = x;
  let term = x;
  const x2 = x * x;
  for (let i = 3; i < 500; i += 2) {
    term *= x2 / i;
    const next = sum + term;
    if (next === sum) break;
    sum = next;
  }
  return 0.5 + sum * normalPdf(x);
}

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];
const P_LOW = 0.02425;

function acklam(p: number): number {
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  if (p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    return -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  }
  const q = p - 0.5;
  const r = q * q;
  return ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
    (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
}

/** Inverse standard normal Φ⁻¹(p); −∞ at 0, +∞ at 1, NaN outside [0, 1]. */
export function normalInv(p: number): number {
  if (Number.isNaN(p) || p < 0 || p > 1) return NaN;
  if (p === 0) return -Infinity;
  if (p === 1) return Infinity;
  let x = acklam(p);
  // Halley refinement. Work on the smaller tail so the error e is computed accurately.
  for (let i = 0; i < 2; i++) {
    const e = x > 0 ? (1 - p) - upperTail(x) : normalCdf(x) - p;
    const u = e * SQRT_2PI * Math.exp(0.5 * x * x);
    const next = x - u / (1 + 0.5 * x * u);
    if (!Number.isFinite(next)) break;
    x = next;
  }
  return x;
}

export type EffectKind = 'smd' | 'or' | 'rr' | 'rd';

export interface EffectInput {
  /** smd: standardised mean difference (Cohen's d / Hedges' g, positive = better);
   *  or: odds ratio; rr: risk ratio; rd: risk difference. */
  kind: EffectKind;
  value: number;
  /** p0: share reaching the success measure without the intervention, 0–1. */
  baseline: number;
}

export interface EffectResult {
  p0: number;
  p1: number;
  /** p1 − p0 clipped to [0, 1]. */
  successRate: number;
  /** True when p1 or p1 − p0 had to be clipped into [0, 1]. */
  clipped: boolean;
}

/** Danish names of the effect kinds, for the wizard and the report. */
export const EFFECT_KIND_LABELS: Record<EffectKind, string> = {
  smd: 'Standardiseret middelværdiforskel (Cohens d / Hedges g)',
  or: 'Odds ratio',
  rr: 'Relativ risiko',
  rd: 'Risikodifference',
};

/**
 * Converts a study's effect into a success rate (model.md §10). Throws RangeError (Danish
 * message) for inputs outside their domain: baseline outside [0, 1], OR/RR < 0, non-finite values.
 */
export function successRateFromEffect(input: EffectInput): EffectResult {
  const { kind, value, baseline: p0 } = input;
  if (!Number.isFinite(p0) || p0 < 0 || p0 > 1) throw new RangeError('Andelen uden indsatsen skal være et tal mellem 0 og 1.');
  if (!Number.isFinite(value)) throw new RangeError('Effektstørrelsen skal være et tal.');
  let p1: number;
  switch (kind) {
    case 'smd':
      p1 = normalCdf(normalInv(p0) + value);
      if (Number.isNaN(p1)) p1 = p0; // p0 ∈ {0, 1}: ±∞ + d stays ±∞
      break;
    case 'or': {
      if (value < 0) throw new RangeError('En odds ratio skal være ≥ 0.');
      const den = 1 - p0 + value * p0;
      p1 = den === 0 ? p0 : (value * p0) / den;
      break;
    }
    case 'rr':
      if (value < 0) throw new RangeError('En relativ risiko skal være ≥ 0.');
      p1 = Math.min(1, value * p0);
      break;
    case 'rd':
      p1 = p0 + value;
      break;
    default:
      throw new RangeError(`Ukendt effekttype '${String(kind)}'.`);
  }
  let clipped = false;
  if (p1 > 1) {
    p1 = 1;
    clipped = true;
  } else if (p1 < 0) {
    p1 = 0;
    clipped = true;
  }
  if (kind === 'rr' && value * p0 > 1) clipped = true;
  let rate = p1 - p0;
  if (rate < 0) {
    rate = 0;
    clipped = true;
  } else if (rate > 1) {
    rate = 1;
    clipped = true;
  }
  return { p0, p1, successRate: rate, clipped };
}
