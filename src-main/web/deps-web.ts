import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Deps } from '../deps';
import { openKnowledgeDb } from '../knowledge/db';
import { projectRoot, shippedKnowledgePath } from '../paths';

export interface WebDepsOptions {
  userDataDir: string;
  documentsDir: string;
  knowledgePath?: string;
}

/** Deps for the web host: the same handlers as Electron, with folders chosen by the caller. */
export function createWebDeps(opts: WebDepsOptions): Deps & { close(): void } {
  mkdirSync(opts.userDataDir, { recursive: true });
  mkdirSync(opts.documentsDir, { recursive: true });
  const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string; productName: string };
  const knowledge = openKnowledgeDb(opts.knowledgePath ?? process.env.SOM_KNOWLEDGE ?? shippedKnowledgePath);
  return {
    appName: pkg.productName,
    appVersion: pkg.version,
    host: 'web',
    userDataDir: opts.userDataDir,
    knowledge,
    close() {
      knowledge.close();
    },
  };
}
