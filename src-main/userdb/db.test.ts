import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrate, MIGRATIONS, openUserDb } from './db';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'som-user-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('user database', () => {
  it('migrates to the latest user_version and is idempotent', () => {
    const file = path.join(dir, 'som-user.sqlite');
    const u = openUserDb(file);
    expect(u.schemaVersion()).toBe(MIGRATIONS.length);
    u.setSetting('x', '1');
    u.close();
    const again = openUserDb(file);
    expect(again.schemaVersion()).toBe(MIGRATIONS.length);
    expect(again.getSetting('x')).toBe('1');
    expect(migrate(again.db)).toBe(MIGRATIONS.length);
    again.close();
  });

  it('upgrades a version-1 database without losing local prices', () => {
    const file = path.join(dir, 'old.sqlite');
    const raw = new Database(file);
    raw.exec(MIGRATIONS[0]);
    raw.pragma('user_version = 1');
    raw.prepare("INSERT INTO local_prices VALUES ('kontanthjaelp', '', 'kommune', 2000, 2020, '', '2020-01-01T00:00:00.000Z')").run();
    raw.close();
    const u = openUserDb(file);
    expect(u.schemaVersion()).toBe(MIGRATIONS.length);
    expect(u.localPrices()).toEqual([
      { dimensionId: 'kontanthjaelp', targetGroupId: null, kommune: 2000, region: null, stat: null, priceYear: 2020, note: '', updatedAt: '2020-01-01T00:00:00.000Z' },
    ]);
    expect(u.importedReleases()).toEqual([]);
    u.close();
  });

  it('refuses a database from a newer version with a Danish error', () => {
    const file = path.join(dir, 'new.sqlite');
    const raw = new Database(file);
    raw.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    raw.close();
    expect(() => openUserDb(file)).toThrow(/nyere version/);
  });

  it('sets, replaces and resets local prices per dimension and target group', () => {
    const u = openUserDb(path.join(dir, 'u.sqlite'));
    const at = new Date('2026-02-03T04:05:06.000Z');
    u.setLocalPrice({ dimensionId: 'kontanthjaelp', targetGroupId: null, kommune: 2300, region: null, stat: 600, priceYear: 2024, note: 'a' }, at);
    u.setLocalPrice({ dimensionId: 'kontanthjaelp', targetGroupId: 'hjemloese-18-65', kommune: 2400, region: 0, stat: null, priceYear: 2025, note: '' }, at);
    const replaced = u.setLocalPrice({ dimensionId: 'kontanthjaelp', targetGroupId: null, kommune: null, region: null, stat: 700, priceYear: 2024, note: 'b' }, at);
    expect(replaced).toEqual({ dimensionId: 'kontanthjaelp', targetGroupId: null, kommune: null, region: null, stat: 700, priceYear: 2024, note: 'b', updatedAt: at.toISOString() });
    expect(u.localPrices()).toHaveLength(2);
    expect(() => u.setLocalPrice({ dimensionId: 'x', targetGroupId: null, kommune: null, region: null, stat: null, priceYear: 2024, note: '' })).toThrow(/mindst én aktør/);
    expect(u.resetLocalPrice('kontanthjaelp', null)).toBe(true);
    expect(u.resetLocalPrice('kontanthjaelp', null)).toBe(false);
    expect(u.localPrices().map((p) => p.targetGroupId)).toEqual(['hjemloese-18-65']);
    u.close();
  });
});
