/**
 * Handlers of the calc channels: the printed report (PDF / HTML) and the Excel export.
 * The document comes from the renderer and is untrusted: it is validated exactly like a file.
 */
import { AppError } from '../../shared/errors';
import { parseSom } from '../../shared/som/io';
import type { SomDocument } from '../../shared/som/schema';
import { reportFileName, reportHtml, reportPdf, type ReportMeta } from '../report/render';
import { indexKindsFor } from '../../shared/knowledge/price-index';
import { other } from '../knowledge/queries';
import type { Deps } from '../deps';
import { buildResultsXlsx } from '../report/xlsx';
import type { HandlersFor } from './types';

/** Validates a document from the renderer (size cap, strict schema, Danish error naming the field). */
export function validDoc(doc: unknown): SomDocument {
  let text: string;
  try {
    text = JSON.stringify(doc);
  } catch {
    throw new AppError('invalid-request', 'Beregningen kunne ikke læses.');
  }
  return parseSom(text);
}

/** The report's meta data: names, and which index years the knowledge release marks as projected. */
function meta(deps: Deps, doc: SomDocument, fileName: string | null): ReportMeta {
  let indexKinds: ReportMeta['indexKinds'];
  try {
    indexKinds = indexKindsFor(doc.parameters.priceIndex, other(deps.knowledge.db).priceIndex.rows);
  } catch {
    indexKinds = undefined; // no knowledge database at hand: the report names no kinds
  }
  return { fileName, appName: deps.appName, appVersion: deps.appVersion, indexKinds };
}

function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

export const calcHandlers: HandlersFor<'calc.reportPdf' | 'calc.reportHtml' | 'calc.exportXlsx' | 'calc.reportPrint'> = {
  'calc.reportPdf': async (deps, args) => {
    const doc = validDoc(args.doc);
    const name = args.fileName ?? null;
    if (!deps.pdf) throw new AppError('unavailable', 'PDF-rapporten kan ikke laves i denne udgave af programmet.');
    const { pdf } = await reportPdf(doc, meta(deps, doc, name), deps.pdf);
    return { fileName: reportFileName(doc, name, 'pdf'), base64: toBase64(pdf) };
  },
  'calc.reportHtml': (deps, args) => {
    const doc = validDoc(args.doc);
    const name = args.fileName ?? null;
    return { fileName: reportFileName(doc, name, 'html'), html: reportHtml(doc, meta(deps, doc, name)) };
  },
  'calc.reportPrint': async (deps, args) => {
    const doc = validDoc(args.doc);
    const name = args.fileName ?? null;
    if (!deps.printer) {
      throw new AppError('unavailable', 'Udskrivning via printerdialogen findes kun i skrivebordsprogrammet. Hent rapporten som pdf, og udskriv den.');
    }
    const html = reportHtml(doc, meta(deps, doc, name));
    return { printed: await deps.printer.print(html, { fileName: name, title: doc.intervention.name }) };
  },
  'calc.exportXlsx': async (_deps, args) => {
    const doc = validDoc(args.doc);
    return { fileName: reportFileName(doc, args.fileName ?? null, 'xlsx'), base64: toBase64(await buildResultsXlsx(doc)) };
  },
};
