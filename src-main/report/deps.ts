import type { PdfRenderer } from './pdf';

export interface ReportDeps {
  /**
   * Renders the report HTML (shared/report/html.ts) to PDF bytes. The web host and the command
   * line use headless Chromium (`createReportDeps()` in ./service.ts); the Electron shell may give
   * its own (printToPDF). When absent, `calc.reportPdf` answers with a Danish 'unavailable' error.
   */
  pdf?: PdfRenderer;
}
