/**
 * Reading an uploaded release template (./template.ts) into validated knowledge data. Every row is
 * checked; the Danish errors name sheet, row and column.
 */
import ExcelJS from 'exceljs';
import { AppError } from '../../shared/errors';
import type { KnowledgeData } from '../../shared/knowledge/types';
import { checkKnowledgeData } from '../../shared/knowledge/schema';
import { trimNulls } from '../../shared/knowledge/canonical';
import { validateKnowledgeData, KnowledgeDataError } from './build';
import { parseBool, parseNumber, plain, type Cell } from './cells';
import { INDEX_KIND_WORD, RELEASE_FIELDS, SETTING_FIELDS, TEMPLATE_SHEETS, type ColSpec, type SheetSpec } from './template';
import type { PriceIndexKind } from '../../shared/knowledge/price-index';

/** 'faktisk' / 'fremskrevet' back to the tag (null: the template does not say). */
function indexKindOf(word: unknown): PriceIndexKind | null {
  const hit = (Object.entries(INDEX_KIND_WORD) as [PriceIndexKind, string][]).find(([, w]) => w === word);
  return hit ? hit[0] : null;
}

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
const MAX_ROWS = 250_000;

class SheetErrors {
  readonly list: string[] = [];
  add(msg: string) {
    if (this.list.length < 50) this.list.push(msg);
  }
}

function convert(c: ColSpec, raw: Cell): { ok: true; value: unknown } | { ok: false; problem: string } {
  const empty = raw === null;
  const k = c.kind;
  if (k === 'text?' || k === 'text0') {
    if (!empty && c.values && !c.values.includes(String(raw))) return { ok: false, problem: `skal være tom eller en af: ${c.values.join(', ')}` };
    return { ok: true, value: empty ? (k === 'text0' ? '' : null) : String(raw) };
  }
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
  const missing = spec.cols.filter((c) => !c.optional && !index.has(c.header));
  if (missing.length) {
    errors.add(`Ark '${spec.name}', række 1: kolonne${missing.length > 1 ? 'rne' : 'n'} ${missing.map((c) => `'${c.header}'`).join(', ')} mangler`);
    return [];
  }
  const out: ParsedRow[] = [];
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    const cells = spec.cols.map((c) => (index.has(c.header) ? plain(row.getCell(index.get(c.header) as number).value) : null));
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
      // An empty change or type cell is absent, as in a release read back from its database.
      values: index.map(({ obj: { publishedChange, kind, ...rest } }) => ({
        ...rest,
        ...(publishedChange === null ? {} : { publishedChange }),
        ...(indexKindOf(kind) === null ? {} : { kind: indexKindOf(kind) }),
      })),
      source: setting(SETTING_FIELDS.indexSource, 'text'),
      note: setting(SETTING_FIELDS.indexNote, 'text'),
      ...(settings.has(SETTING_FIELDS.projectionRate)
        ? { projection: { rate: setting(SETTING_FIELDS.projectionRate, 'num'), source: setting(SETTING_FIELDS.projectionSource, 'text') } }
        : {}),
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
