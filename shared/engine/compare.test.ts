import { describe, expect, it } from 'vitest';
import type { SomDocument } from '../som/schema';
import { RESULT_ACTORS, calculate } from './calc';
import { compare } from './compare';
import { basisProblem, resolveBasis } from './compare-basis';
import { differences } from './compare-inputs';
import { toCompareJson } from './compare-json';
import { syntheticDoc } from './synthetic';
import { goldenSom as golden } from '../../test-support/golden';


function close(a: number, b: number, what = '') {
  expect(Math.abs(a - b) <= 1e-6 + 1e-9 * Math.max(Math.abs(a), Math.abs(b)), `${what}: ${a} vs ${b}`).toBe(true);
}

/** PV at rate r to year P over [P1, P2] of flows given per calendar year. */
function pvOf(flows: Map<number, number>, r: number, P: number, P1: number, P2: number): number {
  let s = 0;
  for (const [t, v] of flows) if (t >= P1 && t <= P2) s += v * Math.pow(1 + r, -(t - P));
  return s;
}

describe('compare: basis', () => {
  it('defaults: earliest start year, first calculation’s rate, period P … P + 5', () => {
    const a = syntheticDoc({ startYear: 2021, seed: 1 });
    const b = syntheticDoc({ startYear: 2019, seed: 2 });
    a.parameters.discountRate = 0.035;
    b.parameters.discountRate = 0.04;
    expect(resolveBasis([a, b])).toEqual({ priceYear: 2019, discountRate: 0.035, periodStart: 2019, periodEnd: 2024 });
    expect(resolveBasis([a, b], { priceYear: 2022 })).toEqual({ priceYear: 2022, discountRate: 0.035, periodStart: 2022, periodEnd: 2027 });
    expect(resolveBasis([a, b], { periodStart: 2020, periodEnd: 2030 }).periodEnd).toBe(2030);
  });
  it('refuses a bad basis in Danish', () => {
    expect(basisProblem({ priceYear: 2020, discountRate: 0.3, periodStart: 2020, periodEnd: 2025 })).toMatch(/Diskonteringsrenten/);
    expect(basisProblem({ priceYear: 2020, discountRate: 0.04, periodStart: 2019, periodEnd: 2025 })).toMatch(/før prisåret/);
    expect(basisProblem({ priceYear: 2020, discountRate: 0.04, periodStart: 2022, periodEnd: 2021 })).toMatch(/sidste år/);
    expect(basisProblem({ priceYear: 2020, discountRate: 0.04, periodStart: 2020, periodEnd: 2025 })).toBeNull();
    const a = syntheticDoc();
    expect(() => compare([a], { priceYear: 1800 })).toThrow(/Prisåret/);
  });
});

