/**
 * Main-process side of the import worker: starts one worker thread per job (bounded heap), relays
 * its progress, cancels it (terminate) and stops it when the time limit passes. Previews wait
 * here, keyed by a random token, until "Brug disse tal" or "Annullér"; their data stays in the
 * worker (only the summary is held here).
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../../shared/errors';
import type { ImportProgress, KnowledgeData, WorkbookImportSummary } from '../../../shared/knowledge/types';
import type { PreparedImport, WorkerReply, WorkerRequest } from './protocol';
import { MAX_SECONDS, TIME_LIMIT_MESSAGE } from './read';
import { resolveWorkerPath } from '../worker-path';

/** Heap of one import worker; past it the worker stops with a Danish message. */
export const WORKER_HEAP_MB = 640;
const PREVIEW_TTL_MS = 30 * 60 * 1000;
const MAX_PENDING = 4;

function workerTarget(): string | null {
  const here = import.meta.url;
  // From source (tsx, vitest): a small module registers tsx's loader in the worker, then loads the
  // TypeScript worker. Built: the bundle (see worker-path.ts for the built and packaged layouts).
  if (/\/src-main\//.test(here)) return fileURLToPath(new URL('./worker-source.mjs', here));
  return resolveWorkerPath(here, 'knowledge-worker.cjs', fs.existsSync);
}

export interface RunOptions {
  onProgress?: (p: ImportProgress) => void;
  /** Hard stop (ms); default the import time limit plus a margin. */
  timeoutMs?: number;
  /** Receives a function that cancels this job. */
  register?: (cancel: () => void) => void;
}

interface Current {
  id: number;
  resolve(v: unknown): void;
  reject(e: unknown): void;
  onProgress?: (p: ImportProgress) => void;
}

const CANCELLED = () => new AppError('cancelled', 'Indlæsningen blev annulleret. Intet er ændret.');
const OUT_OF_MEMORY = 'Regnearket kræver for meget hukommelse at indlæse, så det indlæses ikke. Intet er ændret.';

/**
 * One worker thread, started on first use and kept warm between jobs (starting one costs more than
 * a small import). Jobs run one at a time. Cancel, the time limit and a crash terminate it; the
 * next job starts a fresh one. It does not keep the process alive while idle.
 */
class WorkerHost {
  private w: Worker | null = null;
  private current: Current | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private seq = 0;

  private spawn(): Worker {
    const target = workerTarget();
    if (!target || !fs.existsSync(target)) throw new AppError('internal', 'Indlæsningen kan ikke startes: programdelen til indlæsning mangler.');
    const w = new Worker(target, {
      resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: 64 },
    });
    w.on('message', (m: WorkerReply & { id: number }) => {
      if (this.w !== w) return;
      const c = this.current;
      if (!c || m.id !== c.id) return;
      if (m.type === 'progress') c.onProgress?.({ fraction: m.fraction, text: m.text, done: false });
      else if (m.type === 'result') this.finish(c, () => c.resolve(m.value));
      else this.finish(c, () => c.reject(new AppError(m.code as ErrorCode, m.message)));
    });
    w.on('error', (e: Error & { code?: string }) => {
      // A worker already stopped (cancel, time limit) has nothing to say about the next job.
      if (this.w !== w) return;
      this.w = null;
      const c = this.current;
      if (c) this.finish(c, () => c.reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new AppError('invalid-file', OUT_OF_MEMORY) : new AppError('internal', `Indlæsningen mislykkedes: ${e.message}`)));
    });
    w.on('exit', () => {
      if (this.w !== w) return;
      this.w = null;
      const c = this.current;
      if (c) this.finish(c, () => c.reject(new AppError('internal', 'Indlæsningen stoppede uventet.')));
    });
    w.unref();
    return w;
  }

  private finish(c: Current, fn: () => void): void {
    if (this.current !== c) return;
    this.current = null;
    this.w?.unref();
    fn();
  }

  /** Stops the worker (cancel, time limit); the running job fails with `err`. */
  private kill(err: AppError): void {
    const w = this.w;
    this.w = null;
    const c = this.current;
    if (c) this.finish(c, () => c.reject(err));
    if (w) void w.terminate();
  }

  /** Whether a worker is running (data kept in it survives only as long as it does). */
  get alive(): boolean {
    return this.w !== null;
  }

  run<T>(req: WorkerRequest, opts: RunOptions = {}): Promise<T> {
    let cancelled = false;
    let cancelRunning: (() => void) | null = null;
    opts.register?.(() => {
      cancelled = true;
      cancelRunning?.();
    });
    const job = this.tail.then(
      () =>
        new Promise<T>((resolve, reject) => {
          if (cancelled) return reject(CANCELLED());
          const id = ++this.seq;
          const c: Current = { id, resolve: resolve as (v: unknown) => void, reject, onProgress: opts.onProgress };
          try {
            this.w ??= this.spawn();
          } catch (e) {
            return reject(e);
          }
          this.current = c;
          this.w.ref();
          const timer = setTimeout(() => this.current === c && this.kill(new AppError('invalid-file', TIME_LIMIT_MESSAGE)), opts.timeoutMs ?? (MAX_SECONDS + 15) * 1000);
          const done = () => clearTimeout(timer);
          c.resolve = (v) => (done(), resolve(v as T));
          c.reject = (e) => (done(), reject(e));
          cancelRunning = () => this.current === c && this.kill(CANCELLED());
          this.w.postMessage({ id, req });
        }),
    );
    this.tail = job.catch(() => undefined);
    return job;
  }
}

const host = new WorkerHost();

/** Runs one request in the import worker. */
export function runInWorker<T>(req: WorkerRequest, opts: RunOptions = {}): Promise<T> {
  return host.run<T>(req, opts);
}

/** Drops a read release kept in the worker (nothing to do when the worker has stopped). */
export function discardInWorker(pending: string): void {
  if (host.alive) runInWorker({ op: 'discard', pending }).catch(() => undefined);
}

interface Pending {
  /** Key of the read release in the worker. */
  pending: string;
  release: KnowledgeData['release'];
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

  hold(prepared: PreparedImport, baseId: string): string {
    const now = Date.now();
    for (const [k, p] of this.pending) if (now - p.at > PREVIEW_TTL_MS) this.drop(k);
    while (this.pending.size >= MAX_PENDING) this.drop(this.pending.keys().next().value as string);
    const token = randomBytes(12).toString('hex');
    this.pending.set(token, { pending: prepared.pending, release: prepared.release, summary: prepared.summary, baseId, at: now });
    return token;
  }

  private drop(token: string): boolean {
    const p = this.pending.get(token);
    if (!p) return false;
    this.pending.delete(token);
    discardInWorker(p.pending);
    return true;
  }

  take(token: string): Pending | null {
    const p = this.pending.get(token) ?? null;
    this.pending.delete(token);
    return p;
  }

  discard(token: string): boolean {
    return this.drop(token);
  }
}
