/**
 * The bundles scripts/build.mjs produces (same esbuild settings): main and preload must be loadable
 * CommonJS. The preload is run in a vm with only require('electron') available, as in Electron's
 * sandbox, and must expose exactly window.api (every channel) and window.hostEvents.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Message } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { channelNames } from '../../shared/ipc';
import { bundleEntries, bundleOptions, KNOWLEDGE_SHA256_DEFINE, knowledgeSha256 } from '../../scripts/bundle-options.mjs';
import { KNOWLEDGE_SHA256_DEFINE as READ_KEY } from './build-constants';

const root = path.resolve(import.meta.dirname, '..', '..');
let out: string;
const EMBEDDED = 'ab'.repeat(32);
const warnings: Record<string, Message[]> = {};

beforeAll(async () => {
  out = mkdtempSync(path.join(os.tmpdir(), 'som-bundle-'));
  // As scripts/build.mjs: only main gets the knowledge checksum (a fixed one here, so the test needs no build).
  for (const { name, entry, importMetaShim } of bundleEntries) {
    const sha = name === 'main' ? EMBEDDED : null;
    const r = await build({ ...bundleOptions(root, entry, path.join(out, `${name}.cjs`), { importMetaShim, knowledgeSha256: sha }), logLevel: 'silent' });
    warnings[name] = r.warnings;
  }
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

const requires = (code: string) => [...new Set([...code.matchAll(/\brequire\("([^"]+)"\)/g)].map((m) => m[1]!))].sort();

describe('main bundle', () => {
  it('has no empty import.meta (it would crash at start in CJS)', () => {
    expect(warnings.main!.filter((w) => w.id === 'empty-import-meta').map((w) => `${w.location?.file}:${w.location?.line}`)).toEqual([]);
  });
  it('requires only electron, the native/external packages and Node built-ins', () => {
    const allowed = new Set(['electron', 'better-sqlite3', 'exceljs', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    expect(requires(readFileSync(path.join(out, 'main.cjs'), 'utf8')).filter((r) => !allowed.has(r))).toEqual([]);
  });
  it('carries the knowledge checksum it was built with, under the key main reads', () => {
    expect(KNOWLEDGE_SHA256_DEFINE).toBe(READ_KEY);
    const code = readFileSync(path.join(out, 'main.cjs'), 'utf8');
    expect(code).toContain(JSON.stringify(EMBEDDED));
    expect(code).not.toContain(READ_KEY);
  });
  it('knowledgeSha256 is the SHA-256 of the project knowledge.sqlite', async () => {
    const { sha256File } = await import('../knowledge/integrity');
    const file = path.join(root, 'knowledge.sqlite');
    expect(knowledgeSha256(root)).toBe(await sha256File(file));
    expect(knowledgeSha256(path.join(root, 'no-such-dir'))).toBeNull();
  });
  it('does not contain the web host', () => {
    expect(readFileSync(path.join(out, 'main.cjs'), 'utf8')).not.toContain('x-som-token');
  });
});

describe('preload bundle in a simulated sandbox', () => {
  it("requires nothing but 'electron'", () => {
    expect(requires(readFileSync(path.join(out, 'preload.cjs'), 'utf8'))).toEqual(['electron']);
  });

  it('exposes window.api with every channel and window.hostEvents, nothing else', async () => {
    const exposed: Record<string, unknown> = {};
    const invoked: [string, unknown][] = [];
    const sent: unknown[] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, value: unknown) => void (exposed[key] = value) },
      ipcRenderer: {
        invoke: async (channel: string, args: unknown) => {
          invoked.push([channel, args]);
          return { ok: true, value: null };
        },
        on: () => {},
        removeListener: () => {},
        send: (...a: unknown[]) => void sent.push(a),
      },
    };
    const sandboxRequire = (id: string) => {
      if (id === 'electron') return electron;
      throw new Error(`module not found: ${id}`);
    };
    const code = readFileSync(path.join(out, 'preload.cjs'), 'utf8');
    const module = { exports: {} };
    vm.runInNewContext(`(function (require, module, exports) {${code}\n})`, { console })(sandboxRequire, module, module.exports);
    expect(Object.keys(exposed).sort()).toEqual(['api', 'hostEvents']);
    const api = exposed.api as Record<string, (a: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual([...channelNames].sort());
    await api['app.info']!({});
    expect(invoked).toEqual([['app.info', {}]]);
    (exposed.hostEvents as { on: (n: string, l: () => void) => void }).on('menu', () => {});
    expect(sent).toEqual([['host-event-ready', 'menu']]);
  });
});

describe('main bundle paths', () => {
  it('resolves the project root from inside dist/main (import.meta.url shim)', async () => {
    const { findProjectRoot } = await import('../paths');
    expect(findProjectRoot(path.join(root, 'dist', 'main'))).toBe(root);
    expect(readFileSync(path.join(out, 'main.cjs'), 'utf8')).toContain('__som_import_meta_url');
  });
});
