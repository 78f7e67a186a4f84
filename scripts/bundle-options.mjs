// esbuild settings of the Electron main process and preload bundles: one place, used by
// scripts/build.mjs and by the bundle tests (src-main/electron/bundle.test.ts).
import path from 'node:path';

export const bundleExternals = ['electron', 'better-sqlite3', 'exceljs', 'playwright-core', '@playwright/test'];

export const bundleEntries = [
  // main runs as CommonJS in Node: `import.meta.url` is mapped to the bundle's own URL.
  { name: 'main', entry: 'src-main/electron/main.ts', out: 'dist/main/main.cjs', importMetaShim: true },
  // The sandboxed preload may require nothing but 'electron': no shim.
  { name: 'preload', entry: 'src-main/electron/preload.ts', out: 'dist/main/preload.cjs', importMetaShim: false },
];

/** esbuild options for one entry; with importMetaShim, `import.meta.url` maps to the bundle file's URL. */
export function bundleOptions(root, entry, outfile, { quiet = true, importMetaShim = false } = {}) {
  const shim = importMetaShim
    ? {
        define: { 'import.meta.url': '__som_import_meta_url', 'import.meta.dirname': '__dirname' },
        banner: { js: 'const __som_import_meta_url = require("node:url").pathToFileURL(__filename).href;' },
      }
    : {};
  return {
    ...shim,
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
