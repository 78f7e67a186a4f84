/**
 * `prepare(doc)`: the per-line work of a calculation done once (Δ per cohort and year, prices,
 * tax lines), kept per actor per year for `evaluate` (model.md §2–§5).
 */
import { ACTORS, YEARS_PER_LINE, type Actor } from '../som/basics';
import type { SomDocument } from '../som/schema';
import { effectiveCosts } from './costmodel';
import { discountFactors, effectivePrices, isForecastYear, lineChange, perActor } from './calc-lines';
import type { PrepareOptions, Prepared, PreparedLine } from './calc-types';

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
