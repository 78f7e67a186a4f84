/** Row-oriented tables: target-group characteristics, the price index, tax rates and the discount rate, found by their row labels. */
import { asYear, isBlankRow, norm, parseDanishNumber, type Cell } from './cells';
import { columnLetter, headerMap } from './headers';
import type { SheetGrid } from './read';
import type { Collector, IndexIn } from './recognised';

// ---------------------------------------------------------------------------
// Row-oriented tables
// ---------------------------------------------------------------------------

/** First non-empty cell of a row: its index, or -1. */
export function firstCell(row: readonly Cell[]): number {
  for (let i = 0; i < row.length; i++) if (row[i] !== null && row[i] !== undefined) return i;
  return -1;
}

export const CHARACTERISTIC_LABELS = ['andel par', 'andel med børn', 'gennemsnitsalder', 'antal personer i målgruppen', 'andel drenge', 'andel kvinder', 'andel mænd'];

export function readCharacteristics(g: SheetGrid, firstRow: number, labelCol: number, known: Set<string>, col: Collector): number {
  // The header row: the row above the block of characteristic rows.
  let top = firstRow;
  while (top - 1 >= 0 && !isBlankRow(g.rows[top - 1] ?? [])) {
    const above = g.rows[top - 1] ?? [];
    const l = above[labelCol];
    if (typeof l === 'string' && known.has(norm(l))) top--;
    else break;
  }
  const headerRow = top - 1;
  const header = headerRow >= 0 ? (g.rows[headerRow] ?? []) : [];
  const groups: { i: number; label: string }[] = [];
  header.forEach((c, i) => {
    if (i > labelCol && typeof c === 'string') groups.push({ i, label: c });
  });
  if (!groups.length) return firstRow + 1;
  let r = top;
  let n = 0;
  for (; r < g.rows.length; r++) {
    const row = g.rows[r] ?? [];
    if (isBlankRow(row)) break;
    const l = row[labelCol];
    if (typeof l !== 'string') {
      col.skip(r + 1, columnLetter(labelCol + 1), 'mangler navnet på karakteristikken');
      continue;
    }
    n++;
    for (const gr of groups) {
      const p = parseDanishNumber(row[gr.i] ?? null);
      if (p === null) continue;
      if (p === undefined || p.value < 0) {
        col.skip(r + 1, gr.label, p === undefined ? `"${String(row[gr.i])}" er ikke et tal` : 'skal være et tal ≥ 0');
        continue;
      }
      col.out.characteristics.push({ sheet: g.name, row: r + 1, targetGroup: gr.label, label: l, value: p.value, percent: p.percent });
    }
  }
  col.out.tables.push({ kind: 'characteristics', sheet: g.name, row: headerRow + 1, rows: n });
  return r;
}

function blockBounds(g: SheetGrid, r: number): [number, number] {
  let a = r;
  while (a - 1 >= 0 && !isBlankRow(g.rows[a - 1] ?? [])) a--;
  let b = r;
  while (b + 1 < g.rows.length && !isBlankRow(g.rows[b + 1] ?? [])) b++;
  return [a, b];
}

function yearCells(row: readonly Cell[]): Map<number, number> {
  const m = new Map<number, number>();
  row.forEach((c, i) => {
    const y = asYear(c);
    if (y !== null) m.set(i, y);
  });
  return m;
}

