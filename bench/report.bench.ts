import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseSom } from '../shared/som/io';
import { buildReportHtml } from '../shared/report/html';
import { createChromiumPdfRenderer } from '../src-main/report/pdf';
import { reportPdf } from '../src-main/report/render';
import { projectRoot } from '../src-main/paths';
import { measure, type Figure } from './measure';

/** Report generation (target ≤ 3 s): HTML only, PDF with a running Chromium, and PDF including Chromium's start. */
export default async function (): Promise<Record<string, Figure>> {
  const doc = parseSom(readFileSync(path.resolve(projectRoot, '../shared/fixtures/golden/icm-hjemloese.som'), 'utf8'));
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
  return { 'report.html': html, 'report.pdf-warm': pdfWarm, 'report.pdf-cold-start': cold };
}
