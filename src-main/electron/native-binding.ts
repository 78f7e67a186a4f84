/**
 * better-sqlite3 under Electron. The copy in node_modules is compiled for Node (tests, web host);
 * Electron needs an Electron-ABI build. In development `npm start` (scripts/start.mjs) builds one on
 * a COPY of the module into .cache/electron-native/<abi>-<platform>-<arch>/better_sqlite3.node and main
 * passes it as better-sqlite3's `nativeBinding` option. Packaged apps use electron-builder's own
 * rebuild (npmRebuild: true, asarUnpack *.node) and the default binding lookup (undefined here).
 */
import path from 'node:path';

export const NATIVE_CACHE_DIR = path.join('.cache', 'electron-native');

export interface NativeBindingInput {
  isPackaged: boolean;
  /** app.getAppPath(): the project root in development. */
  appRoot: string;
  /** process.versions.modules (the Electron ABI). */
  abi: string;
  platform: string;
  arch: string;
  exists: (p: string) => boolean;
}

export type NativeBindingChoice = { kind: 'default' } | { kind: 'path'; path: string } | { kind: 'missing'; expected: string };

export function nativeBindingPath(appRoot: string, abi: string, platform: string, arch: string): string {
  return path.join(appRoot, NATIVE_CACHE_DIR, `${abi}-${platform}-${arch}`, 'better_sqlite3.node');
}

export function selectNativeBinding(input: NativeBindingInput): NativeBindingChoice {
  if (input.isPackaged) return { kind: 'default' };
  const p = nativeBindingPath(input.appRoot, input.abi, input.platform, input.arch);
  return input.exists(p) ? { kind: 'path', path: p } : { kind: 'missing', expected: p };
}

/** Danish message when the development binding is missing. */
export function missingBindingMessage(expected: string): string {
  return `Databasemodulet (better-sqlite3) er ikke bygget til Electron. Start programmet med 'npm start', som bygger det (${expected}).`;
}

/** The subset of a CommonJS `require` used below (createRequire(__filename) in main). */
export interface RequireLike {
  (id: string): unknown;
  resolve(id: string): string;
  cache: Record<string, unknown>;
}

/**
 * Makes `require(original)` return the already-loaded module `replacement`, by registering the
 * replacement's module record under the original's resolved file name in the require cache.
 */
export function aliasModule(req: RequireLike, original: string, replacement: string): void {
  req(replacement);
  const loaded = req.cache[req.resolve(replacement)];
  if (loaded === undefined) throw new Error(`Modulet kunne ikke indlæses: ${replacement}`);
  req.cache[req.resolve(original)] = loaded;
}

/**
 * Development only: better-sqlite3 loads its addon lazily with require('bindings')('better_sqlite3.node'),
 * which resolves to node_modules/better-sqlite3/build/Release/better_sqlite3.node (the Node-ABI build).
 * Aliasing that file to the Electron-ABI build makes EVERY `new Database(...)` in main (knowledge db,
 * user db, knowledge import) use it, without a nativeBinding parameter in each factory; node_modules
 * itself is never modified, so vitest and the web host keep the Node build.
 */
export function useElectronSqliteBinding(req: RequireLike, bindingPath: string): void {
  aliasModule(req, 'better-sqlite3/build/Release/better_sqlite3.node', bindingPath);
}
