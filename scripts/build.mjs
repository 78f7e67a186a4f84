#!/usr/bin/env node
// Builds the renderer (vite → dist/renderer) and, unless --renderer-only, the Electron main
// process and preload (esbuild → dist/main/*.cjs; the preload as one CommonJS file).
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rendererOnly = process.argv.includes('--renderer-only');
const quiet = process.argv.includes('--quiet');

await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: quiet ? 'error' : 'warn' });

if (!rendererOnly) {
  const common = {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    sourcemap: false,
    external: ['electron', 'better-sqlite3', 'exceljs', 'playwright-core', '@playwright/test'],
    logLevel: quiet ? 'error' : 'warning',
    absWorkingDir: root,
  };
  const entries = [
    ['src-main/electron/main.ts', 'dist/main/main.cjs'],
    ['src-main/electron/preload.ts', 'dist/main/preload.cjs'],
  ];
  for (const [src, out] of entries) {
    if (!existsSync(path.join(root, src))) {
      console.warn(`build: ${src} findes ikke endnu; springer over`);
      continue;
    }
    await esbuild({ ...common, entryPoints: [src], outfile: out });
  }
}
if (!quiet) console.log('build: ok');
