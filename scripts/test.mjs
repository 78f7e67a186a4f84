#!/usr/bin/env node
// `npm test`: every tier, one summary. Lint, type checks and the build count as one check each;
// vitest (shared/, src-main/, components) and Playwright (web host + Chromium, and _electron
// where the binary exists) count their tests. Ends with the line `N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => path.join(root, 'node_modules', '.bin', name);
const cache = path.join(root, '.cache');
mkdirSync(cache, { recursive: true });
const only = process.argv.slice(2);
const want = (tier) => only.length === 0 || only.includes(tier);

const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}: ${[path.basename(cmd), ...args].join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function check(label, ok) {
  if (ok) totals.passed++;
  else totals.failed++;
  lines.push(`${label}: ${ok ? 'ok' : 'FEJLEDE'}`);
}

function tier(label, passed, failed, skipped) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`${label}: ${passed} passed, ${failed} failed, ${skipped} skipped`);
}

if (want('lint')) check('lint (eslint)', run('lint', bin('eslint'), ['.', '--max-warnings', '0']));
if (want('types')) {
  check('typecheck (tsc)', run('tsc', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']));
  check('typecheck (svelte-check)', run('svelte-check', bin('svelte-check'), ['--tsconfig', './tsconfig.json', '--threshold', 'warning', '--fail-on-warnings']));
}

let built = true;
if (want('e2e') || want('build')) {
  built = run('build', process.execPath, [path.join(root, 'scripts/build.mjs'), '--quiet']);
  check('build (vite + esbuild)', built);
}

if (want('unit')) {
  const out = path.join(cache, 'vitest.json');
  rmSync(out, { force: true });
  run('vitest', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`]);
  if (existsSync(out)) {
    const r = JSON.parse(readFileSync(out, 'utf8'));
    const failedSuites = (r.testResults ?? []).filter((s) => s.status === 'failed' && (s.assertionResults ?? []).length === 0).length;
    tier('vitest', r.numPassedTests, r.numFailedTests + failedSuites, (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0));
  } else tier('vitest (no report)', 0, 1, 0);
}

if (want('e2e')) {
  if (!built) tier('playwright (not run: build failed)', 0, 1, 0);
  else {
    const out = path.join(cache, 'playwright.json');
    rmSync(out, { force: true });
    run('playwright', bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: out });
    if (existsSync(out)) {
      const s = JSON.parse(readFileSync(out, 'utf8')).stats ?? {};
      const errs = (JSON.parse(readFileSync(out, 'utf8')).errors ?? []).length;
      tier('playwright', (s.expected ?? 0) + (s.flaky ?? 0), (s.unexpected ?? 0) + errs, s.skipped ?? 0);
    } else tier('playwright (no report)', 0, 1, 0);
  }
}

const summary = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
console.log('\n=== Resumé');
for (const l of lines) console.log(`  ${l}`);
writeFileSync(path.join(cache, 'test-summary.txt'), summary + '\n');
console.log(summary);
process.exitCode = totals.failed > 0 ? 1 : 0;
