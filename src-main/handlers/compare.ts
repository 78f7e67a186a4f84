/**
 * Handlers of the compare channels: saved comparisons (.somp) in the file store, the comparison
 * report (PDF / HTML / print) and its Excel export. A document from the renderer is untrusted:
 * it is validated exactly like a .somp file read from disk.
 */
import { AppError } from '../../shared/errors';
import { parseSomp, type SompDocument } from '../../shared/som/somp';
import { buildCompareXlsx, compareFileName, compareReportHtml, compareReportPdf } from '../report/compare';
import type { HandlersFor } from './types';

export function validSomp(doc: unknown): SompDocument {
  let text: string;
  try {
    text = JSON.stringify(doc);
  } catch {
    throw new AppError('invalid-request', 'Sammenligningen kunne ikke læses.');
  }
  return parseSomp(text);
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

type CompareChannel =
  | 'compare.list'
  | 'compare.open'
  | 'compare.save'
  | 'compare.importFile'
  | 'compare.exportFile'
  | 'compare.reportPdf'
  | 'compare.reportHtml'
  | 'compare.reportPrint'
  | 'compare.exportXlsx';

export const compareHandlers: HandlersFor<CompareChannel> = {
  'compare.list': (deps) => deps.store.portfolioList(),
  'compare.open': (deps, a) => deps.store.portfolioOpen(a.id),
  'compare.save': (deps, a) => deps.store.portfolioSave(a.id, validSomp(a.doc)),
  'compare.importFile': (deps, a) => deps.store.portfolioImport(a.fileName, a.text),
  'compare.exportFile': (deps, a) => deps.store.portfolioExport(a.id),
  'compare.reportPdf': async (deps, a) => {
    const doc = validSomp(a.doc);
    const name = a.fileName ?? null;
    if (!deps.pdf) throw new AppError('unavailable', 'PDF-rapporten kan ikke laves i denne udgave af programmet.');
    const pdf = await compareReportPdf(doc, { fileName: name, appName: deps.appName, appVersion: deps.appVersion, actor: a.actor }, deps.pdf);
    return { fileName: compareFileName(doc, name, 'pdf'), base64: toBase64(pdf) };
  },
  'compare.reportHtml': (deps, a) => {
    const doc = validSomp(a.doc);
    const name = a.fileName ?? null;
    const html = compareReportHtml(doc, { fileName: name, appName: deps.appName, appVersion: deps.appVersion, actor: a.actor });
    return { fileName: compareFileName(doc, name, 'html'), html };
  },
  'compare.reportPrint': async (deps, a) => {
    const doc = validSomp(a.doc);
    const name = a.fileName ?? null;
    if (!deps.printer) {
      throw new AppError('unavailable', 'Udskrivning via printerdialogen findes kun i skrivebordsprogrammet. Hent rapporten som pdf, og udskriv den.');
    }
    const html = compareReportHtml(doc, { fileName: name, appName: deps.appName, appVersion: deps.appVersion, actor: a.actor });
    return { printed: await deps.printer.print(html, { fileName: name, title: doc.name }) };
  },
  'compare.exportXlsx': async (_deps, a) => {
    const doc = validSomp(a.doc);
    return { fileName: compareFileName(doc, a.fileName ?? null, 'xlsx'), base64: toBase64(await buildCompareXlsx(doc)) };
  },
};
