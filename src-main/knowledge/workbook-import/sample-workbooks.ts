/**
 * Workbooks generated with exceljs for the import's tests, the benchmark and the end-to-end test:
 * the SØM workbook's Vidensdatabase tables as its screens show them (title rows, merged cells,
 * Danish text numbers, columns in another order, extra columns, a hidden sheet, several tables on
 * one sheet). Never a committed binary.
 */
import zlib from 'node:zlib';
import ExcelJS from 'exceljs';

type Row = (string | number | null)[];

function put(ws: ExcelJS.Worksheet, startRow: number, rows: Row[], startCol = 1): number {
  rows.forEach((r, i) => {
    const row = ws.getRow(startRow + i);
    r.forEach((v, j) => {
      if (v !== null) row.getCell(startCol + j).value = v;
    });
    row.commit?.();
  });
  return startRow + rows.length;
}

export const SEED_PRICE_ROWS: Row[] = [
  ['Hjemløse (18-65 år)', 'Beskæftigelsesindsats', 'Vejledning og opkvalificering', 'Kr. pr. uge', '1.770', '885', '0', '885'],
  ['Hjemløse (18-65 år)', 'Skat af indkomst', 'Beskæftigelse', 'Kr. pr. dag', '300', '193', '0', '107'],
  ['Hjemløse (18-65 år)', 'Sociale serviceydelser', 'Alkoholmisbrugsbehandling', 'Kr. pr. dag', '116', '0', '0', '116'],
  ['Hjemløse (18-65 år)', 'Sociale serviceydelser', 'Beskyttet besk. eller aktivitets - og', 'Kr. pr. dag', '375', '0', '0', '375'],
];

export interface SampleOptions {
  /** Add an .xlsm's VBA part (never run). */
  vba?: boolean;
}

