/// <reference lib="webworker" />
/**
 * Monte Carlo in a Web Worker: the engine's pure `MonteCarloRun`, advanced in steps so the page
 * can show progress. Cancelling = the page terminates the worker.
 */
import { prepare } from '../../shared/engine/calc';
import { MonteCarloRun } from '../../shared/engine/montecarlo';
import type { McRequest, McMessage } from './montecarlo-client';
import { errorMessage } from '../lib/error-message';

const STEP = 250;

self.onmessage = (ev: MessageEvent<McRequest>) => {
  const { doc, settings } = ev.data;
  try {
    const run = new MonteCarloRun(prepare(doc), settings);
    const post = (m: McMessage) => (self as unknown as DedicatedWorkerGlobalScope).postMessage(m);
    post({ type: 'progress', done: 0, total: run.total });
    while (run.done < run.total) {
      run.step(STEP);
      post({ type: 'progress', done: run.done, total: run.total });
    }
    post({ type: 'done', result: run.result() });
  } catch (e) {
    (self as unknown as DedicatedWorkerGlobalScope).postMessage({ type: 'error', message: errorMessage(e) } satisfies McMessage);
  }
};
