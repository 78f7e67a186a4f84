/**
 * The import runs of `import.bench.ts`, in a process of their own (as the app's main process runs an
 * import in its worker): the bench's other work, and building the test workbook (about 200 MB of
 * resident memory that V8 keeps after collecting it), do not count towards the import's peak memory.
 * Usage: node --import tsx bench/import-child.ts <workbook.xlsx> <out dir> <runs>
 * Prints one JSON line { times: number[], peaksMb: number[] }; the first (warm-up) run is left out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { shippedKnowledgePath } from '../src-main/paths';
import { runInWorker } from '../src-main/knowledge/workbook-import/jobs';
import type { PreparedImport } from '../src-main/knowledge/workbook-import/protocol';

const [file, outDir, runsArg] = process.argv.slice(2);
const runs = Number(runsArg);
const bytes = fs.readFileSync(file);
const times: number[] = [];
const peaksMb: number[] = [];
// One warm-up run starts the worker (as the app's first import does).
for (let run = 0; run <= runs; run++) {
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
  await runInWorker({ op: 'build', pending: res.pending, outDir: path.join(outDir, String(run)) });
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  if (run > 0) {
    times.push(ms);
    peaksMb.push(peak / 1024 / 1024);
  }
}
console.log(JSON.stringify({ times, peaksMb }));
process.exit(0);
