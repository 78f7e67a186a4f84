/**
 * Deterministic sensitivity analysis (model.md §8): one-way analyses, a tornado ranking,
 * switching values and named scenarios. Pure: every figure comes from the engine's
 * `evaluate(prepare(doc), multipliers)`.
 */
import { formatNumber, formatPercent } from '../format';
import type { Analysis, FactorRange, Scenario, ScenarioChange, SensitivitySettings } from '../som/analysis';
import type { ViewActor } from '../som/schema';
import { RESULT_ACTORS, evaluate, type ByActor, type Evaluation, type Multipliers, type Prepared } from './calc';

export const SENSITIVITY_INPUTS = ['successRate', 'costs', 'consequences', 'prices', 'discountRate', 'periodYears'] as const;
export type SensitivityInput = (typeof SENSITIVITY_INPUTS)[number];

export const SENSITIVITY_INPUT_NAMES: Record<SensitivityInput, string> = {
  successRate: 'Succesrate',
  costs: 'Omkostninger til indsatsen',
  consequences: 'Alle konsekvenser',
  prices: 'Alle priser',
  discountRate: 'Diskonteringsrente',
  periodYears: 'Periodens længde',
};

/** The defaults of model.md §8. */
export const DEFAULT_SENSITIVITY: Required<SensitivitySettings> = {
  successRate: { low: 0.5, high: 1.5 },
  costs: { low: 0.9, high: 1.3 },
  consequences: { low: 0.75, high: 1.25 },
  prices: { low: 0.9, high: 1.1 },
  discountRates: [0, 0.02, 0.035, 0.04, 0.06],
  periodYears: [3, 6, 10, 20],
};

/** The settings in effect: the file's overrides on top of the defaults. */
export function sensitivitySettings(analysis?: Analysis | null): Required<SensitivitySettings> {
  const o = analysis?.sensitivity ?? {};
  return {
    successRate: o.successRate ?? DEFAULT_SENSITIVITY.successRate,
    costs: o.costs ?? DEFAULT_SENSITIVITY.costs,
    consequences: o.consequences ?? DEFAULT_SENSITIVITY.consequences,
    prices: o.prices ?? DEFAULT_SENSITIVITY.prices,
    discountRates: o.discountRates ?? DEFAULT_SENSITIVITY.discountRates,
    periodYears: o.periodYears ?? DEFAULT_SENSITIVITY.periodYears,
  };
}

/** PV of net gain over the period per actor. */
export type PvByActor = ByActor<number>;

export interface SensitivityCase {
  /** In words, e.g. "Succesrate 10 % i stedet for 20 %". */
  label: string;
  /** The input's value in this case (a rate, a factor or a number of years). */
  value: number;
  multipliers: Multipliers;
  pvNet: PvByActor;
}

export interface SensitivityRow {
  input: SensitivityInput;
  name: string;
  cases: SensitivityCase[];
}

export interface SensitivityResult {
  base: PvByActor;
  baseLabel: string;
  rows: SensitivityRow[];
}

export interface TornadoBar {
  input: SensitivityInput;
  name: string;
  /** The case with the lowest / highest PV net gain for the actor. */
  low: SensitivityCase;
  high: SensitivityCase;
  lowValue: number;
  highValue: number;
  /** highValue − lowValue. */
  swing: number;
}

// ---- helpers ---------------------------------------------------------------------------------

const clamp01 = (x: number) => (x < 0 ? 0 : x > 1 ? 1 : x);

/** 0.2 → "20 %", 0.035 → "3,5 %" (one decimal only when needed). */
export function pct(x: number): string {
  const v = Math.round(x * 1000) / 10;
  return formatPercent(x, Number.isInteger(v) ? 0 : 1);
}

/** A factor as a relative change in words: 0.9 → "10 % lavere", 1.25 → "25 % højere". */
function relative(f: number, up = 'højere', down = 'lavere'): string {
  if (f === 1) return 'uændret';
  const d = Math.abs(f - 1);
  return `${pct(d)} ${f > 1 ? up : down}`;
}

function pvOf(ev: Evaluation): PvByActor {
  return { kommune: ev.actors.kommune.pvNet, region: ev.actors.region.pvNet, stat: ev.actors.stat.pvNet, alle: ev.actors.alle.pvNet };
}

function periodText(p: Prepared, years: number): string {
  const end = p.periodStart + years - 1;
  return `${years} år (${p.periodStart}–${end})`;
}

// ---- one-way analyses --------------------------------------------------------------------------

