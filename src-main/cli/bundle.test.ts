/**
 * The shipped command line (dist/cli/som.mjs) is plain Node: built with the same esbuild settings
 * as scripts/build.mjs, it runs without tsx and gives what the source gives.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliBundleOptions } from '../../scripts/bundle-options.mjs';
import { projectRoot } from '../paths';
import { goldenPath } from '../../test-support/golden';

const out = path.join(projectRoot, '.cache', 'cli-bundle-test');
const golden = goldenPath('icm-hjemloese.som');
const run = (...args: string[]) => spawnSync(process.execPath, [path.join(out, 'som.mjs'), ...args], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });

beforeAll(async () => {
  await build({ ...cliBundleOptions(projectRoot), outdir: out, logLevel: 'silent' });
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('bundled command line', () => {
  it('prints the version and calculates a golden file without tsx', () => {
    const v = run('--version');
    expect(v.status).toBe(0);
    expect(v.stdout).toMatch(/^SØM Desktop \d+\.\d+\.\d+\n$/);
    const calc = run('calc', golden, '--json');
    expect(calc.status, calc.stderr).toBe(0);
    const expected = spawnSync(process.execPath, ['--import', 'tsx', path.join(projectRoot, 'src-main/cli/som.ts'), 'calc', golden, '--json'], { encoding: 'utf8', cwd: projectRoot });
    expect(calc.stdout).toBe(expected.stdout);
    const missing = run('calc', 'findes-ikke.som');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe("Fejl: filen 'findes-ikke.som' findes ikke.\n");
  });
});
