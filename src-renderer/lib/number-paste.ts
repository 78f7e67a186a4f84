/**
 * Numbers as a caseworker types or pastes them (from Excel or a Danish document), and pasting a
 * block of cells into a grid of inputs the way a spreadsheet does.
 *
 * One value: Danish notation ("1.234.567", "1.234,5"), with an amount suffix ("650.000 kr.",
 * "650.000,-", "kr. 650.000", "DKK") or, in percent fields, a percent sign ("20 %", "20%").
 * Anything that can be read two ways ("1,234.5", "1,234,567", "1.5") is refused with a Danish
 * message that says how to write it.
 *
 * A block (cells separated by tabs, rows by line breaks, as every spreadsheet copies them) is
 * spread over the inputs of the table from the one pasted into: to the right along its row and
 * down to the following rows that hold inputs. Every value is read first; if one cannot be read,
 * nothing is written.
 */
import { formatNumber, parseDanishNumber } from '../../shared/format';

export type ParsedNumber = { ok: true; value: number | null } | { ok: false; message: string };

export interface ParseOptions {
  /** A percent field: "20 %" and "20%" are accepted (the number is what is shown, 20). */
  percent?: boolean;
}

const SPACES = /[\u00a0\u202f\u2007]/g;
const DANISH_HINT = 'Skriv tallet med dansk notation: punktum mellem tusinder og komma før decimaler, fx 1.234,5.';

/** Strips the amount or percent decorations a Danish number may carry when copied. */
function stripDecorations(s: string, opts: ParseOptions): { text: string; error?: string } {
  let t = s;
  let hadPercent = false;
  // Trailing ",-" / ".-" (as in "650.000,-").
  t = t.replace(/[,.]-$/, '').trim();
  // Amount words before or after: "kr.", "kr", "DKK".
  t = t.replace(/^(kr\.?|dkk)\s*/i, '').replace(/\s*(kr\.?|dkk)$/i, '').trim();
  t = t.replace(/[,.]-$/, '').trim();
  if (/%$/.test(t)) {
    hadPercent = true;
    t = t.replace(/\s*%$/, '').trim();
  }
  if (hadPercent && !opts.percent) return { text: t, error: 'Feltet er ikke i procent. Skriv tallet uden %.' };
  return { text: t };
}

/**
 * Reads one number as a Danish user writes it. Empty text gives `value: null` (the caller decides
 * whether empty is allowed). The message is Danish and says how to write the number.
 */
export function parseNumberText(text: string, opts: ParseOptions = {}): ParsedNumber {
  const raw = String(text).replace(SPACES, ' ').trim();
  if (raw === '') return { ok: true, value: null };
  const { text: t, error } = stripDecorations(raw, opts);
  if (error) return { ok: false, message: error };
  if (t === '') return { ok: false, message: `«${raw}» er ikke et tal. ${DANISH_HINT}` };
  const n = parseDanishNumber(t);
  if (n !== null) return { ok: true, value: n };
  const body = t.replace(/^[-+\u2212]\s*/, '');
  // Ambiguous separators: a comma before a point ("1,234.5") or several commas ("1,234,567") are
  // English notation; a single point that does not separate thousands ("1.5") could be either.
  if (/^\d[\d,]*\.\d+$/.test(body) && body.includes(',')) return { ok: false, message: `«${raw}» ligner engelsk notation og kan læses på to måder. ${DANISH_HINT}` };
  if (/^\d{1,3}(,\d{3}){2,}$/.test(body)) return { ok: false, message: `«${raw}» ligner engelsk notation og kan læses på to måder. ${DANISH_HINT}` };
  if (/^\d+\.\d+$/.test(body)) return { ok: false, message: `«${raw}» kan læses på to måder. Brug komma før decimaler (fx ${body.replace('.', ',')}), og punktum kun mellem tusinder (fx 1.234).` };
  return { ok: false, message: `«${raw}» er ikke et tal. ${DANISH_HINT}` };
}

/** The cells of copied spreadsheet text: rows split on line breaks, cells on tabs; the trailing line break Excel adds is dropped. */
export function splitClipboard(text: string): string[][] {
  const rows = String(text).replace(/\r\n?/g, '\n').replace(/\n+$/, '').split('\n');
  return rows.map((r) => r.split('\t'));
}

