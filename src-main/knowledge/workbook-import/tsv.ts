/**
 * A table copied from Excel arrives as tab-separated text: one line per row, a tab between cells,
 * and a cell holding a tab, a line break or a quote written in double quotes ("" = one quote).
 */
import { AppError } from '../../../shared/errors';
import { MAX_CELL_CHARS, textCell, CellTooLongError, type Cell } from './cells';
import type { SheetGrid } from './read';

export const TSV_SHEET = 'Indsat tabel';
export const MAX_TSV_CHARS = 20 * 1024 * 1024;
const MAX_TSV_ROWS = 300_000;

export function parseTsv(text: string): SheetGrid {
  if (text.length > MAX_TSV_CHARS) throw new AppError('invalid-file', 'Den indsatte tabel er for stor (højst 20 MB tekst).');
  const rows: Cell[][] = [];
  let row: Cell[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  const pushCell = () => {
    if (cell.length > MAX_CELL_CHARS) throw new AppError('invalid-file', 'En celle i den indsatte tabel har mere tekst, end Excel tillader.');
    try {
      row.push(textCell(cell));
    } catch (e) {
      if (e instanceof CellTooLongError) throw new AppError('invalid-file', 'En celle i den indsatte tabel har mere tekst, end Excel tillader.');
      throw e;
    }
    cell = '';
  };
  const pushRow = () => {
    pushCell();
    while (row.length && row[row.length - 1] === null) row.pop();
    rows.push(row);
    row = [];
    if (rows.length > MAX_TSV_ROWS) throw new AppError('invalid-file', 'Den indsatte tabel har for mange rækker (højst 300.000).');
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      i++;
    } else if (ch === '\t') {
      pushCell();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      pushRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i++;
    }
  }
  if (cell !== '' || row.length) pushRow();
  return { name: TSV_SHEET, hidden: false, rows };
}