export function readPriceIndex(g: SheetGrid, r: number, labelCol: number, col: Collector): void {
  const [a, b] = blockBounds(g, r);
  let years: Map<number, number> | null = null;
  for (let k = r - 1; k >= a; k--) {
    const m = yearCells(g.rows[k] ?? []);
    if (m.size >= 2) {
      years = m;
      break;
    }
  }
  if (!years) return;
  const label = String(g.rows[r][labelCol]);
  const bm = /basis\s*=?\s*(\d{4})/i.exec(label);
  let changeRow: readonly Cell[] | null = null;
  for (let k = a; k <= b; k++) {
    const l = g.rows[k]?.[firstCell(g.rows[k] ?? [])];
    if (typeof l === 'string' && norm(l).startsWith('årlig ændring')) changeRow = g.rows[k];
  }
  const values: IndexIn['values'] = [];
  for (const [i, year] of [...years.entries()].sort((x, y) => x[1] - y[1])) {
    const p = parseDanishNumber(g.rows[r][i] ?? null);
    if (p === null) continue;
    if (p === undefined || p.value <= 0) {
      col.skip(r + 1, String(year), p === undefined ? `"${String(g.rows[r][i])}" er ikke et tal` : 'skal være et tal > 0');
      continue;
    }
    let change: number | null = null;
    if (changeRow) {
      const c = parseDanishNumber(changeRow[i] ?? null);
      if (c) change = c.percent || Math.abs(c.value) < 1 ? c.value : c.value / 100;
      if (change !== null && Math.abs(change) > 1) change = null;
    }
    values.push({ year, value: p.value, publishedChange: change });
  }
  if (!values.length) return;
  if (col.out.priceIndex) col.out.warnings.push(`Der er mere end én prisindekstabel; den i arket '${g.name}', række ${r + 1}, bruges.`);
  col.out.priceIndex = { sheet: g.name, row: r + 1, basisYear: bm ? Number(bm[1]) : null, values };
  col.out.tables.push({ kind: 'priceIndex', sheet: g.name, row: r + 1, rows: values.length });
}

export function readTax(g: SheetGrid, r: number, col: Collector): void {
  const [a] = blockBounds(g, r);
  for (let k = r - 1; k >= a; k--) {
    const h = headerMap(g.rows[k] ?? []);
    if (h.cols.has('stat') && h.cols.has('region') && h.cols.has('kommune')) {
      const row = g.rows[r];
      const vals: Record<'stat' | 'region' | 'kommune', number> = { stat: 0, region: 0, kommune: 0 };
      for (const actor of ['stat', 'region', 'kommune'] as const) {
        const i = h.cols.get(actor) as number;
        const p = parseDanishNumber(row[i] ?? null);
        if (!p) {
          col.skip(r + 1, h.text.get(i) ?? actor, p === null ? 'mangler en skatteprocent' : `"${String(row[i])}" er ikke en procentsats`);
          return;
        }
        const v = p.percent || p.value <= 1 ? p.value : p.value / 100;
        if (v < 0 || v > 1) {
          col.skip(r + 1, h.text.get(i) ?? actor, 'skal være en procentsats mellem 0 og 100 %');
          return;
        }
        vals[actor] = v;
      }
      col.out.taxRates = { sheet: g.name, row: r + 1, ...vals };
      col.out.tables.push({ kind: 'taxRates', sheet: g.name, row: r + 1, rows: 1 });
      return;
    }
  }
}

export function readDiscount(g: SheetGrid, r: number, i: number, col: Collector): void {
  const row = g.rows[r];
  let found: { row: number; cell: Cell; col: number } | null = null;
  for (let j = i + 1; j < row.length && !found; j++) if (row[j] !== null && row[j] !== undefined) found = { row: r, cell: row[j], col: j };
  for (let k = r + 1; k <= r + 3 && k < g.rows.length && !found; k++) {
    const c = g.rows[k]?.[i] ?? null;
    if (c !== null) found = { row: k, cell: c, col: i };
  }
  if (!found) return;
  const p = parseDanishNumber(found.cell);
  if (!p) {
    col.skip(found.row + 1, columnLetter(found.col + 1), `"${String(found.cell)}" er ikke en procentsats`);
    return;
  }
  const v = p.percent || p.value < 1 ? p.value : p.value / 100;
  if (v < 0 || v > 0.2) {
    col.skip(found.row + 1, columnLetter(found.col + 1), 'diskonteringsrenten skal ligge mellem 0 og 20 %');
    return;
  }
  col.out.discountRate = { sheet: g.name, row: found.row + 1, value: v };
  col.out.tables.push({ kind: 'discountRate', sheet: g.name, row: r + 1, rows: 1 });
}
