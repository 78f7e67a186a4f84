/**
 * XLSX export (exceljs, numeric cells) and the release template: one sheet per section of the
 * knowledge data, which can be edited and imported as a new release. Import validates every row and
 * reports Danish errors naming sheet, row and column.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../shared/errors';
import type { Table } from '../../shared/knowledge/tables';
import type { KnowledgeData } from '../../shared/knowledge/types';
import { checkKnowledgeData } from '../../shared/knowledge/schema';
import { trimNulls } from '../../shared/knowledge/canonical';
import { expandMeasured } from '../../shared/knowledge/years';
import { validateKnowledgeData, KnowledgeDataError } from './build';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const MAX_ROWS = 250_000;

// ---------------------------------------------------------------------------
// Writing
// ---------------------------------------------------------------------------

function addTable(wb: ExcelJS.Workbook, t: Table): void {
  const ws = wb.addWorksheet(t.name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(t.columns.map((c) => c.header));
  ws.getRow(1).font = { bold: true };
  for (const r of t.rows) ws.addRow(r.map((v) => (v === null ? null : v)));
  t.columns.forEach((c, i) => {
    const column = ws.getColumn(i + 1);
    column.width = Math.min(60, Math.max(10, c.header.length + 2, ...t.rows.slice(0, 200).map((r) => String(r[i] ?? '').length + 1)));
    if (c.kind === 'integer') column.numFmt = '#,##0';
    else if (c.kind === 'year') column.numFmt = '0';
    else if (c.kind === 'number') column.numFmt = '#,##0.0##';
  });
  if (t.rows.length) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.columns.length } };
}

export async function tablesToXlsx(tables: Table[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SØM Desktop';
  // Fixed dates so the same data gives the same workbook content.
  wb.created = new Date(Date.UTC(2026, 0, 1));
  wb.modified = wb.created;
  for (const t of tables) addTable(wb, t);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------
// Template: column specs shared by writing and reading
// ---------------------------------------------------------------------------

type Kind =
  | 'id' // required slug-like text
  | 'text' // required text
  | 'text?' // optional text (empty = null)
  | 'text0' // text, empty = ''
  | 'int'
  | 'int?'
  | 'num'
  | 'num?'
  | 'num>=0'
  | 'num>0'
  | 'bool'
  | 'bool?';

interface ColSpec {
  header: string;
  key: string;
  kind: Kind;
  /** Allowed values (after trimming). */
  values?: readonly string[];
}

interface SheetSpec {
  name: string;
  cols: ColSpec[];
}

const PROV: ColSpec[] = [
  { header: 'Kilde', key: 'source', kind: 'text' },
  { header: 'Illustrativ', key: 'illustrative', kind: 'bool' },
];

const YEAR_COLS: ColSpec[] = Array.from({ length: 20 }, (_, i) => ({ header: `År ${i + 1}`, key: `y${i + 1}`, kind: 'num?' as const }));

