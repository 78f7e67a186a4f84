import { z } from 'zod';
import { channel } from './define';
import type { SomDocument } from '../som/schema';

/** A file to download: a safe file name and the bytes as base64. */
export interface CalcFile {
  fileName: string;
  base64: string;
}

/**
 * The document travels as plain JSON; the handler validates it like a file read from disk
 * (strict schema, domain checks, Danish error naming the field), so zod only checks the envelope here.
 */
const docField = z.custom<SomDocument>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
  error: 'beregningen mangler eller er ikke et objekt',
});
const fileNameField = z.string().max(255).nullable().optional();

// Channels of this feature: 'area.verb': channel<ResponseType>()(z.object({...}).strict()).
export const calcChannels = {
  /** The printed report as PDF (headless Chromium in main). */
  'calc.reportPdf': channel<CalcFile>()(z.object({ doc: docField, fileName: fileNameField }).strict()),
  /** The report HTML (the same document the PDF is printed from). */
  'calc.reportHtml': channel<{ fileName: string; html: string }>()(z.object({ doc: docField, fileName: fileNameField }).strict()),
  /** The result tables as an Excel workbook (numeric cells, one sheet per table). */
  'calc.exportXlsx': channel<CalcFile>()(z.object({ doc: docField, fileName: fileNameField }).strict()),
  /** Udskriv rapport: the same report through the OS print dialog (desktop app only). */
  'calc.reportPrint': channel<{ printed: boolean }>()(z.object({ doc: docField, fileName: fileNameField }).strict()),
};
