/** The app's trash: deleted calculations wait in the user data folder until restored or emptied. */
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { StoreEntry, TrashEntry } from '../../shared/store/types';
import { atomicWriteFile, commitTemp, fsyncDir, writeTempBeside } from './atomic';
import { withFsMessages } from './fs-errors';
import { reserveName } from './shared-folder';
import { TRASH_ID_RE, backupPath, readJson } from './files';
import type { StoreCore } from './core';

export function createTrash(core: StoreCore, trashDir: string) {
  const { resolve, entryFor, folder, fileNames, forget, now } = core;

  function remove(id: string): TrashEntry {
    const { dir, fileName, file } = resolve(id);
    const entry = entryFor(dir, fileName);
    const tid = randomBytes(12).toString('hex');
    const tdir = path.join(trashDir, tid);
    mkdirSync(tdir, { recursive: true });
    const deletedAt = now().toISOString();
    withFsMessages(
      'Beregningen kunne ikke slettes',
      () => {
        try {
          atomicWriteFile(path.join(tdir, 'meta.json'), JSON.stringify({ fileName, name: entry.name, deletedAt }) + '\n');
          try {
            renameSync(file, path.join(tdir, 'file.som'));
          } catch (e) {
            // Another volume: copy, then remove. A file that cannot be removed (read-only folder)
            // stays where it was, and so must not be in the trash as well.
            if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
            copyFileSync(file, path.join(tdir, 'file.som'));
            rmSync(file);
          }
        } catch (e) {
          rmSync(tdir, { recursive: true, force: true });
          throw e;
        }
      },
      fileName,
    );
    const bak = backupPath(dir, fileName);
    if (existsSync(bak)) rmSync(bak, { force: true });
    fsyncDir(dir);
    forget(fileName);
    return { id: tid, fileName, name: entry.name, deletedAt };
  }

  function trashList(): TrashEntry[] {
    if (!existsSync(trashDir)) return [];
    const out: TrashEntry[] = [];
    for (const d of readdirSync(trashDir, { withFileTypes: true })) {
      if (!d.isDirectory() || !TRASH_ID_RE.test(d.name)) continue;
      const meta = readJson(path.join(trashDir, d.name, 'meta.json')) as Record<string, unknown> | null;
      if (!meta || !existsSync(path.join(trashDir, d.name, 'file.som'))) continue;
      out.push({
        id: d.name,
        fileName: typeof meta.fileName === 'string' ? meta.fileName : 'ukendt.som',
        name: typeof meta.name === 'string' ? meta.name : 'Ukendt',
        deletedAt: typeof meta.deletedAt === 'string' ? meta.deletedAt : '',
      });
    }
    return out.sort((a, b) => b.deletedAt.localeCompare(a.deletedAt));
  }

  function trashRestore(trashId: string): StoreEntry {
    if (!TRASH_ID_RE.test(trashId)) throw new AppError('invalid-request', 'Ugyldigt id i papirkurven.');
    const entry = trashList().find((t) => t.id === trashId);
    if (!entry) throw new AppError('not-found', 'Beregningen findes ikke i papirkurven.');
    const dir = folder();
    const src = path.join(trashDir, trashId, 'file.som');
    const fileName = withFsMessages(
      'Beregningen kunne ikke gendannes',
      () => {
        // The name is taken exclusively first, so restoring never replaces a file another writer made.
        const name = reserveName(dir, entry.fileName, fileNames(dir));
        const target = path.join(dir, name);
        try {
          try {
            renameSync(src, target);
          } catch (e) {
            if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
            commitTemp(writeTempBeside(target, readFileSync(src)), target);
          }
        } catch (e) {
          rmSync(target, { force: true });
          throw e;
        }
        return name;
      },
      entry.fileName,
    );
    fsyncDir(dir);
    rmSync(path.join(trashDir, trashId), { recursive: true, force: true });
    return entryFor(dir, fileName);
  }

  function trashEmpty(): { removed: number } {
    const entries = existsSync(trashDir) ? readdirSync(trashDir).filter((n) => TRASH_ID_RE.test(n)) : [];
    for (const n of entries) rmSync(path.join(trashDir, n), { recursive: true, force: true });
    return { removed: entries.length };
  }

  return { remove, trashList, trashRestore, trashEmpty };
}
