/**
 * Finds the tables of the SØM workbook's Vidensdatabase on a sheet by their headers, wherever they
 * stand: title rows, blank rows and merged cells above a header row are passed over, columns may
 * come in any order with extra columns, several tables may stand on one sheet, and a table ends at
 * its first blank row. Row-oriented tables (target-group characteristics, price index, tax rates)
 * are found by their row labels. Unreadable rows are listed (sheet, row, column, why).
 */
import { asYear, isBlankRow, norm, parseDanishNumber, yearColumn, type Cell } from './cells';
import type { SheetGrid } from './read';

export interface Skipped {
  sheet: string;
  row: number;
  column: string;
  why: string;
}

interface At {
  sheet: string;
  row: number;
}

export interface PriceIn extends At {
  targetGroup: string;
  area: string;
  label: string;
  unit: string;
  stat: number;
  region: number;
  kommune: number;
  priceYear: number | null;
}

export type ConsRowType = 'effect' | 'successGroup' | 'others' | 'adjustment';

export interface ConsIn extends At {
  targetGroup: string;
  successMeasure: string;
  label: string;
  area: string | null;
  unit: string | null;
  type: ConsRowType;
  /** År 1–20 (index 0 = År 1); null = not given. */
  years: (number | null)[];
}

export interface StudyIn extends At {
  targetGroup: string;
  intervention: string;
  measure: string;
  effectSize: number;
  theme: string | null;
  country: string | null;
  design: string | null;
  controlGroup: string | null;
  nParticipants: number | null;
  nControl: number | null;
  significant: boolean | null;
  horizonMonths: number | null;
  quality: 'Lav' | 'Mellem' | 'Høj' | null;
  title: string | null;
  reference: string | null;
  year: number | null;
}

export interface CharIn extends At {
  targetGroup: string;
  label: string;
  value: number;
  percent: boolean;
}

export interface IndexIn extends At {
  basisYear: number | null;
  values: { year: number; value: number; publishedChange: number | null }[];
}

export interface Recognised {
  prices: PriceIn[];
  consequences: ConsIn[];
  /** Rows read per table (a long consequence table counts each row). */
  consequenceRowsRead: number;
  studies: StudyIn[];
  characteristics: CharIn[];
  priceIndex: IndexIn | null;
  discountRate: (At & { value: number }) | null;
  taxRates: (At & { stat: number; region: number; kommune: number }) | null;
  skipped: Skipped[];
  skippedCount: number;
  warnings: string[];
  /** Tables found: kind and where, for the preview. */
  tables: { kind: TableKind; sheet: string; row: number; rows: number }[];
}

export type TableKind = 'prices' | 'consequences' | 'studies' | 'characteristics' | 'priceIndex' | 'discountRate' | 'taxRates';

export const MAX_SKIPPED_LISTED = 20;

export function emptyRecognised(): Recognised {
  return { prices: [], consequences: [], consequenceRowsRead: 0, studies: [], characteristics: [], priceIndex: null, discountRate: null, taxRates: null, skipped: [], skippedCount: 0, warnings: [], tables: [] };
}

// ---------------------------------------------------------------------------
// Column headers
// ---------------------------------------------------------------------------

type Col =
  | 'målgruppe'
  | 'hoveddimension'
  | 'underdimension'
  | 'konsekvens'
  | 'enhed'
  | 'stat'
  | 'region'
  | 'kommune'
  | 'pris i alt'
  | 'prisår'
  | 'kilde'
  | 'succesmål'
  | 'type'
  | 'år'
  | 'værdi'
  | 'indsats'
  | 'mål'
  | 'effektstørrelse'
  | 'tema'
  | 'land'
  | 'studiedesign'
  | 'kontrolgruppe'
  | 'antal deltagere'
  | 'antal i kontrolgruppe'
  | 'signifikans'
  | 'tidshorisont'
  | 'kvalitet'
  | 'titel'
  | 'reference';

