/**
 * Cell values of an imported workbook or pasted table: plain values, Danish number text, and the
 * normalised form of headers and labels used for recognising tables and matching labels.
 */

/** A cell as the recogniser sees it: text (trimmed, never empty), a number, or nothing. */
export type Cell = string | number | null;

/** Excel's own limit on the text of one cell; longer text cannot come from Excel. */
export const MAX_CELL_CHARS = 32_767;

export class CellTooLongError extends Error {}

/** One exceljs cell value (streaming reader) → Cell. Percent-formatted numbers stay shares. */
export function plainCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return textCell(v);
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'boolean') return v ? 'Ja' : 'Nej';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return textCell(o.richText.map((t: { text?: unknown }) => String(t?.text ?? '')).join(''));
    if ('formula' in o || 'sharedFormula' in o) return plainCell(o.result ?? null);
    if ('error' in o) return null;
    if (typeof o.text === 'string') return textCell(o.text);
  }
  return null;
}

export function textCell(s: string): Cell {
  if (s.length > MAX_CELL_CHARS) throw new CellTooLongError();
  const t = s.replace(/\u00a0/g, ' ').trim();
  return t === '' ? null : t;
}

/** Normalised header/label: case, spacing, hyphen and quote kinds, a trailing ":" or "*" ignored. */
export function norm(s: string): string {
  return s
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212\u00ad]/g, '-')
    .replace(/[\u2018\u2019\u201c\u201d"]/g, "'")
    .replace(/\s+/g, ' ')
    .replace(/\s*-\s*/g, '-')
    .replace(/[\s:*]+$/g, '')
    .trim();
}

/** Looser key for labels: also ignores punctuation, so "Gruppe: 6-13 år" = "Gruppe (6-13 år)". */
export function looseKey(s: string): string {
  return norm(s)
    .replace(/[():;,.!?'§/]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function isBlankRow(row: readonly Cell[]): boolean {
  for (const c of row) if (c !== null) return false;
  return true;
}

export interface ParsedNumber {
  value: number;
  /** The text had a per cent sign (the value is already a share). */
  percent: boolean;
}

/**
 * A number in Danish format: 2.174 · 1.770 kr. · 26,4% · 26,4 % · 0,7 · −2,9 · 1 234,5.
 * "-" or blank is no value (null); anything else unreadable is undefined.
 */
export function parseDanishNumber(c: Cell): ParsedNumber | null | undefined {
  if (c === null) return null;
  if (typeof c === 'number') return Number.isFinite(c) ? { value: c, percent: false } : undefined;
  let s = c.replace(/[\s\u00a0\u202f]/g, '').replace(/[\u2212\u2012\u2013\u2014]/g, '-');
  if (s === '-' || s === '') return null;
  let percent = false;
  if (s.endsWith('%')) {
    percent = true;
    s = s.slice(0, -1);
  }
  s = s.replace(/^(kr\.?|dkk)/i, '').replace(/(kr\.?|dkk)$/i, '');
  if (!/^[-+]?[\d.,]+$/.test(s)) return undefined;
  const neg = s.startsWith('-');
  s = s.replace(/^[-+]/, '');
  if (s.includes(',')) {
    // Danish: "." groups thousands, "," is the decimal mark.
    if (!/^\d{1,3}(\.\d{3})*(,\d+)?$/.test(s) && !/^\d+(,\d+)?$/.test(s)) return undefined;
    s = s.replaceAll('.', '').replace(',', '.');
  } else if (s.includes('.')) {
    // Only thousands groups ("2.174", "1.234.567"); a single dot with 1–2 or 4+ decimals is a decimal point.
    if (/^\d{1,3}(\.\d{3})+$/.test(s)) s = s.replaceAll('.', '');
    else if (!/^\d+\.\d+$/.test(s)) return undefined;
  }
  const n = Number(s);
  if (!Number.isFinite(n)) return undefined;
  const v = (neg ? -n : n) / (percent ? 100 : 1);
  return { value: v, percent };
}

/** A whole year 1900–2200 (a header cell of a year row). */
export function asYear(c: Cell): number | null {
  const n = typeof c === 'number' ? c : typeof c === 'string' && /^\d{4}$/.test(c.trim()) ? Number(c) : NaN;
  return Number.isInteger(n) && n >= 1900 && n <= 2200 ? n : null;
}

/** "År 3" → 3 (1–20), else null. */
export function yearColumn(header: string): number | null {
  const m = /^år ?(\d{1,2})$/.exec(norm(header));
  if (!m) return null;
  const n = Number(m[1]);
  return n >= 1 && n <= 20 ? n : null;
}

/** A url/id-safe slug of a label ("Hjemløse (18-65 år)" → "hjemloese-18-65-aar"). */
export function slugify(s: string, max = 60): string {
  const out = s
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max)
    .replace(/-+$/g, '');
  return out || 'x';
}
