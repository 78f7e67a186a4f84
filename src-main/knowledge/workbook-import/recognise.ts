/**
 * Finds the tables of the SØM workbook's Vidensdatabase on a sheet by their headers, wherever they
 * stand: title rows, blank rows and merged cells above a header row are passed over, columns may
 * come in any order with extra columns, several tables may stand on one sheet, and a table ends at
 * its first blank row. Row-oriented tables (target-group characteristics, price index, tax rates)
 * are found by their row labels. Unreadable rows are listed (sheet, row, column, why).
 */
import { norm } from './cells';
import { readColumnTable } from './column-table';
import { headerMap, kindOf } from './headers';
import type { SheetGrid } from './read';
import { Collector, type Recognised } from './recognised';
import { CHARACTERISTIC_LABELS, firstCell, readCharacteristics, readDiscount, readPriceIndex, readTax } from './row-tables';

export * from './recognised';
export { columnLetter } from './headers';

// ---------------------------------------------------------------------------
// A sheet
// ---------------------------------------------------------------------------

export interface RecogniseOptions {
  /** Normalised characteristic labels the active release knows (besides the workbook's usual ones). */
  characteristicLabels?: Iterable<string>;
}

/** Recognises every table on one sheet and adds what it reads to `out`. */
export function recogniseSheet(g: SheetGrid, out: Recognised, opts: RecogniseOptions = {}): void {
  const col = new Collector(out, g.name);
  const known = new Set([...CHARACTERISTIC_LABELS, ...(opts.characteristicLabels ?? [])]);
  let r = 0;
  while (r < g.rows.length) {
    const row = g.rows[r] ?? [];
    if (!row.length) {
      r++;
      continue;
    }
    const h = headerMap(row);
    const kind = h.cols.size >= 3 ? kindOf(h) : null;
    if (kind) {
      r = readColumnTable(g, r + 1, h, kind, col);
      continue;
    }
    const fi = firstCell(row);
    const label = fi >= 0 && typeof row[fi] === 'string' ? norm(row[fi] as string) : '';
    if (label && known.has(label)) {
      r = readCharacteristics(g, r, fi, known, col);
      continue;
    }
    if (label.startsWith('prisindeks')) readPriceIndex(g, r, fi, col);
    else if (label === 'skatteprocent') readTax(g, r, col);
    else {
      for (let i = fi; i >= 0 && i < row.length; i++) {
        const c = row[i];
        if (typeof c === 'string' && /^(rente \(diskonteringsrate\)|diskonteringsrente|diskonteringsrate)$/.test(norm(c))) {
          readDiscount(g, r, i, col);
          break;
        }
      }
    }
    r++;
  }
}
