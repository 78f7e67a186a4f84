/**
 * The import worker (node:worker_threads): reading workbooks and building release databases runs
 * here, off the main process's event loop. Jobs arrive one at a time; the main side (jobs.ts)
 * terminates the worker on cancel or when the time limit passes.
 */
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { buildKnowledgeDb, knowledgeDataHash, readKnowledgeData } from '../build';
import { templateToData } from '../template-reader';
import { importPastedTable, importWorkbook } from './pipeline';
import type { WorkerRequest, WorkerReply } from './protocol';

function readBase(path: string) {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    return readKnowledgeData(db);
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
      return res;
    }
    case 'paste': {
      const base = readBase(req.basePath);
      return importPastedTable(req.text, base, req.date);
    }
    case 'template': {
      progress(0, 'Læser skabelonen');
      return templateToData(Buffer.from(req.bytes.buffer, req.bytes.byteOffset, req.bytes.byteLength));
    }
    case 'build': {
      progress(0, 'Bygger udgivelsen');
      // The file name never comes from user text (ids like "CON" are not valid file names everywhere).
      const file = `release-${knowledgeDataHash(req.data).slice(0, 24)}.sqlite`;
      const r = buildKnowledgeDb(req.data, path.join(req.outDir, file));
      progress(1, 'Færdig');
      return { file, sha256: r.sha256 };
    }
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
