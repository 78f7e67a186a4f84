/**
 * Follow-up (model.md §13): a calculation held against what actually happened.
 *
 * The re-forecast is the same calculation with the actuals of the follow-up put in their place:
 * for each year y with actuals, participants[y] := actual participants, S(y) := actual successes
 * when given (else participants[y] × successRate with the possibly actual participants), and
 * costs[a][y] / savedCosts[a][y] := the actual values given. Every other input stays. Reported:
 * both calculations side by side, the differences re-forecast − forecast per year and actor, the
 * realised success rate and the years covered. Pure.
 */
import { ACTORS, type Actor, type FollowUp, type SomDocument } from '../som/schema';
import { isCoveredYear } from '../som/followup';
import { RESULT_ACTORS, calculate, type ByActor, type CalcResult, type ResultsJsonActor, actorJson } from './calc';

/** One intervention year of the follow-up: what was expected and what happened. */
export interface FollowUpYearRow {
  year: number;
  /** At least one actual value is given (the note alone does not count). */
  covered: boolean;
  participants: { forecast: number; actual: number | null };
  /** Successes of the cohort that started this year (counted for the cohort, not the finish year). */
  successes: { forecast: number; actual: number | null; reforecast: number };
  /** Gross costs and saved costs per actor: the forecast's and the actual (null = not known yet). */
  costs: Record<Actor, { forecast: number; actual: number | null }>;
  savedCosts: Record<Actor, { forecast: number; actual: number | null }>;
  note: string;
}

export interface FollowUpDifference {
  /** Index i ↔ `years[i]` of the forecast (the re-forecast has the same years). */
  gains: number[];
  costs: number[];
  net: number[];
}

export interface FollowUpResult {
  /** "Opgjort pr.", YYYY-MM-DD. */
  asOf: string;
  /** Years with at least one actual value, in order. */
  coveredYears: number[];
  /** Σ actual successes / Σ actual participants over years where both are given; null when none (or no participants). */
  realisedSuccessRate: number | null;
  /** The success rate of the forecast. */
  assumedSuccessRate: number;
  /** Every cohort has actual successes (the re-forecast's break-even success rate is then none). */
  allSuccessesGiven: boolean;
  forecast: CalcResult;
  reforecast: CalcResult;
  /** Re-forecast − forecast, per actor and year. */
  differences: ByActor<FollowUpDifference>;
  /** One row per entry of the follow-up, in year order. */
  rows: FollowUpYearRow[];
  /** Sums over the years where the actual value is given, with the forecast for the same years. */
  totals: {
    participants: { years: number[]; forecast: number; actual: number };
    successes: { years: number[]; forecast: number; actual: number };
  };
}

/** The inputs of the re-forecast: a document with the actuals in place and the given successes per cohort. */
export function reforecastInputs(doc: SomDocument): { doc: SomDocument; cohortSuccesses: (number | null)[] } {
  const iv = doc.intervention;
  const n = iv.yearsWithIntervention;
  const cohortSuccesses = new Array<number | null>(n).fill(null);
  const fu = doc.followUp;
  if (!fu) return { doc, cohortSuccesses };
  const participants = [...iv.participants];
  const costs = { kommune: [...iv.costs.kommune], region: [...iv.costs.region], stat: [...iv.costs.stat] };
  const savedCosts = { kommune: [...iv.savedCosts.kommune], region: [...iv.savedCosts.region], stat: [...iv.savedCosts.stat] };
  for (const y of fu.years) {
    const i = y.year - iv.startYear;
    if (i < 0 || i >= n) continue; // the reader refuses such a year; be safe with unchecked input
    if (y.participants !== null) participants[i] = y.participants;
    if (y.successes !== null) cohortSuccesses[i] = y.successes;
    for (const a of ACTORS) {
      const c = y.costs[a];
      const sc = y.savedCosts[a];
      if (c !== null) costs[a][i] = c;
      if (sc !== null) savedCosts[a][i] = sc;
    }
  }
  const intervention: SomDocument['intervention'] = { ...iv, participants, costs, savedCosts };
  // A cost model's per-participant costs are not derived again from the actual participants:
  // the re-forecast uses the costs as stored, with the actual costs where they are given.
  Reflect.deleteProperty(intervention, 'costModel');
  return { doc: { ...doc, intervention }, cohortSuccesses };
}

