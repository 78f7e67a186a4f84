/**
 * Comparison and portfolio of several calculations (../shared/docs/model.md §14).
 * Pure: documents in, figures out.
 *
 * Each member is calculated on its own basis with `calculate` (exactly what Resultater shows).
 * On the common basis (price year P, discount rate r, period P1–P2) each member's undiscounted
 * yearly gains, costs and net gain per actor are moved to P prices with the member's own index,
 * `× I_i(P) / I_i(s_i)` (nearest index year when one is missing, with a warning naming the
 * calculation), laid on the union of the members' horizons and discounted to P. The portfolio is
 * the sum of the members on that basis.
 *
 * The basis lives in compare-basis.ts, the inputs side by side and the overlap warnings in
 * compare-inputs.ts, the JSON of `som compare` in compare-json.ts.
 */
import { AppError } from '../errors';
import type { SomDocument } from '../som/schema';
import {
  RESULT_ACTORS,
  breakEvenYear,
  calculate,
  evaluate,
  lookupIndex,
  prepare,
  signTolerance,
  type ByActor,
  type CalcResult,
  type IndexLookup,
} from './calc';
import { MAX_COMPARE_MEMBERS, basisProblem, resolveBasis, type BasisChoice, type CompareBasis } from './compare-basis';
import { differences, memberName, overlapWarnings, type DifferenceRow } from './compare-inputs';

/** The figures shown side by side, per actor. */
export interface KeyFigures {
  pvGains: number;
  pvCosts: number;
  pvNet: number;
  /** PV of gains at success rate 100 % (for the portfolio: at every calculation's own rate, = pvGains). */
  pvGainsAtFullSuccess: number;
  returnPerKrone: number | null;
  breakEvenYear: number | null;
  /**
   * For a calculation: the success rate at which it breaks even over the period (§7.6).
   * For the portfolio: the share of every calculation's own success rate at which the portfolio
   * breaks even (0 when it breaks even at any rate, null when it cannot).
   */
  breakEvenSuccessRate: number | null;
  netGainPerParticipant: number | null;
}

/** One actor on the common basis: flows per year of `CompareResult.years` (0 outside a horizon). */
export interface CommonActorFigures extends KeyFigures {
  gains: number[];
  costs: number[];
  net: number[];
  cumulativeDiscountedNet: number[];
}

export interface CompareMember {
  /** Position in the comparison (0-based). */
  index: number;
  name: string;
  startYear: number;
  participants: number;
  /** I_i(P) / I_i(s_i): the factor that moves this calculation's kroner to the common price year. */
  priceFactor: number;
  /** The index entries used for that factor (null when P = s_i and nothing is moved). */
  indexTo: IndexLookup | null;
  indexFrom: IndexLookup | null;
  /** The calculation on its own basis: plain `calculate`. */
  own: CalcResult;
  /** The same calculation on the common basis. */
  common: ByActor<CommonActorFigures>;
}

export interface CompareResult {
  basis: CompareBasis;
  /** The union of the members' full horizons (and the common period). */
  years: number[];
  /** δ(t) = (1 + r)^−(t − P) per year of `years`. */
  discountFactors: number[];
  members: CompareMember[];
  portfolio: { participants: number; actors: ByActor<CommonActorFigures> };
  differences: DifferenceRow[];
  /** §14 warnings in Danish; the members' own warnings stay on `own.warnings`. */
  warnings: string[];
}

// ---- comparison ------------------------------------------------------------------------------

function zeros(n: number): number[] {
  return new Array<number>(n).fill(0);
}

function finiteOrNull(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}

/**
 * Key figures of flows on the common basis, with the sign tests of §7 (ε from the absolute
 * discounted flows involved). `g1` is the per-year gains at full success (for a calculation), or
 * null for the portfolio, whose break-even rate is a share of every calculation's own rate (g1 =
 * its gains).
 */
function summarise(
  gains: number[],
  costs: number[],
  disc: readonly number[],
  pStart: number,
  pEnd: number,
  firstYear: number,
  participants: number,
  g1: readonly number[] | null,
): CommonActorFigures {
  const len = gains.length;
  const net = new Array<number>(len);
  const cum = new Array<number>(len);
  const cumAbs = new Float64Array(len);
  let acc = 0;
  let abs = 0;
  let pvG = 0;
  let pvC = 0;
  let pvG1 = 0;
  let absPeriod = 0;
  let absG1 = 0;
  for (let i = 0; i < len; i++) {
    const n = gains[i] - costs[i];
    const d = disc[i];
    net[i] = n;
    acc += d * n;
    cum[i] = acc;
    abs += Math.abs(d * gains[i]) + Math.abs(d * costs[i]);
    cumAbs[i] = abs;
    if (i >= pStart && i <= pEnd) {
      pvG += d * gains[i];
      pvC += d * costs[i];
      absPeriod += Math.abs(d * gains[i]) + Math.abs(d * costs[i]);
      if (g1) {
        pvG1 += d * g1[i];
        absG1 += Math.abs(d * g1[i]) + Math.abs(d * costs[i]);
      }
    }
  }
  if (!g1) {
    pvG1 = pvG;
    absG1 = absPeriod;
  }
  const pvNet = pvG - pvC;
  const costPositive = pvC > signTolerance(absPeriod);
  const g1Positive = pvG1 > signTolerance(absG1);
  return {
    gains,
    costs,
    net,
    cumulativeDiscountedNet: cum,
    pvGains: pvG,
    pvCosts: pvC,
    pvNet,
    pvGainsAtFullSuccess: pvG1,
    returnPerKrone: finiteOrNull(costPositive ? pvG / pvC : null),
    breakEvenYear: breakEvenYear(cum, firstYear, cumAbs),
    breakEvenSuccessRate: finiteOrNull(!costPositive ? 0 : g1Positive ? pvC / pvG1 : null),
    netGainPerParticipant: finiteOrNull(participants > 0 ? pvNet / participants : null),
  };
}

