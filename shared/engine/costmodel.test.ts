import { describe, expect, it } from 'vitest';
import { parseSom, serializeSom, SomFileError } from '../som/io';
import { createEmptySom } from '../som/new-document';
import type { SomDocument } from '../som/schema';
import { costModelSchema, type CostActivity, type SomCostModel } from '../som/costmodel';
import { calculate, evaluate, prepare, toResultsJson } from './calc';
import { runMonteCarlo } from './montecarlo';
import {
  applyDerivedCosts,
  costModelResults,
  costPerForloeb,
  deriveCosts,
  findCostMismatch,
  unitCost,
} from './costmodel';

const K1 = { kommune: 1, region: 0, stat: 0 };

function act(over: Partial<CostActivity> & Pick<CostActivity, 'id'>): CostActivity {
  return {
    label: over.id,
    kind: 'perParticipant',
    unit: { amount: 1000 },
    quantity: 1,
    withOverhead: false,
    shares: K1,
    replaced: false,
    ...over,
  };
}

function docWith(cm: SomCostModel, participants: number[], opts: { months?: number; startYear?: number } = {}): SomDocument {
  const doc = createEmptySom({
    startYear: opts.startYear ?? 2024,
    yearsWithIntervention: participants.length,
    courseDurationMonths: opts.months ?? 12,
    savedAt: '2026-01-01T00:00:00.000Z',
  });
  doc.intervention.participants = [...participants];
  doc.intervention.costModel = cm;
  applyDerivedCosts(doc.intervention);
  return doc;
}

describe('cost model derivation (model.md §12)', () => {
  it('per participant: unit × quantity × participants of the year the cohort starts', () => {
    const cm: SomCostModel = { overheadRate: 0, activities: [act({ id: 'a', unit: { amount: 1500 }, quantity: 2 })] };
    const d = deriveCosts(cm, [10, 0, 4], 3);
    expect(d.costs.kommune).toEqual([30_000, 0, 12_000]);
    expect(d.costs.region).toEqual([0, 0, 0]);
    expect(d.savedCosts.kommune).toEqual([0, 0, 0]);
  });

  it('per year: the same cost in every intervention year, whatever the participants', () => {
    const cm: SomCostModel = { overheadRate: 0, activities: [act({ id: 'a', kind: 'perYear', unit: { amount: 250_000 } })] };
    expect(deriveCosts(cm, [0, 5, 100], 3).costs.kommune).toEqual([250_000, 250_000, 250_000]);
  });

  it('one-off: only the first intervention year', () => {
    const cm: SomCostModel = { overheadRate: 0, activities: [act({ id: 'a', kind: 'oneOff', unit: { amount: 80_000 }, quantity: 3 })] };
    expect(deriveCosts(cm, [5, 5, 5, 5], 4).costs.kommune).toEqual([240_000, 0, 0, 0]);
  });

  it('hours × hourly rate is the unit cost', () => {
    const a = act({ id: 'a', unit: { hours: 3.5, hourlyRate: 420 }, quantity: 10 });
    expect(unitCost(a)).toBe(1470);
    expect(deriveCosts({ overheadRate: 0, activities: [a] }, [2], 1).costs.kommune[0]).toBeCloseTo(29_400, 9);
  });

  it('overhead multiplies only the activities marked with overhead', () => {
    const cm: SomCostModel = {
      overheadRate: 0.25,
      activities: [
        act({ id: 'with', kind: 'perYear', unit: { amount: 100_000 }, withOverhead: true }),
        act({ id: 'without', kind: 'perYear', unit: { amount: 50_000 }, withOverhead: false }),
      ],
    };
    expect(deriveCosts(cm, [1], 1).costs.kommune[0]).toBe(125_000 + 50_000);
    expect(deriveCosts({ ...cm, overheadRate: 0 }, [1], 1).costs.kommune[0]).toBe(150_000);
  });

  it('shares split an activity between the actors', () => {
    const cm: SomCostModel = {
      overheadRate: 0,
      activities: [act({ id: 'a', kind: 'perYear', unit: { amount: 90_000 }, shares: { kommune: 0.5, region: 0.3, stat: 0.2 } })],
    };
    const d = deriveCosts(cm, [0, 0], 2);
    expect(d.costs.kommune).toEqual([45_000, 45_000]);
    expect(d.costs.region[0]).toBeCloseTo(27_000, 9);
    expect(d.costs.stat[0]).toBeCloseTo(18_000, 9);
  });

  it('replaced activities become saved costs, with overhead and shares', () => {
    const cm: SomCostModel = {
      overheadRate: 0.1,
      activities: [
        act({ id: 'new', unit: { amount: 2_000 } }),
        act({ id: 'old', unit: { amount: 1_000 }, replaced: true, withOverhead: true, shares: { kommune: 0.5, region: 0.5, stat: 0 } }),
      ],
    };
    const d = deriveCosts(cm, [10, 20], 2);
    expect(d.costs.kommune).toEqual([20_000, 40_000]);
    expect(d.savedCosts.kommune[0]).toBeCloseTo(5_500, 9);
    expect(d.savedCosts.region[1]).toBeCloseTo(11_000, 9);
    expect(d.savedCosts.stat).toEqual([0, 0]);
  });

  it('several cohorts: per-participant costs follow each cohort\'s start year, not the year it finishes', () => {
    const doc = docWith({ overheadRate: 0, activities: [act({ id: 'a', unit: { amount: 100 } })] }, [1, 2, 3], { months: 24 });
    const r = calculate(doc);
    // Intervention years 2024–2026; the 24-month course ends two years later, but costs stay in the start years.
    expect(r.actors.kommune.costs.slice(0, 5)).toEqual([100, 200, 300, 0, 0]);
  });

  it('0 participants: no per-participant cost, and no cost per forløb', () => {
    const cm: SomCostModel = {
      overheadRate: 0,
      activities: [act({ id: 'a' }), act({ id: 'b', kind: 'perYear', unit: { amount: 10 } })],
    };
    const d = deriveCosts(cm, [0, 0], 2);
    expect(d.costs.kommune).toEqual([10, 10]);
    expect(costPerForloeb(d.costs, [0, 0])).toBeNull();
    const doc = docWith(cm, [0, 0]);
    expect(calculate(doc).costModel?.costPerForloeb).toBeNull();
  });

  it('cost per forløb = Σ gross costs / Σ participants, undiscounted, all actors, saved costs not subtracted', () => {
    const cm: SomCostModel = {
      overheadRate: 0.2,
      activities: [
        act({ id: 'p', unit: { hours: 10, hourlyRate: 500 }, withOverhead: true }), // 6.000 per participant
        act({ id: 'y', kind: 'perYear', unit: { amount: 30_000 }, shares: { kommune: 0, region: 1, stat: 0 } }),
        act({ id: 'o', kind: 'oneOff', unit: { amount: 12_000 } }),
        act({ id: 'r', unit: { amount: 999 }, replaced: true }),
      ],
    };
    const doc = docWith(cm, [10, 20]);
    const expected = (6_000 * 30 + 30_000 * 2 + 12_000) / 30;
    expect(calculate(doc).costModel?.costPerForloeb).toBeCloseTo(expected, 9);
  });
});

