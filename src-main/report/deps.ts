import type { PdfRenderer, ReportPrinter } from './pdf';

export interface ReportDeps {
  /**
   * Renders the report HTML (shared/report/html.ts) to PDF bytes. The web host and the command
   * line use headless Chromium (`createReportDeps()` in ./service.ts); the Electron shell may give
   * its own (printToPDF). When absent, `calc.reportPdf` answers with a Danish 'unavailable' error.
   */
  pdf?: PdfRenderer;
  /** The OS print dialog for the report (Electron only); `calc.reportPrint` answers 'unavailable' without it. */
  printer?: ReportPrinter;
}
