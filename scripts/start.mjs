#!/usr/bin/env node
// npm start: checks the Electron binary, builds (scripts/build.mjs), ensures better-sqlite3 for
// Electron's ABI (.cache/electron-native), then starts Electron on the project.
// The electron package has no install step of its own: when the binary is missing, the first start
// fetches it with the package's install.js, unless ELECTRON_SKIP_BINARY_DOWNLOAD is set (offline).
// Without the binary: one clear sentence and exit code 1.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { electronBinaryPath, MISSING_ELECTRON_MESSAGE, projectRoot } from './electron-binary.mjs';

const skipDownload = ['1', 'true'].includes(String(process.env.ELECTRON_SKIP_BINARY_DOWNLOAD ?? '').toLowerCase());
let electronPath = electronBinaryPath();
if (!electronPath && !skipDownload) {
  // Its error output (a stack trace when there is no network) is replaced by the one sentence below.
  spawnSync(process.execPath, [path.join(projectRoot, 'node_modules', 'electron', 'install.js')], {
    cwd: projectRoot,
    stdio: ['ignore', 'ignore', 'pipe'],
    timeout: 10 * 60_000,
  });
  electronPath = electronBinaryPath();
}
if (!electronPath) {
  console.error(MISSING_ELECTRON_MESSAGE);
  process.exit(1);
}

try {
  const build = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'build.mjs')], { cwd: projectRoot, stdio: 'inherit' });
  if (build.status !== 0) {
    console.error('Byggeriet fejlede (node scripts/build.mjs); se fejlen ovenfor.');
    process.exit(1);
  }
  const { ensureElectronNativeBinding } = await import('./electron-native.mjs');
  await ensureElectronNativeBinding(electronPath);
} catch (e) {
  console.error(`SØM Desktop kunne ikke forberedes: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}

const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const child = spawn(electronPath, [projectRoot, ...process.argv.slice(2)], { cwd: projectRoot, stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
