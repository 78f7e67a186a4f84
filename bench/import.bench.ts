/**
 * knowledge.import: a generated SØM workbook with 10 000 effect studies, 2 000 prices and 1 000
 * consequence rows, read in the import worker (limits, recognition, matching, validation) and
 * built into a release database, as "Indlæs tal fra SØM-regnearket" → "Brug disse tal" does.
 * Time from the file's bytes to the built release (goal ≤ 10 s), and the process's peak resident
 * memory while it runs, worker included (goal ≤ 500 MB). The runs happen in a process of their own
 * (bench/import-child.ts), so that the bench's other work does not count as the import's memory.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { largeWorkbook } from '../src-main/knowledge/workbook-import/sample-workbooks';
import { summarize, type Figure } from './measure';

const RUNS = 3;

export default async function (): Promise<Record<string, Figure>> {
  const bytes = await largeWorkbook({ studies: 10_000, prices: 2_000, consequences: 1_000 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'som-import-bench-'));
  try {
    const file = path.join(dir, 'SØM-stor.xlsx');
    fs.writeFileSync(file, bytes);
    // The runs happen in a fresh process (bench/import-child.ts), whose memory is the import's.
    const child = fileURLToPath(new URL('./import-child.ts', import.meta.url));
    const r = spawnSync(process.execPath, ['--import', 'tsx', child, file, path.join(dir, 'out'), String(RUNS)], { encoding: 'utf8', cwd: process.cwd() });
    if (r.status !== 0) throw new Error(`knowledge.import: the import process failed: ${r.stderr}`);
    const { times, peaksMb } = JSON.parse(r.stdout.trim().split('\n').at(-1) ?? '') as { times: number[]; peaksMb: number[] };
    return {
      'knowledge.import': { ...summarize(times), what: 'workbook (10 000 studies, 2 000 prices, 1 000 consequence rows) → preview → built release, in the worker', goal: 10_000 },
      'knowledge.import peak memory': { ...summarize(peaksMb, 'MB'), what: 'peak resident memory of a process that only imports (worker included)', goal: 500 },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
