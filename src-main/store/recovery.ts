/** The recovery area: autosaved unsaved work in the user data folder, one file per key. */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { MAX_SOM_BYTES, parseSom, serializeForDisk } from '../../shared/som/io';
import type { SomDocument } from '../../shared/som/schema';
import type { FileStamp, RecoveredWork, RecoveryEntry } from '../../shared/store/types';
import { atomicWriteFile } from './atomic';
import { withFsMessages } from './fs-errors';
import { cleanLeftovers } from './shared-folder';
import { ID_RE, RECOVERY_KEY_RE } from './files';
import type { StoreCore } from './core';

/** A stamp as written into the recovery file's first line; null for anything else. */
function stampFrom(v: unknown): FileStamp | null {
  if (typeof v !== 'object' || v === null) return null;
  const s = v as Record<string, unknown>;
  const ok =
    typeof s.size === 'number' && Number.isInteger(s.size) && s.size >= 0 &&
    typeof s.mtimeMs === 'number' && Number.isFinite(s.mtimeMs) && s.mtimeMs >= 0 &&
    typeof s.sha256 === 'string' && /^[0-9a-f]{64}$/.test(s.sha256);
  return ok ? { size: s.size as number, mtimeMs: s.mtimeMs as number, sha256: s.sha256 as string } : null;
}

export function createRecovery(core: StoreCore, recoveryDir: string) {
  const { resolve, now } = core;
  cleanLeftovers(recoveryDir);

  function recoveryFile(key: string): string {
    if (!RECOVERY_KEY_RE.test(key)) throw new AppError('invalid-request', 'Ugyldig nøgle for ikke-gemt arbejde.');
    return path.join(recoveryDir, `${key}.json`);
  }

  /**
   * Autosave of unsaved work (renderer timer). Not validated beyond the schema: unfinished work may be odd.
   * `base` is the stamp of the file the work came from; it is kept, so that saving the restored work
   * over a file that changed meanwhile is still a conflict the user is asked about.
   */
  function recoverySave(key: string, doc: SomDocument, fileId: string | null, base: FileStamp | null = null): { savedAt: string } {
    const file = recoveryFile(key);
    let fileName: string | null = null;
    if (fileId !== null) {
      try {
        fileName = resolve(fileId).fileName;
      } catch {
        fileName = null;
      }
    }
    const savedAt = now().toISOString();
    // The same rule for the cap as a saved file; a document that cannot be kept is an error the user sees.
    let text: string;
    try {
      text = serializeForDisk({ ...doc, savedAt }).text;
    } catch (e) {
      if (e instanceof AppError) throw new AppError('invalid-file', `Det ikke-gemte arbejde kunne ikke sikres. ${e.message}`);
      throw e;
    }
    withFsMessages('Det ikke-gemte arbejde kunne ikke sikres', () => {
      mkdirSync(recoveryDir, { recursive: true });
      atomicWriteFile(file, JSON.stringify({ key, fileId: fileName ? fileId : null, fileName, savedAt, stamp: fileName ? base : null }) + '\n' + text);
    });
    return { savedAt };
  }

  /** The saved work of key; null when there is none; an entry with `error` when it cannot be read back. */
  function readRecovery(key: string): (RecoveryEntry & { doc: SomDocument | null; stamp: FileStamp | null }) | null {
    const file = recoveryFile(key);
    if (!existsSync(file)) return null;
    try {
      if (statSync(file).size > MAX_SOM_BYTES + 64 * 1024) throw new Error('too big');
      const raw = readFileSync(file, 'utf8');
      const nl = raw.indexOf('\n');
      const meta = JSON.parse(raw.slice(0, nl)) as Record<string, unknown>;
      const doc = parseSom(raw.slice(nl + 1));
      return {
        key,
        fileId: typeof meta.fileId === 'string' && ID_RE.test(meta.fileId) ? meta.fileId : null,
        fileName: typeof meta.fileName === 'string' ? meta.fileName : null,
        name: doc.intervention.name,
        savedAt: typeof meta.savedAt === 'string' ? meta.savedAt : doc.savedAt,
        stamp: stampFrom(meta.stamp),
        doc,
      };
    } catch (e) {
      let savedAt = '';
      try {
        savedAt = statSync(file).mtime.toISOString();
      } catch {
        return null;
      }
      const why = e instanceof AppError ? ` ${e.message}` : '';
      return {
        key,
        fileId: null,
        fileName: null,
        name: 'Ikke-gemt arbejde',
        savedAt,
        error: `Det ikke-gemte arbejde kan ikke læses igen.${why}`,
        stamp: null,
        doc: null,
      };
    }
  }

  function recoveryList(): RecoveryEntry[] {
    if (!existsSync(recoveryDir)) return [];
    const out: RecoveryEntry[] = [];
    for (const n of readdirSync(recoveryDir)) {
      if (!n.endsWith('.json')) continue;
      const key = n.slice(0, -5);
      if (!RECOVERY_KEY_RE.test(key)) continue;
      const r = readRecovery(key);
      if (r) out.push({ key: r.key, fileId: r.fileId, fileName: r.fileName, name: r.name, savedAt: r.savedAt, ...(r.error ? { error: r.error } : {}) });
    }
    return out.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  function recoveryOpen(key: string): RecoveredWork {
    const r = readRecovery(key);
    if (!r) throw new AppError('not-found', 'Det ikke-gemte arbejde findes ikke længere.');
    if (r.doc === null) throw new AppError('invalid-file', r.error ?? 'Det ikke-gemte arbejde kan ikke læses igen.');
    return { key: r.key, fileId: r.fileId, fileName: r.fileName, stamp: r.fileId ? r.stamp : null, doc: r.doc };
  }

  function recoveryDiscard(key: string): { removed: boolean } {
    const file = recoveryFile(key);
    const had = existsSync(file);
    rmSync(file, { force: true });
    return { removed: had };
  }

  return { recoverySave, recoveryList, recoveryOpen, recoveryDiscard };
}