export const TEMPLATE_SHEETS = {
  themes: { name: 'Temaer', cols: [{ header: 'Id', key: 'id', kind: 'id' }, { header: 'Navn', key: 'label', kind: 'text' }, ...PROV] },
  targetGroups: {
    name: 'Målgrupper',
    cols: [
      { header: 'Id', key: 'id', kind: 'id' },
      { header: 'Tema-id', key: 'themeId', kind: 'id' },
      { header: 'Målgruppe', key: 'label', kind: 'text' },
      { header: 'Gruppe', key: 'group', kind: 'text' },
      { header: 'Undergruppe', key: 'subgroup', kind: 'text?' },
      { header: 'Alder fra', key: 'ageMin', kind: 'int?' },
      { header: 'Alder til', key: 'ageMax', kind: 'int?' },
      { header: 'Afgrænsning', key: 'delimitation', kind: 'text?' },
      { header: 'Kun litteraturoversigt', key: 'literatureOnly', kind: 'bool' },
      ...PROV,
    ],
  },
  characteristics: {
    name: 'Karakteristika',
    cols: [
      { header: 'Målgruppe-id', key: 'targetGroupId', kind: 'id' },
      { header: 'Nøgle', key: 'key', kind: 'id' },
      { header: 'Karakteristik', key: 'label', kind: 'text' },
      { header: 'Værdi', key: 'value', kind: 'num>=0' },
      { header: 'Enhed', key: 'unit', kind: 'text', values: ['andel', 'år', 'antal'] },
      ...PROV,
    ],
  },
  successMeasures: {
    name: 'Succesmål',
    cols: [
      { header: 'Målgruppe-id', key: 'targetGroupId', kind: 'id' },
      { header: 'Id', key: 'id', kind: 'id' },
      { header: 'Succesmål', key: 'label', kind: 'text' },
      { header: 'Definition', key: 'definition', kind: 'text0' },
      ...PROV,
    ],
  },
  dimensions: {
    name: 'Dimensioner',
    cols: [
      { header: 'Id', key: 'id', kind: 'id' },
      { header: 'Hoveddimension', key: 'area', kind: 'text' },
      { header: 'Underdimension', key: 'label', kind: 'text' },
      { header: 'Enhed', key: 'unit', kind: 'text' },
      { header: 'Prisenhed', key: 'priceUnit', kind: 'text' },
      { header: 'Retning', key: 'direction', kind: 'text', values: ['udgift', 'indtægt'] },
      { header: 'Skattepligtig overførsel', key: 'taxableTransfer', kind: 'bool' },
      { header: 'Kun voksne', key: 'adultsOnly', kind: 'bool' },
      { header: 'Kun børn og unge', key: 'childrenOnly', kind: 'bool' },
      { header: 'Usikker social serviceydelse', key: 'uncertainSocialService', kind: 'bool' },
      { header: 'Beregnes af modellen', key: 'derived', kind: 'bool' },
      ...PROV,
    ],
  },
  consequences: {
    name: 'Konsekvenser',
    cols: [
      { header: 'Målgruppe-id', key: 'targetGroupId', kind: 'id' },
      { header: 'Succesmål-id', key: 'successMeasureId', kind: 'id' },
      { header: 'Dimension-id', key: 'dimensionId', kind: 'id' },
      { header: 'Række', key: 'row', kind: 'text', values: ['Effekt', 'Succesgruppe', 'Andre', 'Justering'] },
      { header: 'Sidste målte år', key: 'lastMeasured', kind: 'int?' },
      ...YEAR_COLS,
      ...PROV,
    ],
  },
  prices: {
    name: 'Priser',
    cols: [
      { header: 'Målgruppe-id', key: 'targetGroupId', kind: 'id' },
      { header: 'Dimension-id', key: 'dimensionId', kind: 'id' },
      { header: 'Stat', key: 'stat', kind: 'num>=0' },
      { header: 'Region', key: 'region', kind: 'num>=0' },
      { header: 'Kommune', key: 'kommune', kind: 'num>=0' },
      { header: 'Prisår', key: 'priceYear', kind: 'int' },
      ...PROV,
    ],
  },
  studies: {
    name: 'Effektstudier',
    cols: [
      { header: 'Id', key: 'id', kind: 'text' },
      { header: 'Tema-id', key: 'themeId', kind: 'id' },
      { header: 'Målgruppe-id', key: 'targetGroupId', kind: 'text?' },
      { header: 'Målgruppe', key: 'targetGroupLabel', kind: 'text' },
      { header: 'Titel', key: 'title', kind: 'text' },
      { header: 'Indsats', key: 'intervention', kind: 'text' },
      { header: 'Land', key: 'country', kind: 'text' },
      { header: 'Effektmål', key: 'measure', kind: 'text' },
      { header: 'Studiedesign', key: 'design', kind: 'text' },
      { header: 'Kontrolgruppe', key: 'controlGroup', kind: 'text0' },
      { header: 'Antal deltagere', key: 'nParticipants', kind: 'int?' },
      { header: 'Antal i kontrolgruppe', key: 'nControl', kind: 'int?' },
      { header: 'Effektstørrelse', key: 'effectSize', kind: 'num?' },
      { header: 'Signifikant', key: 'significant', kind: 'bool?' },
      { header: 'Tidshorisont (måneder)', key: 'horizonMonths', kind: 'int?' },
      { header: 'Kvalitet', key: 'quality', kind: 'text', values: ['Lav', 'Mellem', 'Høj'] },
      { header: 'Udgivelsesår', key: 'year', kind: 'int?' },
      ...PROV,
    ],
  },
  facts: {
    name: 'Fakta',
    cols: [
      { header: 'Nøgle', key: 'key', kind: 'id' },
      { header: 'Emne', key: 'label', kind: 'text' },
      { header: 'Værdi', key: 'value', kind: 'text' },
      { header: 'Kilde', key: 'source', kind: 'text' },
    ],
  },
  priceIndex: {
    name: 'Prisindeks',
    cols: [
      { header: 'År', key: 'year', kind: 'int' },
      { header: 'Indeks', key: 'value', kind: 'num>0' },
      { header: 'Årlig ændring (som i kilden)', key: 'publishedChange', kind: 'num?' },
    ],
  },
  settings: { name: 'Parametre', cols: [{ header: 'Felt', key: 'field', kind: 'text' }, { header: 'Værdi', key: 'value', kind: 'text0' }] },
} satisfies Record<string, SheetSpec>;