/** A workbook with every table kind, laid out as the SØM workbook's screens show them. */
export async function sampleSomWorkbook(opts: SampleOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();

  // Priser: a merged title row, a blank row, the seed's header order.
  const p = wb.addWorksheet('Priser');
  p.getCell('A1').value = 'Priser, kr. pr. enhed';
  p.mergeCells('A1:H1');
  put(p, 3, [['Målgruppe', 'Hoveddimension', 'Underdimension', 'Enhed', 'Pris i alt', 'Stat', 'Region', 'Kommune'], ...SEED_PRICE_ROWS,
    ['Hjemløse (18-65 år)', 'Sundhedsydelser', 'Somatisk sygehusindlæggelse', 'Kr. pr. dag', '5.210 kr.', '0', '4.900', '310'],
    ['Hjemløse (18-65 år)', 'Sundhedsydelser', 'Tandpleje', 'Kr. pr. besøg', '900', '0', '0', '900'],
    ['Hjemløse (18-65 år)', 'Indkomstoverførsler', 'Kontanthjælp', 'Kr. pr. uge', 'ukendt', '544', '0', 'x'],
  ]);
  // A second table further down the same sheet ends the first at the blank row.
  put(p, 13, [['Målgruppe', 'Hoveddimension', 'Underdimension', 'Enhed', 'Stat', 'Region', 'Kommune', 'Prisår'],
    ['Mennesker med alkoholmisbrug (18-65 år)', 'Indkomstoverførsler', 'Kontanthjælp', 'Kr. pr. uge', '544', '0', '2.174', 2018],
  ]);

  // Konsekvenser: hidden, columns in another order, an extra column, the Type column.
  const k = wb.addWorksheet('Data_konsekvenser', { state: 'hidden' });
  const years = Array.from({ length: 9 }, (_, i) => `År ${i + 1}`);
  put(k, 1, [
    ['Noter', 'Type', 'Succesmål', 'Målgruppe', 'Konsekvens', 'Enhed', ...years],
    ['fra registeranalysen', 'Succesgruppe', 'Ophør af hjemløshed', 'Hjemløse (18-65 år)', 'Kontanthjælp', 'Uger', '30,0', '25,0', '21,9', '19,8', '17,5', '16,0'],
    [null, 'Andre', 'Ophør af hjemløshed', 'Hjemløse (18-65 år)', 'Kontanthjælp', 'Uger', '30,0', '27,2', '24,4', '21,3', '18,1', '16,3'],
    [null, 'Justering', 'Ophør af hjemløshed', 'Hjemløse (18-65 år)', 'Kontanthjælp', 'Uger', '0,0', '0,0', '0,0', '0,0', '-', '-'],
    [null, 'Effekt af indsats', 'Ophør af hjemløshed', 'Hjemløse (18-65 år)', 'Kontanthjælp', 'Uger', '0,0', '−2,2', '−2,5', '−1,5', '−0,6', '−0,3'],
    [null, null, 'Ophør af hjemløshed', 'Hjemløse (18-65 år)', 'Somatisk sygehusindlæggelse', 'Dage', '-0,5', '-0,4', '-0,3'],
    [null, null, 'Undgår institutionsanbringelse', 'Børn og unge anbragt i plejefamilie: 6-13 år', 'Kontanthjælp', 'Uger', null, null, null, '0,0', '-3,5', '-4,4', '-5,6', '0,0', '0,0'],
    [null, null, 'Færre dage i hjemløshed', 'Hjemløse (18-65 år)', 'Herberg og forsorg', 'Døgn', '-12', '-8', '-4'],
    [null, null, 'Ophør af hjemløshed', null, 'Kontanthjælp', 'Uger', '1', '2'],
  ]);

  // Anden viden: price index, discount rate and tax rates on one sheet.
  const a = wb.addWorksheet('Anden viden');
  a.getCell('A1').value = 'Udviklingen i nettoprisindekset';
  const idxYears = Array.from({ length: 8 }, (_, i) => 2016 + i);
  const idx = ['0,97', '0,98', '1,00', '1,02', '1,04', '1,06', '1,08', '1,11'];
  put(a, 3, [[null, ...idxYears], ['Årlig ændring', '1%', '2%', '2%', '2%', '2%', '2%', '2%', '2%'], ['Prisindeks (basis=2018)', ...idx]]);
  a.getCell('A7').value = 'Rente (diskonteringsrate)';
  a.getCell('A8').value = '3,5%';
  put(a, 10, [['Gennemsnitlig skattesats for overførsler'], [null, 'Stat', 'Region', 'Kommune'], ['Skatteprocent', '12,1%', '0,0%', '25,0 %']]);

  // Generel info (target-group characteristics).
  const m = wb.addWorksheet('Målgrupper');
  m.getCell('A1').value = 'Generel info';
  put(m, 2, [
    [null, 'Hjemløse (18-65 år)', 'Mennesker med ADHD (18-65 år)', 'Mennesker med ludomani (18-65 år)'],
    ['Andel par', '11%', '19%', '8%'],
    ['Andel med børn', '16%', '53%', '22%'],
    ['Gennemsnitsalder', 41, 27, '38'],
    ['Antal personer i målgruppen', '90.488', '20.641', '1.234'],
  ]);

  // Effektstudier.
  const e = wb.addWorksheet('Effektstudier');
  put(e, 1, [
    ['Litteraturoversigt'],
    [],
    ['Tema', 'Målgruppe', 'Indsats', 'Mål', 'Land', 'Studiedesign', 'Standardiseret effektstørrelse', 'Kvalitet', 'Antal deltagere', 'År', 'Titel'],
    ['Udsatte voksne', 'Hjemløse (18-65 år)', 'Assertive community treatment (ACT)', 'Antal, der har fundet job', 'USA', 'Kontrolgruppe med lodtrækning', '0,31', 'Høj', '1.200', 2012, 'ACT for homeless adults'],
    ['Udsatte børn og unge', 'Børn og unge anbragt i plejefamilie', 'KEEP', 'Adfærdsproblemer', 'USA', 'Kontrolgruppe med lodtrækning', '0,2', 'Mellem', '700', 2008, 'KEEP trial'],
    ['Spilafhængighed', 'Mennesker med ludomani (18-65 år)', 'Kognitiv adfærdsterapi', 'Spilleadfærd', 'Danmark', 'Før- og eftermåling', '0,45', 'Lav', '80', 2019, 'KAT mod ludomani'],
    ['Udsatte voksne', 'Hjemløse (18-65 år)', 'ICM', 'Bolig', 'Canada', 'Kontrolgruppe med lodtrækning', 'stor', 'Høj', '300', 2015, 'ICM'],
  ]);

  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return opts.vba ? addZipEntry(buf, 'xl/vbaProject.bin', Buffer.from('Attribute VB_Name = "Module1"\nSub AutoOpen()\nShell "calc.exe"\nEnd Sub\n')) : buf;
}

