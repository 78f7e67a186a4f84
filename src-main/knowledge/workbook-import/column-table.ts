/** Reads the body of a column table (prices, wide or long consequences, effect studies) below its header row. */
import { norm, parseDanishNumber, yearColumn, type Cell } from './cells';
import { columnLetter, type Col, type ColumnKind, type HeaderMap } from './headers';
import type { SheetGrid } from './read';
import type { Collector, ConsRowType, PriceIn, StudyIn } from './recognised';

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

/** Reads the body of a column table starting below its header; returns the index after its last row. */
export function readColumnTable(g: SheetGrid, start: number, h: HeaderMap, kind: ColumnKind, col: Collector): number {
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
