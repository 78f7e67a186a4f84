import { z } from 'zod';
import { channel } from './define';

export interface AppInfo {
  name: string;
  version: string;
  /** 'electron' or 'web' (development/test host). The only way the renderer can tell them apart. */
  host: 'electron' | 'web';
  knowledge: { release: string; date: string; sha256: string } | null;
}

export interface KnowledgeHealth {
  ok: boolean;
  path: string;
  journalMode: string;
  schemaVersion: number | null;
  tables: { name: string; rows: number }[];
}

export const appChannels = {
  'app.info': channel<AppInfo>()(z.object({}).strict()),
  'knowledge.health': channel<KnowledgeHealth>()(z.object({}).strict()),
};
