/**
 * Cost model benchmark `wizard.costModel50`: the engine part of the preview's recalculation after a
 * keystroke in a 50-activity cost model (derive the yearly costs, then the full calculation incl.
 * each activity's PV) on the synthetic 20-line, 5-cohort case. Goal ≤ 1 ms median.
 */
import { calculate } from '../shared/engine/calc';
import { applyDerivedCosts } from '../shared/engine/costmodel';
import { syntheticDoc, seededRandom } from '../shared/engine/synthetic';
import type { CostActivity } from '../shared/som/costmodel';
import { measureSync as measure, type Figure } from './measure';

export default async function (): Promise<Record<string, Figure>> {
  const doc = syntheticDoc({ lines: 20, cohorts: 5, seed: 42 });
  const rnd = seededRandom(50);
  const kinds = ['perParticipant', 'perYear', 'oneOff'] as const;
  const activities: CostActivity[] = Array.from({ length: 50 }, (_, i) => ({
    id: `a${i}`,
    label: `Aktivitet ${i + 1}`,
    kind: kinds[i % 3],
    unit: i % 2 === 0 ? { hours: Math.round(1 + rnd() * 40), hourlyRate: 300 + Math.round(rnd() * 300) } : { amount: Math.round(rnd() * 100_000) },
    quantity: 1 + Math.floor(rnd() * 10),
    withOverhead: i % 4 !== 0,
    shares: i % 5 === 0 ? { kommune: 0.5, region: 0.5, stat: 0 } : { kommune: 1, region: 0, stat: 0 },
    replaced: i % 7 === 0,
  }));
  doc.intervention.costModel = { overheadRate: 0.12, activities };
  let k = 0;
  return {
    'wizard.costModel50': measure(() => {
      // A keystroke changes one activity's hours; the preview re-derives and recalculates.
      const a = activities[k++ % 50];
      if ('hours' in a.unit) a.unit.hours += 1;
      else a.unit.amount += 1;
      applyDerivedCosts(doc.intervention);
      return calculate(doc).actors.alle.pvNet;
    }, 2000),
  };
}
