/**
 * The wizard's live preview: the period's present values per actor, the price year and the
 * warnings of a document. The same numbers as `calculate` (both are `evaluate(prepare(doc))`),
 * without the per-line and per-area results that only Resultater and the report show, so a
 * keystroke does not build them.
 */
import type { SomDocument } from '../som/schema';
import { lookupIndex } from './calc-lines';
import type { CalcResult, Evaluation } from './calc-types';
import { evaluate } from './evaluate';
import { prepare } from './prepare';

export interface PreviewResult extends Pick<CalcResult, 'priceYear' | 'priceYearIndex' | 'warnings'> {
  period: Evaluation['period'];
  actors: Evaluation['actors'];
}

export function calculatePreview(doc: SomDocument): PreviewResult {
  const p = prepare(doc);
  const ev = evaluate(p);
  return {
    period: ev.period,
    actors: ev.actors,
    priceYear: p.startYear,
    priceYearIndex: lookupIndex(doc.parameters.priceIndex, p.startYear),
    warnings: [...p.warnings],
  };
}
