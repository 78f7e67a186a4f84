import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
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

describe('som CLI reads no oversized file', () => {
  it.each([['calc', ['calc', 'stor.som']], ['report', ['report', 'stor.som', '--pdf', 'ud.pdf']], ['compare', ['compare', 'stor.som', 'stor.som']]])(
    '%s asks for the size first and refuses a 6 GB file without reading it',
    async (_name, argv) => {
      const err: string[] = [];
      const asked: string[] = [];
      let reads = 0;
      const code = await runCli(argv, {
        stdout: () => {},
        stderr: (s) => err.push(s),
        readFile: async () => {
          reads++;
          return '';
        },
        fileSize: async (p) => {
          asked.push(p);
          return 6 * 1024 ** 3;
        },
        cwd: '/data',
      });
      expect(code).toBe(2);
      expect(reads).toBe(0);
      expect(asked[0]).toBe(path.resolve('/data', 'stor.som'));
      expect(err.join('')).toMatch(/^Fejl: stor\.som: Filen er for stor \(over \d+ MiB\) til at være en SØM-(beregning|fil)\.\n$/);
    },
  );

  it('the real command line checks the size of a 6 MiB file before reading it', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'som-cli-big-'));
    const big = path.join(dir, 'stor.som');
    writeFileSync(big, Buffer.alloc(6 * 1024 * 1024, 0x20));
    const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src-main', 'cli', 'som.ts'), 'calc', big], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`Fejl: ${big}: Filen er for stor (over 5 MiB) til at være en SØM-beregning.\n`);
  });
});
