/// <reference lib="webworker" />
/**
 * Monte Carlo in a Web Worker: the engine's pure `MonteCarloRun`, advanced in steps so the page
 * can show progress, then summarised here (percentiles, histogram and the fan chart's series), so
 * the page only draws. The worker stays alive for the next run; cancelling = the page terminates it.
 */
import { prepare } from '../../shared/engine/calc';
import { MC_WORKER_STEP, runMonteCarloInSteps } from '../../shared/engine/montecarlo';
import type { McRequest, McMessage } from './montecarlo-client';
import { errorMessage } from '../lib/error-message';

/** Progress is reported at most this often (ms), and always at the start and the end. */
const PROGRESS_MS = 50;

const post = (m: McMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);

self.onmessage = (ev: MessageEvent<McRequest>) => {
  const { doc, settings } = ev.data;
  try {
    let last = -Infinity;
    const result = runMonteCarloInSteps(prepare(doc), settings, MC_WORKER_STEP, (done, total) => {
      const now = performance.now();
      if (now - last < PROGRESS_MS && done > 0 && done < total) return;
      last = now;
      post({ type: 'progress', done, total });
    });
    post({ type: 'done', result });
  } catch (e) {
    post({ type: 'error', message: errorMessage(e) });
  }
};
