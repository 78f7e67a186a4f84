import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { atomicWriteFile } from './atomic';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'som-atomic-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('atomicWriteFile', () => {
  it('writes and replaces a file, leaving no temp file', () => {
    const f = path.join(dir, 'a.json');
    writeFileSync(f, 'old');
    atomicWriteFile(f, 'nyt indhold æøå');
    expect(readFileSync(f, 'utf8')).toBe('nyt indhold æøå');
    atomicWriteFile(f, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(f)]).toEqual([1, 2, 3]);
    expect(readdirSync(dir)).toEqual(['a.json']);
  });

  it('fails cleanly when the folder does not exist, keeping nothing behind', () => {
    expect(() => atomicWriteFile(path.join(dir, 'nope', 'a.json'), 'x')).toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps the old content when the target cannot be replaced', () => {
    // A non-empty directory cannot be replaced by rename: the old content must stay and no temp file remain.
    const target = path.join(dir, 'folder');
    mkdirSync(target);
    writeFileSync(path.join(target, 'keep.txt'), 'keep');
    expect(() => atomicWriteFile(target, 'x')).toThrow();
    expect(readFileSync(path.join(target, 'keep.txt'), 'utf8')).toBe('keep');
    expect(readdirSync(dir)).toEqual(['folder']);
  });
});
