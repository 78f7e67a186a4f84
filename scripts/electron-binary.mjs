// Locates the Electron binary WITHOUT require('electron'): that module tries to download the binary
// when it is missing (ELECTRON_SKIP_BINARY_DOWNLOAD installs), and this machine has no network.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const MISSING_ELECTRON_MESSAGE =
  "Electron-programmet er ikke installeret på denne maskine (ELECTRON_SKIP_BINARY_DOWNLOAD); kør 'npm run web' for at bruge SØM Desktop i browseren.";

/** Absolute path of the Electron executable, or null when it is not installed. */
export function electronBinaryPath(root = projectRoot) {
  const pkgDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkgDir, 'path.txt');
  let rel = null;
  if (existsSync(pathFile)) rel = readFileSync(pathFile, 'utf8').trim();
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const p = path.join(override, rel || (process.platform === 'win32' ? 'electron.exe' : 'electron'));
    return existsSync(p) ? p : null;
  }
  if (!rel) return null;
  const full = path.join(pkgDir, 'dist', rel);
  return existsSync(full) ? full : null;
}

export function electronAvailable(root = projectRoot) {
  return electronBinaryPath(root) !== null;
}

export function electronVersion(root = projectRoot) {
  return JSON.parse(readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
}
