/**
 * Engine benchmarks: full `calculate` of a synthetic 20-line, 5-cohort case (target ≤ 0,2 ms
 * median), `evaluate` on a prepared case (what the sensitivity analyses call per variant), 10 000
 * Monte Carlo draws on its own path (MonteCarloRun's draw loop, without the summary; target ≤ 300 ms),
 * 10 000 `evaluate` calls (the sensitivity path), and reading + validating a realistic .som file (≤ 20 ms).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { calculate, evaluate, prepare } from '../shared/engine/calc';
import { DEFAULT_MC_RANGES, MonteCarloRun } from '../shared/engine/montecarlo';
import { syntheticDoc, seededRandom } from '../shared/engine/synthetic';
import { parseSom, serializeSom } from '../shared/som/io';
import { measureSync as measure, type Figure as Stat } from './measure';

export default async function (): Promise<Record<string, Stat>> {
  const doc = syntheticDoc({ lines: 20, cohorts: 5, seed: 42 });
  const prepared = prepare(doc);
  const rnd = seededRandom(7);

  const results: Record<string, Stat> = {};
  results['engine calculate (20 lines, 5 cohorts)'] = measure(() => calculate(doc), 2000);
  results['engine prepare (20 lines, 5 cohorts)'] = measure(() => prepare(doc), 2000);
  results['engine evaluate (prepared, random multipliers)'] = measure(
    () =>
      evaluate(prepared, {
        successRate: 0.5 + rnd(),
        costs: 0.9 + 0.4 * rnd(),
        consequencesMeasured: 0.75 + 0.5 * rnd(),
        consequencesForecast: 0.75 + 0.5 * rnd(),
        prices: 0.9 + 0.2 * rnd(),
      }),
    5000,
  );
  // Monte Carlo's own draw loop (MonteCarloRun.step), as the app's worker runs it; the summary is in bench/montecarlo.bench.ts.
  const draws = measure(
    () => {
      const run = new MonteCarloRun(prepared, { seed: 2018, draws: 10_000, ranges: DEFAULT_MC_RANGES });
      return run.step(10_000);
    },
    20,
    2,
  );
  results['engine 10 000 evaluate draws'] = { ...draws, what: "10 000 Monte Carlo draws through MonteCarloRun.step (the worker's draw loop, no summary)", goal: 300 };
  // `evaluate` is the sensitivity analyses' path.
  results['engine 10 000 evaluate calls (sensitivity path)'] = measure(
    () => {
      let acc = 0;
      for (let i = 0; i < 10_000; i++) {
        acc += evaluate(prepared, {
          successRate: 0.5 + rnd(),
          costs: 0.9 + 0.4 * rnd(),
          consequencesMeasured: 0.75 + 0.5 * rnd(),
          consequencesForecast: 0.75 + 0.5 * rnd(),
          prices: 0.9 + 0.2 * rnd(),
        }).actors.alle.pvNet;
      }
      return acc;
    },
    20,
    2,
  );

  // A realistic file on disk: the 20-line case with notes and a long description.
  const big = syntheticDoc({ lines: 20, cohorts: 5, seed: 43 });
  big.intervention.description = 'Indsatsen består af et gruppeforløb med ugentlige møder. '.repeat(150);
  big.notes = Array.from({ length: 50 }, (_, i) => ({ at: '2026-11-23T10:00:00Z', text: `Ændring ${i + 1}: justeret pris og deltagere.` }));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'som-bench-'));
  const file = path.join(dir, 'bench.som');
  fs.writeFileSync(file, serializeSom(big));
  try {
    results['engine read + parseSom (realistic file)'] = measure(() => parseSom(fs.readFileSync(file, 'utf8')), 2000);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return results;
}