/** The cases of one input (model.md §8), each evaluated. */
function casesFor(p: Prepared, input: SensitivityInput, s: Required<SensitivitySettings>): SensitivityCase[] {
  const mk = (label: string, value: number, m: Multipliers): SensitivityCase => ({ label, value, multipliers: m, pvNet: pvOf(evaluate(p, m)) });
  const baseYears = p.periodEnd - p.periodStart + 1;
  switch (input) {
    case 'successRate':
      return uniq([s.successRate.low, s.successRate.high]).map((f) => {
        const v = clamp01(p.successRate * f);
        return mk(`Succesrate ${pct(v)} i stedet for ${pct(p.successRate)}`, v, { successRateValue: v });
      });
    case 'costs':
      return uniq([s.costs.low, s.costs.high]).map((f) => mk(`Omkostninger til indsatsen ${relative(f)}`, f, { costs: f }));
    case 'consequences':
      return uniq([s.consequences.low, s.consequences.high]).map((f) =>
        mk(`Alle konsekvenser ${relative(f, 'større', 'mindre')}`, f, { consequencesMeasured: f, consequencesForecast: f }),
      );
    case 'prices':
      return uniq([s.prices.low, s.prices.high]).map((f) => mk(`Alle priser ${relative(f)}`, f, { prices: f }));
    case 'discountRate':
      return uniq(s.discountRates)
        .filter((r) => r !== p.discountRate)
        .map((r) => mk(`Diskonteringsrente ${pct(r)} i stedet for ${pct(p.discountRate)}`, r, { discountRate: r }));
    case 'periodYears':
      return uniq(s.periodYears)
        .filter((n) => n !== baseYears)
        .map((n) => mk(`Periode på ${periodText(p, n)} i stedet for ${baseYears} år`, n, { periodEnd: p.periodStart + n - 1 }));
  }
}

function uniq(xs: readonly number[]): number[] {
  const out: number[] = [];
  for (const x of xs) if (!out.includes(x)) out.push(x);
  return out;
}

/** All one-way analyses of §8 with the given settings (defaults where not set). */
export function runSensitivity(p: Prepared, settings: Required<SensitivitySettings> = DEFAULT_SENSITIVITY): SensitivityResult {
  const base = pvOf(evaluate(p));
  const rows = SENSITIVITY_INPUTS.map((input) => ({ input, name: SENSITIVITY_INPUT_NAMES[input], cases: casesFor(p, input, settings) }));
  return { base, baseLabel: 'Beregningen som den er', rows };
}

/**
 * The tornado for one actor: for each input its lowest and highest PV net gain, ranked by
 * swing (largest first). Inputs whose cases are all missing are left out.
 */
export function tornado(result: SensitivityResult, actor: ViewActor): TornadoBar[] {
  const bars: TornadoBar[] = [];
  for (const row of result.rows) {
    if (row.cases.length === 0) continue;
    let low = row.cases[0];
    let high = row.cases[0];
    for (const c of row.cases) {
      if (c.pvNet[actor] < low.pvNet[actor]) low = c;
      if (c.pvNet[actor] > high.pvNet[actor]) high = c;
    }
    // With one case the other end of the bar is the base value.
    const lowValue = Math.min(low.pvNet[actor], row.cases.length === 1 ? result.base[actor] : low.pvNet[actor]);
    const highValue = Math.max(high.pvNet[actor], row.cases.length === 1 ? result.base[actor] : high.pvNet[actor]);
    bars.push({ input: row.input, name: row.name, low, high, lowValue, highValue, swing: highValue - lowValue });
  }
  bars.sort((a, b) => b.swing - a.swing);
  return bars;
}

// ---- switching values --------------------------------------------------------------------------

export interface SwitchingValue {
  input: SensitivityInput;
  name: string;
  /** The value of the input at which PV net gain for the actor is 0; null when there is none. */
  value: number | null;
  /** 'rate' for success and discount rate, 'factor' for multipliers, 'years' for the period. */
  kind: 'rate' | 'factor' | 'years';
  /** In words, e.g. "Nettogevinsten er 0 ved en succesrate på 14 %". */
  text: string;
}

/** Root of a linear function of a multiplier x, from its values at 0 and 1; null when flat. */
function linearRoot(f0: number, f1: number): number | null {
  const slope = f1 - f0;
  if (slope === 0 || !Number.isFinite(slope)) return null;
  const x = -f0 / slope;
  return Number.isFinite(x) ? x : null;
}

/**
 * Switching values (the value of each input at which the PV of net gain for `actor` crosses 0).
 * Closed form for the inputs PV depends on linearly (success rate, costs, consequences, prices);
 * bisection for the discount rate (0–20 %); for the period, the shortest period that breaks even.
 */
