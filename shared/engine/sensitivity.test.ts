 
import { describe, expect, it } from 'vitest';
import { calculate, evaluate, prepare, withDiscountRate, withSuccessRate } from './calc';
import {
  DEFAULT_SENSITIVITY,
  defaultScenarios,
  runScenarios,
  runSensitivity,
  scenarioMultipliers,
  switchingValues,
  tornado,
} from './sensitivity';
import type { Multipliers } from './calc';
import { goldenNames, goldenSom as load } from '../../test-support/golden';

const names = goldenNames();

describe('one-way sensitivity (model.md §8)', () => {
  const doc = load('icm-hjemloese');
  const p = prepare(doc);
  const res = runSensitivity(p);
  const row = (input: string) => res.rows.find((r) => r.input === input)!;

  it('the base equals the calculation', () => {
    const c = calculate(doc);
    expect(res.base.alle).toBe(c.actors.alle.pvNet);
    expect(res.base.kommune).toBe(c.actors.kommune.pvNet);
  });

  it('has the default cases of §8, labelled in words', () => {
    expect(row('successRate').cases.map((c) => c.label)).toEqual(['Succesrate 10 % i stedet for 20 %', 'Succesrate 30 % i stedet for 20 %']);
    expect(row('costs').cases.map((c) => c.value)).toEqual([0.9, 1.3]);
    expect(row('consequences').cases.map((c) => c.value)).toEqual([0.75, 1.25]);
    expect(row('prices').cases.map((c) => c.value)).toEqual([0.9, 1.1]);
    // 4 % is the document's own rate and is left out.
    expect(row('discountRate').cases.map((c) => c.value)).toEqual([0, 0.02, 0.035, 0.06]);
    expect(row('discountRate').cases[2].label).toBe('Diskonteringsrente 3,5 % i stedet for 4 %');
    expect(row('periodYears').cases.map((c) => c.value)).toEqual([3, 10, 20]);
  });

  it('moves in the expected directions', () => {
    const [lowRate, highRate] = row('successRate').cases;
    expect(lowRate.pvNet.alle).toBeLessThan(res.base.alle);
    expect(highRate.pvNet.alle).toBeGreaterThan(res.base.alle);
    const [cheap, dear] = row('costs').cases;
    expect(cheap.pvNet.kommune).toBeGreaterThan(res.base.kommune);
    expect(dear.pvNet.kommune).toBeLessThan(res.base.kommune);
    const [lessC, moreC] = row('consequences').cases;
    expect(lessC.pvNet.alle).toBeLessThan(res.base.alle);
    expect(moreC.pvNet.alle).toBeGreaterThan(res.base.alle);
  });

  it('each case equals a recalculation of the changed document', () => {
    const lowRate = row('successRate').cases[0];
    expect(lowRate.pvNet.alle).toBeCloseTo(calculate(withSuccessRate(doc, 0.1)).actors.alle.pvNet, 6);
    const r0 = row('discountRate').cases[0];
    expect(r0.pvNet.alle).toBeCloseTo(calculate(withDiscountRate(doc, 0)).actors.alle.pvNet, 6);
  });

  it('the tornado is sorted by swing and brackets the base where there are two cases', () => {
    const bars = tornado(res, 'alle');
    expect(bars.length).toBe(6);
    for (let i = 1; i < bars.length; i++) expect(bars[i - 1].swing).toBeGreaterThanOrEqual(bars[i].swing);
    const sr = bars.find((b) => b.input === 'successRate')!;
    expect(sr.lowValue).toBeLessThan(res.base.alle);
    expect(sr.highValue).toBeGreaterThan(res.base.alle);
    expect(sr.swing).toBeCloseTo(sr.highValue - sr.lowValue, 9);
  });

  it('edited settings are used', () => {
    const r2 = runSensitivity(p, { ...DEFAULT_SENSITIVITY, successRate: { low: 0.25, high: 2 } });
    expect(r2.rows[0].cases.map((c) => c.value)).toEqual([0.05, 0.4]);
  });
});

