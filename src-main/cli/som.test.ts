import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { appVersion, HELP, runCli } from './som';
import { projectRoot } from '../paths';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out, err,
    io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s), readFile: async () => '', cwd: process.cwd() },
  };
}

describe('som CLI', () => {
  it('--version prints the package version', async () => {
    const t = io();
    expect(await runCli(['--version'], t.io)).toBe(0);
    expect(t.out.join('')).toBe(`SØM Desktop ${appVersion()}\n`);
    expect(appVersion()).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('--help lists the commands in Danish', async () => {
    const t = io();
    expect(await runCli(['--help'], t.io)).toBe(0);
    expect(t.out.join('')).toBe(HELP);
    for (const word of ['calc', 'report', '--version', 'Afslutningskoder']) expect(HELP).toContain(word);
  });

  it('an unknown command exits 2 with one Danish line', async () => {
    const t = io();
    expect(await runCli(['frobnicate'], t.io)).toBe(2);
    expect(t.err.join('')).toMatch(/^Fejl: ukendt kommando 'frobnicate'/);
    expect(t.err.join('').trim().split('\n')).toHaveLength(1);
  });

  it('runs as a real process through tsx (npm run som)', () => {
    const r = spawnSync(process.execPath, [path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), path.join(projectRoot, 'src-main/cli/som.ts'), '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('SØM Desktop');
    expect(r.stderr).toBe('');
  });
});
