 
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createEmptySom, createEmptyLine } from '../som/new-document';
import { somDocumentSchema, ACTORS, type SomDocument, type SomLine } from '../som/schema';
import {
  calculate,
  evaluate,
  prepare,
  finishYear,
  horizonEnd,
  lookupIndex,
  breakEvenYear,
  withSuccessRate,
  withDiscountRate,
  withPeriodEnd,
  RESULT_ACTORS,
  TAX_LINE_LABEL,
  type CalcResult,
} from './calc';
import { syntheticDoc } from './synthetic';
import { goldenSom as golden } from '../../test-support/golden';

const clone = <T>(x: T): T => structuredClone(x);

function close(a: number, b: number, rel = 1e-9, abs = 1e-6): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= abs + rel * Math.max(Math.abs(a), Math.abs(b));
}
function expectClose(a: number | null, b: number | null, what = '') {
  if (a === null || b === null) {
    expect(a, what).toBe(b);
    return;
  }
  expect(close(a, b), `${what}: ${a} vs ${b}`).toBe(true);
}
function expectSameFigures(x: CalcResult['actors'], y: CalcResult['actors']) {
  for (const a of RESULT_ACTORS) {
    for (const k of ['gains', 'costs', 'net', 'cumulativeDiscountedNet'] as const) {
      expect(x[a][k].length, `${a}.${k} length`).toBe(y[a][k].length);
      x[a][k].forEach((v, i) => expectClose(v, y[a][k][i], `${a}.${k}[${i}]`));
    }
    for (const k of ['pvGains', 'pvCosts', 'pvNet', 'returnPerKrone', 'breakEvenSuccessRate', 'netGainPerParticipant', 'maxCostPerParticipant'] as const) {
      expectClose(x[a][k], y[a][k], `${a}.${k}`);
    }
  }
}

/** A one-line document: 1 participant who succeeds, År 1 change `delta` in the start year + 1. */
function oneLineDoc(opts: { startYear: number; priceYear: number; delta: number; prices: [number, number, number]; taxable?: boolean }): SomDocument {
  const doc = createEmptySom({ startYear: opts.startYear, savedAt: '2026-01-01T00:00:00Z' });
  doc.intervention.participants = [1];
  doc.intervention.effect.successRate = 1;
  const line = createEmptyLine({ id: 'l', label: 'Kontanthjælp', area: 'Indkomstoverførsler', unit: 'uger', priceYear: opts.priceYear });
  line.useEstimates = true;
  line.taxableTransfer = opts.taxable ?? false;
  line.estimate[0] = opts.delta;
  line.estimateKind[0] = 'estimate';
  line.price = { priceYear: opts.priceYear, kommune: opts.prices[0], region: opts.prices[1], stat: opts.prices[2], source: 'test' };
  doc.lines = [line];
  return doc;
}

