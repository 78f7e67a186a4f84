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
 */
import { AppError } from '../errors';
import { formatNumber, formatPercent } from '../format';
import { LIMITS, type SomDocument } from '../som/schema';
import {
  ACTORS,
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
  type ViewActor,
} from './calc';

/** The common basis of a comparison. */
export interface CompareBasis {
  priceYear: number;
  /** A fraction (0.035). */
  discountRate: number;
  periodStart: number;
  periodEnd: number;
}

/** What the user (or a .somp file) chose; every field not given takes the §14 default. */
export type BasisChoice = Partial<CompareBasis>;

/** Most calculations in one comparison or portfolio. */
export const MAX_COMPARE_MEMBERS = 20;
/** Default length of the common period: P … P + 5. */
export const COMPARE_PERIOD_YEARS = 6;
/** Lowest and highest price year of a basis (as a .som start year). */
export const BASIS_MIN_YEAR = LIMITS.minYear;
export const BASIS_MAX_YEAR = LIMITS.maxYear;
/** Highest discount rate (as in a .som file). */
export const BASIS_MAX_DISCOUNT = LIMITS.maxDiscountRate;

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

export interface DifferenceRow {
  /** Stable key, e.g. 'targetGroup', 'line:<dimension or label>'. */
  key: string;
  /** Danish label of the input. */
  label: string;
  /** One Danish value text per member. */
  values: string[];
  /** True when not every member has the same value. */
  differs: boolean;
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

// ---- basis -----------------------------------------------------------------------------------

/** The §14 defaults filled in: P = earliest start year, r = the first calculation's rate, period P … P + 5. */
export function resolveBasis(docs: readonly SomDocument[], choice: BasisChoice = {}): CompareBasis {
  if (docs.length === 0) throw new AppError('invalid-request', 'Vælg mindst én beregning at sammenligne.');
  const priceYear = choice.priceYear ?? Math.min(...docs.map((d) => d.intervention.startYear));
  const discountRate = choice.discountRate ?? docs[0].parameters.discountRate;
  const periodStart = choice.periodStart ?? priceYear;
  const periodEnd = choice.periodEnd ?? periodStart + COMPARE_PERIOD_YEARS - 1;
  return { priceYear, discountRate, periodStart, periodEnd };
}

/** A Danish sentence saying what is wrong with a basis, or null when it is valid. */
export function basisProblem(b: CompareBasis): string | null {
  if (!Number.isInteger(b.priceYear) || b.priceYear < BASIS_MIN_YEAR || b.priceYear > BASIS_MAX_YEAR) {
    return `Prisåret skal være et helt år mellem ${BASIS_MIN_YEAR} og ${BASIS_MAX_YEAR}.`;
  }
  if (!Number.isFinite(b.discountRate) || b.discountRate < 0 || b.discountRate > BASIS_MAX_DISCOUNT) {
    return `Diskonteringsrenten skal være mellem 0 % og ${BASIS_MAX_DISCOUNT * 100} %.`;
  }
  if (!Number.isInteger(b.periodStart) || !Number.isInteger(b.periodEnd)) return 'Perioden skal være hele år.';
  if (b.periodStart < b.priceYear) return `Perioden må ikke begynde før prisåret ${b.priceYear}.`;
  if (b.periodEnd < b.periodStart) return 'Periodens sidste år må ikke ligge før dens første år.';
  if (b.periodEnd > b.priceYear + LIMITS.maxPeriodYears) {
    return `Periodens sidste år må højst ligge ${LIMITS.maxPeriodYears} år efter prisåret (senest ${b.priceYear + LIMITS.maxPeriodYears}).`;
  }
  return null;
}

// ---- comparison ------------------------------------------------------------------------------

function zeros(n: number): number[] {
  return new Array<number>(n).fill(0);
}

function finiteOrNull(x: number | null): number | null {
  return x !== null && Number.isFinite(x) ? x : null;
}

function memberName(doc: SomDocument): string {
  return doc.intervention.name;
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

// ---- warnings --------------------------------------------------------------------------------

function listNames(names: string[]): string {
  const q = names.map((n) => `«${n}»`);
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} og ${q[q.length - 1]}`;
}

/** Same knowledge target group twice; different knowledge releases (members without one are left out). */
export function overlapWarnings(docs: readonly SomDocument[]): string[] {
  const out: string[] = [];
  const groups = new Map<string, { label: string; names: string[] }>();
  for (const d of docs) {
    const tg = d.intervention.targetGroup;
    if (tg.id === null) continue;
    const g = groups.get(tg.id) ?? { label: tg.label, names: [] };
    g.names.push(memberName(d));
    groups.set(tg.id, g);
  }
  for (const g of groups.values()) {
    if (g.names.length < 2) continue;
    out.push(
      `${listNames(g.names)} har samme målgruppe fra vidensdatabasen (${g.label}). ` +
        'De samme personer kan være talt med mere end én gang, så de samlede gevinster kan være for store.',
    );
  }
  const releases = new Map<string, { release: string; names: string[] }>();
  for (const d of docs) {
    if (d.knowledge === null) continue;
    const key = `${d.knowledge.release}\u0000${d.knowledge.sha256.toLowerCase()}`;
    const r = releases.get(key) ?? { release: d.knowledge.release, names: [] };
    r.names.push(memberName(d));
    releases.set(key, r);
  }
  if (releases.size > 1) {
    const parts = [...releases.values()].map((r) => `${listNames(r.names)}: ${r.release}`);
    const sameLabel = new Set([...releases.values()].map((r) => r.release)).size < releases.size;
    out.push(
      'Beregningerne bygger på forskellige udgaver af vidensdatabasen' +
        (sameLabel ? ' (nogle med samme navn, men forskelligt indhold)' : '') +
        `: ${parts.join('; ')}. Skøn og priser kan derfor være opgjort forskelligt.`,
    );
  }
  return out;
}

// ---- differences -----------------------------------------------------------------------------

function fmtNum(n: number, decimals = 0): string {
  return formatNumber(n, decimals);
}

function fmtPct(x: number): string {
  const s = formatPercent(x, 1);
  return s.replace(/,0 %$/, ' %');
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

function costText(c: SomDocument['intervention']['costs'], startYear: number): string {
  const total = sum(c.kommune) + sum(c.region) + sum(c.stat);
  if (total === 0) return 'ingen';
  const parts = ACTORS.filter((a) => sum(c[a]) !== 0).map((a) => `${a} ${fmtNum(sum(c[a]))}`);
  return `${fmtNum(total)} kr. i alt (${startYear}-priser; ${parts.join(', ')})`;
}

function lineKey(l: SomDocument['lines'][number]): string {
  return l.dimensionId !== null ? `d:${l.dimensionId}` : `u:${l.area}\u0000${l.label}`;
}

function lineUse(l: SomDocument['lines'][number]): string {
  const hasOwn = l.own.some((v) => v !== null);
  const hasEstimate = l.useEstimates && l.estimate.some((v) => v !== null);
  if (hasOwn && hasEstimate) return 'skøn og egne værdier';
  if (hasOwn) return 'egne værdier';
  if (hasEstimate) return 'vidensdatabasens skøn';
  return 'med, uden værdier';
}

/** The inputs of the members, input by input, and whether they differ (§14). */
export function differences(docs: readonly SomDocument[]): DifferenceRow[] {
  const rows: DifferenceRow[] = [];
  const row = (key: string, label: string, values: string[]) =>
    rows.push({ key, label, values, differs: values.some((v) => v !== values[0]) });
  const iv = (d: SomDocument) => d.intervention;

  row('targetGroup', 'Målgruppe', docs.map((d) => {
    const tg = iv(d).targetGroup;
    const label = tg.label.trim() === '' ? 'ikke valgt' : tg.label;
    return tg.id === null && !/egen målgruppe/i.test(label) ? `${label} (egen målgruppe)` : label;
  }));
  row('successMeasure', 'Effektmål', docs.map((d) => iv(d).targetGroup.successMeasureLabel ?? (iv(d).effect.measure || 'ikke angivet')));
  row('startYear', 'Startår', docs.map((d) => String(iv(d).startYear)));
  row('yearsWithIntervention', 'År med indsats', docs.map((d) => String(iv(d).yearsWithIntervention)));
  row('courseDuration', 'Forløbets varighed', docs.map((d) => `${iv(d).courseDurationMonths} mdr.`));
  row('participants', 'Deltagere', docs.map((d) => {
    const p = iv(d).participants;
    const total = fmtNum(sum(p), sum(p) % 1 === 0 ? 0 : 1);
    return p.length === 1 ? total : `${total} i alt (${p.map((x) => fmtNum(x, x % 1 === 0 ? 0 : 1)).join(' / ')})`;
  }));
  row('costs', 'Omkostninger', docs.map((d) => costText(iv(d).costs, iv(d).startYear)));
  row('savedCosts', 'Sparede omkostninger', docs.map((d) => costText(iv(d).savedCosts, iv(d).startYear)));
  row('successRate', 'Succesrate', docs.map((d) => fmtPct(iv(d).effect.successRate)));

  // Lines: every line that appears in any member, in order of first appearance.
  const lineOrder: { key: string; label: string }[] = [];
  const seen = new Set<string>();
  for (const d of docs) {
    for (const l of d.lines) {
      const k = lineKey(l);
      if (seen.has(k)) continue;
      seen.add(k);
      lineOrder.push({ key: k, label: l.label });
    }
  }
  for (const { key, label } of lineOrder) {
    row(`line:${key}`, `Konsekvens: ${label}`, docs.map((d) => {
      const l = d.lines.find((x) => lineKey(x) === key);
      return l ? lineUse(l) : 'ikke med';
    }));
  }

  row('ownPrices', 'Egne priser', docs.map((d) => {
    const over: string[] = [];
    for (const l of d.lines) {
      const who = ACTORS.filter((a) => l.ownPrice[a] !== null);
      if (who.length > 0) over.push(`${l.label} (${who.join(', ')})`);
    }
    return over.length === 0 ? 'ingen' : over.join('; ');
  }));
  row('discountRate', 'Diskonteringsrente', docs.map((d) => fmtPct(d.parameters.discountRate)));
  row('period', 'Periode', docs.map((d) => `${d.view.periodStart}–${d.view.periodEnd}`));
  row('knowledge', 'Vidensdatabase', docs.map((d) => (d.knowledge === null ? 'ingen' : d.knowledge.release)));
  return rows;
}

// ---- JSON of `som compare` (som-format.md "Comparison as JSON") -----------------------------

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
