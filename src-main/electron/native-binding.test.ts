import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { missingBindingMessage, nativeBindingPath, selectNativeBinding } from './native-binding';

describe('selectNativeBinding', () => {
  const root = path.resolve('/work/app');
  const expected = path.join(root, '.cache', 'electron-native', '140-win32-x64', 'better_sqlite3.node');
  const input = { appRoot: root, abi: '140', platform: 'win32', arch: 'x64' };

  it('uses the default lookup in a packaged app (electron-builder rebuilt it)', () => {
    expect(selectNativeBinding({ ...input, isPackaged: true, exists: () => false })).toEqual({ kind: 'default' });
  });
  it('uses the Electron-ABI copy in development', () => {
    expect(nativeBindingPath(root, '140', 'win32', 'x64')).toBe(expected);
    expect(selectNativeBinding({ ...input, isPackaged: false, exists: (p) => p === expected })).toEqual({ kind: 'path', path: expected });
  });
  it('reports a missing development binding with a Danish hint', () => {
    const r = selectNativeBinding({ ...input, isPackaged: false, exists: () => false });
    expect(r).toEqual({ kind: 'missing', expected });
    expect(missingBindingMessage(expected)).toContain('npm start');
  });
  it('never points into node_modules (that copy is built for Node)', () => {
    expect(expected).not.toContain('node_modules');
  });
});
