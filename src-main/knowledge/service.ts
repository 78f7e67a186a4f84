/**
 * The switchable knowledge database: the shipped release (read-only, never modified) or a release
 * the user imported (built under <userDataDir>/knowledge/). Implements KnowledgeDb, so
 * deps.knowledge.release()/.health() keep working; the active choice is stored in the user database.
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { KnowledgeData, ReleaseEntry } from '../../shared/knowledge/types';
import { openKnowledgeDb, type KnowledgeDb, type KnowledgeRelease } from './db';
import { buildKnowledgeDb, knowledgeDataHash } from './build';
import type { KnowledgeDeps, KnowledgeReleaseManager } from './deps';
import { openUserDb, USER_DB_FILE, type UserDb } from '../userdb/db';
import { ImportJobs } from './workbook-import/jobs';
import { KnowledgeQueries } from './query-client';

export const ACTIVE_RELEASE_KEY = 'knowledge.activeRelease';

export class KnowledgeService implements KnowledgeDb, KnowledgeReleaseManager {
  private current: KnowledgeDb;
  private currentId: string;
  private readonly shipped: KnowledgeDb;

  constructor(
    private readonly shippedPath: string,
    private readonly userDataDir: string,
    private readonly userDb: UserDb,
  ) {
    this.shipped = openKnowledgeDb(shippedPath);
    this.current = this.shipped;
    this.currentId = this.shipped.release()?.release ?? 'shipped';
    const wanted = userDb.getSetting(ACTIVE_RELEASE_KEY);
    if (wanted && wanted !== this.currentId) {
      try {
        this.switchTo(wanted);
      } catch {
        // A missing or broken imported file: stay on the shipped release and forget the choice.
        userDb.setSetting(ACTIVE_RELEASE_KEY, null);
      }
    }
  }

  get path(): string {
    return this.current.path;
  }
  get db() {
    return this.current.db;
  }
  release(): KnowledgeRelease | null {
    return this.current.release();
  }
  health() {
    return this.current.health();
  }
  close(): void {
    if (this.current !== this.shipped) this.current.close();
    this.shipped.close();
  }

  get releasesDir(): string {
    return path.join(this.userDataDir, 'knowledge');
  }

  releases(): ReleaseEntry[] {
    const s = this.shipped.release();
    const out: ReleaseEntry[] = [];
    if (s) out.push({ id: s.release, date: s.date, sha256: s.sha256, description: this.describe(this.shipped), kind: 'shipped', active: this.currentId === s.release, importedAt: null });
    for (const r of this.userDb.importedReleases()) {
      out.push({ id: r.id, date: r.date, sha256: r.sha256, description: r.description, kind: 'imported', active: this.currentId === r.id, importedAt: r.importedAt });
    }
    return out;
  }

  private describe(k: KnowledgeDb): string {
    const r = k.db.prepare('SELECT description FROM release LIMIT 1').get() as { description: string } | undefined;
    return r?.description ?? '';
  }

  private switchTo(id: string): void {
    const shippedId = this.shipped.release()?.release;
    if (id === shippedId) {
      if (this.current !== this.shipped) this.current.close();
      this.current = this.shipped;
      this.currentId = id;
      return;
    }
    const rec = this.userDb.importedReleases().find((r) => r.id === id);
    if (!rec) throw new AppError('not-found', `Udgivelsen findes ikke: ${id}`);
    const file = path.join(this.releasesDir, rec.file);
    if (!fs.existsSync(file)) throw new AppError('not-found', `Filen til udgivelsen ${id} mangler.`);
    const next = openKnowledgeDb(file);
    const rel = next.release();
    if (!rel || rel.release !== id || rel.sha256 !== rec.sha256) {
      next.close();
      throw new AppError('invalid-file', `Filen til udgivelsen ${id} svarer ikke til det registrerede indhold.`);
    }
    const prev = this.current;
    this.current = next;
    this.currentId = id;
    if (prev !== this.shipped) prev.close();
  }

  select(id: string): ReleaseEntry {
    this.switchTo(id);
    this.userDb.setSetting(ACTIVE_RELEASE_KEY, id);
    const entry = this.releases().find((r) => r.id === id);
    if (!entry) throw new AppError('internal', 'Udgivelsen kunne ikke vælges.');
    return entry;
  }

  assertNewId(id: string): void {
    if (this.releases().some((r) => r.id === id)) {
      throw new AppError('conflict', `Udgivelsen "${id}" findes allerede. Giv den importerede udgivelse et nyt id (ark 'Udgivelse').`);
    }
  }

  registerBuilt(release: KnowledgeData['release'], file: string, sha256: string): ReleaseEntry {
    this.assertNewId(release.id);
    if (path.basename(file) !== file || !fs.existsSync(path.join(this.releasesDir, file))) throw new AppError('internal', 'Den byggede udgivelse mangler.');
    this.userDb.addImportedRelease({ id: release.id, file, date: release.date, sha256, description: release.description, importedAt: new Date().toISOString() });
    return this.select(release.id);
  }

  importData(data: KnowledgeData): ReleaseEntry {
    const id = data.release.id;
    this.assertNewId(id);
    // The file name never comes from user text (ids like "CON" are not valid file names everywhere).
    const sha256 = knowledgeDataHash(data);
    const file = `release-${sha256.slice(0, 24)}.sqlite`;
    const res = buildKnowledgeDb(data, path.join(this.releasesDir, file), { sha256 });
    this.userDb.addImportedRelease({ id, file, date: data.release.date, sha256: res.sha256, description: data.release.description, importedAt: new Date().toISOString() });
    return this.select(id);
  }
}

export interface KnowledgeDepsOptions {
  /** The shipped knowledge.sqlite (read-only). */
  shippedPath: string;
  /** Writable per-user folder (user database, imported releases). */
  userDataDir: string;
  /** Start the query worker and build the study index now (default); the command line never searches. */
  warmQueries?: boolean;
}

/** Factory for the Electron shell and the web host. */
export function createKnowledgeDeps(opts: KnowledgeDepsOptions): Required<KnowledgeDeps> {
  const userDb = openUserDb(path.join(opts.userDataDir, USER_DB_FILE));
  const service = new KnowledgeService(opts.shippedPath, opts.userDataDir, userDb);
  const knowledgeQueries = new KnowledgeQueries(() => service.path);
  if (opts.warmQueries !== false) knowledgeQueries.warm();
  return { knowledge: service, userDb, knowledgeReleases: service, knowledgeImports: new ImportJobs(), knowledgeQueries };
}
