/**
 * The workbook import end to end on generated workbooks: recognition of every table kind in the
 * SØM workbook's layouts, counts, values, sources, new labels and skipped cells; the pasted table;
 * hostile files refused with a Danish message.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import path from 'node:path';
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { readKnowledgeData } from '../build';
import type { KnowledgeData } from '../../../shared/knowledge/types';
import { AppError } from '../../../shared/errors';
import { importPastedTable, importWorkbook, NOTHING_FOUND } from './pipeline';
import { minimalXlsx, sampleSomWorkbook, writeZip, readZipEntries } from './sample-workbooks';
import { parseDanishNumber } from './cells';
import { SAVE_AS_XLSX } from './zip-guard';

const shipped = path.resolve(import.meta.dirname, '..', '..', '..', 'knowledge.sqlite');
let base: KnowledgeData;
beforeAll(() => {
  const db = new Database(shipped, { readonly: true });
  base = readKnowledgeData(db);
  db.close();
});

const ctl = () => ({ checkCancelled() {}, progress() {}, deadline: Date.now() + 60_000 });
const run = (buf: Buffer, name = 'SØM.xlsx') => importWorkbook(buf, name, base, ctl(), '2026-12-01');

async function refused(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).message;
  }
  throw new Error('expected a refusal');
}

async function workbookOf(sheets: Record<string, (string | number | null)[][]>, hidden: string[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = wb.addWorksheet(name, hidden.includes(name) ? { state: 'hidden' } : {});
    rows.forEach((r, i) => r.forEach((v, j) => v !== null && (ws.getRow(i + 1).getCell(j + 1).value = v)));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('Danish numbers', () => {
  it.each([
    ['2.174', 2174],
    ['1.770 kr.', 1770],
    ['26,4%', 0.264],
    ['26,4 %', 0.264],
    ['0,7', 0.7],
    ['−2,9', -2.9],
    ['-2,9', -2.9],
    ['1.234.567,5', 1234567.5],
    ['0.25', 0.25],
  ])('%s → %d', (s, v) => {
    expect(parseDanishNumber(s)?.value).toBeCloseTo(v, 10);
  });
  it('"-" and blank are no value; text is unreadable', () => {
    expect(parseDanishNumber('-')).toBeNull();
    expect(parseDanishNumber(null)).toBeNull();
    expect(parseDanishNumber('ukendt')).toBeUndefined();
    expect(parseDanishNumber('1,2,3')).toBeUndefined();
  });
});

describe('the SØM workbook layouts', () => {
  it('finds every table kind with their counts, values, sources and new labels', async () => {
    const { data, summary } = await run(await sampleSomWorkbook(), 'SØM.xlsx');
    expect(summary.found).toEqual({ prices: 7, consequenceRows: 7, studies: 3, characteristics: 12, priceIndexYears: 8, discountRate: true, taxRates: true });
    expect(summary.replaced.prices).toBe(6);
    expect(summary.replaced.consequenceRows).toBe(6);
    expect(summary.replaced.characteristics).toBe(8);
    expect(summary.new.targetGroups).toEqual(['Mennesker med ludomani (18-65 år)', 'Børn og unge anbragt i plejefamilie']);
    expect(summary.new.successMeasures).toEqual(['Færre dage i hjemløshed (Hjemløse (18-65 år))']);
    expect(summary.new.dimensions).toEqual(['Tandpleje (Sundhedsydelser)']);
    // Synonyms: Beskæftigelsesindsats = Uddannelse og beskæftigelse; Skat af indkomst › Beskæftigelse = Fra beskæftigelse.
    const price = (g: string, d: string) => data.prices.find((p) => p.targetGroupId === g && p.dimensionId === d);
    expect(price('hjemloese-18-65', 'vejledning-opkvalificering')).toMatchObject({ kommune: 885, region: 0, stat: 885, illustrative: false, source: "SØM.xlsx, ark 'Priser', række 4" });
    expect(price('hjemloese-18-65', 'skat-indkomst')).toMatchObject({ kommune: 107, stat: 193, source: "SØM.xlsx, ark 'Priser', række 5" });
    expect(price('hjemloese-18-65', 'beskyttet-beskaeftigelse')).toMatchObject({ kommune: 375, source: "SØM.xlsx, ark 'Priser', række 7" });
    // An illustrative price becomes Socialstyrelsen's, with its text number "5.210 kr." total ignored and "4.900" read.
    expect(base.prices.find((p) => p.targetGroupId === 'hjemloese-18-65' && p.dimensionId === 'somatisk-indl')?.illustrative).toBe(true);
    expect(price('hjemloese-18-65', 'somatisk-indl')).toMatchObject({ kommune: 310, region: 4900, stat: 0, illustrative: false, priceYear: 2018 });
    // The second table on the sheet, with its own Prisår.
    expect(price('alkohol-18-65', 'kontanthjaelp')).toMatchObject({ kommune: 2174, stat: 544, priceYear: 2018, source: "SØM.xlsx, ark 'Priser', række 14" });
    // Rows the workbook does not give keep their values and flags.
    const untouched = base.prices.find((p) => p.targetGroupId === 'adhd-18-65');
    expect(data.prices.find((p) => p.targetGroupId === untouched?.targetGroupId && p.dimensionId === untouched?.dimensionId)).toEqual(untouched);
  });

  it('reads the hidden consequence sheet: columns in another order, the Type rows, "-" years, U+2212', async () => {
    const { data } = await run(await sampleSomWorkbook());
    const line = data.consequences.find((c) => c.targetGroupId === 'hjemloese-18-65' && c.dimensionId === 'kontanthjaelp');
    expect(line).toMatchObject({
      measured: [0, -2.2, -2.5, -1.5, -0.6, -0.3],
      successGroup: [30, 25, 21.9, 19.8, 17.5, 16],
      others: [30, 27.2, 24.4, 21.3, 18.1, 16.3],
      adjustment: [0, 0, 0, 0],
      illustrative: false,
      source: "SØM.xlsx, ark 'Data_konsekvenser', række 5",
    });
    // Blank first years stay not estimated; År 1-9 as given.
    const pl = data.consequences.find((c) => c.targetGroupId === 'plejefamilie-6-13' && c.dimensionId === 'kontanthjaelp');
    expect(pl?.measured).toEqual([null, null, null, 0, -3.5, -4.4, -5.6, 0, 0]);
    // A new success measure with its line.
    const sm = data.successMeasures.find((m) => m.label === 'Færre dage i hjemløshed');
    expect(sm).toMatchObject({ targetGroupId: 'hjemloese-18-65', illustrative: false });
    expect(data.consequences.find((c) => c.successMeasureId === sm?.id)?.measured).toEqual([-12, -8, -4]);
  });

  it('lists the unreadable rows with sheet, row, column and why', async () => {
    const { summary } = await run(await sampleSomWorkbook());
    expect(summary.skipped).toEqual([
      { sheet: 'Priser', row: 10, column: 'Kommune', why: '"x" er ikke et tal' },
      { sheet: 'Data_konsekvenser', row: 9, column: 'Målgruppe', why: 'mangler en værdi' },
      { sheet: 'Effektstudier', row: 7, column: 'Standardiseret effektstørrelse', why: '"stor" er ikke et tal' },
    ]);
    expect(summary.skippedCount).toBe(3);
  });

  it('reads Anden viden: index (continued after its last year), discount rate, tax rates', async () => {
    const { data, summary } = await run(await sampleSomWorkbook());
    const idx = new Map(data.other.priceIndex.values.map((v) => [v.year, v.value]));
    expect(idx.get(2018)).toBe(1);
    expect(idx.get(2023)).toBe(1.11);
    expect(data.other.priceIndex.values.find((v) => v.year === 2017)?.publishedChange).toBeCloseTo(0.02, 10);
    expect(data.other.priceIndex.basisYear).toBe(2018);
    expect(data.other.priceIndex.source).toContain("SØM.xlsx, ark 'Anden viden', række 5");
    // Years before the workbook's first year continue from it with the release's own yearly change.
    const oldIdx = new Map(base.other.priceIndex.values.map((v) => [v.year, v.value]));
    expect(idx.get(2015)).toBeCloseTo((0.97 * (oldIdx.get(2015) as number)) / (oldIdx.get(2016) as number), 10);
    // Years after the workbook's last year (2023) continue from its last value at the release's projection rate, tagged projected.
    const rate = base.other.priceIndex.projection!.rate;
    const y2030 = data.other.priceIndex.values.find((v) => v.year === 2030)!;
    expect(y2030.value).toBeCloseTo(1.11 * Math.pow(1 + rate, 7), 10);
    expect(y2030.kind).toBe('projected');
    expect(data.other.priceIndex.values[data.other.priceIndex.values.length - 1].year).toBe(2080);
    expect(data.other.priceIndex.projection).toEqual(base.other.priceIndex.projection);
    expect(data.other.discountRate).toEqual({ value: 0.035, source: "SØM.xlsx, ark 'Anden viden', række 8" });
    expect(data.other.taxRates).toMatchObject({ stat: 0.121, region: 0, kommune: 0.25, source: "SØM.xlsx, ark 'Anden viden', række 12" });
    expect(summary.found.priceIndexYears).toBe(8);
  });

  it('reads Generel info: shares from per cent text, counts from "90.488", a new target group', async () => {
    const { data } = await run(await sampleSomWorkbook());
    const ch = (g: string, k: string) => data.characteristics.find((c) => c.targetGroupId === g && c.key === k);
    expect(ch('hjemloese-18-65', 'andel-par')).toMatchObject({ value: 0.11, unit: 'andel', source: "SØM.xlsx, ark 'Målgrupper', række 3", illustrative: false });
    expect(ch('hjemloese-18-65', 'antal-personer')?.value ?? ch('hjemloese-18-65', base.characteristics.find((c) => c.label === 'Antal personer i målgruppen')!.key)?.value).toBe(90488);
    const lud = data.targetGroups.find((g) => g.label === 'Mennesker med ludomani (18-65 år)');
    expect(lud).toMatchObject({ themeId: 'andre-maalgrupper', ageMin: 18, ageMax: 65, illustrative: false });
    expect(data.characteristics.filter((c) => c.targetGroupId === lud?.id).map((c) => c.value)).toEqual([0.08, 0.22, 38, 1234]);
  });

  it('reads effect studies; a new target group takes the Tema column', async () => {
    const { data } = await run(await sampleSomWorkbook());
    const act = data.studies.find((s) => s.title === 'ACT for homeless adults');
    expect(act).toMatchObject({ targetGroupId: 'hjemloese-18-65', effectSize: 0.31, quality: 'Høj', nParticipants: 1200, year: 2012, illustrative: false, source: "SØM.xlsx, ark 'Effektstudier', række 4" });
    const lud = data.studies.find((s) => s.title === 'KAT mod ludomani');
    expect(data.themes.find((t) => t.id === lud?.themeId)?.label).toBe('Spilafhængighed');
    expect(data.studies.length).toBe(base.studies.length + 3);
  });

  it('an .xlsm with a VBA part: the part is ignored, the tables are read', async () => {
    const buf = await sampleSomWorkbook({ vba: true });
    expect(readZipEntries(buf).some((e) => e.name === 'xl/vbaProject.bin')).toBe(true);
    const { summary } = await run(buf, 'SØM.xlsm');
    expect(summary.found.prices).toBe(7);
    expect(summary.fileName).toBe('SØM.xlsm');
  });

  it('each table alone, in a blank workbook, columns in any order with extra columns', async () => {
    const only = async (rows: (string | number | null)[][]) => (await run(await workbookOf({ Ark1: rows }))).summary.found;
    expect(await only([['Kommune', 'Region', 'Stat', 'Ekstra', 'Enhed', 'Underdimension', 'Hoveddimension', 'MÅLGRUPPE:'], ['2.211', '0', '550', 'x', 'Kr. pr. uge', 'Kontanthjælp', 'Indkomstoverførsler', 'Børn og unge anbragt i plejefamilie (6-13 år)']])).toMatchObject({ prices: 1, studies: 0 });
    expect(await only([['Målgruppe', 'Succesmål', 'Underdimension', 'År', 'Værdi'], ['Hjemløse (18-65 år)', 'Ophør af hjemløshed', 'Kontanthjælp', 1, '0,0'], ['Hjemløse (18-65 år)', 'Ophør af hjemløshed', 'Kontanthjælp', 2, '-2,2']])).toMatchObject({ consequenceRows: 2 });
    expect(await only([['Målgruppe', 'Indsats', 'Effektmål', 'Effektstørrelse'], ['Hjemløse (18-65 år)', 'ICM', 'Bolig', '0,4']])).toMatchObject({ studies: 1 });
    expect(await only([[null, 'Hjemløse (18-65 år)'], ['Andel par', '12%']])).toMatchObject({ characteristics: 1 });
    expect(await only([[null, 2024, 2025], ['Prisindeks (basis=2018)', '1,12', '1,14']])).toMatchObject({ priceIndexYears: 2 });
    expect(await only([['Rente (diskonteringsrate)', '3 %']])).toMatchObject({ discountRate: true, taxRates: false });
    expect(await only([[null, 'Stat', 'Region', 'Kommune'], ['Skatteprocent', '12,1%', '0,0%', '26,4%']])).toMatchObject({ taxRates: true });
  });

  it('a long consequence table builds the line from its rows', async () => {
    const { data } = await run(await workbookOf({ Ark1: [['Målgruppe', 'Succesmål', 'Konsekvens', 'År', 'Værdi', 'Type'], ['Hjemløse (18-65 år)', 'Ophør af hjemløshed', 'Kontanthjælp', 2, '-2,2', null], ['Hjemløse (18-65 år)', 'Ophør af hjemløshed', 'Kontanthjælp', 1, '0,1', null], ['Hjemløse (18-65 år)', 'Ophør af hjemløshed', 'Kontanthjælp', 1, '30', 'Succesgruppe']] }));
    const line = data.consequences.find((c) => c.targetGroupId === 'hjemloese-18-65' && c.dimensionId === 'kontanthjaelp');
    expect(line?.measured).toEqual([0.1, -2.2]);
    expect(line?.successGroup).toEqual([30]);
  });

  it('a workbook with no recognised table says so', async () => {
    expect(await refused(run(await workbookOf({ Ark1: [['Hej', 'med', 'dig']] })))).toBe(NOTHING_FOUND);
  });
});

describe('a table pasted from Excel', () => {
  it('recognises tab-separated text with quoted cells', () => {
    const tsv = 'Priser, kr. pr. enhed\r\n\r\nMålgruppe\tHoveddimension\tUnderdimension\tEnhed\tPris i alt\tStat\tRegion\tKommune\r\nHjemløse (18-65 år)\tSociale serviceydelser\t"Alkoholmisbrugs\nbehandling"\tKr. pr. dag\t116\t0\t0\t116\r\nHjemløse (18-65 år)\tSundhedsydelser\tSomatisk sygehusindlæggelse\tKr. pr. dag\t5.210\t0\t4.900\t310\r\n';
    const { data, summary } = importPastedTable(tsv, base, '2026-12-01');
    expect(summary.found.prices).toBe(2);
    expect(summary.new.dimensions).toEqual(['Alkoholmisbrugs\nbehandling (Sociale serviceydelser)']);
    expect(data.prices.find((p) => p.targetGroupId === 'hjemloese-18-65' && p.dimensionId === 'somatisk-indl')).toMatchObject({ region: 4900, source: "Tabel indsat fra Excel, ark 'Indsat tabel', række 5" });
  });
});

describe('refused files', () => {
  it('.xls and .xlsb get one sentence: save as .xlsx', async () => {
    expect(await refused(run(Buffer.from('x'), 'SØM.xls'))).toBe(SAVE_AS_XLSX);
    expect(await refused(run(Buffer.from('x'), 'SØM.xlsb'))).toBe(SAVE_AS_XLSX);
    // An old binary workbook renamed to .xlsx (OLE header), and an .xlsb renamed.
    const ole = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600)]);
    expect(await refused(run(ole, 'SØM.xlsx'))).toBe(SAVE_AS_XLSX);
    const xlsb = writeZip([{ name: '[Content_Types].xml', data: Buffer.from('<Types/>') }, { name: 'xl/workbook.bin', data: Buffer.alloc(10) }]);
    expect(await refused(run(xlsb, 'SØM.xlsx'))).toBe(SAVE_AS_XLSX);
  });

  it('a file that is not a workbook', async () => {
    expect(await refused(run(Buffer.from('Målgruppe;Pris\nHjemløse;1\n'), 'x.xlsx'))).toMatch(/ikke et Excel-regneark/);
    expect(await refused(run(writeZip([{ name: 'a.txt', data: Buffer.from('hej') }]), 'x.xlsx'))).toMatch(/ikke et Excel-regneark/);
    expect(await refused(run(Buffer.from('x'), 'x.csv'))).toMatch(/ikke et Excel-regneark/);
  });

  it('a zip bomb: declared sizes past the limit, and sizes that lie', async () => {
    const honest = minimalXlsx({ data: Buffer.alloc(0), raw: { compressed: zlib.deflateRawSync(Buffer.alloc(1)), size: 400 * 1024 * 1024, crc: 0 } });
    expect(await refused(run(honest))).toMatch(/fylder for meget udpakket/);
    const zeros = Buffer.alloc(20 * 1024 * 1024);
    const lying = minimalXlsx({ data: zeros, declaredSize: 1000 });
    expect(await refused(run(lying))).toMatch(/fylder for meget udpakket/);
  });

  it('a sheet with more than 300 000 rows', async () => {
    const rows: string[] = [];
    for (let r = 1; r <= 300_001; r++) rows.push(`<row r="${r}"><c r="A${r}"><v>1</v></c></row>`);
    const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
    expect(await refused(run(minimalXlsx({ data: Buffer.from(xml) })))).toMatch(/for mange rækker/);
  }, 60_000);

  it('a 10 MB cell', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${'x'.repeat(10 * 1024 * 1024)}</t></is></c></row></sheetData></worksheet>`;
    expect(await refused(run(minimalXlsx({ data: Buffer.from(xml) })))).toMatch(/mere tekst, end Excel tillader/);
  }, 60_000);

  it('a cell far outside Excel\'s columns', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="ZZZZ1"><v>1</v></c></row></sheetData></worksheet>`;
    expect(await refused(run(minimalXlsx({ data: Buffer.from(xml) })))).toMatch(/uden for Excels kolonner/);
  });

  it('a damaged zip', async () => {
    const good = await sampleSomWorkbook();
    const cut = good.subarray(0, good.length - 30);
    expect(await refused(run(cut))).toMatch(/beskadiget|ikke et Excel-regneark/);
  });
});
