/**
 * Launching the real Electron app with Playwright's _electron (tier 4). Every spec here skips
 * with a reason when the Electron binary is missing (ELECTRON_SKIP_BINARY_DOWNLOAD installs).
 */
import { _electron, type ElectronApplication, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { electronAvailable, electronBinaryPath, projectRoot } from '../../scripts/electron-binary.mjs';
import { goldenPath } from '../../test-support/golden';

export { electronAvailable, projectRoot };

export const SKIP_REASON = 'Electron-binæren mangler på denne maskine (ELECTRON_SKIP_BINARY_DOWNLOAD)';

/** The golden fixture ../shared/fixtures/golden/icm-hjemloese.som. */
export const goldenSom = goldenPath('icm-hjemloese.som');

let prepared = false;

/** Builds dist/ and the Electron-ABI better-sqlite3 once per worker. */
export async function prepareElectron(): Promise<void> {
  if (prepared) return;
  const r = spawnSync(process.execPath, [path.join(projectRoot, 'scripts', 'build.mjs'), '--quiet'], { cwd: projectRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('node scripts/build.mjs fejlede');
  const { ensureElectronNativeBinding } = await import('../../scripts/electron-native.mjs');
  await ensureElectronNativeBinding(electronBinaryPath()!, { log: () => {} });
  prepared = true;
}

/** The shipped knowledge.sqlite if built, else a minimal one (release table only) in a temp folder. */
function knowledgePath(): string {
  const shipped = path.join(projectRoot, 'knowledge.sqlite');
  if (existsSync(shipped)) return shipped;
  const p = path.join(mkdtempSync(path.join(os.tmpdir(), 'som-e2e-kn-')), 'knowledge.sqlite');
  const db = new Database(p);
  db.exec("CREATE TABLE release (id TEXT, date TEXT, sha256 TEXT); INSERT INTO release VALUES ('test', '2025-01-01', '00');");
  db.close();
  return p;
}

export interface LaunchedApp {
  app: ElectronApplication;
  page: Page;
  env: NodeJS.ProcessEnv;
  userDataDir: string;
  /** The file store is <documentsDir>/SØM. */
  documentsDir: string;
}

export function appEnv(userDataDir: string, documentsDir: string, knowledge: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, SOM_USER_DATA_DIR: userDataDir, SOM_DOCUMENTS_DIR: documentsDir, SOM_KNOWLEDGE_PATH: knowledge };
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

/**
 * Chromium refuses to run as root with its OS sandbox; containers/CI often run as root. The
 * renderer's sandbox: true (Electron's JS-level sandbox) stays in force either way.
 */
export function chromiumArgs(): string[] {
  return typeof process.getuid === 'function' && process.getuid() === 0 ? ['--no-sandbox'] : [];
}

export async function launchApp(extraArgs: string[] = []): Promise<LaunchedApp> {
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'som-e2e-el-data-'));
  const documentsDir = mkdtempSync(path.join(os.tmpdir(), 'som-e2e-el-docs-'));
  const env = appEnv(userDataDir, documentsDir, knowledgePath());
  const app = await _electron.launch({
    executablePath: electronBinaryPath()!,
    args: [...chromiumArgs(), projectRoot, ...extraArgs],
    cwd: projectRoot,
    env: env as Record<string, string>,
  });
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  return { app, page, env, userDataDir, documentsDir };
}