describe('the engine uses the derived costs', () => {
  const cm: SomCostModel = {
    overheadRate: 0.15,
    activities: [
      act({ id: 'p', unit: { hours: 20, hourlyRate: 450 }, withOverhead: true, shares: { kommune: 0.5, region: 0.5, stat: 0 } }),
      act({ id: 'y', kind: 'perYear', unit: { amount: 600_000 }, withOverhead: true }),
      act({ id: 'o', kind: 'oneOff', unit: { amount: 150_000 } }),
      act({ id: 'r', unit: { amount: 2_000 }, quantity: 3, replaced: true, shares: { kommune: 0, region: 0, stat: 1 } }),
    ],
  };

  it('even when the typed costs in memory are stale', () => {
    const doc = docWith(cm, [40, 50, 60]);
    const good = calculate(doc);
    const stale = structuredClone(doc);
    stale.intervention.costs.kommune = [0, 0, 0];
    stale.intervention.savedCosts.stat = [7, 7, 7];
    expect(calculate(stale).actors).toEqual(good.actors);
    const d = deriveCosts(cm, [40, 50, 60], 3);
    expect(good.actors.kommune.costs.slice(0, 3)).toEqual([0, 1, 2].map((i) => d.costs.kommune[i] - d.savedCosts.kommune[i]));
    expect(good.actors.stat.costs.slice(0, 3)).toEqual([0, 1, 2].map((i) => -d.savedCosts.stat[i]));
  });

  it('the sensitivity "costs" factor scales the derived gross costs, not the saved costs', () => {
    const doc = docWith(cm, [40, 50, 60]);
    const p = prepare(doc);
    const base = evaluate(p);
    const up = evaluate(p, { costs: 1.3 });
    const d = deriveCosts(cm, [40, 50, 60], 3);
    for (const a of ['kommune', 'region', 'stat'] as const) {
      for (let i = 0; i < 3; i++) {
        expect(up.actors[a].costs[i]).toBeCloseTo(1.3 * d.costs[a][i] - d.savedCosts[a][i], 6);
      }
    }
    expect(up.actors.alle.pvCosts).toBeGreaterThan(base.actors.alle.pvCosts);
  });

  it('the Monte Carlo "costs" range applies to the derived costs', () => {
    const doc = docWith(cm, [40, 50, 60]);
    doc.intervention.costs.kommune = [0, 0, 0]; // stale typed costs must not matter
    const p = prepare(doc);
    const fixed = { low: 1, high: 1 };
    const ranges = { successRate: fixed, consequencesMeasured: fixed, consequencesForecast: fixed, prices: fixed, costs: { low: 0.9, high: 1.3 } };
    const mc = runMonteCarlo(p, { seed: 1, draws: 400, ranges });
    const low = evaluate(p, { costs: 1.3 }).actors.alle.pvNet;
    const high = evaluate(p, { costs: 0.9 }).actors.alle.pvNet;
    const spread = high - low;
    expect(spread).toBeGreaterThan(100_000);
    // Only the costs vary, so every draw lies between the two ends, and the draws use most of the range.
    expect(mc.actors.alle.p5).toBeGreaterThanOrEqual(low - 1e-6);
    expect(mc.actors.alle.p95).toBeLessThanOrEqual(high + 1e-6);
    expect(mc.actors.alle.p95 - mc.actors.alle.p5).toBeGreaterThan(0.5 * spread);
  });

  it('PV per activity and actor adds up to the PV of the net cost; saved costs are positive', () => {
    const doc = docWith(cm, [40, 50, 60]);
    doc.view.periodEnd = 2025; // the period leaves out the last intervention year
    const r = calculate(doc);
    const cmr = r.costModel;
    expect(cmr).not.toBeNull();
    if (!cmr) return;
    for (const a of ['kommune', 'region', 'stat'] as const) {
      const net = cmr.activities.reduce((s, x) => s + (x.replaced ? -x.pv[a] : x.pv[a]), 0);
      expect(net).toBeCloseTo(r.actors[a].pvCosts, 6);
    }
    const saved = cmr.activities.find((x) => x.id === 'r');
    expect(saved?.pv.stat).toBeCloseTo(6_000 * 40 + (6_000 * 50) / 1.04, 6);
    expect(saved?.pv.alle).toBeGreaterThan(0);
    // Overhead: 15 % of the activities with overhead, as a part of their PV.
    const y = cmr.activities.find((x) => x.id === 'y');
    expect(y?.pvOverhead).toBeCloseTo(90_000 + 90_000 / 1.04, 6);
    expect(cmr.pvOverhead).toBeCloseTo(
      cmr.activities.filter((x) => !x.replaced).reduce((s, x) => s + x.pvOverhead, 0),
      9,
    );
  });

  it('som calc --json has the costModel object only with a cost model', () => {
    const doc = docWith(cm, [40, 50, 60]);
    const json = toResultsJson(calculate(doc));
    expect(json.costModel?.activities.map((a) => a.id)).toEqual(['p', 'y', 'o', 'r']);
    expect(Object.keys(json.costModel?.activities[0].pv ?? {})).toEqual(['kommune', 'region', 'stat', 'alle']);
    expect(typeof json.costModel?.costPerForloeb).toBe('number');
    delete doc.intervention.costModel;
    expect('costModel' in toResultsJson(calculate(doc))).toBe(false);
  });

  it('without a cost model nothing changes: the typed costs are used', () => {
    const doc = createEmptySom({ startYear: 2024, yearsWithIntervention: 2 });
    doc.intervention.costs.kommune = [100, 200];
    expect(calculate(doc).actors.kommune.costs.slice(0, 2)).toEqual([100, 200]);
    expect(costModelResults(doc.intervention, [1, 1], 0, 1)).toBeNull();
  });
});

