import { buildReportHtml } from '../shared/report/html';
import { createChromiumPdfRenderer } from '../src-main/report/pdf';
import { reportPdf } from '../src-main/report/render';
import { syntheticDoc } from '../shared/engine/synthetic';
import { measure, type Figure } from './measure';
import { goldenSom } from '../test-support/golden';

/**
 * Report generation (target ≤ 3 s): HTML only, PDF with a running Chromium, and PDF including
 * Chromium's start, for the small golden case and for a large one (33 lines, 5 cohorts, 61 years).
 */
export default async function (): Promise<Record<string, Figure>> {
  const doc = goldenSom('icm-hjemloese');
  const meta = { fileName: 'icm-hjemloese.som', appName: 'SØM Desktop', appVersion: 'bench', generatedAt: '2026-11-23T00:00:00Z' };
  const html = await measure(() => buildReportHtml({ doc, ...meta }), 20, 3);
  const warm = createChromiumPdfRenderer();
  let pdfWarm: Figure;
  try {
    pdfWarm = await measure(() => reportPdf(doc, meta, warm), 8, 1);
  } finally {
    await warm.close();
  }
  const cold = await measure(async () => {
    const r = createChromiumPdfRenderer();
    try {
      await reportPdf(doc, meta, r);
    } finally {
      await r.close();
    }
  }, 4, 0);
  const big = syntheticDoc({ lines: 33, cohorts: 5, seed: 5 });
  big.view = { ...big.view, periodEnd: big.view.periodStart + 60 };
  const bigMeta = { ...meta, fileName: 'stor.som' };
  const bigHtml = await measure(() => buildReportHtml({ doc: big, ...bigMeta }), 10, 2);
  const bigWarm = createChromiumPdfRenderer();
  let bigPdf: Figure;
  try {
    bigPdf = await measure(() => reportPdf(big, bigMeta, bigWarm), 5, 1);
  } finally {
    await bigWarm.close();
  }
  return {
    'report.html': html,
    'report.pdf-warm': pdfWarm,
    'report.pdf-cold-start': { ...cold, goal: 3000 },
    'report.html-33-lines-61-years': bigHtml,
    'report.pdf-warm-33-lines-61-years': { ...bigPdf, goal: 3000 },
  };
}