describe('compare: §14 formulas', () => {
  it('different start years and indexes: each net moved with its own index, discounted to P', () => {
    const a = syntheticDoc({ startYear: 2018, seed: 3, lines: 6, cohorts: 2 });
    const b = syntheticDoc({ startYear: 2021, seed: 4, lines: 5, cohorts: 3 });
    // b has its own index: 2018 = 0.9, 2021 = 1.0 (a keeps the default index 2018 = 1, 2021 = 1.06).
    b.parameters.priceIndex = { '2016': 0.85, '2017': 0.88, '2018': 0.9, '2019': 0.93, '2020': 0.97, '2021': 1.0 };
    const r = compare([a, b]);
    expect(r.basis).toEqual({ priceYear: 2018, discountRate: a.parameters.discountRate, periodStart: 2018, periodEnd: 2023 });
    expect(r.members[0].priceFactor).toBe(1);
    close(r.members[1].priceFactor, 0.9 / 1.0, 'factor b');
    expect(r.years[0]).toBe(2018);
    const ca = calculate(a);
    const cb = calculate(b);
    expect(r.years[r.years.length - 1]).toBe(Math.max(ca.years.at(-1)!, cb.years.at(-1)!));
    for (const act of RESULT_ACTORS) {
      const flows = new Map<number, number>();
      ca.years.forEach((y, i) => flows.set(y, (flows.get(y) ?? 0) + ca.actors[act].net[i]));
      cb.years.forEach((y, i) => flows.set(y, (flows.get(y) ?? 0) + cb.actors[act].net[i] * 0.9));
      close(r.portfolio.actors[act].pvNet, pvOf(flows, r.basis.discountRate, 2018, 2018, 2023), `portfolio ${act}`);
      // member b's yearly net on the common basis, 0 before its start
      const bi = r.years.indexOf(2021);
      expect(r.members[1].common[act].net.slice(0, bi).every((v) => v === 0)).toBe(true);
      close(r.members[1].common[act].net[bi + 1], cb.actors[act].net[1] * 0.9, `b net 2022 ${act}`);
    }
  });

  it('portfolio sums equal the members’ sums on the common basis (every actor, year, PV)', () => {
    const docs = [2019, 2020, 2022].map((y, i) => syntheticDoc({ startYear: y, seed: 10 + i, lines: 8, cohorts: 2 + i }));
    docs[1].view = { periodStart: 2021, periodEnd: 2035, actor: 'alle' };
    const r = compare(docs, { priceYear: 2020, discountRate: 0.035, periodStart: 2020, periodEnd: 2030 });
    for (const act of RESULT_ACTORS) {
      const p = r.portfolio.actors[act];
      for (let i = 0; i < r.years.length; i++) {
        close(p.net[i], r.members.reduce((s, m) => s + m.common[act].net[i], 0), `${act} ${r.years[i]}`);
        close(p.gains[i], r.members.reduce((s, m) => s + m.common[act].gains[i], 0), `${act} gains ${r.years[i]}`);
      }
      close(p.pvGains, r.members.reduce((s, m) => s + m.common[act].pvGains, 0), `${act} pvGains`);
      close(p.pvCosts, r.members.reduce((s, m) => s + m.common[act].pvCosts, 0), `${act} pvCosts`);
      close(p.pvNet, p.pvGains - p.pvCosts, `${act} pvNet`);
    }
    for (const m of r.members) {
      for (let i = 0; i < r.years.length; i++) {
        close(m.common.alle.net[i], m.common.kommune.net[i] + m.common.region.net[i] + m.common.stat.net[i], 'alle = Σ actors');
      }
    }
    expect(r.portfolio.participants).toBe(docs.reduce((s, d) => s + d.intervention.participants.reduce((x, y) => x + y, 0), 0));
    // a price year before a member's start: its kroner are deflated with its own index
    close(r.members[2].priceFactor, 1.04 / 1.08, 'factor 2022 → 2020');
  });

  it('a single-member portfolio on its own basis equals calc', () => {
    for (const name of ['seed-kontanthjaelp', 'icm-hjemloese', 'icm-periode-fra-2019', 'skole-angst', 'psykiatri-alkohol']) {
      const doc = golden(name);
      const c = calculate(doc);
      const r = compare([doc], {
        priceYear: doc.intervention.startYear,
        discountRate: doc.parameters.discountRate,
        periodStart: doc.view.periodStart,
        periodEnd: doc.view.periodEnd,
      });
      expect(r.years).toEqual(c.years);
      for (const act of RESULT_ACTORS) {
        const p = r.portfolio.actors[act];
        const o = c.actors[act];
        close(p.pvGains, o.pvGains, `${name} ${act} pvGains`);
        close(p.pvCosts, o.pvCosts, `${name} ${act} pvCosts`);
        close(p.pvNet, o.pvNet, `${name} ${act} pvNet`);
        expect(p.breakEvenYear, `${name} ${act}`).toBe(o.breakEvenYear);
        p.net.forEach((v, i) => close(v, o.net[i], `${name} ${act} net ${i}`));
        const m = r.members[0].common[act];
        expect(m.returnPerKrone === null ? null : m.returnPerKrone.toFixed(9)).toBe(o.returnPerKrone === null ? null : o.returnPerKrone.toFixed(9));
        if (o.breakEvenSuccessRate === null) expect(m.breakEvenSuccessRate).toBeNull();
        else close(m.breakEvenSuccessRate!, o.breakEvenSuccessRate, `${name} ${act} r*`);
        if (o.netGainPerParticipant !== null) close(m.netGainPerParticipant!, o.netGainPerParticipant, 'per participant');
      }
      expect(r.members[0].own.actors.alle.pvNet).toBe(c.actors.alle.pvNet);
      expect(r.warnings).toEqual([]);
    }
  });

  it('the seed case moved to 2022 prices is 1,08 × its 2018 flows, discounted from 2022', () => {
    const doc = golden('seed-kontanthjaelp');
    const c = calculate(doc);
    const r = compare([doc], { priceYear: 2022, periodStart: 2022, periodEnd: 2027, discountRate: 0.04 });
    close(r.members[0].priceFactor, 1.08, 'I(2022)/I(2018)');
    const flows = new Map<number, number>();
    c.years.forEach((y, i) => flows.set(y, c.actors.kommune.net[i] * 1.08));
    close(r.portfolio.actors.kommune.pvNet, pvOf(flows, 0.04, 2022, 2022, 2027), 'kommune');
    // the years before P are compounded (δ > 1), not dropped from the break-even test
    expect(r.discountFactors[0]).toBeCloseTo(Math.pow(1.04, 4), 12);
  });

  it('periods: the common period can differ from every member’s own period', () => {
    const a = golden('icm-hjemloese');
    const b = golden('icm-periode-fra-2019');
    const own = [calculate(a), calculate(b)];
    const r = compare([a, b], { periodStart: 2025, periodEnd: 2040 });
    expect(r.basis.priceYear).toBe(Math.min(a.intervention.startYear, b.intervention.startYear));
    for (const [i, m] of r.members.entries()) {
      expect(m.own.period).toEqual(own[i].period);
      const flows = new Map<number, number>();
      own[i].years.forEach((y, k) => flows.set(y, own[i].actors.alle.net[k] * m.priceFactor));
      close(m.common.alle.pvNet, pvOf(flows, r.basis.discountRate, r.basis.priceYear, 2025, 2040), `member ${i}`);
    }
    // a period beyond every horizon extends the years with zeros
    const far = compare([a], { periodStart: a.intervention.startYear, periodEnd: a.intervention.startYear + 60 });
    expect(far.years.at(-1)).toBe(a.intervention.startYear + 60);
  });

  it('break-even year of the portfolio is over the union of horizons', () => {
    const a = syntheticDoc({ startYear: 2020, seed: 21, lines: 4, cohorts: 1 });
    const b = syntheticDoc({ startYear: 2024, seed: 22, lines: 4, cohorts: 1 });
    const r = compare([a, b]);
    const cum = r.portfolio.actors.alle.cumulativeDiscountedNet;
    const be = r.portfolio.actors.alle.breakEvenYear;
    if (be === null) expect(cum.at(-1)!).toBeLessThan(0);
    else {
      const i = r.years.indexOf(be);
      expect(cum.slice(i).every((v) => v >= -1e-6)).toBe(true);
      if (i > 0) expect(cum[i - 1]).toBeLessThan(-1e-6);
    }
    expect(r.years.at(-1)).toBe(calculate(b).years.at(-1));
  });

  it('portfolio break-even success rate is the share of every calculation’s own rate', () => {
    const docs = [syntheticDoc({ seed: 31 }), syntheticDoc({ seed: 32, startYear: 2021 })];
    const r = compare(docs);
    const p = r.portfolio.actors.alle;
    const x = p.breakEvenSuccessRate!;
    expect(x).toBeGreaterThan(0);
    // scale both success rates by x: the portfolio PV of net gain is 0
    const scaled = docs.map((d) => ({
      ...d,
      intervention: { ...d.intervention, effect: { ...d.intervention.effect, successRate: d.intervention.effect.successRate * x } },
    }));
    close(compare(scaled, r.basis).portfolio.actors.alle.pvNet, 0, 'PV at the break-even share');
  });
});