describe('switching values', () => {
  for (const name of names) {
    it(`${name}: re-evaluating at each switching value gives PV net gain ≈ 0`, () => {
      const p = prepare(load(name));
      for (const actor of ['alle', 'kommune'] as const) {
        const base = evaluate(p).actors[actor];
        const scale = Math.max(1, Math.abs(base.pvGains) + Math.abs(base.pvCosts));
        for (const sv of switchingValues(p, actor)) {
          if (sv.value === null || sv.input === 'periodYears') continue;
          const m: Multipliers =
            sv.input === 'successRate'
              ? { successRateValue: sv.value }
              : sv.input === 'costs'
                ? { costs: sv.value }
                : sv.input === 'consequences'
                  ? { consequencesMeasured: sv.value, consequencesForecast: sv.value }
                  : sv.input === 'prices'
                    ? { prices: sv.value }
                    : { discountRate: sv.value };
          const v = evaluate(p, m).actors[actor].pvNet;
          expect(Math.abs(v) / scale, `${name} ${actor} ${sv.input} at ${sv.value}`).toBeLessThan(1e-9);
        }
      }
    });
  }

  it('the success-rate switching value is the break-even success rate of §7.6', () => {
    const p = prepare(load('icm-hjemloese'));
    const sv = switchingValues(p, 'alle').find((s) => s.input === 'successRate')!;
    expect(sv.value).toBeCloseTo(calculate(load('icm-hjemloese')).actors.alle.breakEvenSuccessRate!, 9);
    expect(sv.text).toContain('111,2 %');
  });

  it('the period switching value is the shortest period that breaks even', () => {
    const p = prepare(load('skole-angst'));
    const sv = switchingValues(p, 'alle').find((s) => s.input === 'periodYears')!;
    expect(sv.value).not.toBeNull();
    const n = sv.value!;
    expect(evaluate(p, { periodEnd: p.periodStart + n - 1 }).actors.alle.pvNet).toBeGreaterThanOrEqual(0);
    if (n > 1) expect(evaluate(p, { periodEnd: p.periodStart + n - 2 }).actors.alle.pvNet).toBeLessThan(0);
  });

  it('an actor without gains or costs has no switching value', () => {
    const p = prepare(load('seed-kontanthjaelp'));
    const region = switchingValues(p, 'region');
    expect(region.find((s) => s.input === 'successRate')!.value).toBeNull();
    expect(region.find((s) => s.input === 'costs')!.value).toBeNull();
  });
});

describe('scenarios', () => {
  const doc = load('icm-hjemloese');
  const p = prepare(doc);

  it('Basis equals the calculation; Forsigtig < Basis < Optimistisk', () => {
    const [f, b, o] = runScenarios(p, defaultScenarios());
    expect(b.name).toBe('Basis');
    expect(b.pvNet.alle).toBe(calculate(doc).actors.alle.pvNet);
    expect(f.pvNet.alle).toBeLessThan(b.pvNet.alle);
    expect(o.pvNet.alle).toBeGreaterThan(b.pvNet.alle);
    expect(f.changes[0]).toBe('Succesrate 50 % lavere (10 %)');
  });

  it('maps changes onto multipliers (factors multiply, the rate is clipped to [0, 1])', () => {
    expect(scenarioMultipliers(p, [{ input: 'successRate', value: 10 }])).toEqual({ successRateValue: 1 });
    expect(scenarioMultipliers(p, [{ input: 'costs', value: 2 }, { input: 'costs', value: 1.5 }])).toEqual({ costs: 3 });
    expect(scenarioMultipliers(p, [{ input: 'periodYears', value: 10 }])).toEqual({ periodEnd: 2027 });
    const m = scenarioMultipliers(p, [{ input: 'discountRate', value: 0.035 }]);
    expect(runScenarios(p, [{ id: 'x', name: 'x', changes: [{ input: 'discountRate', value: 0.035 }] }])[0].pvNet.alle).toBe(
      evaluate(p, m).actors.alle.pvNet,
    );
  });
});
