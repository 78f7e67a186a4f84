/**
 * The knowledge query worker (node:worker_threads): the explorer's heavy study queries run here,
 * on this thread's own read-only connection, so main's event loop stays free. It keeps one open
 * release (by path) and its StudyIndex, built on the first request (or a 'warm' request).
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import { openKnowledgeDb, type KnowledgeDb } from './db';
import { studiesTable } from '../../shared/knowledge/tables';
import { allStudies } from './study-queries';
import { exportFile } from './export-file';
import type { QueryOps, QueryReply, QueryRequest } from './query-client';
import { StudyIndex } from './study-index';

let current: { path: string; kdb: KnowledgeDb; index: StudyIndex | null } | null = null;

function release(path: string) {
  if (!current || current.path !== path) {
    current?.kdb.close();
    current = null;
    current = { path, kdb: openKnowledgeDb(path, { nativeBinding: process.env.SOM_SQLITE_BINDING }), index: null };
  }
  return current;
}

function index(path: string): StudyIndex {
  const r = release(path);
  r.index ??= new StudyIndex(r.kdb.db);
  return r.index;
}

function run(req: QueryRequest): unknown {
  switch (req.op) {
    case 'warm':
      return index(req.path).size;
    case 'studies':
      return index(req.path).studies(req.args as Parameters<StudyIndex['studies']>[0]);
    case 'studyFacets':
      return index(req.path).facets(req.args as Parameters<StudyIndex['facets']>[0]);
    case 'allStudies':
      return allStudies(release(req.path).kdb.db, req.args as Parameters<typeof allStudies>[1]);
    case 'exportStudies': {
      const a = req.args as QueryOps['exportStudies']['args'];
      return exportFile(a.stem, studiesTable(allStudies(release(req.path).kdb.db, a.filters)), a.format);
    }
  }
}

parentPort?.on('message', async (req: QueryRequest) => {
  let reply: QueryReply;
  try {
    reply = { id: req.id, ok: true, value: await run(req) };
  } catch (e) {
    reply = { id: req.id, ok: false, error: e instanceof AppError ? e.toData() : null, message: e instanceof Error ? e.message : String(e) };
  }
  parentPort?.postMessage(reply);
});
