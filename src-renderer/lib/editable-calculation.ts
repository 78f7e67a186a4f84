import type { SomDocument } from '../../shared/som/schema';
import { calculate, type CalcResult } from '../../shared/engine/calc';
import { errorMessage } from './error-message';

/** The engine's result, or the Danish reason the document cannot be calculated. */
export type CalcOutcome = { result: CalcResult; error: null } | { result: null; error: string };

export function calcOutcome(doc: SomDocument): CalcOutcome {
  try {
    return { result: calculate(doc), error: null };
  } catch (e) {
    return { result: null, error: errorMessage(e) };
  }
}

/**
 * The contract between the wizard (which owns the calculation being edited) and the
 * Resultater step / report (which read it and change only the view, the analysis and the report text).
 * The wizard's state class implements it; `doc` is reactive ($state).
 */
export interface EditableCalculation {
  /** The document as edited now (reactive). Read-only for consumers except through the setters. */
  readonly doc: SomDocument;
  /** Store id of the saved file, or null when never saved. */
  readonly id: string | null;
  /** The engine's result for `doc` as it is now (reactive), calculated once for every reader. */
  readonly calculated: CalcOutcome;
  /** File name shown in the report footer, e.g. "ICM hjemløse.som"; null when unsaved. */
  readonly fileName: string | null;
  setView(view: SomDocument['view']): void;
  setAnalysis(analysis: SomDocument['analysis']): void;
  setReportText(text: string): void;
  /** The actuals of passed years (Opfølgning); undefined removes them. */
  setFollowUp(followUp: SomDocument['followUp']): void;
  /** A field's Danish error (null clears it); a field with an error blocks saving. */
  setError(field: string, message: string | null): void;
}
