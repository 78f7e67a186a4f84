/**
 * Checks an uploaded workbook before any XML is parsed: format (xlsx/xlsm vs xls/xlsb/other), the
 * zip's central directory against its local headers (the entries must tile the file, so a
 * sequential unzipper sees exactly the entries checked here), the declared unpacked size, and then
 * the real unpacked size of every entry by inflating it into a counter (nothing is kept), so a zip
 * bomb with lying headers is refused before the workbook reader inflates anything.
 */
import zlib from 'node:zlib';
import { AppError } from '../../../shared/errors';

export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_UNPACKED_BYTES = 300 * 1024 * 1024;
const MAX_ENTRIES = 20_000;

export const SAVE_AS_XLSX = 'Filen er i et ældre eller binært Excel-format, som ikke kan læses. Åbn den i Excel, og gem den som "Excel-projektmappe (.xlsx)".';
const NOT_WORKBOOK = 'Filen er ikke et Excel-regneark (.xlsx eller .xlsm) og kan ikke læses.';
const DAMAGED = 'Filen kunne ikke læses som et Excel-regneark: den ser ud til at være beskadiget.';
const tooBig = () => `Filen er for stor: højst ${MAX_FILE_BYTES / 1024 / 1024} MB.`;
const unpackedTooBig = () => `Regnearket fylder for meget udpakket (mere end ${MAX_UNPACKED_BYTES / 1024 / 1024} MB), så det indlæses ikke.`;

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header and of its data (after that header). */
  headerOffset: number;
  dataOffset: number;
}

export interface ZipCheck {
  entries: ZipEntry[];
  /** Worksheet parts (xl/worksheets/sheetN.xml) and their unpacked sizes. */
  sheetBytes: number;
  unpackedBytes: number;
  hasMacros: boolean;
  /** Where the central directory starts (the entries tile the file up to here). */
  cdOffset: number;
}

const fail = (msg: string) => new AppError('invalid-file', msg);

/** A refusal by file name alone (.xls, .xlsb), before reading anything. */
export function refuseByName(fileName: string): void {
  if (/\.(xls|xlsb)$/i.test(fileName)) throw fail(SAVE_AS_XLSX);
  if (!/\.(xlsx|xlsm)$/i.test(fileName)) throw fail(NOT_WORKBOOK);
}

function findEocd(buf: Buffer): number {
  const min = Math.max(0, buf.length - 22 - 0xffff);
  for (let i = buf.length - 22; i >= min; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) return i;
  }
  return -1;
}

