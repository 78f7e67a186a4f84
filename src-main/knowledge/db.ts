/**
 * The knowledge database: opened read-only by main only (fileMustExist, journal mode DELETE).
 */
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { KnowledgeHealth } from '../../shared/ipc/app';

export interface KnowledgeRelease {
  release: string;
  date: string;
  sha256: string;
}

export interface KnowledgeDb {
  readonly path: string;
  readonly db: Database.Database;
  release(): KnowledgeRelease | null;
  health(): KnowledgeHealth;
  close(): void;
}

/** `nativeBinding`: the better-sqlite3 addon to load (a worker thread under Electron in development). */
export function openKnowledgeDb(path: string, opts: { nativeBinding?: string } = {}): KnowledgeDb {
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, ...(opts.nativeBinding ? { nativeBinding: opts.nativeBinding } : {}) });
    // Read-only: a larger page cache and memory-mapped reads keep the explorer's queries fast.
    db.pragma('cache_size = -32000');
    db.pragma('mmap_size = 268435456');
  } catch (e) {
    throw new AppError('unavailable', `Vidensdatabasen kunne ikke åbnes (${path}): ${(e as Error).message}`);
  }
  const hasTable = (name: string): boolean =>
    db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;

  return {
    path,
    db,
    release() {
      if (!hasTable('release')) return null;
      const row = db.prepare('SELECT id AS release, date, sha256 FROM release LIMIT 1').get() as KnowledgeRelease | undefined;
      return row ?? null;
    },
    health() {
      const journalMode = String(db.pragma('journal_mode', { simple: true }));
      const names = db
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' AND name NOT LIKE '%_fts_%' ORDER BY name")
        .all() as { name: string }[];
      const tables = names.map(({ name }) => ({
        name,
        rows: (db.prepare(`SELECT COUNT(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as { n: number }).n,
      }));
      const schemaVersion = hasTable('meta')
        ? Number((db.prepare("SELECT value FROM meta WHERE key = 'schema_version'").get() as { value: string } | undefined)?.value ?? NaN)
        : null;
      return { ok: true, path, journalMode, schemaVersion: Number.isFinite(schemaVersion) ? schemaVersion : null, tables };
    },
    close() {
      db.close();
    },
  };
}
