import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEmptyLine, createEmptySom } from '../som/new-document';
import type { FollowUp, FollowUpYear, SomDocument } from '../som/schema';
import { RESULT_ACTORS, calculate, evaluate, prepare, toResultsJson } from './calc';
import { calculateFollowUp, followUpJson, reforecastInputs } from './followup';
import { syntheticDoc } from './synthetic';
import { applyDerivedCosts } from './costmodel';
import { goldenSom as golden } from '../../test-support/golden';
import { followUpEntry as entry } from '../../test-support/followup';

const close = (a: number, b: number, what = '') =>
  expect(Math.abs(a - b) <= 1e-6 + 1e-9 * Math.max(Math.abs(a), Math.abs(b)), `${what}: ${a} vs ${b}`).toBe(true);

const withFollowUp = (doc: SomDocument, years: FollowUpYear[], asOf = '2099-12-31'): SomDocument => ({
  ...doc,
  followUp: { asOf, years } satisfies FollowUp,
});

/**
 * 2020–2022, a 12-month course (År 1 = the year after the start), 10 participants a year,
 * success rate 20 %, one line: −1 week of a service at 1.000 kr. (kommune) and 500 kr. (stat)
 * in År 1 and År 2; costs kommune 50.000 kr. and region 10.000 kr. a year.
 */
function smallDoc(): SomDocument {
  const doc = createEmptySom({ startYear: 2020, yearsWithIntervention: 3, savedAt: '2026-01-01T00:00:00Z' });
  const iv = doc.intervention;
  iv.participants = [10, 10, 10];
  iv.effect.successRate = 0.2;
  iv.costs.kommune = [50_000, 50_000, 50_000];
  iv.costs.region = [10_000, 10_000, 10_000];
  const line = createEmptyLine({ id: 'l', label: 'Ydelse', area: 'Område', unit: 'uger', priceYear: 2020 });
  line.own[0] = -1;
  line.own[1] = -1;
  line.price = { priceYear: 2020, kommune: 1000, region: 0, stat: 500, source: 'test' };
  doc.lines = [line];
  return doc;
}

describe('follow-up without actuals', () => {
  it('equals the forecast exactly (no follow-up entries, and entries with every value empty)', () => {
    for (const base of [smallDoc(), golden('seed-kontanthjaelp'), golden('icm-hjemloese'), syntheticDoc({ cohorts: 5, seed: 3 })]) {
      const s = base.intervention.startYear;
      for (const years of [[], [entry(s, { note: 'Ikke opgjort endnu' })]]) {
        const doc = withFollowUp(base, years);
        const f = calculateFollowUp(doc)!;
        expect(f.reforecast.actors).toEqual(f.forecast.actors);
        expect(f.reforecast.lines).toEqual(f.forecast.lines);
        expect(f.reforecast.successes).toEqual(f.forecast.successes);
        expect(f.forecast.actors).toEqual(calculate(base).actors);
        for (const a of RESULT_ACTORS) {
          for (const k of ['gains', 'costs', 'net'] as const) expect(f.differences[a][k].every((v) => v === 0)).toBe(true);
        }
        expect(f.coveredYears).toEqual([]);
        expect(f.realisedSuccessRate).toBeNull();
        expect(followUpJson(f).reforecast.actors).toEqual(toResultsJson(f.forecast).actors);
      }
    }
  });
  it('is null for a calculation without a follow-up', () => {
    expect(calculateFollowUp(smallDoc())).toBeNull();
  });
  it('prepare with no given successes is the plain calculation', () => {
    const doc = syntheticDoc({ cohorts: 4, seed: 9 });
    expect(calculate(doc, { cohortSuccesses: [null, null, undefined, null] })).toEqual(calculate(doc));
    expect(evaluate(prepare(doc, { cohortSuccesses: [] }), { successRate: 1.3, costs: 0.9 })).toEqual(
      evaluate(prepare(doc), { successRate: 1.3, costs: 0.9 }),
    );
  });
});

