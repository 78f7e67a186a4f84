/** New .som documents and lines, with the model's defaults. */
import { YEARS_PER_LINE, type Actor, type SomDocument, type SomLine } from './schema';

/** Net price index 1998–2023, basis 2018 = 1,00 (model.md §11, "Anden viden"). */
export const DEFAULT_PRICE_INDEX: Readonly<Record<string, number>> = Object.freeze(
  Object.fromEntries(
    [
      0.69, 0.7, 0.72, 0.74, 0.76, 0.77, 0.79, 0.8, 0.82, 0.83, 0.86, 0.88, 0.9, 0.92, 0.94, 0.95, 0.95, 0.96, 0.97, 0.98,
      1.0, 1.02, 1.04, 1.06, 1.08, 1.11,
    ].map((v, i) => [String(1998 + i), v]),
  ),
);
export const DEFAULT_DISCOUNT_RATE = 0.04;
export const DEFAULT_TAX_RATES: Readonly<Record<Actor, number>> = Object.freeze({ kommune: 0.264, region: 0, stat: 0.121 });
export const DEFAULT_PERIOD_YEARS = 6;

export interface CreateEmptySomOptions {
  startYear: number;
  name?: string;
  yearsWithIntervention?: number;
  courseDurationMonths?: number;
  /** App name and version, e.g. "SØM Desktop 0.1.0". */
  createdWith?: string;
  /** ISO time of creation; default now. */
  savedAt?: string;
}

/** A valid new document: no lines, zero participants and costs, model defaults for the rest. */
export function createEmptySom(opts: CreateEmptySomOptions): SomDocument {
  const n = opts.yearsWithIntervention ?? 1;
  const zeros = () => new Array<number>(n).fill(0);
  return {
    format: 'som',
    formatVersion: 1,
    createdWith: opts.createdWith ?? 'SØM Desktop',
    savedAt: opts.savedAt ?? new Date().toISOString(),
    knowledge: null,
    intervention: {
      name: opts.name ?? 'Ny beregning',
      description: '',
      targetGroup: { id: null, label: '', successMeasureId: null, successMeasureLabel: null },
      startYear: opts.startYear,
      yearsWithIntervention: n,
      courseDurationMonths: opts.courseDurationMonths ?? 12,
      participants: zeros(),
      costs: { kommune: zeros(), region: zeros(), stat: zeros() },
      savedCosts: { kommune: zeros(), region: zeros(), stat: zeros() },
      effect: { measure: '', successRate: 0, conversion: null },
      assessment: { effectMeasure: '', targetGroup: '' },
    },
    lines: [],
    parameters: {
      discountRate: DEFAULT_DISCOUNT_RATE,
      taxRates: { ...DEFAULT_TAX_RATES },
      priceIndex: { ...DEFAULT_PRICE_INDEX },
    },
    view: { periodStart: opts.startYear, periodEnd: opts.startYear + DEFAULT_PERIOD_YEARS - 1, actor: 'alle' },
  };
}

/** An empty consequence line (all years blank), e.g. for *Brugerdefinerede ydelser*. */
export function createEmptyLine(opts: {
  id: string;
  label: string;
  area: string;
  unit: string;
  priceYear: number;
  direction?: 'expense' | 'revenue';
}): SomLine {
  return {
    id: opts.id,
    dimensionId: null,
    label: opts.label,
    area: opts.area,
    unit: opts.unit,
    direction: opts.direction ?? 'expense',
    taxableTransfer: false,
    useEstimates: false,
    estimate: new Array<number | null>(YEARS_PER_LINE).fill(null),
    estimateKind: new Array<'estimate' | 'forecast' | null>(YEARS_PER_LINE).fill(null),
    own: new Array<number | null>(YEARS_PER_LINE).fill(null),
    price: { priceYear: opts.priceYear, kommune: 0, region: 0, stat: 0, source: 'Egen pris' },
    ownPrice: { kommune: null, region: null, stat: null },
  };
}
