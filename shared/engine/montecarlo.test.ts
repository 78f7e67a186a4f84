 
import { describe, expect, it } from 'vitest';
import { RESULT_ACTORS, calculate, evaluate, prepare } from './calc';
import { mulberry32, sampleTriangular } from './rng';
import { syntheticDoc } from './synthetic';
import {
  percentileSelect,
  percentilesSelect,
  DEFAULT_MC_RANGES,
  MonteCarloRun,
  histogram,
  monteCarloSettings,
  percentileSorted,
  runMonteCarlo,
  type MonteCarloRanges,
} from './montecarlo';
import { goldenNames, goldenSom as load } from '../../test-support/golden';

const names = goldenNames();

const zero: MonteCarloRanges = {
  successRate: { low: 1, high: 1 },
  costs: { low: 1, high: 1 },
  consequencesMeasured: { low: 1, high: 1 },
  consequencesForecast: { low: 1, high: 1 },
  prices: { low: 1, high: 1 },
};

describe('Monte Carlo (model.md §9)', () => {
  const doc = load('icm-hjemloese');
  const p = prepare(doc);

  it('same seed → identical draws; different seed → different draws', () => {
    const s = { seed: 123, draws: 500, ranges: DEFAULT_MC_RANGES };
    const a = new MonteCarloRun(p, s);
    a.step(500);
    const b = new MonteCarloRun(p, s);
    b.step(500);
    const c = new MonteCarloRun(p, { ...s, seed: 124 });
    c.step(500);
    expect(Array.from(a.pvNet[3])).toEqual(Array.from(b.pvNet[3]));
    expect(Array.from(a.pvNet[3])).not.toEqual(Array.from(c.pvNet[3]));
    expect(runMonteCarlo(p, s)).toEqual(runMonteCarlo(p, s));
  });

  it('the numbers do not depend on the step sizes', () => {
    const s = { seed: 9, draws: 1000, ranges: DEFAULT_MC_RANGES };
    const a = new MonteCarloRun(p, s);
    a.step(1000);
    const b = new MonteCarloRun(p, s);
    while (b.done < b.total) b.step(137);
    expect(Array.from(b.pvNet[0])).toEqual(Array.from(a.pvNet[0]));
    expect(b.result()).toEqual(a.result());
  });

  for (const name of names) {
    it(`${name}: zero-width ranges equal the deterministic result exactly`, () => {
      const d = load(name);
      const c = calculate(d);
      const r = runMonteCarlo(prepare(d), { seed: 1, draws: 200, ranges: zero });
      const pStart = c.period.start - c.startYear;
      for (const a of RESULT_ACTORS) {
        const f = c.actors[a];
        expect(r.actors[a].p5).toBe(f.pvNet);
        expect(r.actors[a].p50).toBe(f.pvNet);
        expect(r.actors[a].p95).toBe(f.pvNet);
        expect(r.actors[a].probPositive).toBe(f.pvNet > 0 ? 1 : 0);
        r.actors[a].fan.years.forEach((y, k) => {
          expect(y).toBe(c.period.start + k);
          expect(r.actors[a].fan.p50[k]).toBe(f.cumulativeNet[pStart + k]);
          expect(r.actors[a].fan.p5[k]).toBe(f.cumulativeNet[pStart + k]);
        });
      }
    });
  }

  it('every draw equals the engine\'s evaluate with the drawn values (exactly), also for a 20-line, 5-cohort case', () => {
    for (const d of [doc, syntheticDoc({ lines: 20, cohorts: 5 })]) {
      const pp = prepare(d);
      const run = new MonteCarloRun(pp, { seed: 77, draws: 60, ranges: DEFAULT_MC_RANGES });
      run.step(60);
      const rng = mulberry32(77);
      const r = DEFAULT_MC_RANGES;
      const m0 = pp.successRate;
      for (let k = 0; k < 60; k++) {
        const m = {
          successRateValue: sampleTriangular(rng, Math.max(0, m0 * r.successRate.low), m0, Math.min(1, m0 * r.successRate.high)),
          costs: sampleTriangular(rng, r.costs.low, 1, r.costs.high),
          consequencesMeasured: sampleTriangular(rng, r.consequencesMeasured.low, 1, r.consequencesMeasured.high),
          consequencesForecast: sampleTriangular(rng, r.consequencesForecast.low, 1, r.consequencesForecast.high),
          prices: sampleTriangular(rng, r.prices.low, 1, r.prices.high),
        };
        const ev = evaluate(pp, m);
        RESULT_ACTORS.forEach((a, ai) => expect(run.pvNet[ai][k]).toBe(ev.actors[a].pvNet));
      }
    }
  });

  it('zero-width ranges equal the deterministic result exactly for a synthetic 20-line, 5-cohort case', () => {
    const d = syntheticDoc({ lines: 20, cohorts: 5 });
    const c = calculate(d);
    const res = runMonteCarlo(prepare(d), { seed: 3, draws: 100, ranges: zero });
    for (const a of RESULT_ACTORS) expect(res.actors[a].p50).toBe(c.actors[a].pvNet);
  });

  it('percentiles are monotone, P(>0) is a share, the histogram counts every draw', () => {
    const r = runMonteCarlo(p, { seed: 2018, draws: 2000, ranges: DEFAULT_MC_RANGES });
    for (const a of RESULT_ACTORS) {
      const x = r.actors[a];
      expect(x.p5).toBeLessThanOrEqual(x.p50);
      expect(x.p50).toBeLessThanOrEqual(x.p95);
      expect(x.probPositive).toBeGreaterThanOrEqual(0);
      expect(x.probPositive).toBeLessThanOrEqual(1);
      expect(x.histogram.counts.reduce((s, v) => s + v, 0)).toBe(2000);
      x.fan.p5.forEach((v, k) => {
        expect(v).toBeLessThanOrEqual(x.fan.p50[k]);
        expect(x.fan.p50[k]).toBeLessThanOrEqual(x.fan.p95[k]);
      });
    }
    // The uncertain success rate spreads the kommune's result around its deterministic value.
    const det = calculate(doc).actors.alle.pvNet;
    expect(r.actors.alle.p5).toBeLessThan(det);
    expect(r.actors.alle.p95).toBeGreaterThan(det);
    expect(r.actors.alle.p95 - r.actors.alle.p5).toBeGreaterThan(10_000);
  });

  it('settings come from the file with defaults for the rest', () => {
    const s = monteCarloSettings({ monteCarlo: { seed: 5, draws: 300, ranges: { costs: { low: 1, high: 2 } } } });
    expect(s.seed).toBe(5);
    expect(s.draws).toBe(300);
    expect(s.ranges.costs).toEqual({ low: 1, high: 2 });
    expect(s.ranges.prices).toEqual(DEFAULT_MC_RANGES.prices);
    expect(monteCarloSettings(undefined).draws).toBe(10_000);
  });
});

