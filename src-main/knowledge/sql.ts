/**
 * Statement helpers of the knowledge queries: statements are prepared once per database handle
 * and SQL text, and rows come back as plain objects.
 */
import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import type { Row } from './rows';

export type Db = Database.Database;

const stmtCache = new WeakMap<Db, Map<string, Database.Statement>>();
export function stmt(db: Db, sql: string): Database.Statement {
  let m = stmtCache.get(db);
  if (!m) {
    m = new Map();
    stmtCache.set(db, m);
  }
  let s = m.get(sql);
  if (!s) {
    s = db.prepare(sql);
    m.set(sql, s);
  }
  return s;
}
export const all = (db: Db, sql: string, ...params: unknown[]) => stmt(db, sql).all(...params) as Row[];
export const get = (db: Db, sql: string, ...params: unknown[]) => stmt(db, sql).get(...params) as Row | undefined;

export const bool = (v: unknown) => v === 1;
export const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** Turn free text into an FTS5 query: every word must occur (as a prefix). Empty = no text filter. */
export function ftsQuery(text: string | undefined): string | null {
  if (!text) return null;
  const words = text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
  if (!words.length) return null;
  return words.slice(0, 12).map((w) => `"${w.replaceAll('"', '')}"*`).join(' ');
}

/** Runs an FTS5 query; a search text FTS5 cannot parse becomes a Danish message. */
export function wrapFts<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (/fts5|MATCH/i.test((e as Error).message)) throw new AppError('invalid-request', 'Søgeteksten kunne ikke forstås. Prøv med andre ord.');
    throw e;
  }
}
