/**
 * knowledge.import: a generated SØM workbook with 10 000 effect studies, 2 000 prices and 1 000
 * consequence rows, read in the import worker (limits, recognition, matching, validation) and
 * built into a release database, as "Indlæs tal fra SØM-regnearket" → "Brug disse tal" does.
 * Time from the file's bytes to the built release (goal ≤ 10 s), and the process's peak resident
 * memory while it runs, worker included (goal ≤ 500 MB).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { shippedKnowledgePath } from '../src-main/paths';
import { runInWorker } from '../src-main/knowledge/workbook-import/jobs';
import type { PreparedImport } from '../src-main/knowledge/workbook-import/protocol';
import { largeWorkbook } from '../src-main/knowledge/workbook-import/sample-workbooks';
import { summarize, type Figure } from './measure';

const RUNS = 3;

export default async function (): Promise<Record<string, Figure>> {
  const bytes = await largeWorkbook({ studies: 10_000, prices: 2_000, consequences: 1_000 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'som-import-bench-'));
  const times: number[] = [];
  const peaks: number[] = [];
  try {
    // One warm-up run starts the worker (as the app's first import does).
    for (let run = 0; run <= RUNS; run++) {
      let peak = process.memoryUsage().rss;
      const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
      const t0 = performance.now();
      const res = await runInWorker<PreparedImport>({
        op: 'workbook',
        fileName: 'SØM-stor.xlsx',
        bytes: new Uint8Array(bytes),
        basePath: shippedKnowledgePath,
        date: '2026-12-01',
        deadline: Date.now() + 120_000,
      });
      if (res.summary.found.studies !== 10_000 || res.summary.found.prices !== 2_000 || res.summary.found.consequenceRows !== 1_000) {
        throw new Error(`knowledge.import: unexpected counts ${JSON.stringify(res.summary.found)}`);
      }
      await runInWorker({ op: 'build', pending: res.pending, outDir: path.join(dir, String(run)) });
      const ms = performance.now() - t0;
      clearInterval(timer);
      peak = Math.max(peak, process.memoryUsage().rss);
      if (run > 0) {
        times.push(ms);
        peaks.push(peak / 1024 / 1024);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return {
    'knowledge.import': { ...summarize(times), what: 'workbook (10 000 studies, 2 000 prices, 1 000 consequence rows) → preview → built release, in the worker', goal: 10_000 },
    'knowledge.import peak memory': { ...summarize(peaks, 'MB'), what: 'peak resident memory of the process (worker included) during the import', goal: 500 },
  };
}