describe('model.md worked figures (§5, §11)', () => {
  it('moves a 2018 price with the net price index: 1.000 kr. → 1.080 kr. (2022) and 920 kr. (2011)', () => {
    for (const [start, expected] of [[2022, 1080], [2011, 920], [2018, 1000]] as const) {
      const r = calculate(oneLineDoc({ startYear: start, priceYear: 2018, delta: -1, prices: [1000, 0, 0] }));
      expectClose(r.lines[0].prices!.kommune.price, expected, `price ${start}`);
      expect(r.lines[0].prices!.kommune.priceSource).toBe('knowledge');
      expect(r.warnings).toEqual([]);
    }
  });
  it('discounts 10.000 kr. in 2021 to 8.889,96 kr. in 2018 at 4 %', () => {
    const doc = createEmptySom({ startYear: 2018, yearsWithIntervention: 4, savedAt: '2026-01-01T00:00:00Z' });
    doc.intervention.costs.stat = [0, 0, 0, 10000];
    const r = calculate(doc);
    expect(Math.abs(r.actors.stat.pvCosts - 8889.96)).toBeLessThan(0.005);
    expect(Math.abs(r.actors.stat.discountedCosts[3] - 8889.96)).toBeLessThan(0.005);
  });
  it('§5: −2,9 weeks of kontanthjælp at 2.211/0/550 kr. and the tax it costs', () => {
    const r = calculate(oneLineDoc({ startYear: 2018, priceYear: 2018, delta: -2.9, prices: [2211, 0, 550], taxable: true }));
    const year = 2019 - 2018; // 12-month course started 2018 → År 1 is 2019
    const [main, tax] = r.lines;
    expect(Math.abs(main.gains.kommune[year] - 6411.9)).toBeLessThan(0.005);
    expect(Math.abs(main.gains.stat[year] - 1595.0)).toBeLessThan(0.005);
    expect(tax.derivedFrom).toBe('l');
    expect(tax.label).toBe(TAX_LINE_LABEL);
    expect(tax.area).toBe('Skat af indkomst');
    // model.md prints 2.113,83 and 968,87; the exact products are 0,264 × 2,9 × 2.761 = 2.113,8216
    // and 0,121 × 2,9 × 2.761 = 968,8349 (the text rounds intermediate figures), hence 0,05 here.
    expect(Math.abs(tax.gains.kommune[year] - -2113.83)).toBeLessThan(0.05);
    expect(Math.abs(tax.gains.stat[year] - -968.87)).toBeLessThan(0.05);
    expect(tax.gains.kommune[year]).toBeCloseTo(-0.264 * 2.9 * 2761, 9);
    expect(tax.gains.stat[year]).toBeCloseTo(-0.121 * 2.9 * 2761, 9);
    expect(Math.abs(tax.gains.region[year])).toBe(0);
  });
  it('the seed kontanthjælp case: net gain 2019 and PV 2018 over 2018–2023', () => {
    const r = calculate(golden('seed-kontanthjaelp'));
    const i2019 = r.years.indexOf(2019);
    expect(Math.abs(r.actors.kommune.net[i2019] - 8447.4)).toBeLessThan(0.005);
    expect(Math.abs(r.actors.stat.net[i2019] - 1247.71)).toBeLessThan(0.005);
    expect(Math.abs(r.actors.kommune.pvNet - -78521.78)).toBeLessThan(0.005);
    expect(Math.abs(r.actors.stat.pvNet - 3172.4)).toBeLessThan(0.005);
    expect(Math.abs(r.actors.alle.pvNet - -75349.38)).toBeLessThan(0.005);
    expect(r.successes[i2019]).toBeCloseTo(2, 12);
  });
  it('the seed case without the tax line: −59.917,68 kr.', () => {
    const doc = golden('seed-kontanthjaelp');
    doc.lines[0].taxableTransfer = false;
    const r = calculate(doc);
    expect(Math.abs(r.actors.alle.pvNet - -59917.68)).toBeLessThan(0.005);
    expect(r.lines.length).toBe(1);
  });
});

