/**
 * Main-process side of the import worker: starts one worker thread per job (bounded heap), relays
 * its progress, cancels it (terminate) and stops it when the time limit passes. Previews wait
 * here, keyed by a random token, until "Brug disse tal" or "Annullér".
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../../shared/errors';
import type { ImportProgress, KnowledgeData, WorkbookImportSummary } from '../../../shared/knowledge/types';
import type { WorkerReply, WorkerRequest } from './protocol';
import { MAX_SECONDS, TIME_LIMIT_MESSAGE } from './read';

/** Heap of one import worker; past it the worker stops with a Danish message. */
export const WORKER_HEAP_MB = 640;
const PREVIEW_TTL_MS = 30 * 60 * 1000;
const MAX_PENDING = 4;

function workerTarget(): { url: URL; execArgv?: string[] } {
  const here = import.meta.url;
  if (here.endsWith('.cjs')) return { url: new URL('./knowledge-worker.cjs', here) };
  // From source (tsx, vitest): the worker is TypeScript and needs tsx's loader.
  const url = new URL('./worker.ts', here);
  const hasTsx = process.execArgv.some((a) => a.includes('tsx'));
  if (hasTsx) return { url };
  const require = createRequire(here);
  const loader = path.join(path.dirname(require.resolve('tsx/package.json')), 'dist', 'loader.mjs');
  return { url, execArgv: ['--import', pathToFileURL(loader).href] };
}

export interface RunOptions {
  jobId?: string;
  onProgress?: (p: ImportProgress) => void;
  /** Hard stop (ms); default the import time limit plus a margin for starting the worker. */
  timeoutMs?: number;
}

/** Runs one request in a fresh worker. */
export function runInWorker<T>(req: WorkerRequest, opts: RunOptions & { register?: (cancel: () => void) => void } = {}): Promise<T> {
  const target = workerTarget();
  if (!fs.existsSync(fileURLToPath(target.url))) throw new AppError('internal', 'Indlæsningen kan ikke startes: programdelen til indlæsning mangler.');
  return new Promise<T>((resolve, reject) => {
    const w = new Worker(target.url, {
      workerData: req,
      execArgv: target.execArgv,
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 64 },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void w.terminate();
    };
    const timer = setTimeout(() => settle(() => reject(new AppError('invalid-file', TIME_LIMIT_MESSAGE))), opts.timeoutMs ?? (MAX_SECONDS + 10) * 1000);
    opts.register?.(() => settle(() => reject(new AppError('cancelled', 'Indlæsningen blev annulleret. Intet er ændret.'))));
    w.on('message', (m: WorkerReply) => {
      if (m.type === 'progress') opts.onProgress?.({ fraction: m.fraction, text: m.text, done: false });
      else if (m.type === 'result') settle(() => resolve(m.value as T));
      else settle(() => reject(new AppError(m.code as ErrorCode, m.message)));
    });
    w.on('error', (e: Error & { code?: string }) => {
      const msg =
        e.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? 'Regnearket kræver for meget hukommelse at indlæse, så det indlæses ikke. Intet er ændret.'
          : `Indlæsningen mislykkedes: ${e.message}`;
      settle(() => reject(new AppError(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'invalid-file' : 'internal', msg)));
    });
    w.on('exit', (code) => settle(() => reject(new AppError('internal', `Indlæsningen stoppede uventet (kode ${code}).`))));
  });
}

interface Pending {
  data: KnowledgeData;
  summary: WorkbookImportSummary;
  /** The release the preview was built on; confirming on another one is refused. */
  baseId: string;
  at: number;
}

/** Jobs and previews of one process (the Electron main process or the web host). */
export class ImportJobs {
  private readonly progressById = new Map<string, ImportProgress>();
  private readonly cancels = new Map<string, () => void>();
  private readonly pending = new Map<string, Pending>();

  async run<T>(req: WorkerRequest, jobId?: string): Promise<T> {
    const id = jobId ?? randomBytes(8).toString('hex');
    this.progressById.set(id, { fraction: 0, text: 'Starter', done: false });
    try {
      return await runInWorker<T>(req, {
        onProgress: (p) => this.progressById.set(id, p),
        register: (cancel) => this.cancels.set(id, cancel),
      });
    } finally {
      this.cancels.delete(id);
      const last = this.progressById.get(id);
      this.progressById.set(id, { fraction: 1, text: last?.text ?? '', done: true });
      // Forget finished jobs after a while (a poll may still come).
      setTimeout(() => this.progressById.delete(id), 60_000).unref?.();
    }
  }

  progress(jobId: string): ImportProgress | null {
    return this.progressById.get(jobId) ?? null;
  }

  cancel(jobId: string): boolean {
    const c = this.cancels.get(jobId);
    if (c) c();
    return !!c;
  }

  hold(data: KnowledgeData, summary: WorkbookImportSummary, baseId: string): string {
    const now = Date.now();
    for (const [k, p] of this.pending) if (now - p.at > PREVIEW_TTL_MS) this.pending.delete(k);
    while (this.pending.size >= MAX_PENDING) this.pending.delete(this.pending.keys().next().value as string);
    const token = randomBytes(12).toString('hex');
    this.pending.set(token, { data, summary, baseId, at: now });
    return token;
  }

  take(token: string): Pending | null {
    const p = this.pending.get(token) ?? null;
    this.pending.delete(token);
    return p;
  }

  discard(token: string): boolean {
    return this.pending.delete(token);
  }
}
