/**
 * The folder of saved calculations: list, open, save, rename, duplicate, import and export.
 *
 * Ids are opaque: a file's id is a hash of its file name, and every id is looked up in the
 * current listing of the folder before anything is read or written, so an id can never address
 * anything outside the store (unknown or malformed ids are refused with a Danish message).
 * Every file read is untrusted (size cap → parse → strict schema, `parseSom`); every write is atomic.
 */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { SomFileError, parseSom, parseSomBytes, refusedFile, serializeForDisk, sizeWarning } from '../../shared/som/io';
import type { SomDocument } from '../../shared/som/schema';
import { isStoreFileName, lastPathComponent, safeBaseName, SOM_EXT } from '../../shared/store/filenames';
import { COURSE_EXAMPLE_MARK, isCourseExample } from '../../shared/som/course-example';
import type { ExportedFile, FileStamp, OpenedFile, SavedFile, StoreEntry, StoreSettingsInfo } from '../../shared/store/types';
import { createHash } from 'node:crypto';
import { atomicWriteFile, commitTemp, fsyncDir, writeTempBeside, TMP_SUFFIX } from './atomic';
import { withFsMessages } from './fs-errors';
import { cleanLeftovers, reserveName, stampChanged, stampOf, stampOfWritten, withFileLock, writeNewFile } from './shared-folder';
import { BACKUP_DIR, SETTINGS_FILE, backupPath, fileId, readCapped, readJson } from './files';
import { createFolderListing } from './listing';
import { somEntry } from './som-entry';

export interface FileStoreOptions {
  /** Default store folder (Documents/SØM or the web host's documents folder). */
  documentsDir: string;
  /** Per-user app data: settings.json, recovery/, trash/. */
  userDataDir: string;
  /** Folder with the example .som files (data/examples). */
  examplesDir?: string;
  /** Written into `createdWith`, e.g. "SØM Desktop 0.1.0". */
  appLabel?: string;
  now?: () => Date;
}

interface Settings {
  storeDir?: string;
}

export interface SaveOptions {
  /** The stamp of the file when the user's copy was opened or last saved; null = do not compare. */
  base?: FileStamp | null;
  /** Overwrite even when the file changed on disk (the user chose "Overskriv"). */
  overwrite?: boolean;
}

/** The file changed on disk since the user's copy was opened or saved (code 'conflict': the renderer asks). */
export function fileChangedError(fileName: string): AppError {
  return new AppError(
    'conflict',
    `Filen «${fileName}» er blevet ændret af en anden (eller på en anden computer), siden du åbnede den. ` +
      'Vælg, om du vil gemme din udgave som en kopi, hente den anden udgave eller overskrive den.',
  );
}

const notFound = () =>
  new AppError('not-found', 'Beregningen findes ikke (længere) i mappen med gemte beregninger. Opdatér oversigten, og prøv igen.');

/** What the trash, the recovery area and the examples build on. */
export type StoreCore = ReturnType<typeof createStoreCore>;