/** Header text (normalised) → column; aliases are the workbook's alternative headers. */
const HEADER: Record<string, Col> = {
  målgruppe: 'målgruppe',
  hoveddimension: 'hoveddimension',
  'konsekvens: hoveddimension': 'hoveddimension',
  underdimension: 'underdimension',
  'konsekvens: underdimension': 'underdimension',
  konsekvens: 'konsekvens',
  enhed: 'enhed',
  stat: 'stat',
  region: 'region',
  kommune: 'kommune',
  'pris i alt': 'pris i alt',
  prisår: 'prisår',
  kilde: 'kilde',
  succesmål: 'succesmål',
  'søm-succesmål': 'succesmål',
  type: 'type',
  år: 'år',
  værdi: 'værdi',
  indsats: 'indsats',
  mål: 'mål',
  effektmål: 'mål',
  'standardiseret effektstørrelse': 'effektstørrelse',
  effektstørrelse: 'effektstørrelse',
  tema: 'tema',
  land: 'land',
  studiedesign: 'studiedesign',
  design: 'studiedesign',
  kontrolgruppe: 'kontrolgruppe',
  'antal deltagere': 'antal deltagere',
  'antal i kontrolgruppe': 'antal i kontrolgruppe',
  signifikans: 'signifikans',
  signifikant: 'signifikans',
  tidshorisont: 'tidshorisont',
  'tidshorisont (måneder)': 'tidshorisont',
  kvalitet: 'kvalitet',
  titel: 'titel',
  reference: 'reference',
};

