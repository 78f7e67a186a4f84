import { prepare } from '../shared/engine/calc';
import { DEFAULT_MC_RANGES, runMonteCarlo } from '../shared/engine/montecarlo';
import { runSensitivity, switchingValues } from '../shared/engine/sensitivity';
import { syntheticDoc } from '../shared/engine/synthetic';
import { measure, type Figure } from './measure';

/** 10 000 Monte Carlo draws of a 20-line, 5-cohort case (target ≤ 300 ms, incl. prepare), and the §8 analyses. */
export default async function (): Promise<Record<string, Figure>> {
  const doc = syntheticDoc({ lines: 20, cohorts: 5 });
  const mc = await measure(() => runMonteCarlo(prepare(doc), { seed: 2018, draws: 10_000, ranges: DEFAULT_MC_RANGES }), 15, 3);
  const sens = await measure(() => {
    const p = prepare(doc);
    runSensitivity(p);
    switchingValues(p, 'alle');
  }, 50, 5);
  return { 'montecarlo.10000-draws-20-lines-5-cohorts': mc, 'sensitivity.one-way+switching': sens };
}