describe('percentile and histogram helpers', () => {
  it('interpolates between order statistics', () => {
    const xs = Float64Array.from([1, 2, 3, 4, 5]);
    expect(percentileSorted(xs, 0)).toBe(1);
    expect(percentileSorted(xs, 0.5)).toBe(3);
    expect(percentileSorted(xs, 1)).toBe(5);
    expect(percentileSorted(xs, 0.1)).toBeCloseTo(1.4, 12);
  });
  it('selection gives exactly the percentile of the sorted values (ties, duplicates, sizes 1–500)', () => {
    const r = mulberry32(99);
    for (let t = 0; t < 300; t++) {
      const n = 1 + Math.floor(r() * 500);
      const few = r() < 0.3; // many equal values
      const xs = Float64Array.from({ length: n }, () => (few ? Math.floor(r() * 4) : (r() - 0.5) * 1e6));
      const sorted = xs.slice().sort();
      for (const q of [0, 0.05, 0.5, 0.95, 1, r()]) {
        expect(percentileSelect(xs.slice(), q), `n=${n} q=${q}`).toBe(percentileSorted(sorted, q));
      }
    }
  });
  it('several percentiles at once by nested selection give exactly the sorted values (sizes 1–3 000, ties)', () => {
    const r = mulberry32(7);
    for (let t = 0; t < 200; t++) {
      const n = 1 + Math.floor(r() * 3000);
      const few = r() < 0.3;
      const xs = Float64Array.from({ length: n }, () => (few ? Math.floor(r() * 5) - 2 : (r() - 0.5) * 1e7));
      const sorted = xs.slice().sort();
      const qs = [0.05, 0.5, 0.95, r(), 0, 1];
      expect(percentilesSelect(xs.slice(), qs), `n=${n}`).toEqual(qs.map((q) => percentileSorted(sorted, q)));
    }
  });
  it("the fan chart is each period year's 5 %, 50 % and 95 % percentile of the sorted draws (61-year period)", () => {
    const long = syntheticDoc({ lines: 6, cohorts: 3, seed: 5 });
    long.view = { ...long.view, periodEnd: long.view.periodStart + 60 };
    const run = new MonteCarloRun(prepare(long), { seed: 11, draws: 2000, ranges: DEFAULT_MC_RANGES });
    run.step(2000);
    const res = run.result();
    RESULT_ACTORS.forEach((a, ai) => {
      const fan = res.actors[a].fan;
      expect(fan.years).toHaveLength(61);
      for (let k = 0; k < 61; k++) {
        const sorted = run.copyYear(ai, k).sort();
        expect([fan.p5[k], fan.p50[k], fan.p95[k]], `${a} ${fan.years[k]}`).toEqual([0.05, 0.5, 0.95].map((q) => percentileSorted(sorted, q)));
      }
    });
  });
  it('bins values between min and max', () => {
    const h = histogram(Float64Array.from([0, 1, 2, 3, 10]), 2);
    expect(h.edges).toEqual([0, 5, 10]);
    expect(h.counts).toEqual([4, 1]);
    expect(histogram(Float64Array.from([7, 7]), 5)).toEqual({ edges: [7, 7], counts: [2] });
  });
});
