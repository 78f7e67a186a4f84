import type { ReportDeps } from './deps';
import { createChromiumPdfRenderer } from './pdf';

/** Report deps with the headless-Chromium PDF renderer (web host, command line, tests); no OS print dialog there. */
export function createReportDeps(opts: { chromiumPath?: string } = {}): Required<Pick<ReportDeps, 'pdf'>> {
  return { pdf: createChromiumPdfRenderer(opts.chromiumPath) };
}