describe('rules', () => {
  it('finish year f(y) = y + floor((6 + D) / 12)', () => {
    expect(finishYear(2018, 12)).toBe(2019);
    expect(finishYear(2018, 24)).toBe(2020);
    expect(finishYear(2018, 3)).toBe(2018);
    expect(finishYear(2018, 6)).toBe(2019);
    expect(finishYear(2018, 5)).toBe(2018);
    expect(finishYear(2018, 18)).toBe(2020);
  });
  it('the full horizon runs to År 20 of the last cohort or to the period end', () => {
    const doc = golden('psykiatri-alkohol');
    expect(horizonEnd(doc)).toBe(2046);
    expect(horizonEnd(doc, 2080)).toBe(2080);
    const r = calculate(withPeriodEnd(doc, 2060));
    expect(r.years[0]).toBe(2024);
    expect(r.years[r.years.length - 1]).toBe(2060);
  });
  it('uses the nearest index year with a warning, deduplicated', () => {
    expect(lookupIndex({ '2018': 1, '2023': 1.11 }, 2030)).toEqual({ year: 2030, usedYear: 2023, value: 1.11 });
    expect(lookupIndex({ '2018': 1, '2023': 1.11 }, 1990)).toEqual({ year: 1990, usedYear: 2018, value: 1 });
    expect(lookupIndex({ '2018': 1, '2020': 1.04 }, 2019)?.usedYear).toBe(2018);
    const doc = golden('psykiatri-alkohol');
    expect(calculate(doc).warnings).toEqual(['prisindeks mangler for 2024; 2023 anvendt']);
    const old = oneLineDoc({ startYear: 2018, priceYear: 1995, delta: -1, prices: [100, 0, 0] });
    expect(calculate(old).warnings).toEqual(['prisindeks mangler for 1995; 1998 anvendt']);
  });
  it('no index warning when every actor uses an own price', () => {
    const doc = oneLineDoc({ startYear: 2030, priceYear: 2018, delta: -1, prices: [100, 50, 10] });
    doc.lines[0].ownPrice = { kommune: 1, region: 2, stat: 3 };
    const r = calculate(doc);
    expect(r.warnings).toEqual([]);
    expect(r.lines[0].prices!.region).toMatchObject({ priceSource: 'own', price: 2 });
  });
  it('an own price replaces that actor’s price, in price-year kroner, and feeds the tax line', () => {
    const doc = oneLineDoc({ startYear: 2022, priceYear: 2018, delta: -1, prices: [1000, 0, 500], taxable: true });
    doc.lines[0].ownPrice.kommune = 2000;
    const r = calculate(doc);
    const i = 1;
    expectClose(r.lines[0].gains.kommune[i], 2000);
    expectClose(r.lines[0].gains.stat[i], 540);
    expectClose(r.lines[1].gains.kommune[i], -(2000 + 540) * 0.264);
    expectClose(r.lines[1].gains.stat[i], -(2000 + 540) * 0.121);
  });
  it('break-even year: first year from which the cumulative discounted net stays ≥ 0', () => {
    expect(breakEvenYear([0, 0, 0], 2018)).toBe(2018);
    expect(breakEvenYear([-5, -1, 2, 3], 2018)).toBe(2020);
    expect(breakEvenYear([1, -1, 2, 3], 2018)).toBe(2020);
    expect(breakEvenYear([1, 2, -0.5], 2018)).toBeNull();
    expect(breakEvenYear([-1, -1e-9, 0], 2018)).toBe(2019);
    expect(calculate(golden('skole-angst')).actors.kommune.breakEvenYear).toBe(2022);
  });
  it('figure conventions: no cost → return per krone null, break-even success rate 0', () => {
    const r = calculate(golden('seed-kontanthjaelp'));
    expect(r.actors.region.returnPerKrone).toBeNull();
    expect(r.actors.region.breakEvenSuccessRate).toBe(0);
    expect(r.actors.region.breakEvenYear).toBe(2018);
  });
  it('break-even success rate is null when gains at 100 % are ≤ 0 but costs are not', () => {
    const doc = oneLineDoc({ startYear: 2018, priceYear: 2018, delta: 1, prices: [1000, 0, 0] });
    doc.intervention.costs.kommune = [500];
    const r = calculate(doc);
    expect(r.actors.kommune.pvGainsAtFullSuccess).toBeLessThan(0);
    expect(r.actors.kommune.breakEvenSuccessRate).toBeNull();
    expect(r.actors.kommune.returnPerKrone).toBeLessThan(0);
  });
  it('§4: no index warning without lines, for lines priced in the start year, or with the start year in the index', () => {
    const empty = createEmptySom({ startYear: 2040, savedAt: '2026-01-01T00:00:00Z' });
    empty.parameters.priceIndex = { '2018': 1 };
    expect(calculate(empty).warnings).toEqual([]);
    const sameYear = oneLineDoc({ startYear: 2040, priceYear: 2040, delta: -1, prices: [100, 0, 0] });
    sameYear.parameters.priceIndex = { '2018': 1 };
    expect(calculate(sameYear).warnings).toEqual([]);
    const inside = oneLineDoc({ startYear: 2020, priceYear: 2018, delta: -1, prices: [100, 0, 0] });
    expect(calculate(inside).warnings).toEqual([]);
    const moved = oneLineDoc({ startYear: 2040, priceYear: 2018, delta: -1, prices: [100, 0, 0] });
    moved.parameters.priceIndex = { '2018': 1, '2023': 1.11 };
    expect(calculate(moved).warnings).toEqual(['prisindeks mangler for 2040; 2023 anvendt']);
  });
  it('§7.8: the maximum cost per participant counts only cohorts that start in the period', () => {
    const doc = oneLineDoc({ startYear: 2020, priceYear: 2020, delta: -1, prices: [1000, 0, 0] });
    doc.intervention.yearsWithIntervention = 3;
    doc.intervention.participants = [10, 20, 40];
    for (const a of ACTORS) {
      doc.intervention.costs[a] = [0, 0, 0];
      doc.intervention.savedCosts[a] = [0, 0, 0];
    }
    doc.view.periodStart = 2021;
    doc.view.periodEnd = 2021;
    const r = calculate(doc);
    // Only the 2021 cohort starts in the period: δ(2021) × 20 participants.
    expectClose(r.actors.kommune.maxCostPerParticipant, r.actors.kommune.pvGains / (20 / 1.04));
    doc.view.periodStart = 2023;
    doc.view.periodEnd = 2025;
    expect(calculate(doc).actors.kommune.maxCostPerParticipant).toBeNull();
  });
  it('§7: sign tests treat float noise relative to the flows as 0', () => {
    // Costs that cancel to a few ulps of a large number are no cost: break-even rate 0, no return per krone.
    const doc = oneLineDoc({ startYear: 2018, priceYear: 2018, delta: -1, prices: [1e9, 0, 0] });
    doc.intervention.costs.kommune = [0.1 + 0.2];
    doc.intervention.savedCosts.kommune = [0.3];
    const r = calculate(doc);
    expect(r.actors.kommune.pvCosts).not.toBe(0);
    expect(r.actors.kommune.returnPerKrone).toBeNull();
    expect(r.actors.kommune.breakEvenSuccessRate).toBe(0);
    // A cumulative discounted net of −1e-3 kr. against flows of 1e9 kr. counts as 0 for the break-even year.
    expect(breakEvenYear([-1e9, -1e-3, 5], 2018, [1e9, 2e9, 2e9])).toBe(2019);
    expect(breakEvenYear([-1e9, -1e-3, 5], 2018)).toBe(2020);
  });
  it('per-participant figures are null without participants', () => {
    const doc = createEmptySom({ startYear: 2020, savedAt: '2026-01-01T00:00:00Z' });
    const r = calculate(doc);
    expect(r.actors.alle.netGainPerParticipant).toBeNull();
    expect(r.actors.alle.maxCostPerParticipant).toBeNull();
    expect(r.actors.alle.breakEvenYear).toBe(2020);
  });
  it('lines and areas add up to the actor gains', () => {
    const r = calculate(syntheticDoc({ lines: 12, cohorts: 3, seed: 7 }));
    for (const a of RESULT_ACTORS) {
      r.years.forEach((_, i) => {
        const byLine = r.lines.reduce((s, l) => s + l.gains[a][i], 0);
        const byArea = r.areas.reduce((s, ar) => s + ar.gains[a][i], 0);
        expectClose(byLine, r.actors[a].gains[i], `${a} line sum ${i}`);
        expectClose(byArea, r.actors[a].gains[i], `${a} area sum ${i}`);
      });
      expectClose(r.lines.reduce((s, l) => s + l.pv[a], 0), r.actors[a].pvGains, `${a} pv`);
    }
    expect(r.lines.some((l) => l.derivedFrom !== null)).toBe(true);
  });
});

