/**
 * electron-builder.yml, loaded and validated by electron-builder's own code (app-builder-lib's
 * getConfig + validateConfiguration, i.e. its scheme.json through ajv), plus the project's rules.
 */
import { describe, expect, it } from 'vitest';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import type { Configuration } from 'app-builder-lib';
import { DebugLogger } from 'builder-util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const configFile = path.join(root, 'electron-builder.yml');

async function load(dir: string, file: string): Promise<Configuration> {
  return getConfig(dir, file, null);
}

async function validate(config: Configuration): Promise<void> {
  await validateConfiguration(config, new DebugLogger(false));
}

/** electron-builder normalises `files` to FileSet objects ({ filter: [...] }); flatten to patterns. */
function patterns(x: unknown): string[] {
  if (x == null) return [];
  if (typeof x === 'string') return [x];
  if (Array.isArray(x)) return x.flatMap(patterns);
  const filter = (x as { filter?: unknown }).filter;
  return patterns(filter);
}

function brokenCopy(edit: (yml: string) => string): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'som-eb-'));
  copyFileSync(path.join(root, 'package.json'), path.join(dir, 'package.json'));
  const original = readFileSync(configFile, 'utf8');
  const changed = edit(original);
  expect(changed).not.toBe(original);
  const file = path.join(dir, 'electron-builder.yml');
  writeFileSync(file, changed);
  return { dir, file };
}

describe('electron-builder.yml', () => {
  it('passes electron-builder schema validation', async () => {
    const config = await load(root, configFile);
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it('has the project settings: id, name, no publish, fuses, native unpack, files', async () => {
    const c = await load(root, configFile);
    expect(c.appId).toBe('dk.som.desktop');
    expect(c.productName).toBe('SØM Desktop');
    expect(c.publish).toBeNull();
    expect(c.npmRebuild).toBe(true);
    expect(c.asarUnpack).toContain('**/*.node');
    expect(c.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
    const files = patterns(c.files);
    expect(files).toEqual(expect.arrayContaining(['dist/main/**', 'dist/renderer/**', 'package.json']));
    expect(files.some((f) => /^(src|src-main|src-renderer|shared)\b/.test(f))).toBe(false);
    expect(JSON.stringify(c.extraResources)).toContain('knowledge.sqlite');
    const assoc = (c.fileAssociations as { ext: string; description: string; name: string }[])[0];
    expect(assoc).toMatchObject({ ext: 'som', description: 'SØM-beregning', name: 'SØM-beregning' });
    expect((c.fileAssociations as { ext: string; name: string }[])[1]).toMatchObject({ ext: 'somp', name: 'SØM-sammenligning' });
    expect(c.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true, installerLanguages: ['da_DK'] });
    const winTargets = ((c.win as { target: { target: string }[] }).target).map((t) => t.target);
    expect(winTargets).toEqual(expect.arrayContaining(['nsis', 'portable', 'zip']));
    const linuxTargets = ((c.linux as { target: { target: string }[] }).target).map((t) => t.target);
    expect(linuxTargets).toEqual(expect.arrayContaining(['AppImage', 'deb']));
  });

  it('referenced build resources exist (icons)', () => {
    for (const f of ['icon.ico', 'icon.png', 'som-file.ico', 'icons/512x512.png', 'icons/256x256.png']) {
      expect(() => readFileSync(path.join(root, 'build', f)), f).not.toThrow();
    }
  });

  it('rejects a broken copy: unknown nsis option', async () => {
    const { dir, file } = brokenCopy((y) => y.replace('  oneClick: false', '  oneClik: false'));
    const config = await load(dir, file);
    await expect(validate(config)).rejects.toThrow(/configuration\.nsis/);
  });

  it('rejects a broken copy: misspelled fuse', async () => {
    const { dir, file } = brokenCopy((y) => y.replace('  runAsNode: false', '  runAsNod: false'));
    const config = await load(dir, file);
    await expect(validate(config)).rejects.toThrow(/configuration\.electronFuses/);
  });

  it('rejects a broken copy: wrong type', async () => {
    const { dir, file } = brokenCopy((y) => y.replace('asarUnpack:\n  - "**/*.node"', 'asarUnpack:\n  nested: { a: 1 }'));
    const config = await load(dir, file);
    await expect(validate(config)).rejects.toThrow(/asarUnpack/);
  });
});
