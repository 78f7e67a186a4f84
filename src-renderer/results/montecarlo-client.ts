/**
 * Runs the Monte Carlo analysis off the main thread (Web Worker) with progress and cancel.
 * Where Worker is unavailable (jsdom in component tests) it runs in small steps on the main
 * thread instead; the numbers are the same (they do not depend on the step sizes).
 */
import type { SomDocument } from '../../shared/som/schema';
import { prepare } from '../../shared/engine/calc';
import { MC_WORKER_STEP, MonteCarloRun, type MonteCarloResult, type ResolvedMonteCarloSettings } from '../../shared/engine/montecarlo';

export interface McRequest {
  doc: SomDocument;
  settings: ResolvedMonteCarloSettings;
}

export type McMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; result: MonteCarloResult }
  | { type: 'error'; message: string };

export interface McHandle {
  /** Resolves with the result, or null when cancelled. */
  result: Promise<MonteCarloResult | null>;
  cancel(): void;
}

/** One worker kept ready: started before the first run (prewarm) and reused by the next. */
let idle: Worker | null = null;

function newWorker(): Worker {
  return new Worker(new URL('./montecarlo.worker.ts', import.meta.url), { type: 'module' });
}

/**
 * Starts the worker ahead of the first run, so that loading and compiling its code does not wait
 * for the click. Does nothing where Worker is unavailable or a worker is ready already.
 */
export function prewarmMonteCarlo(): void {
  if (typeof Worker !== 'undefined' && idle === null) idle = newWorker();
}

/** Stops the ready worker (when the page that used it goes away). */
export function releaseMonteCarlo(): void {
  idle?.terminate();
  idle = null;
}

export function startMonteCarlo(req: McRequest, onProgress: (done: number, total: number) => void): McHandle {
  if (typeof Worker !== 'undefined') {
    const worker = idle ?? newWorker();
    idle = null;
    let finished = false;
    let settle: (r: MonteCarloResult | null) => void = () => {};
    let fail: (e: Error) => void = () => {};
    const result = new Promise<MonteCarloResult | null>((resolve, reject) => {
      settle = resolve;
      fail = reject;
    });
    const end = (keep: boolean) => {
      finished = true;
      worker.onmessage = null;
      worker.onerror = null;
      // A worker that finished its run is kept for the next one; one that failed or was cancelled is stopped.
      if (keep && idle === null) idle = worker;
      else worker.terminate();
    };
    worker.onmessage = (ev: MessageEvent<McMessage>) => {
      const m = ev.data;
      if (m.type === 'progress') onProgress(m.done, m.total);
      else if (m.type === 'done') {
        end(true);
        settle(m.result);
      } else {
        end(false);
        fail(new Error(m.message));
      }
    };
    worker.onerror = () => {
      end(false);
      fail(new Error('Monte Carlo-beregningen stoppede uventet.'));
    };
    worker.postMessage(req);
    return {
      result,
      cancel() {
        if (finished) return;
        end(false);
        settle(null);
      },
    };
  }
  // Fallback: steps on the main thread, yielding between them.
  let cancelled = false;
  const result = (async () => {
    const run = new MonteCarloRun(prepare(req.doc), req.settings);
    onProgress(0, run.total);
    while (run.done < run.total) {
      if (cancelled) return null;
      run.step(MC_WORKER_STEP);
      onProgress(run.done, run.total);
      await new Promise((r) => setTimeout(r, 0));
    }
    return cancelled ? null : run.result();
  })();
  return {
    result,
    cancel() {
      cancelled = true;
    },
  };
}
