import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Deps } from '../deps';
import { createKnowledgeDeps } from '../knowledge/service';
import { projectRoot, shippedKnowledgePath } from '../paths';
import { createStoreDeps } from '../store/deps';
import { createReportDeps } from '../report/service';

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
  const knowledgeDeps = createKnowledgeDeps({
    shippedPath: opts.knowledgePath ?? process.env.SOM_KNOWLEDGE ?? shippedKnowledgePath,
    userDataDir: opts.userDataDir,
  });
  const reportDeps = createReportDeps();
  return {
    appName: pkg.productName,
    appVersion: pkg.version,
    host: 'web',
    userDataDir: opts.userDataDir,
    ...knowledgeDeps,
    ...reportDeps,
    ...createStoreDeps({ documentsDir: opts.documentsDir, userDataDir: opts.userDataDir, appLabel: `${pkg.productName} ${pkg.version}` }),
    close() {
      void knowledgeDeps.knowledgeQueries.close();
      knowledgeDeps.knowledge.close();
      knowledgeDeps.userDb.close();
      void reportDeps.pdf.close();
    },
  };
}
