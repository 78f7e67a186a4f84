/**
 * The comparison report (HTML from shared/report/compare-html.ts, PDF with the same renderer as
 * the calculation report) and the Excel export of its tables.
 */
import ExcelJS from 'exceljs';
import { compare, type CompareResult } from '../../shared/engine/compare';
import { buildCompareReportHtml } from '../../shared/report/compare-html';
import { KEY_FIGURE_COLUMNS, PORTFOLIO_LABEL, basisLabel, keyFigureRows } from '../../shared/report/compare-texts';
import { ACTOR_LABELS, FIGURE_ACTORS } from '../../shared/report/texts';
import type { ViewActor } from '../../shared/som/schema';
import { exportFileName } from '../../shared/store/filenames';
import type { SompDocument } from '../../shared/som/somp';
import type { PdfRenderer } from './pdf';
import type { ReportMeta } from './render';

export function compareReportHtml(doc: SompDocument, meta: ReportMeta & { actor?: ViewActor }): string {
  return buildCompareReportHtml({
    doc,
    actor: meta.actor,
    fileName: meta.fileName,
    appName: meta.appName,
    appVersion: meta.appVersion,
    generatedAt: meta.generatedAt ?? new Date().toISOString(),
  });
}

export async function compareReportPdf(doc: SompDocument, meta: ReportMeta & { actor?: ViewActor }, pdf: PdfRenderer): Promise<Uint8Array> {
  return pdf.render(compareReportHtml(doc, meta), { fileName: meta.fileName, title: doc.name });
}

/** A safe file name: "<name>.<ext>" from the .somp file name or the comparison's name. */
export function compareFileName(doc: SompDocument, fileName: string | null, ext: 'pdf' | 'html' | 'xlsx'): string {
  return exportFileName(fileName ?? doc.name, ext, 'SØM-sammenligning');
}

const KR = '#,##0;-#,##0';

/** The comparison's tables as a workbook: key figures, net gain per year, differences, warnings. */
export async function buildCompareXlsx(doc: SompDocument, result?: CompareResult): Promise<Uint8Array> {
  const r = result ?? compare(doc.members, doc.basis);
  const b = r.basis;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SØM Desktop';

  const keys = wb.addWorksheet('Nøgletal');
  keys.addRow(['Aktør', 'Beregning', 'Grundlag', ...KEY_FIGURE_COLUMNS.map((c) => c.label)]).font = { bold: true };
  for (const a of FIGURE_ACTORS) {
    for (const row of keyFigureRows(r, a)) {
      const xr = keys.addRow([ACTOR_LABELS[a], row.label, basisLabel(r, row), ...row.values]);
      if (row.portfolio) xr.font = { bold: true };
    }
  }
  keys.columns.forEach((c, i) => {
    c.width = i === 1 ? 36 : i === 2 ? 40 : 16;
    if (i >= 3) c.numFmt = KR;
  });
  const col = (key: string) => 4 + KEY_FIGURE_COLUMNS.findIndex((c) => c.key === key);
  keys.getColumn(col('returnPerKrone')).numFmt = '0.00';
  keys.getColumn(col('breakEvenYear')).numFmt = '0';
  keys.getColumn(col('breakEvenSuccessRate')).numFmt = '0.0%';
  keys.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];

  const years = wb.addWorksheet('Pr. år');
  years.addRow([`Kr. (${b.priceYear}-priser, fælles grundlag)`, 'Aktør', ...r.years.map(String)]).font = { bold: true };
  for (const a of FIGURE_ACTORS) {
    for (const m of r.members) years.addRow([m.name, ACTOR_LABELS[a], ...m.common[a].net]);
    years.addRow([PORTFOLIO_LABEL, ACTOR_LABELS[a], ...r.portfolio.actors[a].net]).font = { bold: true };
    years.addRow([`${PORTFOLIO_LABEL}: akkumuleret, tilbagediskonteret`, ACTOR_LABELS[a], ...r.portfolio.actors[a].cumulativeDiscountedNet]);
  }
  years.columns.forEach((c, i) => {
    c.width = i === 0 ? 44 : i === 1 ? 14 : 13;
    if (i >= 2) c.numFmt = KR;
  });
  years.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];

  const diff = wb.addWorksheet('Forskelle');
  diff.addRow(['Input', 'Forskel', ...r.members.map((m) => m.name)]).font = { bold: true };
  for (const d of r.differences) diff.addRow([d.label, d.differs ? 'ja' : 'nej', ...d.values]);
  diff.columns.forEach((c, i) => (c.width = i === 0 ? 30 : i === 1 ? 9 : 36));

  const basis = wb.addWorksheet('Grundlag');
  basis.addRow(['Fælles grundlag', 'Værdi']).font = { bold: true };
  basis.addRow(['Prisår', b.priceYear]);
  basis.addRow(['Diskonteringsrente', b.discountRate]).getCell(2).numFmt = '0.0%';
  basis.addRow(['Periode, første år', b.periodStart]);
  basis.addRow(['Periode, sidste år', b.periodEnd]);
  basis.addRow([]);
  basis.addRow(['Beregning', 'Faktor til fælles prisår']).font = { bold: true };
  for (const m of r.members) basis.addRow([m.name, m.priceFactor]).getCell(2).numFmt = '0.0000';
  basis.addRow([]);
  for (const w of r.warnings) basis.addRow(['Advarsel', w]);
  basis.getColumn(1).width = 40;
  basis.getColumn(2).width = 60;

  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
