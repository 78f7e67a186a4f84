import { prepare } from '../shared/engine/calc';
import { DEFAULT_MC_RANGES, MC_WORKER_STEP, runMonteCarloInSteps } from '../shared/engine/montecarlo';
import { runSensitivity, switchingValues } from '../shared/engine/sensitivity';
import { syntheticDoc } from '../shared/engine/synthetic';
import type { SomDocument } from '../shared/som/schema';
import { measure, type Figure } from './measure';

/**
 * 10 000 Monte Carlo draws of a 20-line, 5-cohort case on the app worker's path: the document as
 * the page sends it (a structured copy), prepare, MonteCarloRun in the worker's steps, the summary
 * the worker makes (percentiles, histogram, fan chart series) and its copy back to the page; with
 * the default period and with a 61-year period. Worker start-up and drawing are in the UI bench
 * (montecarlo.ui.10k60y). Also the one-way/switching analyses.
 */
function workerPath(doc: SomDocument): number {
  const sent = structuredClone(doc);
  const result = runMonteCarloInSteps(prepare(sent), { seed: 2018, draws: 10_000, ranges: DEFAULT_MC_RANGES }, MC_WORKER_STEP, () => {});
  return structuredClone(result).draws;
}

export default async function (): Promise<Record<string, Figure>> {
  const doc = syntheticDoc({ lines: 20, cohorts: 5 });
  const mc = await measure(() => workerPath(doc), 15, 3);
  const long = syntheticDoc({ lines: 20, cohorts: 5 });
  long.view = { ...long.view, periodEnd: long.view.periodStart + 60 };
  const mc61 = await measure(() => workerPath(long), 10, 2);
  const sens = await measure(() => {
    const p = prepare(doc);
    runSensitivity(p);
    switchingValues(p, 'alle');
  }, 50, 5);
  return {
    'montecarlo.10000-draws-20-lines-5-cohorts': { ...mc, what: "the worker's path (copy in, prepare, steps, summary, copy out), default period", goal: 300 },
    'montecarlo.10000-draws-20-lines-5-cohorts-61-years': { ...mc61, what: 'the same with a 61-year period (fan chart over 61 years)', goal: 300 },
    'sensitivity.one-way+switching': { ...sens, what: 'prepare, one-way analysis and switching values for alle aktører' },
  };
}
