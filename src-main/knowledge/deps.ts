import type { KnowledgeDb } from './db';
import type { UserDb } from '../userdb/db';
import type { KnowledgeReleaseManager } from './service';

export interface KnowledgeDeps {
  /** The knowledge database in use (read-only). A KnowledgeService when releases can be switched. */
  knowledge: KnowledgeDb;
  /** The user database (local prices, settings). Optional so `{ knowledge: openKnowledgeDb(path) }` still works. */
  userDb?: UserDb;
  /** Import/select knowledge releases (createKnowledgeDeps sets it). */
  knowledgeReleases?: KnowledgeReleaseManager;
}