describe('.som files with a cost model', () => {
  const cm: SomCostModel = {
    overheadRate: 0.1,
    activities: [
      act({ id: 'p', label: 'Støtteperson, samtaler', unit: { hours: 2, hourlyRate: 400.37 }, quantity: 13, withOverhead: true }),
      act({ id: 'r', label: 'Bostøtte', kind: 'perYear', unit: { amount: 33_333.33 }, replaced: true, shares: { kommune: 1 / 3, region: 1 / 3, stat: 1 / 3 } }),
    ],
  };

  it('the writer stores the derived costs, and the file reads back the same', () => {
    const doc = docWith(cm, [7, 9]);
    doc.intervention.costs.kommune = [1, 2]; // stale in memory
    const text = serializeSom(doc);
    const back = parseSom(text);
    expect(back.intervention.costModel).toEqual(cm);
    expect(findCostMismatch(back.intervention, 0)).toBeNull();
    expect(serializeSom(back)).toBe(text);
    // Key order of an activity as som-format.md lists them.
    expect(Object.keys(JSON.parse(text).intervention.costModel.activities[0])).toEqual([
      'id', 'label', 'kind', 'unit', 'quantity', 'withOverhead', 'shares', 'replaced',
    ]);
  });

  it('a file whose stored costs differ from the derived ones by more than 0,005 kr. is refused, naming actor and year', () => {
    const doc = docWith(cm, [7, 9]);
    const raw = JSON.parse(serializeSom(doc));
    raw.intervention.costs.kommune[1] += 0.004;
    expect(() => parseSom(JSON.stringify(raw))).not.toThrow();
    raw.intervention.costs.kommune[1] += 0.002;
    let err: unknown;
    try {
      parseSom(JSON.stringify(raw));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SomFileError);
    expect((err as Error).message).toMatch(/^Samlede omkostninger, kommune, år 2025: passer ikke med omkostningsmodellen/);
    const raw2 = JSON.parse(serializeSom(doc));
    raw2.intervention.savedCosts.stat[0] = 0;
    expect(() => parseSom(JSON.stringify(raw2))).toThrow(/^Sparede omkostninger \(erstattede indsatser\), stat, år 2024: passer ikke/);
  });

  it('the schema refuses bad cost models with Danish field names', () => {
    const base = JSON.parse(serializeSom(docWith(cm, [7, 9])));
    const bad = (f: (r: { intervention: { costModel: SomCostModel & { activities: unknown[] } } }) => void) => {
      const r = structuredClone(base);
      f(r);
      try {
        parseSom(JSON.stringify(r));
      } catch (e) {
        return (e as Error).message;
      }
      return 'accepted';
    };
    expect(bad((r) => (r.intervention.costModel.activities[0].shares = { kommune: 0.5, region: 0.4, stat: 0 }))).toBe(
      "Omkostningsmodel, aktivitet 'Støtteperson, samtaler', betales af: skal tilsammen være 100 %.",
    );
    expect(bad((r) => ((r.intervention.costModel.activities[0].unit as { hours: number }).hours = -1))).toMatch(
      /^Omkostningsmodel, aktivitet 'Støtteperson, samtaler', timer: skal være et antal timer mellem 0 og/,
    );
    expect(bad((r) => (r.intervention.costModel.activities[1].unit = { amount: 1, hours: 2, hourlyRate: 3 } as never))).toMatch(
      /^Omkostningsmodel, aktivitet 'Bostøtte', enhedspris: skal være et beløb/,
    );
    expect(bad((r) => (r.intervention.costModel.activities[1].id = 'p'))).toBe(
      "Omkostningsmodel, aktivitet 'Bostøtte', id: 'p' er brugt af en anden aktivitet; id skal være unikt.",
    );
    expect(bad((r) => (r.intervention.costModel.overheadRate = 1.5))).toBe('Omkostningsmodel, overheadsats: skal være en andel mellem 0 og 1.');
    expect(bad((r) => ((r.intervention.costModel.activities[0] as Record<string, unknown>).extra = 1))).toMatch(/ukendt felt 'extra'/);
    expect(
      bad((r) => {
        r.intervention.costModel.activities = Array.from({ length: 201 }, (_, i) => act({ id: `a${i}`, kind: 'perYear', unit: { amount: 0 } }));
      }),
    ).toBe('Omkostningsmodel, aktiviteter: har mere end 200 værdier, men må højst have 200.');
    // Shares that sum to 1 within 1e-9 are fine, a little more is not.
    const sharesOk = (stat: number) =>
      costModelSchema.safeParse({ overheadRate: 0, activities: [act({ id: 'a', shares: { kommune: 0.7, region: 0.2, stat } })] }).success;
    expect(sharesOk(0.1 + 5e-10)).toBe(true);
    expect(sharesOk(0.1 + 5e-9)).toBe(false);
  });
});
