/**
 * Reads every sheet of an .xlsx/.xlsm (hidden sheets too) with exceljs's streaming reader, one
 * sheet at a time, into a grid of plain cells. Macros are never run: the reader only parses the
 * sheet XML, and the VBA part (xl/vbaProject.bin) is skipped like any other unknown part.
 * Limits are checked while reading: rows per sheet, columns, text per cell, time.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors';
import { CellTooLongError, plainCell, type Cell } from './cells';
import { checkInflatedSizes, checkZipStructure, orderedEntries } from './zip-guard';

export const MAX_ROWS_PER_SHEET = 300_000;
export const MAX_COLUMNS = 16_384;
export const MAX_SECONDS = 120;

export interface SheetGrid {
  name: string;
  hidden: boolean;
  /** rows[i] is sheet row i + 1; a missing or blank row is []. */
  rows: Cell[][];
}

export interface ReadControl {
  /** Throws AppError('cancelled') when the user cancelled. */
  checkCancelled(): void;
  progress(fraction: number, text: string): void;
  /** Epoch ms after which reading stops with a Danish message. */
  deadline: number;
}

export const TIME_LIMIT_MESSAGE = `Indlæsningen tog for lang tid (mere end ${MAX_SECONDS} sekunder) og blev stoppet. Intet er ændret.`;
const TOO_MANY_ROWS = (sheet: string) => `Arket '${sheet}' har for mange rækker (højst ${MAX_ROWS_PER_SHEET.toLocaleString('da-DK')}), så regnearket indlæses ikke.`;
const TOO_MANY_COLUMNS = (sheet: string) => `Arket '${sheet}' har celler uden for Excels kolonner, så regnearket indlæses ikke.`;
const CELL_TOO_LONG = (sheet: string) => `Arket '${sheet}' har en celle med mere tekst, end Excel tillader (${(32_767).toLocaleString('da-DK')} tegn), så regnearket indlæses ikke.`;

/** Checks the file, then reads its sheets; `onSheet` gets each sheet as soon as it is read. */
export async function readWorkbookSheets(buf: Buffer, ctl: ReadControl, onSheet: (g: SheetGrid) => void): Promise<{ hasMacros: boolean; sheetCount: number }> {
  const check = checkZipStructure(buf);
  ctl.progress(0.02, 'Kontrollerer filen');
  await checkInflatedSizes(buf, check, () => {
    ctl.checkCancelled();
    if (Date.now() > ctl.deadline) throw new AppError('invalid-file', TIME_LIMIT_MESSAGE);
  });
  ctl.progress(0.08, 'Læser arkene');
  const totalBytes = Math.max(1, check.sheetBytes);
  let doneBytes = 0;
  const sizes = new Map(check.entries.map((e) => [e.name, e.size]));

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(orderedEntries(buf, check)), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  let sheetCount = 0;
  try {
    for await (const ws of reader as AsyncIterable<ExcelJS.stream.xlsx.WorksheetReader & { name: string; state?: string; id: number | string }>) {
      const name = ws.name;
      const grid: SheetGrid = { name, hidden: ws.state === 'hidden' || ws.state === 'veryHidden', rows: [] };
      let count = 0;
      let seq = 0;
      for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
        count++;
        if (count > MAX_ROWS_PER_SHEET) throw new AppError('invalid-file', TOO_MANY_ROWS(name));
        if ((count & 1023) === 0) {
          ctl.checkCancelled();
          if (Date.now() > ctl.deadline) throw new AppError('invalid-file', TIME_LIMIT_MESSAGE);
        }
        const n = Number.isFinite(row.number) && row.number > 0 ? row.number : seq + 1;
        seq = n;
        if (n > 1_048_576) throw new AppError('invalid-file', TOO_MANY_ROWS(name));
        const cells: Cell[] = [];
        let bad: 'cols' | 'long' | null = null;
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          if (bad) return;
          if (col > MAX_COLUMNS) {
            bad = 'cols';
            return;
          }
          try {
            const v = plainCell(cell.value);
            if (v !== null) {
              while (cells.length < col - 1) cells.push(null);
              cells[col - 1] = v;
            }
          } catch (e) {
            if (e instanceof CellTooLongError) bad = 'long';
            else throw e;
          }
        });
        if (bad === 'cols') throw new AppError('invalid-file', TOO_MANY_COLUMNS(name));
        if (bad === 'long') throw new AppError('invalid-file', CELL_TOO_LONG(name));
        while (grid.rows.length < n - 1) grid.rows.push([]);
        grid.rows[n - 1] = cells;
      }
      sheetCount++;
      doneBytes += sizes.get(`xl/worksheets/sheet${String(ws.id)}.xml`) ?? 0;
      ctl.progress(0.08 + 0.72 * Math.min(1, doneBytes / totalBytes), `Læst ark '${name}'`);
      onSheet(grid);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (/Invalid column letter|Out of bounds/.test(String((e as Error)?.message))) throw new AppError('invalid-file', 'Regnearket har celler uden for Excels kolonner, så det indlæses ikke.');
    throw new AppError('invalid-file', 'Filen kunne ikke læses som et Excel-regneark: den ser ud til at være beskadiget.');
  }
  return { hasMacros: check.hasMacros, sheetCount };
}
