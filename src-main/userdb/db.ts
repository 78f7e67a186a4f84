/**
 * The user database (<userDataDir>/som-user.sqlite): read-write, owned by main, numbered
 * migrations tracked in PRAGMA user_version. Holds local prices, imported knowledge releases and
 * small settings (e.g. the active knowledge release).
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { LocalPrice } from '../../shared/knowledge/types';

export const USER_DB_FILE = 'som-user.sqlite';

/** Migration n (1-based) brings the database from user_version n-1 to n. Append only; never edit a shipped one. */
export const MIGRATIONS: readonly string[] = [
  // 1: settings and local prices
  `CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
   CREATE TABLE local_prices (
     dimension_id TEXT NOT NULL,
     target_group_id TEXT NOT NULL DEFAULT '',
     actor TEXT NOT NULL CHECK (actor IN ('kommune', 'region', 'stat')),
     price REAL NOT NULL CHECK (price >= 0),
     price_year INTEGER NOT NULL,
     note TEXT NOT NULL DEFAULT '',
     updated_at TEXT NOT NULL,
     PRIMARY KEY (dimension_id, target_group_id, actor));`,
  // 2: imported knowledge releases
  `CREATE TABLE knowledge_releases (
     id TEXT PRIMARY KEY, file TEXT NOT NULL, date TEXT NOT NULL, sha256 TEXT NOT NULL,
     description TEXT NOT NULL, imported_at TEXT NOT NULL);`,
];

export interface ImportedRelease {
  id: string;
  file: string;
  date: string;
  sha256: string;
  description: string;
  importedAt: string;
}

export interface UserDb {
  readonly path: string;
  readonly db: Database.Database;
  schemaVersion(): number;
  getSetting(key: string): string | null;
  setSetting(key: string, value: string | null): void;
  localPrices(): LocalPrice[];
  setLocalPrice(p: Omit<LocalPrice, 'updatedAt'>, now?: Date): LocalPrice;
  resetLocalPrice(dimensionId: string, targetGroupId: string | null): boolean;
  importedReleases(): ImportedRelease[];
  addImportedRelease(r: ImportedRelease): void;
  close(): void;
}

export function migrate(db: Database.Database): number {
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > MIGRATIONS.length) {
    throw new AppError('unavailable', 'Brugerdatabasen er lavet af en nyere version af programmet. Opdatér programmet.');
  }
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return MIGRATIONS.length;
}

export function openUserDb(file: string): UserDb {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let db: Database.Database;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 2000');
    migrate(db);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('unavailable', `Brugerdatabasen kunne ikke åbnes (${file}): ${(e as Error).message}`);
  }

  const getLocal = () => {
    const rows = db
      .prepare('SELECT * FROM local_prices ORDER BY dimension_id, target_group_id, actor')
      .all() as { dimension_id: string; target_group_id: string; actor: 'kommune' | 'region' | 'stat'; price: number; price_year: number; note: string; updated_at: string }[];
    const map = new Map<string, LocalPrice>();
    for (const r of rows) {
      const key = `${r.dimension_id}\u0000${r.target_group_id}`;
      let p = map.get(key);
      if (!p) {
        p = { dimensionId: r.dimension_id, targetGroupId: r.target_group_id || null, kommune: null, region: null, stat: null, priceYear: r.price_year, note: r.note, updatedAt: r.updated_at };
        map.set(key, p);
      }
      p[r.actor] = r.price;
      if (r.updated_at > p.updatedAt) p.updatedAt = r.updated_at;
    }
    return [...map.values()];
  };

  return {
    path: file,
    db,
    schemaVersion: () => Number(db.pragma('user_version', { simple: true })),
    getSetting(key) {
      const r = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
      return r?.value ?? null;
    },
    setSetting(key, value) {
      if (value === null) db.prepare('DELETE FROM settings WHERE key = ?').run(key);
      else db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
    },
    localPrices: getLocal,
    setLocalPrice(p, now = new Date()) {
      const tg = p.targetGroupId ?? '';
      const at = now.toISOString();
      const actors = (['kommune', 'region', 'stat'] as const).filter((a) => p[a] !== null);
      if (!actors.length) throw new AppError('invalid-request', 'Angiv en lokal pris for mindst én aktør (kommune, region eller stat).');
      db.transaction(() => {
        db.prepare('DELETE FROM local_prices WHERE dimension_id = ? AND target_group_id = ?').run(p.dimensionId, tg);
        const ins = db.prepare('INSERT INTO local_prices (dimension_id, target_group_id, actor, price, price_year, note, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
        for (const a of actors) ins.run(p.dimensionId, tg, a, p[a], p.priceYear, p.note, at);
      })();
      const saved = getLocal().find((x) => x.dimensionId === p.dimensionId && (x.targetGroupId ?? '') === tg);
      if (!saved) throw new AppError('internal', 'Den lokale pris blev ikke gemt.');
      return saved;
    },
    resetLocalPrice(dimensionId, targetGroupId) {
      return db.prepare('DELETE FROM local_prices WHERE dimension_id = ? AND target_group_id = ?').run(dimensionId, targetGroupId ?? '').changes > 0;
    },
    importedReleases() {
      return (db.prepare('SELECT * FROM knowledge_releases ORDER BY imported_at, id').all() as Record<string, string>[]).map((r) => ({
        id: r.id,
        file: r.file,
        date: r.date,
        sha256: r.sha256,
        description: r.description,
        importedAt: r.imported_at,
      }));
    },
    addImportedRelease(r) {
      db.prepare('INSERT INTO knowledge_releases (id, file, date, sha256, description, imported_at) VALUES (?, ?, ?, ?, ?, ?)').run(
        r.id, r.file, r.date, r.sha256, r.description, r.importedAt,
      );
    },
    close() {
      if (db.open) db.close();
    },
  };
}
