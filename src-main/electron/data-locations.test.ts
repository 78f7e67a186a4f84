import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { resolveDataLocations } from './data-locations';

const base = {
  userData: path.resolve('/users/anna/AppData/Roaming/SØM Desktop'),
  documents: path.resolve('/users/anna/Documents'),
  exeDir: path.resolve('/programs/SØM Desktop'),
};

describe('resolveDataLocations', () => {
  it('uses userData and Documents/SØM by default; nothing beside the executable', () => {
    const r = resolveDataLocations({ ...base, isPackaged: true, isDirectory: () => false });
    expect(r).toEqual({ userDataDir: base.userData, fileStoreDir: path.join(base.documents, 'SØM'), portable: false });
    expect(r.userDataDir.startsWith(base.exeDir)).toBe(false);
    expect(r.fileStoreDir.startsWith(base.exeDir)).toBe(false);
  });

  it('uses portable-data beside the executable only when the user created it (packaged)', () => {
    const portableRoot = path.join(base.exeDir, 'portable-data');
    const r = resolveDataLocations({ ...base, isPackaged: true, isDirectory: (p) => p === portableRoot });
    expect(r).toEqual({ userDataDir: path.join(portableRoot, 'userData'), fileStoreDir: path.join(portableRoot, 'SØM'), portable: true });
  });

  it('never goes portable in development (the exe is node_modules/electron)', () => {
    const r = resolveDataLocations({ ...base, isPackaged: false, isDirectory: () => true });
    expect(r.portable).toBe(false);
  });
});
