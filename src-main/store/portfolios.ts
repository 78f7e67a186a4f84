/**
 * Saved comparisons and portfolios (.somp files) in the folder of saved calculations, listed
 * apart from the .som files. Every read is untrusted (size cap → `parseSomp`, which applies every
 * .som rule to each member); every write is atomic with the previous version kept as a backup,
 * exactly as for a .som file.
 */
import type { Stats } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { SomFileError, describeFileError } from '../../shared/som/io';
import { MAX_SOMP_BYTES, parseSomp, parseSompBytes, serializeSomp, type SompDocument } from '../../shared/som/somp';
import { safeBaseName } from '../../shared/store/filenames';
import type { PortfolioEntry, OpenedPortfolio, SavedPortfolio } from '../../shared/store/portfolio-types';
import { atomicWriteFile } from './atomic';
import type { StoreCore } from './core';
import { fileId, readCapped } from './files';
import { createFolderListing } from './listing';

export const SOMP_EXT = '.somp';

/** true when `name` is a plain .somp file name as the store writes them. */
export function isPortfolioFileName(name: string): boolean {
  // eslint-disable-next-line no-control-regex
  return name.toLowerCase().endsWith(SOMP_EXT) && !name.startsWith('.') && !/[/\\\u0000-\u001f]/.test(name);
}

/** A file name for `text`, unique against `taken` (case-insensitive), ending in .somp. */
export function uniquePortfolioFileName(text: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const raw = String(text ?? '').replace(/\.somp$/i, '');
  const base = safeBaseName(raw === '' ? 'Sammenligning' : raw);
  let name = base + SOMP_EXT;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base} (${i})${SOMP_EXT}`;
  return name;
}

const sompTooBig = () =>
  new SomFileError(`Filen er for stor (over ${MAX_SOMP_BYTES / (1024 * 1024)} MiB) til at være en SØM-sammenligning.`);

function readCappedSomp(file: string): Uint8Array {
  return readCapped(file, MAX_SOMP_BYTES, sompTooBig);
}

/** The listing entry of one .somp file (checked in full: every member is a whole calculation). */
function portfolioEntry(file: string, fileName: string, st: Stats): PortfolioEntry {
  try {
    const doc = parseSompBytes(readCappedSomp(file));
    return { id: fileId(fileName), fileName, name: doc.name, members: doc.members.map((m) => m.intervention.name), savedAt: doc.savedAt, size: st.size, error: null };
  } catch (e) {
    return {
      id: fileId(fileName),
      fileName,
      name: fileName.slice(0, -SOMP_EXT.length),
      members: [],
      savedAt: new Date(st.mtimeMs).toISOString(),
      size: st.size,
      error: e instanceof AppError ? e.message : 'Filen kunne ikke læses.',
    };
  }
}

const notFound = () =>
  new AppError('not-found', 'Sammenligningen findes ikke (længere) i mappen med gemte beregninger. Opdatér oversigten, og prøv igen.');

export function createPortfolios(core: StoreCore, appLabel = 'SØM Desktop') {
  const { names, resolve, entryFor, list: portfolioList } = createFolderListing<PortfolioEntry>({
    folder: core.folder,
    isFileName: isPortfolioFileName,
    badId: 'Ugyldigt id for en sammenligning.',
    notFound,
    entry: portfolioEntry,
  });

  function readPortfolio(id: string): { fileName: string; doc: SompDocument; text: string } {
    const { file, fileName } = resolve(id);
    const bytes = readCappedSomp(file);
    try {
      return { fileName, doc: parseSompBytes(bytes), text: Buffer.from(bytes).toString('utf8') };
    } catch (e) {
      if (e instanceof SomFileError) throw new SomFileError(`Filen «${fileName}» kan ikke åbnes. ${describeFileError(e)}`, e.path);
      throw e;
    }
  }

  function portfolioOpen(id: string): OpenedPortfolio {
    const { fileName, doc } = readPortfolio(id);
    return { id, fileName, doc };
  }

  /** The text to write: savedAt/createdWith set, then validated exactly as a reader would. */
  function prepare(doc: SompDocument): { doc: SompDocument; text: string } {
    const stamped: SompDocument = { ...doc, savedAt: core.now().toISOString(), createdWith: appLabel };
    let text: string;
    try {
      text = serializeSomp(stamped);
    } catch {
      throw new AppError('invalid-request', 'Sammenligningen kan ikke gemmes: den kunne ikke omsættes til en fil.');
    }
    try {
      return { doc: parseSomp(text), text };
    } catch (e) {
      if (e instanceof SomFileError) throw new SomFileError(`Sammenligningen kan ikke gemmes: ${e.message}`, e.path);
      throw e;
    }
  }

  /** Gem: overwrites the file of `id`, or creates a new file named after the comparison when id is null. */
  function portfolioSave(id: string | null, doc: SompDocument): SavedPortfolio {
    const prepared = prepare(doc);
    let dir: string;
    let fileName: string;
    if (id === null) {
      dir = core.folder();
      fileName = uniquePortfolioFileName(prepared.doc.name, [...names(dir), ...core.fileNames(dir)]);
    } else {
      ({ dir, fileName } = resolve(id));
    }
    core.writeWithBackup(dir, fileName, prepared.text);
    return { id: fileId(fileName), fileName, savedAt: prepared.doc.savedAt, doc: prepared.doc };
  }

  /** Importér: validates the text first (nothing is written for a bad file), then copies it into the store. */
  function portfolioImport(fileName: string, text: string): PortfolioEntry {
    try {
      parseSomp(text);
    } catch (e) {
      if (e instanceof SomFileError) {
        throw new SomFileError(`Filen «${safeBaseName(fileName.replace(/\.somp$/i, ''))}${SOMP_EXT}» kan ikke åbnes. ${describeFileError(e)}`, e.path);
      }
      throw e;
    }
    const dir = core.folder();
    const target = uniquePortfolioFileName(fileName, names(dir));
    atomicWriteFile(path.join(dir, target), text);
    return entryFor(dir, target);
  }

  /** A .somp at an absolute path (Filer → Åbn, command line): the store's own file, or copied in like Importér. */
  function portfolioImportFromPath(absPath: string): { id: string; name: string } {
    const full = path.resolve(absPath);
    const baseName = path.basename(full);
    const dir = core.folder();
    if (path.dirname(full) === path.resolve(dir) && isPortfolioFileName(baseName) && names(dir).includes(baseName)) {
      const e = entryFor(dir, baseName);
      if (e.error) throw new SomFileError(`Filen «${baseName}» kan ikke åbnes. ${e.error}`);
      return { id: e.id, name: e.name };
    }
    let bytes: Uint8Array;
    try {
      bytes = readCappedSomp(full);
    } catch (e) {
      if (e instanceof SomFileError) throw new SomFileError(`Filen «${baseName}» kan ikke åbnes. ${describeFileError(e)}`, e.path);
      throw new AppError('not-found', `Filen «${baseName}» kunne ikke læses.`);
    }
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new SomFileError(`Filen «${baseName}» kan ikke åbnes. Filen er ikke gyldig UTF-8-tekst og kan ikke være en SØM-sammenligning.`);
    }
    const e = portfolioImport(baseName, text);
    return { id: e.id, name: e.name };
  }

  function portfolioExport(id: string): { fileName: string; text: string } {
    const { fileName, text } = readPortfolio(id);
    return { fileName, text };
  }

  return { portfolioList, portfolioOpen, portfolioSave, portfolioImport, portfolioImportFromPath, portfolioExport, readPortfolio };
}
