import type { KnowledgeDb } from './db';
import type { UserDb } from '../userdb/db';
import type { KnowledgeData, ReleaseEntry } from '../../shared/knowledge/types';

/** Lists, selects and imports knowledge releases (KnowledgeService implements it). */
export interface KnowledgeReleaseManager {
  releases(): ReleaseEntry[];
  select(id: string): ReleaseEntry;
  /** Build a new database from validated data, register it and make it active. */
  importData(data: KnowledgeData): ReleaseEntry;
}

export interface KnowledgeDeps {
  /** The knowledge database in use (read-only). A KnowledgeService when releases can be switched. */
  knowledge: KnowledgeDb;
  /** The user database (local prices, settings). Optional so `{ knowledge: openKnowledgeDb(path) }` still works. */
  userDb?: UserDb;
  /** Import/select knowledge releases (createKnowledgeDeps sets it). */
  knowledgeReleases?: KnowledgeReleaseManager;
}