const RELEASE_FIELDS = { id: 'Udgivelses-id', date: 'Dato', description: 'Beskrivelse' } as const;
const SETTING_FIELDS = {
  basisYear: 'Prisindeks, basisår',
  indexSource: 'Prisindeks, kilde',
  indexNote: 'Prisindeks, note',
  discountRate: 'Diskonteringsrente',
  discountSource: 'Diskonteringsrente, kilde',
  taxKommune: 'Skattesats, kommune',
  taxRegion: 'Skattesats, region',
  taxStat: 'Skattesats, stat',
  taxSource: 'Skattesatser, kilde',
} as const;

type Cell = string | number | boolean | null;

function specRows(spec: SheetSpec, objs: Record<string, unknown>[]): Cell[][] {
  return objs.map((o) => spec.cols.map((c) => (o[c.key] ?? null) as Cell));
}

function specTable(spec: SheetSpec, objs: Record<string, unknown>[]): Table {
  return {
    name: spec.name,
    columns: spec.cols.map((c) => ({
      header: c.header,
      kind: c.kind.startsWith('int') ? 'year' : c.kind.startsWith('num') ? 'number' : c.kind.startsWith('bool') ? 'bool' : 'text',
    })),
    rows: specRows(spec, objs),
  };
}

export function dataToTemplateTables(d: KnowledgeData): Table[] {
  const S = TEMPLATE_SHEETS;
  const consRows: Record<string, unknown>[] = [];
  for (const c of d.consequences) {
    const { values } = expandMeasured(c.measured);
    const base = { targetGroupId: c.targetGroupId, successMeasureId: c.successMeasureId, dimensionId: c.dimensionId, source: c.source, illustrative: c.illustrative };
    const years = (row: (number | null)[]) => Object.fromEntries(row.map((v, i) => [`y${i + 1}`, v]));
    consRows.push({ ...base, row: 'Effekt', lastMeasured: c.measured.length, ...years(values) });
    for (const [label, row] of [['Succesgruppe', c.successGroup], ['Andre', c.others], ['Justering', c.adjustment]] as const) {
      if (row) consRows.push({ ...base, row: label, lastMeasured: null, ...years(row) });
    }
  }
  const o = d.other;
  return [
    {
      name: 'Udgivelse',
      columns: [{ header: 'Felt', kind: 'text' }, { header: 'Værdi', kind: 'text' }],
      rows: [
        [RELEASE_FIELDS.id, d.release.id],
        [RELEASE_FIELDS.date, d.release.date],
        [RELEASE_FIELDS.description, d.release.description],
      ],
    },
    specTable(S.themes, d.themes as never),
    specTable(S.targetGroups, d.targetGroups as never),
    specTable(S.characteristics, d.characteristics as never),
    specTable(S.successMeasures, d.successMeasures as never),
    specTable(S.dimensions, d.dimensions.map((x) => ({ ...x, direction: x.direction === 'expense' ? 'udgift' : 'indtægt' }))),
    specTable(S.consequences, consRows),
    specTable(S.prices, d.prices as never),
    specTable(S.studies, d.studies as never),
    specTable(S.priceIndex, o.priceIndex.values as never),
    specTable(S.facts, o.facts as never),
    {
      name: S.settings.name,
      columns: [{ header: 'Felt', kind: 'text' }, { header: 'Værdi', kind: 'text' }],
      rows: [
        [SETTING_FIELDS.basisYear, o.priceIndex.basisYear],
        [SETTING_FIELDS.indexSource, o.priceIndex.source],
        [SETTING_FIELDS.indexNote, o.priceIndex.note],
        [SETTING_FIELDS.discountRate, o.discountRate.value],
        [SETTING_FIELDS.discountSource, o.discountRate.source],
        [SETTING_FIELDS.taxKommune, o.taxRates.kommune],
        [SETTING_FIELDS.taxRegion, o.taxRates.region],
        [SETTING_FIELDS.taxStat, o.taxRates.stat],
        [SETTING_FIELDS.taxSource, o.taxRates.source],
      ],
    },
  ];
}