describe('compare: warnings', () => {
  const withKnowledge = (d: SomDocument, release: string | null, sha = 'a'.repeat(64)) => {
    d.knowledge = release === null ? null : { release, sha256: sha };
    return d;
  };
  it('same knowledge target group twice names both calculations', () => {
    const a = syntheticDoc({ seed: 1 });
    const b = syntheticDoc({ seed: 2 });
    const c = syntheticDoc({ seed: 3 });
    a.intervention.name = 'ICM';
    b.intervention.name = 'Housing First';
    c.intervention.name = 'Egen gruppe';
    a.intervention.targetGroup = { id: 'tg-hjem', label: 'Hjemløse', successMeasureId: null, successMeasureLabel: null };
    b.intervention.targetGroup = { ...a.intervention.targetGroup };
    c.intervention.targetGroup = { id: null, label: 'Hjemløse', successMeasureId: null, successMeasureLabel: null };
    const r = compare([a, b, c]);
    const w = r.warnings.filter((x) => x.includes('samme målgruppe'));
    expect(w).toHaveLength(1);
    expect(w[0]).toContain('«ICM» og «Housing First»');
    expect(w[0]).not.toContain('Egen gruppe');
  });
  it('different knowledge releases; a calculation without one names none', () => {
    const a = withKnowledge(syntheticDoc({ seed: 1 }), '2024.1');
    const b = withKnowledge(syntheticDoc({ seed: 2 }), null);
    expect(compare([a, b]).warnings.some((w) => w.includes('udgaver af vidensdatabasen'))).toBe(false);
    const c = withKnowledge(syntheticDoc({ seed: 3 }), '2025.1', 'b'.repeat(64));
    a.intervention.name = 'A';
    c.intervention.name = 'C';
    const w = compare([a, b, c]).warnings.find((x) => x.includes('udgaver af vidensdatabasen'));
    expect(w).toContain('«A»: 2024.1');
    expect(w).toContain('«C»: 2025.1');
    const same = withKnowledge(syntheticDoc({ seed: 4 }), '2024.1');
    expect(compare([a, same]).warnings.some((x) => x.includes('udgaver'))).toBe(false);
  });
  it('a price move that needs the nearest index year warns, naming the calculation', () => {
    const a = syntheticDoc({ seed: 5, startYear: 2020 });
    const b = syntheticDoc({ seed: 6, startYear: 2030 });
    b.intervention.name = 'Fremtid';
    b.parameters.priceIndex = { ...b.parameters.priceIndex };
    const r = compare([a, b]);
    // 2030 is not in the default index (1998–2023): 2023 is used
    const w = r.warnings.filter((x) => x.includes('prisindekset'));
    expect(w).toHaveLength(1);
    expect(w[0]).toContain('«Fremtid»');
    expect(w[0]).toContain('2030');
    expect(w[0]).toContain('2023');
    close(r.members[1].priceFactor, 1.04 / 1.11, 'I(2020)/I(2023 for 2030)');
    // members' own warnings stay on their own results
    expect(r.members[1].own.warnings).toEqual(calculate(b).warnings);
  });
});

