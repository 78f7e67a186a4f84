/**
 * The listing entry of one .som file in the store folder. A small file is checked in full (parse →
 * strict schema), so a bad one is listed with its message. A larger file is listed from its header
 * only: the fields the list shows, read from the first HEADER_BYTES (the store writes them first),
 * so a big or hostile file costs the listing a bounded read and no parse; it is validated in full
 * when it is opened. A file whose header is not at its start is scanned once (structure first,
 * `prescanSom`, which refuses a hostile file after at most each array's allowed length), still
 * without building the document.
 */
import type { Stats } from 'node:fs';
import { AppError } from '../../shared/errors';
import { scanSomHeader, type SomHeader } from '../../shared/som/header';
import { MAX_SOM_BYTES, SomFileError, decodeSomBytes, describeFileError, parseSomBytes, somTooBigError } from '../../shared/som/io';
import { prescanSom } from '../../shared/som/prescan';
import { LIMITS } from '../../shared/som/schema';
import { SOM_EXT } from '../../shared/store/filenames';
import type { StoreEntry } from '../../shared/store/types';
import { fileId, readCapped, readPrefix } from './files';

/** Files up to this size are parsed and validated in full when listed. */
export const FULL_CHECK_BYTES = 256 * 1024;
/** How much of a larger file the listing reads for its header. */
export const HEADER_BYTES = 128 * 1024;

type Shown = Pick<StoreEntry, 'name' | 'targetGroup' | 'startYear' | 'savedAt' | 'knowledgeRelease'>;

/** The shown fields of a complete, plausible header; null when the header cannot answer. */
function shownFromHeader(h: SomHeader): Shown | null {
  if (h.format !== 'som' || h.formatVersion !== 1) return null;
  if (typeof h.name !== 'string' || h.name.length < 1 || h.name.length > LIMITS.maxNameLength) return null;
  if (typeof h.startYear !== 'number' || !Number.isInteger(h.startYear)) return null;
  if (typeof h.savedAt !== 'string' || h.savedAt.length > 100) return null;
  if (typeof h.targetGroupLabel !== 'string') return null;
  if (h.knowledgeRelease !== null && typeof h.knowledgeRelease !== 'string') return null;
  return {
    name: h.name,
    targetGroup: h.targetGroupLabel || null,
    startYear: h.startYear,
    savedAt: h.savedAt,
    knowledgeRelease: h.knowledgeRelease,
  };
}

/** The header of a large file, from a bounded prefix or else one structural scan of the whole text. */
function headerOfLargeFile(file: string): Shown | null {
  let prefix: string;
  try {
    // stream: a character cut at the end of the prefix is not an error.
    prefix = new TextDecoder('utf-8', { fatal: true }).decode(readPrefix(file, HEADER_BYTES), { stream: true });
  } catch {
    return null;
  }
  const first = scanSomHeader(prefix);
  if (first.complete) return shownFromHeader(first.header);
  const text = decodeSomBytes(readCapped(file));
  const scan = prescanSom(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!scan.ok) return null;
  const whole = scanSomHeader(text);
  return whole.complete ? shownFromHeader(whole.header) : null;
}

export function somEntry(file: string, fileName: string, st: Stats): StoreEntry {
  const base = { id: fileId(fileName), fileName, size: st.size, error: null };
  try {
    if (st.size > MAX_SOM_BYTES) throw somTooBigError();
    if (st.size > FULL_CHECK_BYTES) {
      const shown = headerOfLargeFile(file);
      if (shown) return { ...base, ...shown };
    }
    // A small file, or a header that cannot answer: the full check gives the precise message.
    const doc = parseSomBytes(readCapped(file));
    return {
      ...base,
      name: doc.intervention.name,
      targetGroup: doc.intervention.targetGroup.label || null,
      startYear: doc.intervention.startYear,
      savedAt: doc.savedAt,
      knowledgeRelease: doc.knowledge?.release ?? null,
    };
  } catch (e) {
    return {
      ...base,
      name: fileName.slice(0, -SOM_EXT.length),
      targetGroup: null,
      startYear: null,
      savedAt: new Date(st.mtimeMs).toISOString(),
      knowledgeRelease: null,
      error: e instanceof SomFileError ? describeFileError(e) : e instanceof AppError ? e.message : 'Filen kunne ikke læses.',
    };
  }
}
