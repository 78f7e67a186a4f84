import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { dispatch } from '../dispatch';
import { handlers } from '../handlers';
import { createElectronDeps } from './deps-electron';
import { goldenPath } from '../../test-support/golden';

const projectRoot = path.resolve(import.meta.dirname, '..', '..');
const examplesDir = path.join(projectRoot, 'data', 'examples');
const golden = goldenPath('icm-hjemloese.som');

let dir: string;
let knowledgePath: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'som-edeps-'));
  knowledgePath = path.join(dir, 'knowledge.sqlite');
  const db = new Database(knowledgePath);
  db.exec("CREATE TABLE release (id TEXT, date TEXT, sha256 TEXT); INSERT INTO release VALUES ('2025.1', '2025-03-01', 'ff00');");
  db.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('createElectronDeps', () => {
  it('builds Deps for the electron host and creates the data folders', async () => {
    const userDataDir = path.join(dir, 'userData');
    const fileStoreDir = path.join(dir, 'Documents', 'SØM');
    const e = createElectronDeps({ appName: 'SØM Desktop', appVersion: '0.1.0', userDataDir, fileStoreDir, knowledgePath, examplesDir });
    try {
      expect(existsSync(userDataDir)).toBe(true);
      expect(existsSync(fileStoreDir)).toBe(true);
      expect(e.deps.host).toBe('electron');
      expect(e.deps.userDataDir).toBe(userDataDir);
      const r = await dispatch(handlers, e.deps, 'app.info', {});
      expect(r).toEqual({ ok: true, value: { name: 'SØM Desktop', version: '0.1.0', host: 'electron', knowledge: { release: '2025.1', date: '2025-03-01', sha256: 'ff00' } } });
    } finally {
      e.close();
    }
  });

  it('imports a .som from anywhere on disk into the store and returns its id', async () => {
    const fileStoreDir = path.join(dir, 'SØM');
    const e = createElectronDeps({ appName: 'SØM Desktop', appVersion: '0.1.0', userDataDir: path.join(dir, 'u'), fileStoreDir, knowledgePath, examplesDir });
    try {
      const r = await e.importSomFile(golden);
      expect(r.id).toMatch(/^[0-9a-f]{32}$/);
      expect(r.name).toMatch(/\S/);
      expect(readdirSync(fileStoreDir).filter((n) => n.endsWith('.som'))).toHaveLength(1);
      const bad = path.join(dir, 'ond.som');
      writeFileSync(bad, '{"format":"noget andet"}');
      await expect(e.importSomFile(bad)).rejects.toBeInstanceOf(AppError);
      expect(readdirSync(fileStoreDir).filter((n) => n.endsWith('.som'))).toHaveLength(1);
    } finally {
      e.close();
    }
  });

  it('fails with a Danish AppError when knowledge.sqlite is missing', () => {
    const run = () =>
      createElectronDeps({ appName: 'x', appVersion: '1', userDataDir: path.join(dir, 'u'), fileStoreDir: path.join(dir, 'f'), knowledgePath: path.join(dir, 'mangler.sqlite'), examplesDir });
    expect(run).toThrow(AppError);
    expect(run).toThrow(/Vidensdatabasen/);
  });
});
