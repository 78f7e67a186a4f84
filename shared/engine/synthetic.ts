/**
 * Deterministic synthetic .som documents for tests and benchmarks (also usable by the
 * sensitivity / Monte Carlo tests). Not used by the app itself.
 */
import { createEmptySom } from '../som/new-document';
import { mulberry32 } from './rng';
import type { SomDocument, SomLine } from '../som/schema';

/** A seeded generator uniform in [0, 1) (mulberry32). */
export const seededRandom = mulberry32;

const AREAS = ['Indkomstoverførsler', 'Sundhedsydelser', 'Sociale serviceydelser', 'Skat af indkomst', 'Grundskole', 'Beskæftigelse'];

export interface SyntheticOptions {
  lines?: number;
  cohorts?: number;
  seed?: number;
  startYear?: number;
}

/** A realistic calculation: `lines` knowledge lines (measured years then a forecast taper), `cohorts` intervention years. */
export function syntheticDoc(opts: SyntheticOptions = {}): SomDocument {
  const nLines = opts.lines ?? 20;
  const n = opts.cohorts ?? 5;
  const rnd = seededRandom(opts.seed ?? 1);
  const startYear = opts.startYear ?? 2020;
  const doc = createEmptySom({
    startYear,
    name: `Syntetisk beregning (${nLines} linjer, ${n} årgange)`,
    yearsWithIntervention: n,
    courseDurationMonths: 6 + Math.floor(rnd() * 30),
    createdWith: 'synthetic',
    savedAt: '2026-01-01T00:00:00.000Z',
  });
  const iv = doc.intervention;
  iv.description = 'Syntetisk testcase. '.repeat(20);
  iv.participants = Array.from({ length: n }, () => Math.round(10 + rnd() * 90));
  iv.costs.kommune = Array.from({ length: n }, () => Math.round(rnd() * 2_000_000));
  iv.costs.region = Array.from({ length: n }, () => Math.round(rnd() * 500_000));
  iv.savedCosts.kommune = Array.from({ length: n }, () => Math.round(rnd() * 200_000));
  iv.effect = { measure: 'Syntetisk mål', successRate: 0.05 + rnd() * 0.3, conversion: null };
  const lines: SomLine[] = [];
  for (let l = 0; l < nLines; l++) {
    const measured = 3 + Math.floor(rnd() * 5);
    const first = (rnd() - 0.7) * 30;
    const estimate: (number | null)[] = [];
    const kind: ('estimate' | 'forecast' | null)[] = [];
    for (let k = 0; k < 20; k++) {
      if (k < measured) {
        estimate.push(first * (1 - k * 0.1) + (rnd() - 0.5));
        kind.push('estimate');
      } else {
        const last = estimate[measured - 1] as number;
        estimate.push((last * (19 - k)) / (19 - measured + 1));
        kind.push('forecast');
      }
    }
    const own: (number | null)[] = new Array(20).fill(null);
    if (l % 4 === 0) own[1] = first * 1.1;
    lines.push({
      id: `linje-${l + 1}`,
      dimensionId: `dim-${l + 1}`,
      label: `Ydelse ${l + 1}`,
      area: AREAS[l % AREAS.length],
      unit: l % 2 === 0 ? 'uger' : 'dage',
      direction: l % 7 === 3 ? 'revenue' : 'expense',
      taxableTransfer: l % 5 === 0,
      useEstimates: true,
      estimate,
      estimateKind: kind,
      own,
      price: {
        priceYear: 2016 + (l % 4),
        kommune: Math.round(rnd() * 3000),
        region: l % 3 === 0 ? Math.round(rnd() * 4000) : 0,
        stat: Math.round(rnd() * 1500),
        source: 'syntetisk',
      },
      ownPrice: { kommune: l % 6 === 0 ? Math.round(rnd() * 3000) : null, region: null, stat: null },
    });
  }
  doc.lines = lines;
  doc.view = { periodStart: startYear, periodEnd: startYear + 9, actor: 'alle' };
  return doc;
}
