#!/usr/bin/env node
// Builds the renderer (vite → dist/renderer) and, unless --renderer-only, the Electron main
// process and preload (esbuild → dist/main/*.cjs; the preload as one CommonJS file) and the
// command line (dist/cli/som.mjs, the package's `som` bin: plain Node, no tsx at run time).
import { build as viteBuild } from 'vite';
import { build as esbuild } from 'esbuild';
import { chmodSync, existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { bundleEntries, bundleOptions, cliBundleOptions, knowledgeSha256 } from './bundle-options.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rendererOnly = process.argv.includes('--renderer-only');
const quiet = process.argv.includes('--quiet');

await viteBuild({ configFile: path.join(root, 'vite.config.ts'), logLevel: quiet ? 'error' : 'warn' });

if (!rendererOnly) {
  // The shipped knowledge.sqlite's checksum goes into main, which refuses to start on another file.
  const sha = knowledgeSha256(root);
  if (!sha) console.warn("build: knowledge.sqlite mangler (kør 'npm run build:knowledge'); main bygges uden kontrolsum");
  for (const { name, entry, out, importMetaShim } of bundleEntries) {
    if (!existsSync(path.join(root, entry))) {
      console.warn(`build: ${entry} findes ikke endnu; springer over`);
      continue;
    }
    await esbuild(bundleOptions(root, entry, out, { quiet, importMetaShim, knowledgeSha256: name === 'main' ? sha : null }));
  }
  rmSync(path.join(root, 'dist', 'cli'), { recursive: true, force: true });
  await esbuild(cliBundleOptions(root, { quiet }));
  chmodSync(path.join(root, 'dist', 'cli', 'som.mjs'), 0o755);
}
if (!quiet) console.log('build: ok');
