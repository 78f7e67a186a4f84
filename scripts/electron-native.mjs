// Builds better-sqlite3 for Electron's ABI on a COPY of the module (node_modules stays Node-ABI,
// so vitest and the web host keep working) into .cache/electron-native/<abi>-<platform>-<arch>/.
// Runs only where the Electron binary exists (scripts/start.mjs, e2e/electron). Main passes the
// result to better-sqlite3 as `nativeBinding` (src-main/electron/native-binding.ts).
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { electronVersion, projectRoot } from './electron-binary.mjs';

const CACHE = path.join('.cache', 'electron-native');

/** Environment for Electron's node mode, without npm's nodedir/target settings. */
function cleanEnv(extra = {}) {
  const env = { ...process.env, ...extra };
  for (const k of Object.keys(env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch|target_arch)$/i.test(k)) delete env[k];
  }
  return env;
}

/** Electron's NODE_MODULE_VERSION, asked from the binary itself. */
export function electronAbi(electronPath) {
  const r = spawnSync(electronPath, ['-p', 'process.versions.modules'], {
    env: cleanEnv({ ELECTRON_RUN_AS_NODE: '1' }),
    encoding: 'utf8',
  });
  const abi = (r.stdout || '').trim();
  if (r.status !== 0 || !/^\d+$/.test(abi)) throw new Error(`Kunne ikke læse Electrons ABI-version (${(r.stderr || '').trim().slice(0, 200)})`);
  return abi;
}

function loadsInElectron(electronPath, bindingPath) {
  const r = spawnSync(electronPath, ['-e', `require(${JSON.stringify(bindingPath)})`], {
    env: cleanEnv({ ELECTRON_RUN_AS_NODE: '1' }),
    encoding: 'utf8',
  });
  return r.status === 0;
}

export function nativeBindingTarget(root, abi) {
  return path.join(root, CACHE, `${abi}-${process.platform}-${process.arch}`, 'better_sqlite3.node');
}

/** Returns the path of an Electron-ABI better_sqlite3.node, building it if needed. */
export async function ensureElectronNativeBinding(electronPath, { root = projectRoot, log = console.log } = {}) {
  const abi = electronAbi(electronPath);
  const target = nativeBindingTarget(root, abi);
  if (existsSync(target) && loadsInElectron(electronPath, target)) return target;

  const version = electronVersion(root);
  const work = path.join(root, CACHE, `build-${abi}-${process.platform}-${process.arch}`);
  const src = path.join(root, 'node_modules', 'better-sqlite3');
  const sqliteVersion = JSON.parse(readFileSync(path.join(src, 'package.json'), 'utf8')).version;
  log(`Bygger better-sqlite3 ${sqliteVersion} til Electron ${version} (ABI ${abi}) i ${path.relative(root, work)} …`);
  rmSync(work, { recursive: true, force: true });
  mkdirSync(path.join(work, 'node_modules'), { recursive: true });
  cpSync(src, path.join(work, 'node_modules', 'better-sqlite3'), {
    recursive: true,
    // Skip the Node-ABI build output; everything else (src, deps, binding.gyp) is needed to compile.
    filter: (p) => {
      const rel = path.relative(src, p);
      return rel !== 'build' && !rel.startsWith(`build${path.sep}`);
    },
  });
  for (const dep of ['bindings', 'file-uri-to-path', 'prebuild-install']) {
    const d = path.join(root, 'node_modules', dep);
    if (existsSync(d)) cpSync(d, path.join(work, 'node_modules', dep), { recursive: true });
  }
  writeFileSync(
    path.join(work, 'package.json'),
    JSON.stringify({ name: 'som-electron-native', version: '0.0.0', private: true, dependencies: { 'better-sqlite3': sqliteVersion } }, null, 2),
  );

  // npm exports ~/.npmrc settings as npm_config_*; a nodedir there would build against Node's headers.
  const saved = { ...process.env };
  for (const k of Object.keys(process.env)) {
    if (/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(k)) delete process.env[k];
  }
  try {
    const { rebuild } = await import('@electron/rebuild');
    await rebuild({ buildPath: work, electronVersion: version, arch: process.arch, onlyModules: ['better-sqlite3'], force: true, mode: 'sequential' });
  } finally {
    for (const [k, v] of Object.entries(saved)) process.env[k] = v;
  }

  const built = path.join(work, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(built)) throw new Error(`Byggeriet gav ingen ${built}`);
  mkdirSync(path.dirname(target), { recursive: true });
  copyFileSync(built, target);
  if (!loadsInElectron(electronPath, target)) throw new Error(`Det byggede modul kan ikke indlæses i Electron: ${target}`);
  rmSync(work, { recursive: true, force: true });
  log(`better-sqlite3 til Electron: ${path.relative(root, target)}`);
  return target;
}