export async function dataToTemplate(d: KnowledgeData): Promise<Buffer> {
  return tablesToXlsx(dataToTemplateTables(d));
}

// ---------------------------------------------------------------------------
// Reading
// ---------------------------------------------------------------------------

class SheetErrors {
  readonly list: string[] = [];
  add(msg: string) {
    if (this.list.length < 50) this.list.push(msg);
  }
}

function plain(v: ExcelJS.CellValue): Cell {
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

function parseNumber(v: Cell): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') {
    let s = v.replace(/\s/g, '').replace('−', '-');
    if (s.includes(',')) s = s.replaceAll('.', '').replace(',', '.');
    if (!/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(s)) return null;
    return Number(s);
  }
  return null;
}

function parseBool(v: Cell): boolean | null | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 1 || v === 0) return v === 1;
  if (typeof v === 'string') {
    const s = v.toLowerCase();
    if (['ja', 'j', 'true', 'sand', 'x', '1'].includes(s)) return true;
    if (['nej', 'n', 'false', 'falsk', '0'].includes(s)) return false;
  }
  return undefined;
}

function convert(c: ColSpec, raw: Cell): { ok: true; value: unknown } | { ok: false; problem: string } {
  const empty = raw === null;
  const k = c.kind;
  if (k === 'text?' || k === 'text0') return { ok: true, value: empty ? (k === 'text0' ? '' : null) : String(raw) };
  if (k === 'id' || k === 'text') {
    if (empty) return { ok: false, problem: 'mangler en værdi' };
    const s = String(raw);
    if (k === 'id' && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(s)) return { ok: false, problem: 'skal være et id med små bogstaver a-z, tal og bindestreg (fx "hjemloese-18-65")' };
    if (c.values && !c.values.includes(s)) return { ok: false, problem: `skal være en af: ${c.values.join(', ')}` };
    return { ok: true, value: s };
  }
  if (k === 'bool' || k === 'bool?') {
    if (empty) return k === 'bool?' ? { ok: true, value: null } : { ok: false, problem: 'skal være Ja eller Nej' };
    const b = parseBool(raw);
    return b === undefined || b === null ? { ok: false, problem: 'skal være Ja eller Nej' } : { ok: true, value: b };
  }
  // numbers
  if (empty) return k.endsWith('?') ? { ok: true, value: null } : { ok: false, problem: k === 'num>=0' ? 'skal være et tal ≥ 0' : k === 'num>0' ? 'skal være et tal > 0' : k === 'int' ? 'skal være et helt tal' : 'skal være et tal' };
  const n = parseNumber(raw);
  if (n === null) return { ok: false, problem: k === 'num>=0' ? 'skal være et tal ≥ 0' : k === 'num>0' ? 'skal være et tal > 0' : k.startsWith('int') ? 'skal være et helt tal' : 'skal være et tal' };
  if (k.startsWith('int') && !Number.isInteger(n)) return { ok: false, problem: 'skal være et helt tal' };
  if (k === 'num>=0' && n < 0) return { ok: false, problem: 'skal være et tal ≥ 0' };
  if (k === 'num>0' && n <= 0) return { ok: false, problem: 'skal være et tal > 0' };
  return { ok: true, value: n };
}