export function switchingValues(p: Prepared, actor: ViewActor): SwitchingValue[] {
  const pv = (m: Multipliers) => evaluate(p, m).actors[actor].pvNet;
  const out: SwitchingValue[] = [];

  const rate = linearRoot(pv({ successRateValue: 0 }), pv({ successRateValue: 1 }));
  out.push({
    input: 'successRate',
    name: SENSITIVITY_INPUT_NAMES.successRate,
    kind: 'rate',
    value: rate !== null && rate >= 0 ? rate : null,
    text:
      rate === null || rate < 0
        ? 'Succesraten kan ikke gøre nettogevinsten 0'
        : `Nettogevinsten er 0 ved en succesrate på ${pct(rate)}${rate > 1 ? ' (over 100 %, kan ikke nås)' : ''} (nu ${pct(p.successRate)})`,
  });

  const linearFactor = (input: 'costs' | 'consequences' | 'prices', m: (x: number) => Multipliers, noun: string) => {
    const x = linearRoot(pv(m(0)), pv(m(1)));
    const ok = x !== null && x >= 0;
    out.push({
      input,
      name: SENSITIVITY_INPUT_NAMES[input],
      kind: 'factor',
      value: ok ? x : null,
      text: ok ? `Nettogevinsten er 0, når ${noun} er ${relativeOrSame(x)}` : `${capital(noun)} kan ikke alene gøre nettogevinsten 0`,
    });
  };
  linearFactor('costs', (x) => ({ costs: x }), 'omkostningerne til indsatsen');
  linearFactor('consequences', (x) => ({ consequencesMeasured: x, consequencesForecast: x }), 'alle konsekvenser');
  linearFactor('prices', (x) => ({ prices: x }), 'alle priser');

  const r = discountRoot(pv, p.discountRate);
  out.push({
    input: 'discountRate',
    name: SENSITIVITY_INPUT_NAMES.discountRate,
    kind: 'rate',
    value: r,
    text: r === null ? 'Nettogevinsten skifter ikke fortegn for renter mellem 0 % og 20 %' : `Nettogevinsten er 0 ved en diskonteringsrente på ${pct(r)} (nu ${pct(p.discountRate)})`,
  });

  // The period: the shortest period (from the period start) whose PV net gain is ≥ 0.
  let years: number | null = null;
  const maxYears = p.startYear + 60 - p.periodStart + 1;
  for (let n = 1; n <= maxYears; n++) {
    const v = pv({ periodEnd: p.periodStart + n - 1 });
    if (v >= 0) {
      years = n;
      break;
    }
  }
  out.push({
    input: 'periodYears',
    name: SENSITIVITY_INPUT_NAMES.periodYears,
    kind: 'years',
    value: years,
    text:
      years === null
        ? 'Nettogevinsten bliver ikke positiv, uanset periodens længde'
        : `Nettogevinsten er ≥ 0 med en periode på mindst ${years} år (${p.periodStart}–${p.periodStart + years - 1})`,
  });
  return out;
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function relativeOrSame(f: number): string {
  if (Math.abs(f - 1) < 5e-4) return 'uændrede';
  return `${pct(Math.abs(f - 1))} ${f > 1 ? 'højere' : 'lavere'} (faktor ${formatNumber(f, 2)})`;
}

/** Bisection for a discount rate in [0, 0.2] where f changes sign; the root nearest `current`. */
function discountRoot(f: (m: Multipliers) => number, current: number): number | null {
  const steps = 80;
  const lo = 0;
  const hi = 0.2;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = 0; i <= steps; i++) {
    const x = lo + ((hi - lo) * i) / steps;
    xs.push(x);
    ys.push(f({ discountRate: x }));
  }
  let best: number | null = null;
  for (let i = 0; i < steps; i++) {
    let a = xs[i];
    let b = xs[i + 1];
    let fa = ys[i];
    const fb = ys[i + 1];
    if (fa === 0) {
      if (best === null || Math.abs(a - current) < Math.abs(best - current)) best = a;
      continue;
    }
    if (fa * fb > 0) continue;
    if (fb === 0) continue; // found as the left end of the next interval
    for (let k = 0; k < 100 && b - a > 1e-14; k++) {
      const mid = (a + b) / 2;
      const fm = f({ discountRate: mid });
      if (fm === 0) {
        a = b = mid;
        break;
      }
      if (fa * fm < 0) b = mid;
      else {
        a = mid;
        fa = fm;
      }
    }
    const root = (a + b) / 2;
    if (best === null || Math.abs(root - current) < Math.abs(best - current)) best = root;
  }
  if (ys[steps] === 0 && (best === null || Math.abs(hi - current) < Math.abs(best - current))) best = hi;
  return best;
}

// ---- scenarios ---------------------------------------------------------------------------------

/** The inputs the default scenarios change, and for each whether more of it is a gain (the costs are not). */
const SCENARIO_INPUTS = [
  { input: 'successRate', moreIsBetter: true },
  { input: 'costs', moreIsBetter: false },
  { input: 'consequences', moreIsBetter: true },
  { input: 'prices', moreIsBetter: true },
] as const;