describe('re-forecast (actuals on some years and fields only)', () => {
  it('actual participants only: S(y) = actual participants × success rate, costs unchanged', () => {
    const base = smallDoc();
    const f = calculateFollowUp(withFollowUp(base, [entry(2021, { participants: 5 })]))!;
    // Cohort 2021 has 5 × 20 % = 1 success instead of 2; its År 1–2 are 2022–2023: −1 week each.
    const k = f.differences.kommune;
    expect(f.forecast.years.slice(0, 5)).toEqual([2020, 2021, 2022, 2023, 2024]);
    close(f.forecast.actors.kommune.gains[2], 4 * 1000, 'forecast 2022');
    close(f.reforecast.actors.kommune.gains[2], 3 * 1000, 'reforecast 2022');
    close(k.gains[2], -1000, 'diff 2022');
    close(k.gains[3], -1000, 'diff 2023');
    close(f.differences.stat.gains[3], -500, 'diff stat 2023');
    expect(k.gains[1]).toBe(0);
    expect(k.gains[4]).toBe(0);
    expect(k.costs.every((v) => v === 0)).toBe(true);
    close(k.net[2], -1000);
    close(f.differences.alle.net[2], -1500);
    expect(f.reforecast.totalParticipants).toBe(25);
    expect(f.coveredYears).toEqual([2021]);
    expect(f.realisedSuccessRate).toBeNull();
    expect(f.rows[0].successes).toEqual({ forecast: 2, actual: null, reforecast: 1 });
    // Same as the calculation with the participants typed in.
    const typed = structuredClone(base);
    typed.intervention.participants = [10, 5, 10];
    expect(f.reforecast.actors).toEqual(calculate(typed).actors);
  });

  it('actual successes replace participants × success rate for their cohort', () => {
    const base = smallDoc();
    const f = calculateFollowUp(withFollowUp(base, [entry(2020, { participants: 12, successes: 4 }), entry(2021, { successes: 1 })]))!;
    // 2021: cohort 2020 År 1 (4 successes) → 4 × 1.000; 2022: cohort 2020 År 2 (4) + cohort 2021 År 1 (1); 2023: 1 + 2 (2022, forecast).
    const g = f.reforecast.actors.kommune.gains;
    close(g[1], 4000, '2021');
    close(g[2], 5000, '2022');
    close(g[3], 3000, '2023');
    close(g[4], 2000, '2024');
    close(f.reforecast.actors.stat.gains[2], 2500, 'stat 2022');
    expect(f.reforecast.successes.slice(0, 5)).toEqual([0, 4, 1, 2, 0]);
    expect(f.reforecast.totalParticipants).toBe(32);
    // Realised success rate: only 2020 has both participants and successes.
    close(f.realisedSuccessRate!, 4 / 12);
    expect(f.totals.participants).toEqual({ years: [2020], forecast: 10, actual: 12 });
    expect(f.totals.successes.years).toEqual([2020, 2021]);
    close(f.totals.successes.forecast, 4);
    expect(f.totals.successes.actual).toBe(5);
    // Line detail follows the same successes.
    const line = f.reforecast.lines.find((l) => l.id === 'l')!;
    close(line.units[2], -5, 'units 2022');
    close(line.gains.kommune[2] + line.gains.stat[2], 7500);
  });

  it('given successes do not follow the success rate, but do follow the consequence and price factors', () => {
    const base = smallDoc();
    const { doc, cohortSuccesses } = reforecastInputs(withFollowUp(base, [2020, 2021, 2022].map((y) => entry(y, { successes: 3 }))));
    const p = prepare(doc, { cohortSuccesses });
    const plain = evaluate(p);
    expect(evaluate(p, { successRate: 2 }).actors.kommune.gains).toEqual(plain.actors.kommune.gains);
    const scaled = evaluate(p, { consequencesMeasured: 1.5, prices: 2 });
    plain.actors.kommune.gains.forEach((v, i) => close(scaled.actors.kommune.gains[i], 3 * v, `year ${i}`));
  });

  it('actual costs on some actors and years only', () => {
    const base = smallDoc();
    base.intervention.savedCosts.stat = [1000, 1000, 1000];
    const f = calculateFollowUp(
      withFollowUp(base, [entry(2020, { costs: { kommune: 62_000, region: null, stat: 3_000 } }), entry(2021, { savedCosts: { kommune: null, region: null, stat: 0 } })]),
    )!;
    const r = f.reforecast.actors;
    expect(r.kommune.costs.slice(0, 4)).toEqual([62_000, 50_000, 50_000, 0]);
    expect(r.region.costs.slice(0, 4)).toEqual([10_000, 10_000, 10_000, 0]);
    expect(r.stat.costs.slice(0, 4)).toEqual([2_000, 0, -1_000, 0]);
    expect(f.differences.kommune.costs.slice(0, 3)).toEqual([12_000, 0, 0]);
    expect(f.differences.stat.costs.slice(0, 3)).toEqual([3_000, 1_000, 0]);
    expect(f.differences.alle.net.slice(0, 3)).toEqual([-15_000, -1_000, 0]);
    // Gains are untouched; PV of costs moves by the discounted differences.
    expect(r.kommune.gains).toEqual(f.forecast.actors.kommune.gains);
    close(r.alle.pvCosts - f.forecast.actors.alle.pvCosts, 15_000 + 1_000 / 1.04);
    expect(f.coveredYears).toEqual([2020, 2021]);
    expect(f.rows[0].costs.kommune).toEqual({ forecast: 50_000, actual: 62_000 });
    expect(f.rows[1].savedCosts.stat).toEqual({ forecast: 1_000, actual: 0 });
  });

  it('leaves years with only a note uncovered and counts a year with one saved cost as covered', () => {
    const f = calculateFollowUp(
      withFollowUp(smallDoc(), [entry(2020, { note: 'Tal kommer senere' }), entry(2021, { savedCosts: { kommune: null, region: null, stat: 5 } })]),
    )!;
    expect(f.coveredYears).toEqual([2021]);
    expect(f.rows.map((r) => r.covered)).toEqual([false, true]);
    expect(f.rows[0].note).toBe('Tal kommer senere');
  });

  it('agrees with a calculation where the cohort has successes / rate participants (gains are linear in S(y))', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 0, max: 3 }), fc.double({ min: 0, max: 50, noNaN: true }), (seed, cohort, s) => {
        const base = syntheticDoc({ cohorts: 4, lines: 6, seed });
        base.intervention.effect.successRate = 0.25;
        const y = base.intervention.startYear + cohort;
        const f = calculateFollowUp(withFollowUp(base, [entry(y, { successes: s })]))!;
        const typed = structuredClone(base);
        typed.intervention.participants[cohort] = s / 0.25;
        const t = calculate(typed);
        for (const a of RESULT_ACTORS) {
          f.reforecast.actors[a].gains.forEach((v, i) => close(v, t.actors[a].gains[i], `${a} ${i}`));
          close(f.reforecast.actors[a].pvGains, t.actors[a].pvGains, `${a} pv`);
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('break-even success rate of the re-forecast', () => {
  it('is the rate of the cohorts without actual successes that makes the PV of net gain 0', () => {
    const base = smallDoc();
    base.intervention.costs.kommune = [5_000, 5_000, 5_000];
    const fu = withFollowUp(base, [entry(2020, { participants: 10, successes: 1 })]);
    const f = calculateFollowUp(fu)!;
    for (const a of ['kommune', 'alle'] as const) {
      const rate = f.reforecast.actors[a].breakEvenSuccessRate!;
      expect(rate).toBeGreaterThan(0);
      expect(rate).toBeLessThan(1);
      // The same follow-up, with the document's rate at that value: PV of net gain 0 for the actor.
      const at = structuredClone(fu);
      at.intervention.effect.successRate = rate;
      close(calculateFollowUp(at)!.reforecast.actors[a].pvNet, 0, a);
    }
    expect(f.reforecast.actors.region.breakEvenSuccessRate).toBeNull(); // region has costs and no gains
  });
  it('is 0 when the given successes alone pay for the costs, and none when every cohort has actual successes', () => {
    const base = smallDoc();
    base.intervention.costs.kommune = [1_000, 0, 0];
    base.intervention.costs.region = [0, 0, 0];
    const some = calculateFollowUp(withFollowUp(base, [entry(2020, { successes: 5 })]))!;
    expect(some.reforecast.actors.kommune.breakEvenSuccessRate).toBe(0);
    const all = calculateFollowUp(withFollowUp(base, [2020, 2021, 2022].map((y) => entry(y, { successes: 1 }))))!;
    for (const a of RESULT_ACTORS) expect(all.reforecast.actors[a].breakEvenSuccessRate).toBeNull();
    expect(all.forecast.actors.kommune.breakEvenSuccessRate).not.toBeNull();
  });
});

describe('followUp JSON', () => {
  it('has the years covered, the realised rate and the re-forecast per actor', () => {
    const f = calculateFollowUp(withFollowUp(smallDoc(), [entry(2020, { participants: 8, successes: 2 }), entry(2021)]))!;
    const j = followUpJson(f);
    expect(Object.keys(j)).toEqual(['years', 'realisedSuccessRate', 'reforecast']);
    expect(j.years).toEqual([2020]);
    expect(j.realisedSuccessRate).toBe(0.25);
    expect(Object.keys(j.reforecast.actors)).toEqual(['kommune', 'region', 'stat', 'alle']);
    expect(j.reforecast.actors.alle).toEqual(toResultsJson(f.reforecast).actors.alle);
  });
});

describe('re-forecast of a calculation with a cost model', () => {
  it('keeps the derived costs when actual participants differ, and uses the actual costs where given', () => {
    const base = smallDoc();
    base.intervention.costModel = {
      overheadRate: 0,
      activities: [
        { id: 'a', label: 'Samtaler', kind: 'perParticipant', unit: { amount: 2000 }, quantity: 1, withOverhead: false, shares: { kommune: 1, region: 0, stat: 0 }, replaced: false },
      ],
    };
    applyDerivedCosts(base.intervention);
    expect(base.intervention.costs.kommune).toEqual([20_000, 20_000, 20_000]);
    const f = calculateFollowUp(
      withFollowUp(base, [entry(2020, { participants: 15 }), entry(2021, { participants: 5, costs: { kommune: 9_000, region: null, stat: null } })]),
    )!;
    expect(f.forecast.actors.kommune.costs.slice(0, 3)).toEqual([20_000, 20_000, 20_000]);
    expect(f.reforecast.actors.kommune.costs.slice(0, 3)).toEqual([20_000, 9_000, 20_000]);
    expect(f.reforecast.totalParticipants).toBe(30);
  });
});
