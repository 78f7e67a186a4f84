/**
 * One explorer table as a downloadable file (XLSX, or da-DK CSV), shared by the knowledge handlers
 * and the query worker (which builds the large studies export off main's event loop).
 */
import { toCsv } from '../../shared/knowledge/csv';
import type { Table } from '../../shared/knowledge/tables';
import type { ExportFile } from '../../shared/knowledge/types';
import { tablesToXlsx } from './xlsx';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const CSV_MIME = 'text/csv;charset=utf-8';

/** `stem`: the file name without extension. */
export async function exportFile(stem: string, t: Table, format: 'xlsx' | 'csv'): Promise<ExportFile> {
  if (format === 'csv') {
    return { fileName: `${stem}.csv`, mimeType: CSV_MIME, base64: Buffer.from(toCsv(t.columns.map((c) => c.header), t.rows, t.columns.map((c) => c.kind === 'year')), 'utf8').toString('base64') };
  }
  return { fileName: `${stem}.xlsx`, mimeType: XLSX_MIME, base64: (await tablesToXlsx([t])).toString('base64') };
}