/** A large workbook for the benchmark: studies, prices and consequence rows. */
export async function largeWorkbook(n: { studies: number; prices: number; consequences: number }): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const groups = ['Hjemløse (18-65 år)', 'Mennesker med alkoholmisbrug (18-65 år)', 'Mennesker med ADHD (18-65 år)', 'Børn og unge anbragt i plejefamilie: 6-13 år'];
  const dims = [
    ['Indkomstoverførsler', 'Kontanthjælp', 'Kr. pr. uge'],
    ['Indkomstoverførsler', 'Førtidspension', 'Kr. pr. uge'],
    ['Sundhedsydelser', 'Somatisk sygehusindlæggelse', 'Kr. pr. dag'],
    ['Sociale serviceydelser', 'Herberg og forsorg', 'Kr. pr. døgn'],
  ];
  const p = wb.addWorksheet('Priser');
  p.addRow(['Målgruppe', 'Hoveddimension', 'Underdimension', 'Enhed', 'Stat', 'Region', 'Kommune']);
  for (let i = 0; i < n.prices; i++) {
    const [area, label, unit] = dims[i % dims.length];
    const g = i < groups.length * dims.length ? groups[Math.floor(i / dims.length)] : `Målgruppe ${Math.floor(i / dims.length)} (18-65 år)`;
    p.addRow([g, area, label, unit, String(100 + (i % 50)), '0', `${(1000 + i).toLocaleString('da-DK')}`]);
  }
  const k = wb.addWorksheet('Konsekvenser');
  k.addRow(['Målgruppe', 'Succesmål', 'Konsekvens', 'Enhed', ...Array.from({ length: 9 }, (_, i) => `År ${i + 1}`)]);
  for (let i = 0; i < n.consequences; i++) {
    const [, label, unit] = dims[i % dims.length];
    k.addRow([`Målgruppe ${Math.floor(i / dims.length)} (18-65 år)`, 'Succes', label, unit.replace('Kr. pr. ', ''), ...Array.from({ length: 6 }, (_, y) => `${-(y + 1) / 10}`.replace('.', ','))]);
  }
  const e = wb.addWorksheet('Effektstudier');
  e.addRow(['Tema', 'Målgruppe', 'Indsats', 'Effektmål', 'Land', 'Studiedesign', 'Effektstørrelse', 'Kvalitet', 'Antal deltagere', 'År', 'Titel']);
  for (let i = 0; i < n.studies; i++) {
    e.addRow(['Udsatte voksne', groups[i % groups.length], `Indsats ${i % 300}`, `Mål ${i % 40}`, 'Danmark', 'Kontrolgruppe med lodtrækning', ((i % 100) / 100).toFixed(2).replace('.', ','), ['Lav', 'Mellem', 'Høj'][i % 3], 100 + i, 1990 + (i % 30), `Studie nummer ${i}`]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------
// A minimal zip writer (stored or deflated entries) for VBA parts and hostile files
// ---------------------------------------------------------------------------


function crc32(buf: Buffer): number {
  let c = ~0;
  for (let i = 0; i < buf.length; i++) {
    c ^= buf[i];
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

export interface RawEntry {
  name: string;
  data: Buffer;
  /** Write this size in the headers instead of the real one (a lying zip). */
  declaredSize?: number;
  deflate?: boolean;
  /** Already-deflated data with its real size (for a zip bomb without building it in memory). */
  raw?: { compressed: Buffer; size: number; crc: number };
}

export function writeZip(entries: RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const deflate = e.raw ? true : e.deflate !== false;
    const comp = e.raw ? e.raw.compressed : deflate ? zlib.deflateRawSync(e.data) : e.data;
    const size = e.declaredSize ?? (e.raw ? e.raw.size : e.data.length);
    const crc = e.raw ? e.raw.crc : crc32(e.data);
    const lh = Buffer.alloc(30);
    lh.writeUInt32LE(0x04034b50, 0);
    lh.writeUInt16LE(20, 4);
    lh.writeUInt16LE(0, 6);
    lh.writeUInt16LE(deflate ? 8 : 0, 8);
    lh.writeUInt32LE(crc, 14);
    lh.writeUInt32LE(comp.length, 18);
    lh.writeUInt32LE(size, 22);
    lh.writeUInt16LE(name.length, 26);
    lh.writeUInt16LE(0, 28);
    locals.push(lh, name, comp);
    const ch = Buffer.alloc(46);
    ch.writeUInt32LE(0x02014b50, 0);
    ch.writeUInt16LE(20, 4);
    ch.writeUInt16LE(20, 6);
    ch.writeUInt16LE(0, 8);
    ch.writeUInt16LE(deflate ? 8 : 0, 10);
    ch.writeUInt32LE(crc, 16);
    ch.writeUInt32LE(comp.length, 20);
    ch.writeUInt32LE(size, 24);
    ch.writeUInt16LE(name.length, 28);
    ch.writeUInt32LE(offset, 42);
    centrals.push(ch, name);
    offset += 30 + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/** Reads the entries of a zip this module or exceljs wrote (no data descriptors expected). */
export function readZipEntries(buf: Buffer): { name: string; data: Buffer }[] {
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const out: { name: string; data: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(p + 10);
    const csize = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extra = buf.readUInt16LE(p + 30);
    const comment = buf.readUInt16LE(p + 32);
    const lo = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const lNameLen = buf.readUInt16LE(lo + 26);
    const lExtra = buf.readUInt16LE(lo + 28);
    const start = lo + 30 + lNameLen + lExtra;
    const comp = buf.subarray(start, start + csize);
    out.push({ name, data: method === 8 ? zlib.inflateRawSync(comp) : Buffer.from(comp) });
    p += 46 + nameLen + extra + comment;
  }
  return out;
}

/** The same workbook with one more part (re-zipped). */
export function addZipEntry(buf: Buffer, name: string, data: Buffer): Buffer {
  const entries = readZipEntries(buf).map((e) => ({ name: e.name, data: e.data }));
  entries.push({ name, data });
  return writeZip(entries);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const ROOT_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Ark1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

/** The parts of a one-sheet workbook around a given sheet entry. */
export function minimalXlsx(sheet: Omit<RawEntry, 'name'>): Buffer {
  return writeZip([
    { name: '[Content_Types].xml', data: Buffer.from(CONTENT_TYPES) },
    { name: '_rels/.rels', data: Buffer.from(ROOT_RELS) },
    { name: 'xl/workbook.xml', data: Buffer.from(WORKBOOK) },
    { name: 'xl/_rels/workbook.xml.rels', data: Buffer.from(WORKBOOK_RELS) },
    { name: 'xl/worksheets/sheet1.xml', ...sheet },
  ]);
}