/**
 * The default scenarios: Forsigtig / Basis / Optimistisk at the ends of the ranges of
 * DEFAULT_SENSITIVITY (Forsigtig takes the unfavourable end of every range, Optimistisk the favourable one).
 */
export function defaultScenarios(): Scenario[] {
  const end = (favourable: boolean): ScenarioChange[] =>
    SCENARIO_INPUTS.map(({ input, moreIsBetter }) => {
      const range = DEFAULT_SENSITIVITY[input];
      return { input, value: moreIsBetter === favourable ? range.high : range.low };
    });
  return [
    { id: 'forsigtig', name: 'Forsigtig', changes: end(false) },
    { id: 'basis', name: 'Basis', changes: [] },
    { id: 'optimistisk', name: 'Optimistisk', changes: end(true) },
  ];
}

/** The scenarios of the file, or the defaults when the file has none. */
export function scenariosOf(analysis?: Analysis | null): Scenario[] {
  return analysis?.scenarios && analysis.scenarios.length > 0 ? analysis.scenarios : defaultScenarios();
}

/** A scenario's changes as engine multipliers (factors of the same kind multiply). */
export function scenarioMultipliers(p: Prepared, changes: readonly ScenarioChange[]): Multipliers {
  const m: Multipliers = {};
  let rateFactor = 1;
  let rateValue: number | null = null;
  const mul = (k: 'costs' | 'consequencesMeasured' | 'consequencesForecast' | 'prices', v: number) => {
    m[k] = (m[k] ?? 1) * v;
  };
  for (const c of changes) {
    switch (c.input) {
      case 'successRate':
        rateFactor *= c.value;
        break;
      case 'successRateValue':
        rateValue = c.value;
        break;
      case 'costs':
        mul('costs', c.value);
        break;
      case 'consequences':
        mul('consequencesMeasured', c.value);
        mul('consequencesForecast', c.value);
        break;
      case 'consequencesMeasured':
      case 'consequencesForecast':
      case 'prices':
        mul(c.input, c.value);
        break;
      case 'discountRate':
        m.discountRate = c.value;
        break;
      case 'periodYears':
        m.periodEnd = p.periodStart + c.value - 1;
        break;
    }
  }
  if (rateValue !== null || rateFactor !== 1) m.successRateValue = clamp01((rateValue ?? p.successRate) * rateFactor);
  return m;
}

/** One change in words, e.g. "Succesrate × 0,5 (10 %)", "Diskonteringsrente 3,5 %". */
export function describeChange(p: Prepared, c: ScenarioChange): string {
  switch (c.input) {
    case 'successRate':
      return `Succesrate ${relative(c.value)} (${pct(clamp01(p.successRate * c.value))})`;
    case 'successRateValue':
      return `Succesrate ${pct(c.value)}`;
    case 'costs':
      return `Omkostninger ${relative(c.value)}`;
    case 'consequences':
      return `Alle konsekvenser ${relative(c.value, 'større', 'mindre')}`;
    case 'consequencesMeasured':
      return `Konsekvenser i målte år ${relative(c.value, 'større', 'mindre')}`;
    case 'consequencesForecast':
      return `Konsekvenser i fremskrevne år ${relative(c.value, 'større', 'mindre')}`;
    case 'prices':
      return `Alle priser ${relative(c.value)}`;
    case 'discountRate':
      return `Diskonteringsrente ${pct(c.value)}`;
    case 'periodYears':
      return `Periode på ${periodText(p, c.value)}`;
  }
}

export interface ScenarioResult {
  id: string;
  name: string;
  changes: string[];
  period: { start: number; end: number };
  pvGains: PvByActor;
  pvCosts: PvByActor;
  pvNet: PvByActor;
  breakEvenYear: ByActor<number | null>;
  returnPerKrone: ByActor<number | null>;
}

export function runScenarios(p: Prepared, scenarios: readonly Scenario[]): ScenarioResult[] {
  return scenarios.map((s) => {
    const ev = evaluate(p, scenarioMultipliers(p, s.changes));
    const pick = <K extends 'pvGains' | 'pvCosts' | 'pvNet' | 'breakEvenYear' | 'returnPerKrone'>(k: K) => {
      const o = {} as ByActor<Evaluation['actors']['alle'][K]>;
      for (const a of RESULT_ACTORS) o[a] = ev.actors[a][k];
      return o;
    };
    return {
      id: s.id,
      name: s.name,
      changes: s.changes.map((c) => describeChange(p, c)),
      period: ev.period,
      pvGains: pick('pvGains'),
      pvCosts: pick('pvCosts'),
      pvNet: pick('pvNet'),
      breakEvenYear: pick('breakEvenYear'),
      returnPerKrone: pick('returnPerKrone'),
    };
  });
}

export type { FactorRange };