// ---- property tests --------------------------------------------------------------------------

/** Realistic input values: at most 4 decimals (no sub-normal participants or prices). */
const finite = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => Math.min(max, Math.max(min, Math.round(x * 1e4) / 1e4)));
const yearValue = fc.option(finite(-50, 50), { nil: null, freq: 3 });

const lineArb = (i: number, startYear: number) =>
  fc
    .record({
      direction: fc.constantFrom('expense' as const, 'revenue' as const),
      taxableTransfer: fc.boolean(),
      useEstimates: fc.boolean(),
      estimate: fc.array(yearValue, { minLength: 20, maxLength: 20 }),
      kinds: fc.array(fc.constantFrom('estimate' as const, 'forecast' as const, null), { minLength: 20, maxLength: 20 }),
      own: fc.array(fc.option(finite(-50, 50), { nil: null, freq: 1 }), { minLength: 20, maxLength: 20 }),
      priceYear: fc.integer({ min: startYear - 10, max: startYear + 3 }),
      price: fc.tuple(finite(0, 5000), finite(0, 5000), finite(0, 5000)),
      ownPrice: fc.tuple(fc.option(finite(0, 5000), { nil: null, freq: 3 }), fc.option(finite(0, 5000), { nil: null, freq: 3 }), fc.option(finite(0, 5000), { nil: null, freq: 3 })),
      area: fc.constantFrom('A', 'B', 'C'),
    })
    .map((r): SomLine => ({
      id: `l${i}`,
      dimensionId: null,
      label: `Linje ${i}`,
      area: r.area,
      unit: 'uger',
      direction: r.direction,
      taxableTransfer: r.taxableTransfer,
      useEstimates: r.useEstimates,
      estimate: r.estimate,
      estimateKind: r.kinds,
      own: r.own,
      price: { priceYear: r.priceYear, kommune: r.price[0], region: r.price[1], stat: r.price[2], source: 'test' },
      ownPrice: { kommune: r.ownPrice[0], region: r.ownPrice[1], stat: r.ownPrice[2] },
    }));

