import { calcOutcome, type CalcOutcome, type EditableCalculation } from '../../lib/editable-calculation';
import type { SomDocument } from '../../../shared/som/schema';

/** A minimal EditableCalculation over one document (the wizard has the real one). */
export class HarnessCalculation implements EditableCalculation {
  doc = $state<SomDocument>() as SomDocument;
  id: string | null;
  fileName: string | null;
  readonly calculated: CalcOutcome = $derived.by(() => calcOutcome($state.snapshot(this.doc) as SomDocument));
  constructor(doc: SomDocument, id: string | null, fileName: string | null) {
    this.doc = doc;
    this.id = id;
    this.fileName = fileName;
  }
  setView(view: SomDocument['view']): void {
    this.doc.view = view;
  }
  setAnalysis(analysis: SomDocument['analysis']): void {
    this.doc.analysis = analysis;
  }
  setReportText(text: string): void {
    this.doc.report = { text };
  }
  /** Field errors (the harness has no Gem to block; tests read them). */
  errors: Record<string, string> = $state({});
  setFollowUp(followUp: SomDocument['followUp']): void {
    if (followUp === undefined) delete this.doc.followUp;
    else this.doc.followUp = followUp;
  }
  setError(field: string, message: string | null): void {
    if (message === null) delete this.errors[field];
    else this.errors[field] = message;
  }
}
