/** Plain values of exceljs cells, as the readers of uploaded workbooks see them. */
import type ExcelJS from 'exceljs';

export type Cell = string | number | boolean | null;

/** A cell's value: trimmed text (empty = null), number, boolean, date as ÅÅÅÅ-MM-DD, a formula's result. */
export function plain(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return plain(v.richText.map((t) => t.text).join(''));
    if ('formula' in v || 'sharedFormula' in v) return plain((v as { result?: ExcelJS.CellValue }).result ?? null);
    if ('text' in v) return plain((v as { text: string }).text);
    if ('error' in v) return null;
  }
  return String(v);
}

/** A number from a numeric cell or from Danish or English text ("1.234,5", "1234.5"); null when it is none. */
export function parseNumber(v: Cell): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') {
    let s = v.replace(/\s/g, '').replace('−', '-');
    if (s.includes(',')) s = s.replaceAll('.', '').replace(',', '.');
    if (!/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(s)) return null;
    return Number(s);
  }
  return null;
}

/** Ja/Nej and the usual spellings of yes and no; undefined when it is neither. */
export function parseBool(v: Cell): boolean | null | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === 'string') {
    const s = v.toLowerCase();
    if (['ja', 'j', 'true', 'sand', 'x', '1'].includes(s)) return true;
    if (['nej', 'n', 'false', 'falsk', '0'].includes(s)) return false;
  }
  return undefined;
}