/** The folder of saved calculations: list, open, save, rename, import and export. */
export function createStoreCore(opts: FileStoreOptions) {
  const now = opts.now ?? (() => new Date());
  const appLabel = opts.appLabel ?? 'SØM Desktop';
  const settingsPath = path.join(opts.userDataDir, SETTINGS_FILE);

  function loadSettings(): Settings {
    const raw = readJson(settingsPath);
    if (typeof raw !== 'object' || raw === null) return {};
    const s = (raw as Record<string, unknown>).storeDir;
    return typeof s === 'string' && path.isAbsolute(s) ? { storeDir: s } : {};
  }

  /** Folders already cleaned of crash leftovers in this run. */
  const cleaned = new Set<string>();

  function folder(): string {
    const dir = loadSettings().storeDir ?? opts.documentsDir;
    withFsMessages('Mappen med beregninger kunne ikke bruges', () => mkdirSync(dir, { recursive: true }));
    if (!cleaned.has(dir)) {
      cleaned.add(dir);
      cleanLeftovers(dir);
      cleanLeftovers(path.join(dir, BACKUP_DIR), Date.now(), { anyTemp: true });
    }
    return dir;
  }

  function settings(): StoreSettingsInfo {
    const dir = folder();
    return { folder: dir, isDefault: path.resolve(dir) === path.resolve(opts.documentsDir) };
  }

  /** Chooses another store folder (Electron: from a folder dialog in main); null = back to the default. */
  function setFolder(absDir: string | null): StoreSettingsInfo {
    if (absDir !== null && !path.isAbsolute(absDir)) throw new AppError('invalid-request', 'Mappen skal angives med fuld sti.');
    if (absDir !== null) mkdirSync(absDir, { recursive: true });
    mkdirSync(opts.userDataDir, { recursive: true });
    const next: Settings = absDir === null ? {} : { storeDir: path.resolve(absDir) };
    atomicWriteFile(settingsPath, JSON.stringify(next, null, 2) + '\n');
    listing.clear();
    return settings();
  }

  const listing = createFolderListing<StoreEntry>({
    folder,
    isFileName: isStoreFileName,
    badId: 'Ugyldigt id for en beregning.',
    notFound,
    entry: somEntry,
  });
  const { names: fileNames, resolve, entryFor, list, forget } = listing;

  function read(id: string): { fileName: string; doc: SomDocument; text: string; stamp: FileStamp } {
    const { file, fileName } = resolve(id);
    const { bytes, mtimeMs } = withFsMessages(`Filen «${fileName}» kunne ikke læses`, () => ({ bytes: readCapped(file), mtimeMs: statSync(file).mtimeMs }), fileName);
    const stamp: FileStamp = { size: bytes.byteLength, mtimeMs, sha256: createHash('sha256').update(bytes).digest('hex') };
    try {
      const doc = parseSomBytes(bytes);
      return { fileName, doc, text: Buffer.from(bytes).toString('utf8'), stamp };
    } catch (e) {
      if (e instanceof SomFileError) {
        listing.markUnreadable(fileName, e.message);
        throw refusedFile(e, fileName, 'åbnes');
      }
      throw e;
    }
  }

  function open(id: string, current: { release: string; sha256: string; date: string } | null): OpenedFile {
    const { fileName, doc, stamp } = read(id);
    const file = doc.knowledge ? { release: doc.knowledge.release, sha256: doc.knowledge.sha256 } : null;
    const differs =
      current !== null && (file === null || file.release !== current.release || file.sha256.toLowerCase() !== current.sha256.toLowerCase());
    // Warn when saving it again would come close to the cap (the bytes written, not the file read).
    let warning: string | null;
    try {
      warning = sizeWarning(serializeForDisk(doc).bytes);
    } catch (e) {
      warning = e instanceof AppError ? e.message : null;
    }
    return { id, fileName, doc, stamp, sizeWarning: warning, knowledge: { file, current, differs } };
  }

  /** The text to write: `savedAt`/`createdWith` set, then validated exactly as a reader would. */
  function prepare(doc: SomDocument, what: string): { doc: SomDocument; text: string; bytes: number } {
    // A course example keeps its mark while none of its values came from a knowledge release.
    const createdWith = isCourseExample(doc) ? `${appLabel} ${COURSE_EXAMPLE_MARK}` : appLabel;
    const stamped: SomDocument = { ...doc, savedAt: now().toISOString(), createdWith };
    let written: { text: string; bytes: number };
    try {
      written = serializeForDisk(stamped);
    } catch (e) {
      if (e instanceof SomFileError) throw new SomFileError(`${what}: ${e.message}`, e.path);
      throw new AppError('invalid-request', `${what}: beregningen kunne ikke omsættes til en fil.`);
    }
    const { text, bytes } = written;
    try {
      return { doc: parseSom(text), text, bytes };
    } catch (e) {
      if (e instanceof SomFileError) throw new SomFileError(`${what}: ${e.message}`, e.path);
      throw e;
    }
  }

  /** Replaces the file atomically, keeping the previous version in .backups/<name>.bak. */
  function writeWithBackup(dir: string, fileName: string, text: string): void {
    const target = path.join(dir, fileName);
    const tmp = writeTempBeside(target, text);
    try {
      if (existsSync(target)) {
        const bdir = path.join(dir, BACKUP_DIR);
        mkdirSync(bdir, { recursive: true });
        const bak = backupPath(dir, fileName);
        const btmp = `${bak}.${randomBytes(4).toString('hex')}${TMP_SUFFIX}`;
        copyFileSync(target, btmp);
        renameSync(btmp, bak);
      }
    } catch {
      // A failed backup must not stop the save itself.
    }
    commitTemp(tmp, target);
  }

  function saved(dir: string, fileName: string, prepared: { doc: SomDocument; text: string; bytes: number }): SavedFile {
    return {
      id: fileId(fileName),
      fileName,
      savedAt: prepared.doc.savedAt,
      doc: prepared.doc,
      stamp: stampOfWritten(path.join(dir, fileName), prepared.text),
      sizeWarning: sizeWarning(prepared.bytes),
    };
  }

  /** A new file named after `text` (the next free name, taken by exclusive create). */
  function createNew(text: string, prepared: { doc: SomDocument; text: string; bytes: number }): SavedFile {
    const dir = folder();
    const wanted = safeBaseName(text) + SOM_EXT;
    return withFsMessages('Beregningen kunne ikke gemmes', () => saved(dir, writeNewFile(dir, text, prepared.text, fileNames(dir)), prepared), wanted);
  }

  /**
   * Gem: overwrites the file of `id`, or creates a new file named after the calculation when id is
   * null. With `base`, a file that changed on disk since is not overwritten (fileChangedError)
   * unless `overwrite`; the check and the write happen under the file's lock.
   */
  function save(id: string | null, doc: SomDocument, o: SaveOptions = {}): SavedFile {
    const prepared = prepare(doc, 'Beregningen kan ikke gemmes');
    if (id === null) return createNew(prepared.doc.intervention.name, prepared);
    const { dir, fileName, file } = resolve(id);
    return withFsMessages(
      'Beregningen kunne ikke gemmes',
      () =>
        withFileLock(dir, fileName, () => {
          if (o.base && !o.overwrite) {
            let current: FileStamp;
            try {
              current = stampOf(file);
            } catch {
              throw notFound();
            }
            if (stampChanged(o.base, current)) throw fileChangedError(fileName);
          }
          writeWithBackup(dir, fileName, prepared.text);
          return saved(dir, fileName, prepared);
        }),
      fileName,
    );
  }

  /** Gem som: always a new file, named `name` (default: the calculation's name). */
  function saveAs(doc: SomDocument, name?: string): SavedFile {
    const prepared = prepare(doc, 'Beregningen kan ikke gemmes');
    return createNew(name && name.trim() !== '' ? name : prepared.doc.intervention.name, prepared);
  }

  /** Omdøb: new name of the calculation and of its file. Returns the new entry (the id changes). */
  function rename(id: string, newName: string): StoreEntry {
    const trimmed = newName.trim();
    if (trimmed === '' || trimmed.length > 200) throw new AppError('invalid-request', 'Navnet skal være på 1–200 tegn.');
    const { dir, fileName, doc } = { ...resolve(id), ...read(id) };
    const prepared = prepare({ ...doc, intervention: { ...doc.intervention, name: trimmed } }, 'Beregningen kan ikke omdøbes');
    const others = fileNames(dir).filter((n) => n !== fileName);
    const wanted = safeBaseName(trimmed) + SOM_EXT;
    const nextName = withFsMessages(
      'Beregningen kunne ikke omdøbes',
      () =>
        withFileLock(dir, fileName, () => {
          writeWithBackup(dir, fileName, prepared.text);
          // Same name but for case: the same file. Otherwise take the new name exclusively first,
          // so that the rename cannot replace a file another writer just made under it.
          const next = wanted.toLowerCase() === fileName.toLowerCase() ? wanted : reserveName(dir, trimmed, others);
          if (next !== fileName) {
            renameSync(path.join(dir, fileName), path.join(dir, next));
            const bak = backupPath(dir, fileName);
            if (existsSync(bak)) renameSync(bak, backupPath(dir, next));
            fsyncDir(dir);
          }
          return next;
        }),
      wanted,
    );
    return entryFor(dir, nextName);
  }

  function duplicate(id: string): StoreEntry {
    const { doc } = read(id);
    const name = `${doc.intervention.name} (kopi)`.slice(0, 200);
    const saved = saveAs({ ...doc, intervention: { ...doc.intervention, name } });
    return entryFor(folder(), saved.fileName);
  }
  // ---- import / export ----------------------------------------------------------------------

  /** Importér: validates the text first (nothing is written for a bad file), then copies it into the store. */
  function importText(fileName: string, text: string): StoreEntry {
    // A name from a disk: only its last component counts.
    const own = lastPathComponent(fileName);
    const shown = safeBaseName(own);
    let doc: SomDocument;
    try {
      doc = parseSom(text);
    } catch (e) {
      if (e instanceof SomFileError) throw refusedFile(e, `${shown}${SOM_EXT}`, 'importeres');
      throw e;
    }
    void doc;
    const dir = folder();
    const target = withFsMessages('Filen kunne ikke importeres', () => writeNewFile(dir, own, text, fileNames(dir)), shown + SOM_EXT);
    return entryFor(dir, target);
  }

  /** For the Electron shell (Filer → Åbn…, command line, OS association): a .som file anywhere on disk. */
  function importFromPath(absPath: string): { id: string; name: string } {
    const full = path.resolve(absPath);
    const dir = folder();
    if (path.dirname(full) === path.resolve(dir) && isStoreFileName(path.basename(full)) && existsSync(full)) {
      const e = entryFor(dir, path.basename(full));
      if (e.error) throw new SomFileError(`Filen «${e.fileName}» kan ikke åbnes. ${e.error}`);
      return { id: e.id, name: e.name };
    }
    let bytes: Uint8Array;
    try {
      bytes = readCapped(full);
    } catch (e) {
      if (e instanceof SomFileError) throw refusedFile(e, path.basename(full), 'åbnes');
      throw new AppError('not-found', `Filen «${path.basename(full)}» kunne ikke læses.`);
    }
    try {
      parseSomBytes(bytes);
    } catch (e) {
      if (e instanceof SomFileError) throw refusedFile(e, path.basename(full), 'åbnes');
      throw e;
    }
    const e = importText(path.basename(full), Buffer.from(bytes).toString('utf8'));
    return { id: e.id, name: e.name };
  }

  function exportFile(id: string): ExportedFile {
    const { fileName, text } = read(id);
    return { fileName, text };
  }

  return {
    now,
    folder,
    settings,
    setFolder,
    fileNames,
    resolve,
    entryFor,
    forget,
    writeWithBackup,
    list,
    read,
    open,
    save,
    saveAs,
    rename,
    duplicate,
    importText,
    importFromPath,
    exportFile,
  };
}
