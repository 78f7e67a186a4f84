/**
 * Command line start-up: `som --version` as a whole process, the way a user runs it. When
 * package.json names a `som` bin (the bundled script) that is what runs; otherwise `npm run som`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src-main/paths';
import { summarize, type Figure } from './measure';

export default async function (): Promise<Record<string, Figure>> {
  const pkg = JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { bin?: Record<string, string> };
  const bin = pkg.bin?.som ? path.join(projectRoot, pkg.bin.som) : null;
  const [cmd, args, how] =
    bin && existsSync(bin)
      ? [process.execPath, [bin, '--version'], `node ${pkg.bin!.som} --version`]
      : ['npm', ['run', '--silent', 'som', '--', '--version'], 'npm run som -- --version'];
  const samples: number[] = [];
  for (let i = 0; i < 11; i++) {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { cwd: projectRoot, encoding: 'utf8' });
    const ms = performance.now() - t0;
    if (r.status !== 0 || !/SØM Desktop/.test(r.stdout)) throw new Error(`${how} failed: ${r.stderr}`);
    if (i > 0) samples.push(ms);
  }
  return { 'cli.startup': { ...summarize(samples), what: `\`${how}\`, whole process (spawn → exit)`, goal: 300 } };
}
