/**
 * The import worker (node:worker_threads): reading workbooks and building release databases runs
 * here, off the main process's event loop. Jobs arrive one at a time; the main side (jobs.ts)
 * terminates the worker on cancel or when the time limit passes.
 *
 * A read release is kept here until "Brug disse tal" builds it (or it is discarded), so the data
 * is never copied between the threads; only its summary goes to the main process. The active
 * release's data is read once per release file and reused (release files never change in place).
 */
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { KnowledgeData } from '../../../shared/knowledge/types';
import { buildKnowledgeDb, knowledgeDataHash, readKnowledgeData, sectionCounts } from '../build';
import { templateToData } from '../template-reader';
import { importPastedTable, importWorkbook } from './pipeline';
import type { BuiltRelease, PreparedImport, PreparedTemplate, WorkerRequest, WorkerReply } from './protocol';

/** Read releases waiting to be built; the oldest is dropped past this many. */
export const MAX_PENDING_IN_WORKER = 4;
export const PENDING_GONE = 'Forhåndsvisningen findes ikke længere. Indlæs regnearket igen.';

const pending = new Map<string, KnowledgeData>();

function keep(data: KnowledgeData): string {
  while (pending.size >= MAX_PENDING_IN_WORKER) pending.delete(pending.keys().next().value as string);
  const key = randomBytes(12).toString('hex');
  pending.set(key, data);
  return key;
}

let baseCache: { key: string; data: KnowledgeData } | null = null;

/** The active release's data (not to be changed: applyRecognised works on a copy). */
function readBase(file: string): KnowledgeData {
  const st = fs.statSync(file);
  const key = `${path.resolve(file)}\u0000${st.size}\u0000${st.mtimeMs}`;
  if (baseCache?.key === key) return baseCache.data;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const data = readKnowledgeData(db);
    baseCache = { key, data };
    return data;
  } finally {
    db.close();
  }
}

async function run(req: WorkerRequest, post: (m: WorkerReply) => void): Promise<unknown> {
  const progress = (fraction: number, text: string) => post({ type: 'progress', fraction, text });
  switch (req.op) {
    case 'workbook': {
      progress(0, 'Åbner regnearket');
      const base = readBase(req.basePath);
      const buf = Buffer.from(req.bytes.buffer, req.bytes.byteOffset, req.bytes.byteLength);
      const res = await importWorkbook(buf, req.fileName, base, { checkCancelled: () => {}, progress, deadline: req.deadline }, req.date);
      progress(1, 'Færdig');
      return { pending: keep(res.data), release: res.data.release, summary: res.summary } satisfies PreparedImport;
    }
    case 'paste': {
      const res = importPastedTable(req.text, readBase(req.basePath), req.date);
      return { pending: keep(res.data), release: res.data.release, summary: res.summary } satisfies PreparedImport;
    }
    case 'template': {
      progress(0, 'Læser skabelonen');
      const data = await templateToData(Buffer.from(req.bytes.buffer, req.bytes.byteOffset, req.bytes.byteLength));
      return { pending: keep(data), release: data.release, counts: sectionCounts(data) } satisfies PreparedTemplate;
    }
    case 'build': {
      const data = pending.get(req.pending);
      if (!data) throw new AppError('not-found', PENDING_GONE);
      progress(0, 'Bygger udgivelsen');
      const sha256 = knowledgeDataHash(data);
      // The file name never comes from user text (ids like "CON" are not valid file names everywhere).
      const file = `release-${sha256.slice(0, 24)}.sqlite`;
      buildKnowledgeDb(data, path.join(req.outDir, file), { sha256 });
      pending.delete(req.pending);
      progress(1, 'Færdig');
      return { file, sha256 } satisfies BuiltRelease;
    }
    case 'discard':
      return pending.delete(req.pending);
  }
}

const port = parentPort;
if (port) {
  port.on('message', (msg: { id: number; req: WorkerRequest }) => {
    const post = (m: WorkerReply) => port.postMessage({ ...m, id: msg.id });
    run(msg.req, post).then(
      (value) => post({ type: 'result', value }),
      (e: unknown) => {
        if (e instanceof AppError) post({ type: 'error', code: e.code, message: e.message });
        else post({ type: 'error', code: 'internal', message: `Indlæsningen mislykkedes: ${(e as Error)?.message ?? String(e)}` });
      },
    );
  });
}