/** True when the copied text is more than one cell. */
export function isBlock(text: string): boolean {
  const cells = splitClipboard(text);
  return cells.length > 1 || cells[0].length > 1;
}

/** A number as written back into an input after reading it: Danish notation, no trailing zero decimals. */
export function numberForInput(n: number | null, plain = false): string {
  if (n === null || !Number.isFinite(n)) return '';
  let s = formatNumber(n, 10);
  if (s.includes(',')) s = s.replace(/0+$/, '').replace(/,$/, '');
  return plain ? s.replace(/\./g, '') : s;
}

/** Attribute that marks an input as a cell a block paste may fill. */
export const GRID_CELL_ATTR = 'data-grid-cell';

export type PasteOutcome =
  | { kind: 'single' }
  | { kind: 'refused'; message: string }
  | { kind: 'filled'; written: number; skipped: number };

/** The input cells of the table around `target`, row by row (rows without cells are left out). */
export function gridRows(target: HTMLElement): HTMLInputElement[][] {
  const table = target.closest('table');
  if (!table) return [];
  const rows: HTMLInputElement[][] = [];
  for (const tr of Array.from(table.querySelectorAll('tr'))) {
    if (tr.closest('table') !== table) continue;
    const cells = Array.from(tr.querySelectorAll<HTMLInputElement>(`input[${GRID_CELL_ATTR}]`)).filter((i) => !i.disabled && !i.readOnly);
    if (cells.length > 0) rows.push(cells);
  }
  return rows;
}

function describeCell(r: number, c: number, rows: number, cols: number): string {
  if (rows === 1) return `værdi nr. ${c + 1}`;
  if (cols === 1) return `værdi nr. ${r + 1}`;
  return `række ${r + 1}, kolonne ${c + 1} af det indsatte`;
}

/**
 * Handles copied text pasted into `target`. A single cell is left to the input (`single`), after
 * checking that it can be read; a block is read whole and written into the grid's inputs (each
 * gets its text and an `input` event, so it validates itself by its own rules).
 */
export function pasteNumbers(target: HTMLInputElement, text: string, opts: ParseOptions & { plain?: boolean } = {}): PasteOutcome {
  if (!isBlock(text)) {
    const one = splitClipboard(text)[0][0];
    const whole = target.value.slice(0, target.selectionStart ?? target.value.length) + one + target.value.slice(target.selectionEnd ?? target.value.length);
    const r = parseNumberText(whole, opts);
    if (!r.ok) return { kind: 'refused', message: `Ikke indsat: ${r.message}` };
    return { kind: 'single' };
  }
  const block = splitClipboard(text);
  const nRows = block.length;
  const nCols = Math.max(...block.map((r) => r.length));
  const values: (number | null)[][] = [];
  for (let r = 0; r < nRows; r++) {
    const row: (number | null)[] = [];
    for (let c = 0; c < block[r].length; c++) {
      const p = parseNumberText(block[r][c], opts);
      if (!p.ok) return { kind: 'refused', message: `Intet er indsat: ${describeCell(r, c, nRows, nCols)} kan ikke læses. ${p.message}` };
      row.push(p.value);
    }
    values.push(row);
  }
  const rows = gridRows(target);
  const r0 = rows.findIndex((row) => row.includes(target));
  if (r0 < 0) {
    const count = values.reduce((s, r) => s + r.length, 0);
    return { kind: 'refused', message: `Intet er indsat: du har kopieret ${count} værdier, men feltet kan kun rumme ét tal. Kopiér én celle ad gangen.` };
  }
  const c0 = rows[r0].indexOf(target);
  let written = 0;
  let skipped = 0;
  for (let r = 0; r < nRows; r++) {
    for (let c = 0; c < values[r].length; c++) {
      const cell = rows[r0 + r]?.[c0 + c];
      if (!cell) {
        skipped++;
        continue;
      }
      cell.value = numberForInput(values[r][c], opts.plain);
      cell.dispatchEvent(new Event('input', { bubbles: true }));
      written++;
    }
  }
  return { kind: 'filled', written, skipped };
}
