/**
 * `evaluate(prepared, multipliers)`: yearly flows, present values and the §7 figures of every
 * actor in O(actors × years); sensitivity and Monte Carlo call it many times (model.md §6–§7).
 */
import { discountFactors } from './calc-lines';
import { signTolerance, type ActorFigures, type Evaluation, type Multipliers, type Prepared } from './calc-types';

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
