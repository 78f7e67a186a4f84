/**
 * A small, pure CSV writer for Danish spreadsheets: ';' separator, ',' decimal comma, '.' thousands
 * separator ("1.234,5"), CRLF line ends, UTF-8 BOM. Numbers are written with full precision
 * (no rounding), booleans as Ja/Nej, null as an empty field.
 */

export type CellValue = string | number | boolean | null;

/** da-DK number without rounding: 1234.5 → "1.234,5", -0.25 → "-0,25". */
export function formatDaNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  if (Object.is(n, -0)) n = 0;
  const neg = n < 0;
  const abs = Math.abs(n);
  let s = String(abs);
  if (/e/i.test(s)) s = abs.toFixed(20).replace(/\.?0+$/, '');
  const [int, frac] = s.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${neg ? '-' : ''}${grouped}${frac ? `,${frac}` : ''}`;
}

function textField(s: string): string {
  // Guard against formula injection when the file is opened in a spreadsheet.
  const safe = /^[=+@\t\r]/.test(s) || (/^-/.test(s) && !/^-?[\d.,]+$/.test(s)) ? `'${s}` : s;
  return /[;"\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function formatCsvCell(v: CellValue, plainInteger = false): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return plainInteger && Number.isInteger(v) ? String(v) : formatDaNumber(v);
  if (typeof v === 'boolean') return v ? 'Ja' : 'Nej';
  return textField(v);
}

export const CSV_BOM = '\uFEFF';

/** `plainColumns[i]` true = integers in column i without thousands separator (years). */
export function toCsv(header: readonly string[], rows: readonly (readonly CellValue[])[], plainColumns: readonly boolean[] = []): string {
  const lines = [header.map((h) => formatCsvCell(h)).join(';'), ...rows.map((r) => r.map((v, i) => formatCsvCell(v, plainColumns[i] ?? false)).join(';'))];
  return CSV_BOM + lines.join('\r\n') + '\r\n';
}
