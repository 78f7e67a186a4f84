/**
 * Runs every bench/*.bench.ts and prints one line per figure:
 *   bench <name>: median <x> ms, p95 <y> ms
 * followed by what it times and its goal when the bench gives them.
 * With --json, prints one JSON object { "<name>": { median, p95, unit, what?, goal? } }.
 * Benchmarks are never part of npm test.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Figure } from './measure';

function fmt(n: number): string {
  return n >= 100 ? n.toFixed(0) : n >= 1 ? n.toFixed(2) : n.toFixed(4);
}

const isMain = import.meta.url === pathToFileURL(process.argv[1] ?? '').href;
if (isMain) {
  const dir = path.dirname(fileURLToPath(import.meta.url));
  const json = process.argv.includes('--json');
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const files = readdirSync(dir).filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o)))).sort();
  const all: Record<string, Figure> = {};
  for (const f of files) {
    const mod = (await import(pathToFileURL(path.join(dir, f)).href)) as { default: () => Promise<Record<string, Figure>> };
    const figures = await mod.default();
    for (const [name, fig] of Object.entries(figures)) {
      all[name] = fig;
      if (json) continue;
      const goal = fig.goal === undefined ? '' : ` (goal ≤ ${fmt(fig.goal)} ${fig.unit}${fig.median <= fig.goal ? '' : ', NOT MET'})`;
      console.log(`bench ${name}: median ${fmt(fig.median)} ${fig.unit}, p95 ${fmt(fig.p95)} ${fig.unit}${goal}${fig.what ? ` — ${fig.what}` : ''}`);
    }
  }
  if (json) console.log(JSON.stringify(all));
}