/** Structure check (synchronous, no inflating). Throws AppError('invalid-file') in Danish. */
export function checkZipStructure(buf: Buffer): ZipCheck {
  if (buf.length > MAX_FILE_BYTES) throw fail(tooBig());
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0) throw fail(SAVE_AS_XLSX); // OLE: .xls (or an encrypted workbook)
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) throw fail(NOT_WORKBOOK);
  const eocd = findEocd(buf);
  if (eocd < 0) throw fail(DAMAGED);
  const count = buf.readUInt16LE(eocd + 10);
  const cdSize = buf.readUInt32LE(eocd + 12);
  const cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdOffset === 0xffffffff) throw fail(DAMAGED); // zip64 is never needed below 50 MB
  if (count > MAX_ENTRIES) throw fail(DAMAGED);
  if (cdOffset + cdSize > eocd) throw fail(DAMAGED);
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  let unpacked = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== 0x02014b50) throw fail(DAMAGED);
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    const compressedSize = buf.readUInt32LE(p + 20);
    const size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const localOffset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    if (flags & 0x1) throw fail(SAVE_AS_XLSX); // encrypted entries
    if (method !== 0 && method !== 8) throw fail(DAMAGED);
    if (compressedSize === 0xffffffff || size === 0xffffffff) throw fail(DAMAGED);
    if (method === 0 && compressedSize !== size) throw fail(DAMAGED);
    unpacked += size;
    if (unpacked > MAX_UNPACKED_BYTES) throw fail(unpackedTooBig());
    // The local header must agree with the central directory.
    const lp = localOffset;
    if (lp + 30 > buf.length || buf.readUInt32LE(lp) !== 0x04034b50) throw fail(DAMAGED);
    const lNameLen = buf.readUInt16LE(lp + 26);
    const lExtraLen = buf.readUInt16LE(lp + 28);
    const lName = buf.toString('utf8', lp + 30, lp + 30 + lNameLen);
    const lMethod = buf.readUInt16LE(lp + 8);
    const lFlags = buf.readUInt16LE(lp + 6);
    if (lName !== name || lMethod !== method) throw fail(DAMAGED);
    if (!(lFlags & 0x8)) {
      if (buf.readUInt32LE(lp + 18) !== compressedSize || buf.readUInt32LE(lp + 22) !== size) throw fail(DAMAGED);
    }
    const dataOffset = lp + 30 + lNameLen + lExtraLen;
    if (dataOffset + compressedSize > cdOffset) throw fail(DAMAGED);
    entries.push({ name, method, compressedSize, size, headerOffset: lp, dataOffset });
  }
  // Entries must follow each other without gaps or overlaps (a data descriptor may follow an entry).
  const ordered = [...entries].sort((a, b) => a.dataOffset - b.dataOffset);
  let expected = 0;
  for (const e of ordered) {
    const headerStart = e.headerOffset;
    if (headerStart < expected || headerStart - expected > 24) throw fail(DAMAGED);
    expected = e.dataOffset + e.compressedSize;
  }
  if (cdOffset - expected > 24) throw fail(DAMAGED);

  const names = new Set(entries.map((e) => e.name));
  if (names.has('xl/workbook.bin')) throw fail(SAVE_AS_XLSX);
  if (!names.has('xl/workbook.xml') || !names.has('[Content_Types].xml')) throw fail(NOT_WORKBOOK);
  const sheetBytes = entries.filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)).reduce((s, e) => s + e.size, 0);
  return { entries, sheetBytes, unpackedBytes: unpacked, hasMacros: names.has('xl/vbaProject.bin'), cdOffset };
}

/**
 * Inflates every entry into a counter and refuses when one gives more bytes than its header
 * declares (a zip bomb). Memory stays at one chunk; checks `isCancelled` between chunks.
 */
export async function checkInflatedSizes(buf: Buffer, check: ZipCheck, isCancelled: () => void): Promise<void> {
  for (const e of check.entries) {
    if (e.method === 0) continue;
    isCancelled();
    await new Promise<void>((resolve, reject) => {
      const inflate = zlib.createInflateRaw({ chunkSize: 64 * 1024 });
      let total = 0;
      let done = false;
      const finish = (err?: Error) => {
        if (done) return;
        done = true;
        inflate.removeAllListeners();
        inflate.destroy();
        if (err) reject(err);
        else resolve();
      };
      inflate.on('data', (chunk: Buffer) => {
        total += chunk.length;
        if (total > e.size) finish(fail(unpackedTooBig()));
      });
      inflate.on('error', () => finish(fail(DAMAGED)));
      inflate.on('end', () => finish(total === e.size ? undefined : fail(DAMAGED)));
      inflate.end(buf.subarray(e.dataOffset, e.dataOffset + e.compressedSize));
    });
  }
}

const PART_ORDER = (name: string): number => {
  if (name === 'xl/workbook.xml') return 0;
  if (name === 'xl/_rels/workbook.xml.rels') return 1;
  if (name === 'xl/sharedStrings.xml') return 2;
  if (name === 'xl/styles.xml') return 3;
  if (/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) return 5;
  return 4;
};

/**
 * The checked entries re-ordered for a sequential reader: the workbook, its relations and the
 * shared strings before the sheets, so every sheet is read as it streams by (no temporary files,
 * and the sheet names are known). Slices of the same buffer; followed by the central directory.
 */
export function orderedEntries(buf: Buffer, check: ZipCheck): Buffer[] {
  const byOffset = [...check.entries].sort((a, b) => a.headerOffset - b.headerOffset);
  const slices = byOffset.map((e, i) => ({ e, slice: buf.subarray(e.headerOffset, i + 1 < byOffset.length ? byOffset[i + 1].headerOffset : check.cdOffset) }));
  slices.sort((a, b) => PART_ORDER(a.e.name) - PART_ORDER(b.e.name) || a.e.headerOffset - b.e.headerOffset);
  return [...slices.map((s) => s.slice), buf.subarray(check.cdOffset)];
}