/** The comparison and portfolio of `docs` on the common basis `choice` (defaults as §14). */
export function compare(docs: readonly SomDocument[], choice: BasisChoice = {}): CompareResult {
  if (docs.length > MAX_COMPARE_MEMBERS) {
    throw new AppError('invalid-request', `Der kan højst sammenlignes ${MAX_COMPARE_MEMBERS} beregninger ad gangen.`);
  }
  const basis = resolveBasis(docs, choice);
  const problem = basisProblem(basis);
  if (problem) throw new AppError('invalid-request', problem);
  const P = basis.priceYear;

  const owns = docs.map((d) => calculate(d));
  let first = basis.periodStart;
  let last = basis.periodEnd;
  for (const r of owns) {
    first = Math.min(first, r.years[0]);
    last = Math.max(last, r.years[r.years.length - 1]);
  }
  const len = last - first + 1;
  const years = new Array<number>(len);
  const disc = new Array<number>(len);
  for (let i = 0; i < len; i++) {
    years[i] = first + i;
    disc[i] = Math.pow(1 + basis.discountRate, -(first + i - P));
  }
  const pStart = basis.periodStart - first;
  const pEnd = basis.periodEnd - first;

  const warnings: string[] = [];
  const warn = (w: string) => {
    if (!warnings.includes(w)) warnings.push(w);
  };

  const portGains: ByActor<number[]> = { kommune: zeros(len), region: zeros(len), stat: zeros(len), alle: zeros(len) };
  const portCosts: ByActor<number[]> = { kommune: zeros(len), region: zeros(len), stat: zeros(len), alle: zeros(len) };
  let totalParticipants = 0;

  const members: CompareMember[] = docs.map((doc, index) => {
    const own = owns[index];
    const s = doc.intervention.startYear;
    const name = memberName(doc);
    let factor = 1;
    let indexTo: IndexLookup | null = null;
    let indexFrom: IndexLookup | null = null;
    if (P !== s) {
      indexTo = lookupIndex(doc.parameters.priceIndex, P);
      indexFrom = lookupIndex(doc.parameters.priceIndex, s);
      if (indexTo && indexFrom) {
        factor = indexTo.value / indexFrom.value;
        for (const l of [indexTo, indexFrom]) {
          if (l.usedYear !== l.year) {
            warn(
              `«${name}»: prisindekset har ikke tal for ${l.year}; tallet for ${l.usedYear} er brugt, ` +
                `da beløbene blev omregnet fra ${s}-priser til ${P}-priser.`,
            );
          }
        }
      }
    }
    // Gains at success rate 1 for the break-even success rate on the common basis (§7.6). Gains
    // are proportional to the success rate, so they are the gains divided by it; only a rate of 0
    // needs a second evaluation.
    const rate = own.successRate;
    const full = rate > 0 ? null : evaluate(prepare(doc), { successRateValue: 1 });
    const offset = s - first;
    const common = {} as ByActor<CommonActorFigures>;
    for (const a of RESULT_ACTORS) {
      const g = zeros(len);
      const c = zeros(len);
      const g1 = zeros(len);
      const src = own.actors[a];
      const srcFull = full ? full.actors[a].gains : null;
      for (let k = 0; k < src.gains.length; k++) {
        g[offset + k] = src.gains[k] * factor;
        c[offset + k] = src.costs[k] * factor;
        g1[offset + k] = (srcFull ? (srcFull[k] ?? 0) : src.gains[k] / rate) * factor;
      }
      common[a] = summarise(g, c, disc, pStart, pEnd, first, own.totalParticipants, g1);
      const pg = portGains[a];
      const pc = portCosts[a];
      for (let i = 0; i < len; i++) {
        pg[i] += g[i];
        pc[i] += c[i];
      }
    }
    totalParticipants += own.totalParticipants;
    return { index, name, startYear: s, participants: own.totalParticipants, priceFactor: factor, indexTo, indexFrom, own, common };
  });

  const portActors = {} as ByActor<CommonActorFigures>;
  for (const a of RESULT_ACTORS) {
    portActors[a] = summarise(portGains[a], portCosts[a], disc, pStart, pEnd, first, totalParticipants, null);
  }

  for (const w of overlapWarnings(docs)) warn(w);

  return {
    basis,
    years,
    discountFactors: disc,
    members,
    portfolio: { participants: totalParticipants, actors: portActors },
    differences: differences(docs),
    warnings,
  };
}
