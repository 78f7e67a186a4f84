/**
 * Main-process side of the knowledge query workers (query-worker.ts): long-lived worker threads,
 * each with its own read-only connection (KnowledgeQueries: one for clicks, one for exports).
 * Requests carry the path of the release in use, so switching releases needs nothing here. A
 * thread keeps the process alive only while a request waits for its answer (warming the index
 * does not); if it dies, the pending requests fail with a Danish message and the next request
 * starts a new one.
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, type AppErrorData } from '../../shared/errors';
import type { ExportFile, StudyFacets, StudyPage, StudyRow } from '../../shared/knowledge/types';
import type { PageArgs } from './study-index';
import type { StudyFilters } from './study-queries';

export interface QueryOps {
  warm: { args: undefined; result: number };
  studies: { args: PageArgs; result: StudyPage };
  studyFacets: { args: StudyFilters; result: StudyFacets };
  allStudies: { args: StudyFilters; result: StudyRow[] };
  exportStudies: { args: { filters: StudyFilters; stem: string; format: 'xlsx' | 'csv' }; result: ExportFile };
}
export type QueryOp = keyof QueryOps;
export interface QueryRequest {
  id: number;
  path: string;
  op: QueryOp;
  args: unknown;
}
export type QueryReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: AppErrorData | null; message: string };

/**
 * The explorer's queries on two worker threads: the quick ones a click waits for (a page of rows,
 * the option counts) on one, and the whole-table work of an export on another, started when first
 * needed. Exporting 100 000 studies to Excel takes seconds; on one thread every click in the
 * explorer would wait for it.
 */
export class KnowledgeQueries {
  private readonly quick: KnowledgeQueryWorker;
  private readonly bulk: KnowledgeQueryWorker;

  /** `releasePath`: the file of the release in use, read at every request. */
  constructor(releasePath: () => string) {
    this.quick = new KnowledgeQueryWorker(releasePath);
    this.bulk = new KnowledgeQueryWorker(releasePath);
  }

  run<K extends QueryOp>(op: K, args: QueryOps[K]['args'], hold = true): Promise<QueryOps[K]['result']> {
    return (BULK_OPS.has(op) ? this.bulk : this.quick).run(op, args, hold);
  }

  /** Opens the release and builds the study index of the quick thread ahead of the first search. */
  warm(): void {
    this.quick.warm();
  }

  async close(): Promise<void> {
    await Promise.all([this.quick.close(), this.bulk.close()]);
  }
}

/** The operations that read the whole table (seconds at 100 000 studies). */
const BULK_OPS: ReadonlySet<QueryOp> = new Set<QueryOp>(['allStudies', 'exportStudies']);

/** The worker script: the bundle beside main.cjs in the built app, a tsx starter of the TypeScript source otherwise. */
function workerTarget(): URL {
  const here = import.meta.url;
  return here.endsWith('.cjs') ? new URL('./knowledge-query-worker.cjs', here) : new URL('./query-worker-source.mjs', here);
}

/** One worker thread; it answers its requests one at a time, in order. */
export class KnowledgeQueryWorker {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; hold: boolean }>();
  private nextId = 1;

  /** Ref the worker while a request that holds the process waits, unref it otherwise. */
  private holdProcess(w: Worker): void {
    if ([...this.pending.values()].some((p) => p.hold)) w.ref();
    else w.unref();
  }

  /** `releasePath`: the file of the release in use, read at every request. */
  constructor(private readonly releasePath: () => string) {}

  private start(): Worker {
    if (this.worker) return this.worker;
    const url = workerTarget();
    if (!fs.existsSync(fileURLToPath(url))) throw new AppError('internal', 'Vidensdatabasen kan ikke søges i: en programdel mangler.');
    const w = new Worker(url, { execArgv: [], stdout: false, stderr: false });
    w.on('message', (m: QueryReply) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      this.holdProcess(w);
      if (m.ok) p.resolve(m.value);
      else p.reject(m.error ? new AppError(m.error.code, m.error.message) : new Error(m.message));
    });
    const fail = (why: string) => {
      if (this.worker !== w) return;
      this.worker = null;
      for (const p of this.pending.values()) p.reject(new AppError('internal', `Søgningen i vidensdatabasen stoppede uventet (${why}). Prøv igen.`));
      this.pending.clear();
    };
    w.on('error', (e) => fail(e.message));
    w.on('exit', (code) => fail(`kode ${code}`));
    // After the listeners: adding a 'message' listener refs the worker's port again.
    this.holdProcess(w);
    this.worker = w;
    return w;
  }

  run<K extends QueryOp>(op: K, args: QueryOps[K]['args'], hold = true): Promise<QueryOps[K]['result']> {
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject, hold });
      try {
        const w = this.start();
        this.holdProcess(w);
        w.postMessage({ id, path: this.releasePath(), op, args } satisfies QueryRequest);
      } catch (e) {
        this.pending.delete(id);
        reject(e as Error);
      }
    });
  }

  /** Opens the release and builds its study index ahead of the first search (errors are ignored here). */
  warm(): void {
    this.run('warm', undefined, false).catch(() => {});
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    for (const p of this.pending.values()) p.reject(new AppError('unavailable', 'Programmet lukker.'));
    this.pending.clear();
    if (w) await w.terminate();
  }
}
