import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { aliasModule, type RequireLike } from './native-binding';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'som-alias-'));
  mkdirSync(path.join(dir, 'node_modules', 'fake', 'build', 'Release'), { recursive: true });
  writeFileSync(path.join(dir, 'node_modules', 'fake', 'package.json'), '{"name":"fake","version":"1.0.0"}');
  writeFileSync(path.join(dir, 'node_modules', 'fake', 'build', 'Release', 'addon.js'), "module.exports = { abi: 'node' };");
  writeFileSync(path.join(dir, 'electron-addon.js'), "module.exports = { abi: 'electron' };");
  writeFileSync(path.join(dir, 'node_modules', 'fake', 'index.js'), "module.exports = () => require(require('path').join(__dirname, 'build', 'Release', 'addon.js'));");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('aliasModule', () => {
  it('makes a module’s own lazy require of its addon load the replacement', () => {
    const req = createRequire(path.join(dir, 'main.cjs')) as unknown as RequireLike;
    const load = req('fake') as () => { abi: string };
    aliasModule(req, 'fake/build/Release/addon.js', path.join(dir, 'electron-addon.js'));
    expect(load()).toEqual({ abi: 'electron' });
  });

  it('throws a clear error when the replacement is missing', () => {
    const req = createRequire(path.join(dir, 'main.cjs')) as unknown as RequireLike;
    expect(() => aliasModule(req, 'fake/build/Release/addon.js', path.join(dir, 'mangler.js'))).toThrow();
  });
});
