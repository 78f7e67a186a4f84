/**
 * Runs the Monte Carlo analysis off the main thread (Web Worker) with progress and cancel.
 * Where Worker is unavailable (jsdom in component tests) it runs in small steps on the main
 * thread instead; the numbers are the same (they do not depend on the step sizes).
 */
import type { SomDocument } from '../../shared/som/schema';
import { prepare } from '../../shared/engine/calc';
import { MonteCarloRun, type MonteCarloResult, type ResolvedMonteCarloSettings } from '../../shared/engine/montecarlo';

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

export function startMonteCarlo(req: McRequest, onProgress: (done: number, total: number) => void): McHandle {
  if (typeof Worker !== 'undefined') {
    const worker = new Worker(new URL('./montecarlo.worker.ts', import.meta.url), { type: 'module' });
    let settle: (r: MonteCarloResult | null) => void = () => {};
    let fail: (e: Error) => void = () => {};
    const result = new Promise<MonteCarloResult | null>((resolve, reject) => {
      settle = resolve;
      fail = reject;
    });
    worker.onmessage = (ev: MessageEvent<McMessage>) => {
      const m = ev.data;
      if (m.type === 'progress') onProgress(m.done, m.total);
      else if (m.type === 'done') {
        settle(m.result);
        worker.terminate();
      } else {
        fail(new Error(m.message));
        worker.terminate();
      }
    };
    worker.onerror = () => {
      fail(new Error('Monte Carlo-beregningen stoppede uventet.'));
      worker.terminate();
    };
    worker.postMessage(req);
    return {
      result,
      cancel() {
        worker.terminate();
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
      run.step(250);
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
