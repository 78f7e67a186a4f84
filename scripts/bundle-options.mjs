// esbuild settings of the Electron main process and preload bundles: one place, used by
// scripts/build.mjs and by the bundle tests (src-main/electron/bundle.test.ts).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const bundleExternals = ['electron', 'better-sqlite3', 'exceljs', 'playwright-core', '@playwright/test'];

export const bundleEntries = [
  // main runs as CommonJS in Node: `import.meta.url` is mapped to the bundle's own URL.
  { name: 'main', entry: 'src-main/electron/main.ts', out: 'dist/main/main.cjs', importMetaShim: true },
  // The knowledge import worker (node:worker_threads), started by main next to main.cjs.
  { name: 'knowledge-worker', entry: 'src-main/knowledge/workbook-import/worker.ts', out: 'dist/main/knowledge-worker.cjs', importMetaShim: true },
  // The sandboxed preload may require nothing but 'electron': no shim.
  { name: 'preload', entry: 'src-main/electron/preload.ts', out: 'dist/main/preload.cjs', importMetaShim: false },
  // The knowledge query worker thread, started by main from beside main.cjs.
  { name: 'knowledge-query-worker', entry: 'src-main/knowledge/query-worker.ts', out: 'dist/main/knowledge-query-worker.cjs', importMetaShim: true },
];

/** The define key main reads (src-main/electron/build-constants.ts). */
export const KNOWLEDGE_SHA256_DEFINE = '__SOM_KNOWLEDGE_SHA256__';

/** SHA-256 (hex) of root/knowledge.sqlite, or null when it has not been built. */
export function knowledgeSha256(root) {
  const file = path.join(root, 'knowledge.sqlite');
  return existsSync(file) ? createHash('sha256').update(readFileSync(file)).digest('hex') : null;
}

/**
 * esbuild options for one entry; with importMetaShim, `import.meta.url` maps to the bundle file's URL;
 * with knowledgeSha256, main gets the shipped database's checksum built in (checked at start).
 */
export function bundleOptions(root, entry, outfile, { quiet = true, importMetaShim = false, knowledgeSha256: sha = null } = {}) {
  const define = {
    ...(importMetaShim ? { 'import.meta.url': '__som_import_meta_url', 'import.meta.dirname': '__dirname' } : {}),
    ...(sha ? { [KNOWLEDGE_SHA256_DEFINE]: JSON.stringify(sha) } : {}),
  };
  const shim = importMetaShim
    ? { banner: { js: 'const __som_import_meta_url = require("node:url").pathToFileURL(__filename).href;' } }
    : {};
  return {
    ...shim,
    define,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    sourcemap: false,
    external: bundleExternals,
    logLevel: quiet ? 'error' : 'warning',
    absWorkingDir: root,
    entryPoints: [entry],
    outfile: path.isAbsolute(outfile) ? outfile : path.join(root, outfile),
  };
}

/**
 * The command line as plain ES modules for Node (dist/cli/som.mjs): split so `som --version` loads
 * only the entry; `calc` and `report` load their chunks when used. Packages stay in node_modules.
 */
export function cliBundleOptions(root, { quiet = true } = {}) {
  return {
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: false,
    external: bundleExternals,
    logLevel: quiet ? 'error' : 'warning',
    absWorkingDir: root,
    entryPoints: { som: 'src-main/cli/som.ts' },
    outdir: path.join(root, 'dist', 'cli'),
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    banner: { js: "#!/usr/bin/env node\nimport { createRequire as __somCreateRequire } from 'node:module'; const require = __somCreateRequire(import.meta.url);" },
  };
}
