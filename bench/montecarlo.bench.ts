import { prepare } from '../shared/engine/calc';
import { DEFAULT_MC_RANGES, runMonteCarlo } from '../shared/engine/montecarlo';
import { runSensitivity, switchingValues } from '../shared/engine/sensitivity';
import { syntheticDoc } from '../shared/engine/synthetic';
import { measure, type Figure } from './measure';

/**
 * 10 000 Monte Carlo draws of a 20-line, 5-cohort case through MonteCarloRun (the path the app's
 * worker takes), with the default period and with a 61-year period, incl. prepare and the summary
 * (percentiles, histogram, fan chart); and the one-way/switching analyses.
 */
export default async function (): Promise<Record<string, Figure>> {
  const doc = syntheticDoc({ lines: 20, cohorts: 5 });
  const mc = await measure(() => runMonteCarlo(prepare(doc), { seed: 2018, draws: 10_000, ranges: DEFAULT_MC_RANGES }), 15, 3);
  const long = syntheticDoc({ lines: 20, cohorts: 5 });
  long.view = { ...long.view, periodEnd: long.view.periodStart + 60 };
  const mc61 = await measure(() => runMonteCarlo(prepare(long), { seed: 2018, draws: 10_000, ranges: DEFAULT_MC_RANGES }), 10, 2);
  const sens = await measure(() => {
    const p = prepare(doc);
    runSensitivity(p);
    switchingValues(p, 'alle');
  }, 50, 5);
  return {
    'montecarlo.10000-draws-20-lines-5-cohorts': { ...mc, what: 'MonteCarloRun, default period, incl. prepare and summary', goal: 300 },
    'montecarlo.10000-draws-20-lines-5-cohorts-61-years': { ...mc61, what: 'the same with a 61-year period (fan chart over 61 years)', goal: 300 },
    'sensitivity.one-way+switching': sens,
  };
}
