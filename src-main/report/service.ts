import type { ReportDeps } from './deps';
import { createChromiumPdfRenderer } from './pdf';

/** Report deps with the headless-Chromium PDF renderer (web host, command line, tests). */
export function createReportDeps(opts: { chromiumPath?: string } = {}): Required<ReportDeps> {
  return { pdf: createChromiumPdfRenderer(opts.chromiumPath) };
}
