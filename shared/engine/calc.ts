/**
 * The SØM calculation (docs: ../shared/docs/model.md §2–§7; readings in docs/engine.md).
 * Pure functions only: no I/O, no clocks, no randomness.
 *
 * Two levels:
 * - `prepare(doc)` does the per-line work once (Δ per cohort and year, prices, tax lines) and
 *   keeps per actor per year: gains per success (success rate 1) split into measured-year and
 *   forecast-year parts, gross costs and saved costs.
 * - `evaluate(prepared, multipliers)` turns that into yearly flows, present values and the §7
 *   figures in O(actors × years); sensitivity and Monte Carlo call it many times.
 * `calculate(doc)` = `evaluate(prepare(doc))` plus the per-line and per-area detail.
 *
 * This module is the engine's entrance: it re-exports the types (calc-types.ts), the per-line
 * arithmetic (calc-lines.ts), `prepare` (prepare.ts) and `evaluate` (evaluate.ts).
 */
import { ACTORS, type Actor } from '../som/basics';
import type { SomDocument } from '../som/schema';
import { costModelResults, toCostModelJson, type CostModelJson } from './costmodel';
import { lookupIndex } from './calc-lines';
import { RESULT_ACTORS, TAX_LINE_AREA, TAX_LINE_LABEL, type ActorFigures, type AreaResult, type ByActor, type CalcResult, type LineResult, type PrepareOptions } from './calc-types';
import { evaluate } from './evaluate';
import { prepare } from './prepare';

export * from './calc-types';
export * from './calc-lines';
export { prepare } from './prepare';
export { evaluate, breakEvenYear } from './evaluate';

// ---- calculate -------------------------------------------------------------------------------

function byActorArrays(len: number): ByActor<number[]> {
  return {
    kommune: new Array<number>(len).fill(0),
    region: new Array<number>(len).fill(0),
    stat: new Array<number>(len).fill(0),
    alle: new Array<number>(len).fill(0),
  };
}

/** The full calculation of a document (model.md §2–§7). */
export function calculate(doc: SomDocument, options: PrepareOptions = {}): CalcResult {
  const p = prepare(doc, options);
  const ev = evaluate(p);
  const len = ev.years.length;
  const pStart = ev.period.start - p.startYear;
  const pEnd = ev.period.end - p.startYear;
  const rate = ev.successRate;
  const disc = ev.discountFactors;

  const successes = new Array<number>(len).fill(0);
  for (let i = 0; i < p.participants.length; i++) {
    successes[i + p.finishOffset] += p.cohortSuccesses?.[i] ?? p.participants[i] * rate;
  }

  const lines: LineResult[] = [];
  const areaMap = new Map<string, AreaResult>();
  const addToArea = (area: string, gains: ByActor<number[]>, pv: ByActor<number>) => {
    let ar = areaMap.get(area);
    if (!ar) {
      ar = { area, gains: byActorArrays(len), pv: { kommune: 0, region: 0, stat: 0, alle: 0 } };
      areaMap.set(area, ar);
    }
    for (const a of RESULT_ACTORS) {
      const dst = ar.gains[a];
      const src = gains[a];
      for (let i = 0; i < len; i++) dst[i] += src[i];
      ar.pv[a] += pv[a];
    }
  };
  const build = (units: number[], unitValue: Record<Actor, number>) => {
    const gains = byActorArrays(len);
    const pv: ByActor<number> = { kommune: 0, region: 0, stat: 0, alle: 0 };
    for (const a of ACTORS) {
      const v = unitValue[a];
      const ga = gains[a];
      let acc = 0;
      for (let i = 0; i < len; i++) {
        const g = units[i] * v;
        ga[i] = g;
        gains.alle[i] += g;
        if (i >= pStart && i <= pEnd) acc += disc[i] * g;
      }
      pv[a] = acc;
      pv.alle += acc;
    }
    return { gains, pv };
  };

  for (const pl of p.lines) {
    const units = new Array<number>(len).fill(0);
    for (let i = 0; i < p.flowYears; i++) units[i] = rate * (pl.unitsMeasured[i] + pl.unitsForecast[i]);
    if (pl.givenMeasured && pl.givenForecast) {
      for (let i = 0; i < p.flowYears; i++) units[i] += pl.givenMeasured[i] + pl.givenForecast[i];
    }
    const l = pl.line;
    const main = build(units, pl.coef);
    lines.push({
      id: l.id,
      derivedFrom: null,
      dimensionId: l.dimensionId,
      label: l.label,
      area: l.area,
      unit: l.unit,
      direction: l.direction,
      units,
      unitValue: { ...pl.coef },
      prices: pl.prices,
      gains: main.gains,
      pv: main.pv,
    });
    addToArea(l.area, main.gains, main.pv);
    if (pl.taxCoef) {
      const tax = build(units, pl.taxCoef);
      lines.push({
        id: `${l.id}#skat`,
        derivedFrom: l.id,
        dimensionId: null,
        label: TAX_LINE_LABEL,
        area: TAX_LINE_AREA,
        unit: l.unit,
        direction: 'revenue',
        units,
        unitValue: { ...pl.taxCoef },
        prices: null,
        gains: tax.gains,
        pv: tax.pv,
      });
      addToArea(TAX_LINE_AREA, tax.gains, tax.pv);
    }
  }

  return {
    ...ev,
    startYear: p.startYear,
    priceYear: p.startYear,
    priceYearIndex: lookupIndex(doc.parameters.priceIndex, p.startYear),
    successes,
    totalParticipants: p.totalParticipants,
    lines,
    areas: [...areaMap.values()],
    costModel: costModelResults(doc.intervention, disc, pStart, pEnd),
    warnings: [...p.warnings],
  };
}

