/** Column headers of the recognised tables (normalised, with the workbook's aliases) and which table a header row starts. */
import { norm, yearColumn, type Cell } from './cells';

// ---------------------------------------------------------------------------
// Column headers
// ---------------------------------------------------------------------------

export type Col =
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

export interface HeaderMap {
  cols: Map<Col, number>;
  /** År k → column index. */
  years: Map<number, number>;
  /** Header text as written, per column (for messages). */
  text: Map<number, string>;
  min: number;
  max: number;
}

export function headerMap(row: readonly Cell[]): HeaderMap {
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

export type ColumnKind = 'prices' | 'consWide' | 'consLong' | 'studies';

export function kindOf(h: HeaderMap): ColumnKind | null {
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
