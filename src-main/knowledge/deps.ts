import type { KnowledgeDb } from './db';
import type { UserDb } from '../userdb/db';
import type { KnowledgeData, ReleaseEntry } from '../../shared/knowledge/types';
import type { ImportJobs } from './workbook-import/jobs';
import type { KnowledgeQueries } from './query-client';

/** Lists, selects and imports knowledge releases (KnowledgeService implements it). */
export interface KnowledgeReleaseManager {
  releases(): ReleaseEntry[];
  select(id: string): ReleaseEntry;
  /** Build a new database from validated data, register it and make it active. */
  importData(data: KnowledgeData): ReleaseEntry;
  /** Folder of imported release files (the import worker builds them there). */
  readonly releasesDir: string;
  /** Refuses (AppError 'conflict') when a release with this id exists. */
  assertNewId(id: string): void;
  /** Register a release file built elsewhere (the import worker) and make it active. */
  registerBuilt(release: KnowledgeData['release'], file: string, sha256: string): ReleaseEntry;
}

export interface KnowledgeDeps {
  /** The knowledge database in use (read-only). A KnowledgeService when releases can be switched. */
  knowledge: KnowledgeDb;
  /** The user database (local prices, settings). Optional so `{ knowledge: openKnowledgeDb(path) }` still works. */
  userDb?: UserDb;
  /** Import/select knowledge releases (createKnowledgeDeps sets it). */
  knowledgeReleases?: KnowledgeReleaseManager;
  /** Import jobs run in worker threads, and previews waiting for confirmation. */
  knowledgeImports?: ImportJobs;
  /** The explorer's study queries on worker threads (createKnowledgeDeps sets it); without it they run in place. */
  knowledgeQueries?: KnowledgeQueries;
}
