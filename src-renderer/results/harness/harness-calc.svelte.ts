import type { EditableCalculation } from '../../lib/editable-calculation';
import type { SomDocument } from '../../../shared/som/schema';

/** A minimal EditableCalculation over one document (the wizard has the real one). */
export class HarnessCalculation implements EditableCalculation {
  doc = $state<SomDocument>() as SomDocument;
  id: string | null;
  fileName: string | null;
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
}