const docArb: fc.Arbitrary<SomDocument> = fc
  .record({
    startYear: fc.integer({ min: 2000, max: 2030 }),
    n: fc.integer({ min: 1, max: 5 }),
    d: fc.integer({ min: 1, max: 120 }),
    nLines: fc.integer({ min: 0, max: 4 }),
    rate: finite(0, 1),
    discount: finite(0, 0.2),
    periodOffset: fc.integer({ min: 0, max: 3 }),
    periodLength: fc.integer({ min: 0, max: 25 }),
    seed: fc.integer(),
  })
  .chain((base) =>
    fc
      .record({
        participants: fc.array(finite(0, 200), { minLength: base.n, maxLength: base.n }),
        costs: fc.array(fc.array(finite(0, 1e6), { minLength: base.n, maxLength: base.n }), { minLength: 6, maxLength: 6 }),
        lines: fc.tuple(...Array.from({ length: base.nLines }, (_, i) => lineArb(i, base.startYear))),
      })
      .map((x) => {
        const doc = createEmptySom({ startYear: base.startYear, yearsWithIntervention: base.n, courseDurationMonths: base.d, savedAt: '2026-01-01T00:00:00Z' });
        doc.intervention.participants = x.participants;
        doc.intervention.costs = { kommune: x.costs[0], region: x.costs[1], stat: x.costs[2] };
        doc.intervention.savedCosts = { kommune: x.costs[3].map((c) => c / 4), region: x.costs[4].map((c) => c / 4), stat: x.costs[5].map((c) => c / 4) };
        doc.intervention.effect.successRate = base.rate;
        doc.parameters.discountRate = base.discount;
        doc.lines = x.lines as SomLine[];
        const ps = base.startYear + base.periodOffset;
        doc.view = { periodStart: ps, periodEnd: ps + base.periodLength, actor: 'alle' };
        return doc;
      }),
  );

const runs = { numRuns: 150 };