interface ParsedRow {
  row: number;
  obj: Record<string, unknown>;
}

function readSheet(wb: ExcelJS.Workbook, spec: SheetSpec, errors: SheetErrors): ParsedRow[] {
  const ws = wb.getWorksheet(spec.name);
  if (!ws) {
    errors.add(`Ark '${spec.name}' mangler i regnearket`);
    return [];
  }
  if (ws.rowCount > MAX_ROWS) {
    errors.add(`Ark '${spec.name}': for mange rækker (højst ${MAX_ROWS})`);
    return [];
  }
  const header = ws.getRow(1);
  const index = new Map<string, number>();
  header.eachCell((cell, colNumber) => {
    const h = plain(cell.value);
    if (typeof h === 'string') index.set(h, colNumber);
  });
  const missing = spec.cols.filter((c) => !index.has(c.header));
  if (missing.length) {
    errors.add(`Ark '${spec.name}', række 1: kolonne${missing.length > 1 ? 'rne' : 'n'} ${missing.map((c) => `'${c.header}'`).join(', ')} mangler`);
    return [];
  }
  const out: ParsedRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells = spec.cols.map((c) => plain(row.getCell(index.get(c.header) as number).value));
    if (cells.every((v) => v === null)) continue;
    const obj: Record<string, unknown> = {};
    let ok = true;
    spec.cols.forEach((c, i) => {
      const res = convert(c, cells[i]);
      if (res.ok) obj[c.key] = res.value;
      else {
        ok = false;
        errors.add(`Ark '${spec.name}', række ${r}, kolonne '${c.header}': ${res.problem}`);
      }
    });
    if (ok) out.push({ row: r, obj });
  }
  return out;
}

function readKeyValues(wb: ExcelJS.Workbook, name: string, errors: SheetErrors): Map<string, { row: number; value: Cell }> {
  const ws = wb.getWorksheet(name);
  const out = new Map<string, { row: number; value: Cell }>();
  if (!ws) {
    errors.add(`Ark '${name}' mangler i regnearket`);
    return out;
  }
  for (let r = 2; r <= Math.min(ws.rowCount, 1000); r++) {
    const k = plain(ws.getRow(r).getCell(1).value);
    if (typeof k === 'string') out.set(k, { row: r, value: plain(ws.getRow(r).getCell(2).value) });
  }
  return out;
}