/** Column letters as Excel shows them (1 → A). */
export function columnLetter(n: number): string {
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

interface HeaderMap {
  cols: Map<Col, number>;
  /** År k → column index. */
  years: Map<number, number>;
  /** Header text as written, per column (for messages). */
  text: Map<number, string>;
  min: number;
  max: number;
}

function headerMap(row: readonly Cell[]): HeaderMap {
  const cols = new Map<Col, number>();
  const years = new Map<number, number>();
  const text = new Map<number, string>();
  let min = Infinity;
  let max = -1;
  row.forEach((c, i) => {
    if (typeof c !== 'string') return;
    const n = norm(c);
    const col = HEADER[n];
    const y = yearColumn(c);
    if (col && !cols.has(col)) cols.set(col, i);
    else if (y !== null && !years.has(y)) years.set(y, i);
    else return;
    text.set(i, c.replace(/[\s:*]+$/, ''));
    min = Math.min(min, i);
    max = Math.max(max, i);
  });
  return { cols, years, text, min, max };
}

type ColumnKind = 'prices' | 'consWide' | 'consLong' | 'studies';

function kindOf(h: HeaderMap): ColumnKind | null {
  const has = (...c: Col[]) => c.every((x) => h.cols.has(x));
  if (has('målgruppe', 'hoveddimension', 'underdimension', 'enhed', 'stat', 'region', 'kommune')) return 'prices';
  const consCol = h.cols.has('konsekvens') || h.cols.has('underdimension');
  if (has('målgruppe', 'succesmål') && consCol) {
    if (has('år', 'værdi')) return 'consLong';
    if (h.years.size > 0) return 'consWide';
  }
  if (has('målgruppe', 'indsats', 'mål', 'effektstørrelse')) return 'studies';
  return null;
}

// ---------------------------------------------------------------------------
// Reading a column table
// ---------------------------------------------------------------------------

class RowReader {
  bad: { column: string; why: string } | null = null;
  constructor(
    private readonly row: readonly Cell[],
    private readonly h: HeaderMap,
  ) {}
  private colName(i: number): string {
    return this.h.text.get(i) ?? columnLetter(i + 1);
  }
  private fail(i: number, why: string): void {
    if (!this.bad) this.bad = { column: this.colName(i), why };
  }
  cell(c: Col): Cell {
    const i = this.h.cols.get(c);
    return i === undefined ? null : (this.row[i] ?? null);
  }
  text(c: Col): string {
    const i = this.h.cols.get(c) as number;
    const v = this.row[i] ?? null;
    if (v === null) {
      this.fail(i, 'mangler en værdi');
      return '';
    }
    return String(v);
  }
  optText(c: Col): string | null {
    const v = this.cell(c);
    return v === null ? null : String(v);
  }
  num(c: Col, opts: { min?: number } = {}): number {
    const i = this.h.cols.get(c) as number;
    const p = parseDanishNumber(this.row[i] ?? null);
    if (p === null) {
      this.fail(i, 'mangler et tal');
      return 0;
    }
    if (p === undefined) {
      this.fail(i, `"${String(this.row[i])}" er ikke et tal`);
      return 0;
    }
    if (opts.min !== undefined && p.value < opts.min) {
      this.fail(i, `skal være mindst ${opts.min}`);
      return 0;
    }
    return p.value;
  }
  /** Optional number: blank/"-" → null; unreadable → null with a warning-free skip of the value. */
  optNum(c: Col, int = false): number | null {
    const i = this.h.cols.get(c);
    if (i === undefined) return null;
    const p = parseDanishNumber(this.row[i] ?? null);
    if (!p) return null;
    if (int && !Number.isInteger(p.value)) return Math.round(p.value);
    return p.value;
  }
  yearIndex(i: number): number | null | undefined {
    const p = parseDanishNumber(this.row[i] ?? null);
    if (p === undefined) {
      this.fail(i, `"${String(this.row[i])}" er ikke et tal`);
      return undefined;
    }
    return p === null ? null : p.value;
  }
  failAt(c: Col, why: string): void {
    const i = this.h.cols.get(c);
    if (i !== undefined) this.fail(i, why);
  }
}

const TYPE: Record<string, ConsRowType> = {
  succesgruppe: 'successGroup',
  andre: 'others',
  justering: 'adjustment',
  'effekt af indsats': 'effect',
  effekt: 'effect',
};

const QUALITY: Record<string, 'Lav' | 'Mellem' | 'Høj'> = { lav: 'Lav', mellem: 'Mellem', middel: 'Mellem', høj: 'Høj' };

function parseSignificance(c: Cell): boolean | null {
  if (c === null) return null;
  const s = norm(String(c));
  if (['ja', 'j', 'signifikant', 'sig', 'sig.', 'x', '1', 'true', 'sand'].includes(s)) return true;
  if (['nej', 'n', 'ikke signifikant', 'ikke-signifikant', 'insignifikant', '0', 'false', 'falsk'].includes(s)) return false;
  return null;
}

function parseMonths(c: Cell): number | null {
  if (c === null) return null;
  const p = parseDanishNumber(c);
  if (p) return Math.max(0, Math.round(p.value));
  const s = norm(String(c));
  const m = /^(\d+(?:,\d+)?) ?(måned|måneder|mdr\.?|md\.?|år|uger?)$/.exec(s);
  if (!m) return null;
  const n = Number(m[1].replace(',', '.'));
  const unit = m[2];
  const months = unit.startsWith('år') ? n * 12 : unit.startsWith('uge') ? n / 4.345 : n;
  return Math.round(months);
}

class Collector {
  constructor(
    readonly out: Recognised,
    readonly sheet: string,
  ) {}
  skip(row: number, column: string, why: string): void {
    this.out.skippedCount++;
    if (this.out.skipped.length < MAX_SKIPPED_LISTED) this.out.skipped.push({ sheet: this.sheet, row, column, why });
  }
}

/** Reads the body of a column table starting below its header; returns the index after its last row. */
function readColumnTable(g: SheetGrid, start: number, h: HeaderMap, kind: ColumnKind, col: Collector): number {
  const out = col.out;
  const sheet = g.name;
  let r = start;
  let n = 0;
  const blankInSpan = (row: readonly Cell[]) => {
    for (let i = h.min; i <= h.max && i < row.length; i++) if (row[i] !== null && row[i] !== undefined) return false;
    return true;
  };
  const yearsCols = [...h.years.entries()].sort((a, b) => a[0] - b[0]);
  const consCol: Col = h.cols.has('konsekvens') ? 'konsekvens' : 'underdimension';
  for (; r < g.rows.length; r++) {
    const row = g.rows[r] ?? [];
    if (blankInSpan(row)) break;
    const at = { sheet, row: r + 1 };
    const rr = new RowReader(row, h);
    n++;
    if (kind === 'prices') {
      const p: PriceIn = {
        ...at,
        targetGroup: rr.text('målgruppe'),
        area: rr.text('hoveddimension'),
        label: rr.text('underdimension'),
        unit: rr.text('enhed'),
        stat: rr.num('stat', { min: 0 }),
        region: rr.num('region', { min: 0 }),
        kommune: rr.num('kommune', { min: 0 }),
        priceYear: null,
      };
      const y = rr.optNum('prisår', true);
      if (y !== null) {
        if (y < 1990 || y > 2100) rr.failAt('prisår', 'skal være et årstal');
        else p.priceYear = y;
      }
      if (rr.bad) col.skip(at.row, rr.bad.column, rr.bad.why);
      else out.prices.push(p);
    } else if (kind === 'consWide' || kind === 'consLong') {
      const typeText = rr.optText('type');
      const type = typeText === null ? 'effect' : TYPE[norm(typeText)];
      if (!type) rr.failAt('type', `ukendt type "${typeText}" (Succesgruppe, Andre, Justering eller Effekt af indsats)`);
      const base = {
        ...at,
        targetGroup: rr.text('målgruppe'),
        successMeasure: rr.text('succesmål'),
        label: rr.text(consCol),
        area: rr.optText('hoveddimension'),
        unit: rr.optText('enhed'),
        type: type ?? 'effect',
      };
      const years: (number | null)[] = Array.from({ length: 20 }, () => null);
      if (kind === 'consWide') {
        for (const [y, i] of yearsCols) {
          const v = rr.yearIndex(i);
          if (v !== undefined) years[y - 1] = v;
        }
      } else {
        const yp = parseDanishNumber(rr.cell('år'));
        const yText = rr.cell('år');
        const y = yp && Number.isInteger(yp.value) ? yp.value : typeof yText === 'string' ? yearColumn(yText) : null;
        if (y === null || y < 1 || y > 20) rr.failAt('år', 'skal være et år fra 1 til 20');
        else {
          const vi = h.cols.get('værdi') as number;
          const v = rr.yearIndex(vi);
          if (v !== undefined) years[y - 1] = v;
        }
      }
      if (rr.bad) col.skip(at.row, rr.bad.column, rr.bad.why);
      else {
        out.consequenceRowsRead++;
        out.consequences.push({ ...base, years });
      }
    } else {
      const q = rr.optText('kvalitet');
      const quality = q === null ? null : (QUALITY[norm(q)] ?? null);
      const s: StudyIn = {
        ...at,
        targetGroup: rr.text('målgruppe'),
        intervention: rr.text('indsats'),
        measure: rr.text('mål'),
        effectSize: rr.num('effektstørrelse'),
        theme: rr.optText('tema'),
        country: rr.optText('land'),
        design: rr.optText('studiedesign'),
        controlGroup: rr.optText('kontrolgruppe'),
        nParticipants: rr.optNum('antal deltagere', true),
        nControl: rr.optNum('antal i kontrolgruppe', true),
        significant: parseSignificance(rr.cell('signifikans')),
        horizonMonths: parseMonths(rr.cell('tidshorisont')),
        quality,
        title: rr.optText('titel'),
        reference: rr.optText('reference'),
        year: null,
      };
      const y = rr.optNum('år', true);
      if (y !== null && y >= 1900 && y <= 2100) s.year = y;
      if (Math.abs(s.effectSize) > 20) rr.failAt('effektstørrelse', 'skal ligge mellem -20 og 20');
      if (rr.bad) col.skip(at.row, rr.bad.column, rr.bad.why);
      else out.studies.push(s);
    }
  }
  out.tables.push({ kind: kind === 'consWide' || kind === 'consLong' ? 'consequences' : kind, sheet, row: start, rows: n });
  return r;
}

// ---------------------------------------------------------------------------
// Row-oriented tables
// ---------------------------------------------------------------------------

/** First non-empty cell of a row: its index, or -1. */
function firstCell(row: readonly Cell[]): number {
  for (let i = 0; i < row.length; i++) if (row[i] !== null && row[i] !== undefined) return i;
  return -1;
}

const CHARACTERISTIC_LABELS = ['andel par', 'andel med børn', 'gennemsnitsalder', 'antal personer i målgruppen', 'andel drenge', 'andel kvinder', 'andel mænd'];

function readCharacteristics(g: SheetGrid, firstRow: number, labelCol: number, known: Set<string>, col: Collector): number {
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

function readPriceIndex(g: SheetGrid, r: number, labelCol: number, col: Collector): void {
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

function readTax(g: SheetGrid, r: number, col: Collector): void {
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

function readDiscount(g: SheetGrid, r: number, i: number, col: Collector): void {
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