describe('properties', () => {
  it('generated documents are valid .som documents', () => {
    fc.assert(fc.property(docArb, (doc) => somDocumentSchema.safeParse(doc).success), { numRuns: 50 });
  });

  it('gains are linear in the success rate', () => {
    fc.assert(
      fc.property(docArb, finite(0, 1), (doc, r) => {
        const one = calculate(withSuccessRate(doc, 1));
        const at = calculate(withSuccessRate(doc, r));
        for (const a of RESULT_ACTORS) {
          one.actors[a].gains.forEach((g, i) => expectClose(at.actors[a].gains[i], r * g, `${a} gains[${i}]`));
          expectClose(at.actors[a].pvGains, r * one.actors[a].pvGains, `${a} pv`);
        }
      }),
      runs,
    );
  });

  it('success rate 0 gives zero gains everywhere', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const r = calculate(withSuccessRate(doc, 0));
        for (const a of RESULT_ACTORS) {
          expect(r.actors[a].gains.every((g) => g === 0)).toBe(true);
          expect(r.actors[a].pvGains).toBe(0);
        }
        for (const l of r.lines) expect(l.gains.alle.every((g) => g === 0)).toBe(true);
      }),
      runs,
    );
  });

  it('discount rate 0: present values are plain sums over the period', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const r = calculate(withDiscountRate(doc, 0));
        const inPeriod = (i: number) => r.years[i] >= r.period.start && r.years[i] <= r.period.end;
        for (const a of RESULT_ACTORS) {
          const sumG = r.actors[a].gains.reduce((s, g, i) => s + (inPeriod(i) ? g : 0), 0);
          const sumC = r.actors[a].costs.reduce((s, c, i) => s + (inPeriod(i) ? c : 0), 0);
          expectClose(r.actors[a].pvGains, sumG, `${a} gains`);
          expectClose(r.actors[a].pvCosts, sumC, `${a} costs`);
          expectClose(r.actors[a].cumulativeDiscountedNet.at(-1)!, r.actors[a].cumulativeNet.at(-1)!, `${a} cum`);
        }
      }),
      runs,
    );
  });

  it('own values override estimates year by year', () => {
    fc.assert(
      fc.property(docArb, fc.integer({ min: 0, max: 19 }), finite(-50, 50), finite(-50, 50), (doc, k, own, otherEstimate) => {
        fc.pre(doc.lines.length > 0);
        const withOwn = clone(doc);
        withOwn.lines[0].own[k] = own;
        // The estimate under an own value does not matter …
        const changedEstimate = clone(withOwn);
        changedEstimate.lines[0].estimate[k] = otherEstimate;
        // … and an own value acts like an estimate of the same size.
        const asEstimate = clone(withOwn);
        asEstimate.lines[0].own[k] = null;
        asEstimate.lines[0].estimate[k] = own;
        if (!asEstimate.lines[0].useEstimates) {
          asEstimate.lines[0].useEstimates = true;
          asEstimate.lines[0].estimate = asEstimate.lines[0].estimate.map((e, j) => (j === k ? own : asEstimate.lines[0].own[j] === null ? 0 : e));
        }
        const base = calculate(withOwn);
        expectSameFigures(calculate(changedEstimate).actors, base.actors);
        expectSameFigures(calculate(asEstimate).actors, base.actors);
      }),
      runs,
    );
  });

  it('a line without estimates in use and without own values contributes nothing', () => {
    fc.assert(
      fc.property(docArb, lineArb(99, 2010), (doc, extra) => {
        const line = { ...extra, useEstimates: false, own: new Array(20).fill(null) };
        const more = clone(doc);
        more.lines = [...more.lines, line];
        const a = calculate(doc);
        const b = calculate(more);
        expectSameFigures(b.actors, a.actors);
        const added = b.lines.filter((l) => l.id === 'l99' || l.derivedFrom === 'l99');
        for (const l of added) expect(l.gains.alle.every((g) => g === 0)).toBe(true);
      }),
      runs,
    );
  });

  it('moving the start year together with the price index leaves the results unchanged', () => {
    fc.assert(
      fc.property(docArb, fc.integer({ min: -8, max: 8 }), (doc, shift) => {
        const moved = clone(doc);
        moved.intervention.startYear += shift;
        moved.view.periodStart += shift;
        moved.view.periodEnd += shift;
        for (const l of moved.lines) l.price.priceYear += shift;
        moved.parameters.priceIndex = Object.fromEntries(
          Object.entries(doc.parameters.priceIndex).map(([y, v]) => [String(Number(y) + shift), v]),
        );
        const a = calculate(doc);
        const b = calculate(moved);
        expect(b.years).toEqual(a.years.map((y) => y + shift));
        expectSameFigures(b.actors, a.actors);
        for (const a2 of RESULT_ACTORS) {
          const ya = a.actors[a2].breakEvenYear;
          expect(b.actors[a2].breakEvenYear).toBe(ya === null ? null : ya + shift);
        }
      }),
      runs,
    );
  });

  it('calculate and evaluate(prepare) agree exactly', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const r = calculate(doc);
        const e = evaluate(prepare(doc));
        expect(e.actors).toEqual(r.actors);
        expect(e.years).toEqual(r.years);
        expect(e.period).toEqual(r.period);
      }),
      runs,
    );
  });

  it('evaluate with multipliers equals calculate of the changed document', () => {
    fc.assert(
      fc.property(docArb, finite(0, 2), finite(0, 2), finite(0, 2), finite(0, 2), finite(0, 0.2), fc.integer({ min: 0, max: 30 }), (doc, ms, mc, mp, mq, r, pe) => {
        const p = prepare(doc);
        const periodEnd = Math.max(doc.view.periodStart, doc.intervention.startYear + pe);
        // Success rate, discount rate and period end.
        expectSameFigures(
          evaluate(p, { successRate: ms, discountRate: r, periodEnd }).actors,
          calculate(withPeriodEnd(withDiscountRate(withSuccessRate(doc, doc.intervention.effect.successRate * ms), r), periodEnd)).actors,
        );
        // Gross costs.
        const costly = clone(doc);
        for (const a of ACTORS) costly.intervention.costs[a] = costly.intervention.costs[a].map((c) => c * mc);
        expectSameFigures(evaluate(p, { costs: mc }).actors, calculate(costly).actors);
        // All prices (knowledge and own).
        const pricey = clone(doc);
        for (const l of pricey.lines) {
          for (const a of ACTORS) {
            l.price[a] *= mp;
            if (l.ownPrice[a] !== null) l.ownPrice[a] = (l.ownPrice[a] as number) * mp;
          }
        }
        expectSameFigures(evaluate(p, { prices: mp }).actors, calculate(pricey).actors);
        // Forecast years only.
        const forecast = clone(doc);
        for (const l of forecast.lines) {
          l.estimate = l.estimate.map((e, k) => (e !== null && l.estimateKind[k] === 'forecast' && l.own[k] === null ? e * mq : e));
        }
        expectSameFigures(evaluate(p, { consequencesForecast: mq }).actors, calculate(forecast).actors);
        // Measured years: own values and estimates not tagged 'forecast'.
        const measured = clone(doc);
        for (const l of measured.lines) {
          l.own = l.own.map((o) => (o === null ? null : o * mq));
          l.estimate = l.estimate.map((e, k) => (e !== null && l.estimateKind[k] !== 'forecast' ? e * mq : e));
        }
        expectSameFigures(evaluate(p, { consequencesMeasured: mq }).actors, calculate(measured).actors);
      }),
      { numRuns: 100 },
    );
  });

  it('successRateValue sets the rate absolutely; break-even success rate breaks even', () => {
    fc.assert(
      fc.property(docArb, (doc) => {
        const p = prepare(doc);
        const base = evaluate(p);
        for (const a of RESULT_ACTORS) {
          const rs = base.actors[a].breakEvenSuccessRate;
          if (rs === null || rs === 0 || rs > 1e6 || base.actors[a].pvCosts < 1) continue;
          const at = evaluate(p, { successRateValue: rs });
          expect(Math.abs(at.actors[a].pvNet)).toBeLessThan(1e-6 * base.actors[a].pvCosts + 1e-6);
        }
      }),
      runs,
    );
  });
});