// ---- results JSON (som-format.md "Results as JSON") -----------------------------------------

export interface ResultsJsonActor {
  gains: number[];
  costs: number[];
  net: number[];
  pvGains: number;
  pvCosts: number;
  pvNet: number;
  breakEvenYear: number | null;
  returnPerKrone: number | null;
  breakEvenSuccessRate: number | null;
  netGainPerParticipant: number | null;
  maxCostPerParticipant: number | null;
}

export interface ResultsJson {
  priceYear: number;
  period: { start: number; end: number };
  years: number[];
  actors: ByActor<ResultsJsonActor>;
  warnings: string[];
  /** Only when the calculation has a cost model. */
  costModel?: CostModelJson;
}

/** One actor of the results JSON (also used for the follow-up's re-forecast). */
export function actorJson(f: ActorFigures): ResultsJsonActor {
  return {
    gains: [...f.gains],
    costs: [...f.costs],
    net: [...f.net],
    pvGains: f.pvGains,
    pvCosts: f.pvCosts,
    pvNet: f.pvNet,
    breakEvenYear: f.breakEvenYear,
    returnPerKrone: f.returnPerKrone,
    breakEvenSuccessRate: f.breakEvenSuccessRate,
    netGainPerParticipant: f.netGainPerParticipant,
    maxCostPerParticipant: f.maxCostPerParticipant,
  };
}

export function toResultsJson(r: CalcResult): ResultsJson {
  const actor = actorJson;
  return {
    priceYear: r.priceYear,
    period: { start: r.period.start, end: r.period.end },
    years: [...r.years],
    actors: {
      kommune: actor(r.actors.kommune),
      region: actor(r.actors.region),
      stat: actor(r.actors.stat),
      alle: actor(r.actors.alle),
    },
    warnings: [...r.warnings],
    ...(r.costModel ? { costModel: toCostModelJson(r.costModel) } : {}),
  };
}

// ---- document helpers ------------------------------------------------------------------------

/** A copy of the document with another success rate (for one-way sensitivity and tests). */
export function withSuccessRate(doc: SomDocument, successRate: number): SomDocument {
  return {
    ...doc,
    intervention: { ...doc.intervention, effect: { ...doc.intervention.effect, successRate } },
  };
}

/** A copy of the document with another discount rate. */
export function withDiscountRate(doc: SomDocument, discountRate: number): SomDocument {
  return { ...doc, parameters: { ...doc.parameters, discountRate } };
}

/** A copy of the document with another period end. */
export function withPeriodEnd(doc: SomDocument, periodEnd: number): SomDocument {
  return { ...doc, view: { ...doc.view, periodEnd } };
}