/** The follow-up of a document, or null when it has none. `forecast` may be passed when already computed. */
export function calculateFollowUp(doc: SomDocument, forecast: CalcResult = calculate(doc)): FollowUpResult | null {
  const fu: FollowUp | undefined = doc.followUp;
  if (!fu) return null;
  const iv = doc.intervention;
  const inputs = reforecastInputs(doc);
  const reforecast = calculate(inputs.doc, { cohortSuccesses: inputs.cohortSuccesses });
  const rate = iv.effect.successRate;

  const differences = {} as ByActor<FollowUpDifference>;
  for (const a of RESULT_ACTORS) {
    const f = forecast.actors[a];
    const r = reforecast.actors[a];
    differences[a] = {
      gains: f.gains.map((v, i) => r.gains[i] - v),
      costs: f.costs.map((v, i) => r.costs[i] - v),
      net: f.net.map((v, i) => r.net[i] - v),
    };
  }

  const rows: FollowUpYearRow[] = [];
  const totals: FollowUpResult['totals'] = {
    participants: { years: [], forecast: 0, actual: 0 },
    successes: { years: [], forecast: 0, actual: 0 },
  };
  let realisedS = 0;
  let realisedP = 0;
  let realisedYears = 0;
  for (const y of fu.years) {
    const i = y.year - iv.startYear;
    if (i < 0 || i >= iv.yearsWithIntervention) continue;
    const forecastP = iv.participants[i];
    const reforecastP = inputs.doc.intervention.participants[i];
    const money = (key: 'costs' | 'savedCosts') =>
      Object.fromEntries(ACTORS.map((a) => [a, { forecast: iv[key][a][i], actual: y[key][a] }])) as FollowUpYearRow['costs'];
    rows.push({
      year: y.year,
      covered: isCoveredYear(y),
      participants: { forecast: forecastP, actual: y.participants },
      successes: { forecast: forecastP * rate, actual: y.successes, reforecast: y.successes ?? reforecastP * rate },
      costs: money('costs'),
      savedCosts: money('savedCosts'),
      note: y.note,
    });
    if (y.participants !== null) {
      totals.participants.years.push(y.year);
      totals.participants.forecast += forecastP;
      totals.participants.actual += y.participants;
    }
    if (y.successes !== null) {
      totals.successes.years.push(y.year);
      totals.successes.forecast += forecastP * rate;
      totals.successes.actual += y.successes;
    }
    if (y.participants !== null && y.successes !== null) {
      realisedS += y.successes;
      realisedP += y.participants;
      realisedYears++;
    }
  }
  return {
    asOf: fu.asOf,
    coveredYears: rows.filter((r) => r.covered).map((r) => r.year),
    realisedSuccessRate: realisedYears > 0 && realisedP > 0 ? realisedS / realisedP : null,
    assumedSuccessRate: rate,
    allSuccessesGiven: inputs.cohortSuccesses.every((x) => x !== null),
    forecast,
    reforecast,
    differences,
    rows,
    totals,
  };
}

/** The `followUp` object of `som calc --json` (som-format.md). */
export interface FollowUpJson {
  years: number[];
  realisedSuccessRate: number | null;
  reforecast: { actors: ByActor<ResultsJsonActor> };
}

export function followUpJson(f: FollowUpResult): FollowUpJson {
  const a = f.reforecast.actors;
  return {
    years: [...f.coveredYears],
    realisedSuccessRate: f.realisedSuccessRate,
    reforecast: {
      actors: { kommune: actorJson(a.kommune), region: actorJson(a.region), stat: actorJson(a.stat), alle: actorJson(a.alle) },
    },
  };
}