describe('compare: differences and JSON', () => {
  it('input by input, highlighted where they differ', () => {
    const a = golden('icm-hjemloese');
    const b = golden('icm-periode-fra-2019');
    const rows = differences([a, b]);
    const byKey = new Map(rows.map((r) => [r.key, r]));
    for (const k of ['targetGroup', 'startYear', 'participants', 'costs', 'successRate', 'ownPrices', 'discountRate', 'period', 'knowledge']) {
      expect(byKey.has(k), k).toBe(true);
    }
    expect(byKey.get('period')!.differs).toBe(true);
    expect(byKey.get('period')!.values).toEqual([`${a.view.periodStart}–${a.view.periodEnd}`, `${b.view.periodStart}–${b.view.periodEnd}`]);
    const c = structuredClone(a);
    c.intervention.effect.successRate = a.intervention.effect.successRate + 0.05;
    c.lines[0].useEstimates = false;
    c.lines[0].own = c.lines[0].own.map(() => null);
    c.lines[0].own[0] = -1;
    const d = differences([a, c]);
    expect(d.find((r) => r.key === 'successRate')!.differs).toBe(true);
    expect(d.find((r) => r.key === 'targetGroup')!.differs).toBe(false);
    const line = d.find((r) => r.label === `Konsekvens: ${a.lines[0].label}`)!;
    expect(line.values[1]).toBe('egne værdier');
    expect(line.differs).toBe(a.lines[0].useEstimates);
    // Where the values come from: a release, a course example's own figures, or nothing said.
    const stamped = { ...structuredClone(a), knowledge: { release: '2026.1', sha256: 'a'.repeat(64) } };
    const example = { ...structuredClone(a), knowledge: null, createdWith: 'SØM Desktop 0.1.0 (eksempelberegning)' };
    const bare = { ...structuredClone(a), knowledge: null, createdWith: 'SØM Desktop 0.1.0' };
    expect(differences([stamped, example, bare]).find((r) => r.key === 'knowledge')!.values).toEqual(['2026.1', 'ingen (kursusmaterialets tal)', 'ingen']);
  });

  it('JSON has exactly the keys of the format', () => {
    const r = compare([golden('seed-kontanthjaelp'), golden('skole-angst')]);
    const j = toCompareJson(r);
    expect(Object.keys(j)).toEqual(['basis', 'years', 'members', 'portfolio', 'warnings']);
    expect(Object.keys(j.basis)).toEqual(['priceYear', 'discountRate', 'periodStart', 'periodEnd']);
    expect(Object.keys(j.members[0])).toEqual(['name', 'startYear', 'actors']);
    expect(Object.keys(j.members[0].actors)).toEqual(['kommune', 'region', 'stat', 'alle']);
    expect(Object.keys(j.members[0].actors.kommune)).toEqual(['pvGains', 'pvCosts', 'pvNet', 'net']);
    expect(Object.keys(j.portfolio)).toEqual(['participants', 'actors']);
    expect(Object.keys(j.portfolio.actors.alle)).toEqual(['pvGains', 'pvCosts', 'pvNet', 'net', 'breakEvenYear']);
    expect(j.members[0].actors.alle.net).toHaveLength(j.years.length);
  });
});