/** Parse an uploaded release template into validated KnowledgeData; throws AppError('invalid-file') with Danish messages. */
export async function templateToData(buf: Buffer): Promise<KnowledgeData> {
  if (buf.length > MAX_IMPORT_BYTES) throw new AppError('invalid-file', `Filen er for stor (højst ${MAX_IMPORT_BYTES / 1024 / 1024} MB).`);
  if (buf.length < 4 || buf[0] !== 0x50 || buf[1] !== 0x4b) throw new AppError('invalid-file', 'Filen er ikke et Excel-regneark (.xlsx).');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as unknown as ArrayBuffer);
  } catch {
    throw new AppError('invalid-file', 'Filen kunne ikke læses som et Excel-regneark (.xlsx).');
  }
  const errors = new SheetErrors();
  const S = TEMPLATE_SHEETS;

  const rel = readKeyValues(wb, 'Udgivelse', errors);
  const relText = (field: string, re: RegExp, problem: string): string => {
    const e = rel.get(field);
    const v = e?.value === null || e?.value === undefined ? '' : String(e.value);
    if (!re.test(v)) errors.add(`Ark 'Udgivelse', række ${e?.row ?? '?'}, kolonne 'Værdi' (${field}): ${problem}`);
    return v;
  };
  const release = {
    id: relText(RELEASE_FIELDS.id, /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, 'skal være et id (bogstaver a-z, tal, punktum, bindestreg; højst 64 tegn)'),
    date: relText(RELEASE_FIELDS.date, /^\d{4}-\d{2}-\d{2}$/, 'skal være en dato (ÅÅÅÅ-MM-DD)'),
    description: String(rel.get(RELEASE_FIELDS.description)?.value ?? ''),
  };

  const themes = readSheet(wb, S.themes, errors);
  const groups = readSheet(wb, S.targetGroups, errors);
  const chars = readSheet(wb, S.characteristics, errors);
  const measures = readSheet(wb, S.successMeasures, errors);
  const dims = readSheet(wb, S.dimensions, errors);
  const cons = readSheet(wb, S.consequences, errors);
  const prices = readSheet(wb, S.prices, errors);
  const studies = readSheet(wb, S.studies, errors);
  const index = readSheet(wb, S.priceIndex, errors);
  const facts = readSheet(wb, S.facts, errors);
  const settings = readKeyValues(wb, S.settings.name, errors);

  // References, with sheet and row.
  const themeIds = new Set(themes.map((t) => t.obj.id));
  const groupIds = new Set(groups.map((g) => g.obj.id));
  const dimIds = new Set(dims.map((d) => d.obj.id));
  const measureIds = new Set(measures.map((m) => `${m.obj.targetGroupId}/${m.obj.id}`));
  const ref = (sheet: string, row: number, column: string, ok: boolean, what: string, value: unknown) => {
    if (!ok) errors.add(`Ark '${sheet}', række ${row}, kolonne '${column}': ukendt ${what} "${String(value)}"`);
  };
  for (const g of groups) ref(S.targetGroups.name, g.row, 'Tema-id', themeIds.has(g.obj.themeId), 'tema', g.obj.themeId);
  for (const c of chars) ref(S.characteristics.name, c.row, 'Målgruppe-id', groupIds.has(c.obj.targetGroupId), 'målgruppe', c.obj.targetGroupId);
  for (const m of measures) ref(S.successMeasures.name, m.row, 'Målgruppe-id', groupIds.has(m.obj.targetGroupId), 'målgruppe', m.obj.targetGroupId);
  for (const c of cons) {
    ref(S.consequences.name, c.row, 'Succesmål-id', measureIds.has(`${c.obj.targetGroupId}/${c.obj.successMeasureId}`), 'målgruppe/succesmål', `${c.obj.targetGroupId}/${c.obj.successMeasureId}`);
    ref(S.consequences.name, c.row, 'Dimension-id', dimIds.has(c.obj.dimensionId), 'dimension', c.obj.dimensionId);
  }
  for (const p of prices) {
    ref(S.prices.name, p.row, 'Målgruppe-id', groupIds.has(p.obj.targetGroupId), 'målgruppe', p.obj.targetGroupId);
    ref(S.prices.name, p.row, 'Dimension-id', dimIds.has(p.obj.dimensionId), 'dimension', p.obj.dimensionId);
  }
  for (const s of studies) {
    ref(S.studies.name, s.row, 'Tema-id', themeIds.has(s.obj.themeId), 'tema', s.obj.themeId);
    if (s.obj.targetGroupId !== null) ref(S.studies.name, s.row, 'Målgruppe-id', groupIds.has(s.obj.targetGroupId), 'målgruppe', s.obj.targetGroupId);
  }

  // Consequences: an 'Effekt' row holds År 1–20 and the last measured year; the other rows belong to it.
  const lines = new Map<string, KnowledgeData['consequences'][number]>();
  for (const c of cons) {
    const key = `${c.obj.targetGroupId}/${c.obj.successMeasureId}/${c.obj.dimensionId}`;
    const years = Array.from({ length: 20 }, (_, i) => c.obj[`y${i + 1}`] as number | null);
    if (c.obj.row === 'Effekt') {
      const last = c.obj.lastMeasured as number | null;
      if (last === null || last < 1 || last > 9) {
        errors.add(`Ark 'Konsekvenser', række ${c.row}, kolonne 'Sidste målte år': skal være et helt tal fra 1 til 9`);
        continue;
      }
      if (lines.has(key)) {
        errors.add(`Ark 'Konsekvenser', række ${c.row}: konsekvensen ${key} findes mere end én gang`);
        continue;
      }
      lines.set(key, {
        targetGroupId: c.obj.targetGroupId as string,
        successMeasureId: c.obj.successMeasureId as string,
        dimensionId: c.obj.dimensionId as string,
        measured: years.slice(0, last),
        source: c.obj.source as string,
        illustrative: c.obj.illustrative as boolean,
      });
    }
  }
  for (const c of cons) {
    if (c.obj.row === 'Effekt') continue;
    const key = `${c.obj.targetGroupId}/${c.obj.successMeasureId}/${c.obj.dimensionId}`;
    const line = lines.get(key);
    if (!line) {
      errors.add(`Ark 'Konsekvenser', række ${c.row}, kolonne 'Række': rækken '${String(c.obj.row)}' har ingen tilhørende 'Effekt'-række`);
      continue;
    }
    const row = trimNulls(Array.from({ length: 20 }, (_, i) => c.obj[`y${i + 1}`] as number | null));
    const field = c.obj.row === 'Succesgruppe' ? 'successGroup' : c.obj.row === 'Andre' ? 'others' : 'adjustment';
    if (row) line[field] = row;
  }

  const setting = (field: string, kind: 'num' | 'int' | 'text'): unknown => {
    const e = settings.get(field);
    if (!e) {
      errors.add(`Ark 'Parametre': feltet '${field}' mangler`);
      return kind === 'text' ? '' : 0;
    }
    if (kind === 'text') return e.value === null ? '' : String(e.value);
    const n = parseNumber(e.value);
    if (n === null || (kind === 'int' && !Number.isInteger(n)) || n < 0) {
      errors.add(`Ark 'Parametre', række ${e.row}, kolonne 'Værdi' (${field}): skal være ${kind === 'int' ? 'et helt tal' : 'et tal ≥ 0'}`);
      return 0;
    }
    return n;
  };
  const other = {
    facts: facts.map((r) => r.obj),
    priceIndex: {
      basisYear: setting(SETTING_FIELDS.basisYear, 'int'),
      values: index.map((r) => r.obj),
      source: setting(SETTING_FIELDS.indexSource, 'text'),
      note: setting(SETTING_FIELDS.indexNote, 'text'),
    },
    discountRate: { value: setting(SETTING_FIELDS.discountRate, 'num'), source: setting(SETTING_FIELDS.discountSource, 'text') },
    taxRates: {
      kommune: setting(SETTING_FIELDS.taxKommune, 'num'),
      region: setting(SETTING_FIELDS.taxRegion, 'num'),
      stat: setting(SETTING_FIELDS.taxStat, 'num'),
      source: setting(SETTING_FIELDS.taxSource, 'text'),
    },
  };

  if (errors.list.length) throw importError(errors.list);

  const raw = {
    release,
    themes: themes.map((r) => r.obj),
    targetGroups: groups.map((r) => r.obj),
    characteristics: chars.map((r) => r.obj),
    successMeasures: measures.map((r) => r.obj),
    dimensions: dims.map((r) => ({ ...r.obj, direction: r.obj.direction === 'udgift' ? 'expense' : 'revenue' })),
    consequences: [...lines.values()],
    prices: prices.map((r) => r.obj),
    studies: studies.map((r) => r.obj),
    other,
  };
  try {
    const data = validateKnowledgeData(raw);
    const more = checkKnowledgeData(data);
    if (more.length) throw importError(more);
    return data;
  } catch (e) {
    if (e instanceof KnowledgeDataError) throw importError(e.problems);
    throw e;
  }
}

function importError(problems: string[]): AppError {
  const shown = problems.slice(0, 5).join('\n');
  const rest = problems.length > 5 ? `\n… og ${problems.length - 5} fejl mere.` : '';
  return new AppError('invalid-file', `Udgivelsen kunne ikke importeres:\n${shown}${rest}`);
}
