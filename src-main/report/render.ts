/**
 * Builds the report for a document: HTML (pure builder) and, with a renderer, the PDF.
 * Shared by the `calc.reportPdf` handler and the `som report` command line.
 */
import { buildReportHtml } from '../../shared/report/html';
import type { SomDocument } from '../../shared/som/schema';
import type { PdfRenderer } from './pdf';
import type { PriceIndexKind } from '../../shared/knowledge/price-index';
import { exportFileName } from '../../shared/store/filenames';

export interface ReportMeta {
  fileName: string | null;
  appName: string;
  appVersion: string;
  /** ISO time of generation; defaults to now. */
  generatedAt?: string;
  /** Actual/projected per price-index year, from the knowledge release (see `indexKindsFor` in shared/knowledge/price-index.ts). */
  indexKinds?: Readonly<Record<string, PriceIndexKind>>;
}


export function reportHtml(doc: SomDocument, meta: ReportMeta): string {
  return buildReportHtml({
    doc,
    fileName: meta.fileName,
    appName: meta.appName,
    appVersion: meta.appVersion,
    generatedAt: meta.generatedAt ?? new Date().toISOString(),
    indexKinds: meta.indexKinds,
  });
}

export async function reportPdf(doc: SomDocument, meta: ReportMeta, pdf: PdfRenderer): Promise<{ html: string; pdf: Uint8Array }> {
  const html = reportHtml(doc, meta);
  const bytes = await pdf.render(html, { fileName: meta.fileName, title: doc.intervention.name });
  return { html, pdf: bytes };
}

/** A safe default file name for the PDF: "<name>.pdf" from the .som name or the intervention. */
export function reportFileName(doc: SomDocument, fileName: string | null, ext: 'pdf' | 'html' | 'xlsx'): string {
  return exportFileName(fileName ?? doc.intervention.name, ext, 'SØM-rapport');
}
