#!/usr/bin/env node
// npm run dist [-- --win|--linux|--mac …]: builds the app and packages it with electron-builder
// (electron-builder.yml). Needs the Electron binary (npm ci WITHOUT ELECTRON_SKIP_BINARY_DOWNLOAD)
// and network for electron-builder's downloads (Electron for other platforms, NSIS, AppImage tools).
// electron-builder rebuilds better-sqlite3 in node_modules for Electron (npmRebuild); the Node-ABI
// binary is saved first and restored afterwards so `npm test` keeps working.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronBinaryPath, projectRoot } from './electron-binary.mjs';

const FAIL_NO_ELECTRON =
  "Installationspakken kan ikke bygges: Electron-programmet er ikke installeret på denne maskine (ELECTRON_SKIP_BINARY_DOWNLOAD) – kør 'npm ci' uden ELECTRON_SKIP_BINARY_DOWNLOAD på en maskine med netværk (se docs/electron.md).";
const FAIL_BUILDER =
  'Installationspakken kunne ikke bygges: electron-builder fejlede (kræver netværk til Electron, NSIS og AppImage-værktøjer første gang); se fejlen ovenfor og docs/electron.md.';

const args = process.argv.slice(2);
const electronPath = electronBinaryPath();
if (!electronPath) {
  console.error(FAIL_NO_ELECTRON);
  process.exit(1);
}
if (!existsSync(path.join(projectRoot, 'knowledge.sqlite'))) {
  console.error("Installationspakken kan ikke bygges: knowledge.sqlite mangler i projektroden (kør 'npm run build:knowledge').");
  process.exit(1);
}

const build = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'build.mjs')], { cwd: projectRoot, stdio: 'inherit' });
if (build.status !== 0) {
  console.error('Installationspakken kan ikke bygges: byggeriet fejlede (node scripts/build.mjs).');
  process.exit(1);
}

// Keep the Node-ABI better-sqlite3 binary safe from electron-builder's in-place rebuild.
const nodeBinding = path.join(projectRoot, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
const backupDir = path.join(os.tmpdir(), `som-dist-${process.pid}`);
const backup = path.join(backupDir, 'better_sqlite3.node');
if (existsSync(nodeBinding)) {
  mkdirSync(backupDir, { recursive: true });
  copyFileSync(nodeBinding, backup);
}

// Same-platform builds use the installed Electron (no download of Electron itself).
const platformFlags = { win32: ['--win', '-w', '--windows'], linux: ['--linux', '-l'], darwin: ['--mac', '-m', '--macos'] };
const requested = Object.entries(platformFlags).filter(([, flags]) => args.some((a) => flags.includes(a))).map(([p]) => p);
const sameHost = requested.length === 0 || (requested.length === 1 && requested[0] === process.platform);
const electronDist = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(projectRoot, 'node_modules', 'electron', 'dist');
const extra = sameHost ? [`-c.electronDist=${electronDist}`] : [];

const env = { ...process.env };
for (const k of Object.keys(env)) if (/^npm_config_(nodedir|target|runtime|disturl|dist_url)$/i.test(k)) delete env[k];
const cli = path.join(projectRoot, 'node_modules', 'electron-builder', 'cli.js');
let status = 1;
try {
  const r = spawnSync(process.execPath, [cli, '--config', 'electron-builder.yml', '--publish', 'never', ...extra, ...args], {
    cwd: projectRoot,
    stdio: 'inherit',
    env,
  });
  status = r.status ?? 1;
} finally {
  if (existsSync(backup)) {
    copyFileSync(backup, nodeBinding);
    rmSync(backupDir, { recursive: true, force: true });
  }
}
if (status !== 0) {
  console.error(FAIL_BUILDER);
  process.exit(1);
}
console.log(`Installationspakker: ${path.join(projectRoot, 'release')}`);
