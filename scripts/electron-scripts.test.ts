/**
 * npm start / npm run dist without the Electron binary: one clear sentence, exit code 1, no stack trace.
 * And the binary lookup that never calls require('electron') (which would try to download it).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronAvailable, electronBinaryPath, MISSING_ELECTRON_MESSAGE, projectRoot } from './electron-binary.mjs';

const noBinary = !electronAvailable();
const run = (script: string) =>
  spawnSync(process.execPath, [path.join(projectRoot, 'scripts', script)], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout: 60_000,
    // As on an offline machine: no attempt to download the binary.
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
  });

describe('without the Electron binary', () => {
  it.skipIf(!noBinary)('npm start prints the one sentence and exits 1', () => {
    const r = run('start.mjs');
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe(MISSING_ELECTRON_MESSAGE);
    expect(r.stdout.trim()).toBe('');
  });

  it.skipIf(!noBinary)('npm run dist fails with one sentence, before building anything', () => {
    const r = run('dist.mjs');
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Installationspakken kan ikke bygges: Electron-programmet er ikke installeret/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('the message is the agreed Danish+English sentence', () => {
    expect(MISSING_ELECTRON_MESSAGE).toBe(
      "Electron-programmet er ikke installeret på denne maskine (ELECTRON_SKIP_BINARY_DOWNLOAD); kør 'npm run web' for at bruge SØM Desktop i browseren.",
    );
  });
});

describe('electronBinaryPath', () => {
  let dir: string | null = null;
  const saved = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = null;
    if (saved === undefined) delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
    else process.env.ELECTRON_OVERRIDE_DIST_PATH = saved;
  });

  function fakeRoot(withPathTxt: boolean, withBinary: boolean): string {
    dir = mkdtempSync(path.join(os.tmpdir(), 'som-elbin-'));
    const pkg = path.join(dir, 'node_modules', 'electron');
    mkdirSync(path.join(pkg, 'dist'), { recursive: true });
    writeFileSync(path.join(pkg, 'package.json'), '{"name":"electron","version":"45.4.1"}');
    if (withPathTxt) writeFileSync(path.join(pkg, 'path.txt'), 'electron');
    if (withBinary) writeFileSync(path.join(pkg, 'dist', 'electron'), '');
    return dir;
  }

  it('finds the installed binary via path.txt', () => {
    delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
    const root = fakeRoot(true, true);
    expect(electronBinaryPath(root)).toBe(path.join(root, 'node_modules', 'electron', 'dist', 'electron'));
  });

  it('returns null when skipped at install time (no path.txt) or the file is gone', () => {
    delete process.env.ELECTRON_OVERRIDE_DIST_PATH;
    expect(electronBinaryPath(fakeRoot(false, false))).toBeNull();
    rmSync(dir!, { recursive: true, force: true });
    expect(electronBinaryPath(fakeRoot(true, false))).toBeNull();
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH', () => {
    const root = fakeRoot(true, false);
    const other = path.join(root, 'other');
    mkdirSync(other);
    writeFileSync(path.join(other, 'electron'), '');
    process.env.ELECTRON_OVERRIDE_DIST_PATH = other;
    expect(electronBinaryPath(root)).toBe(path.join(other, 'electron'));
  });
});
