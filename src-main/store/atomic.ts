/**
 * Atomic file replacement for the store: temp file in the same folder → write → fsync → rename
 * over the target → fsync the folder (best effort; not possible on Windows). A crash at any point
 * leaves either the old or the new content under the target name, never a mix or nothing.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export const TMP_SUFFIX = '.tmp';

/** Writes `data` to a fresh temp file beside `target` and returns its path (fsynced, not yet renamed). */
export function writeTempBeside(target: string, data: string | Uint8Array): string {
  const dir = path.dirname(target);
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}${TMP_SUFFIX}`);
  const fd = openSync(tmp, 'wx', 0o644);
  try {
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } catch (e) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw e;
  } 
  closeSync(fd);
  return tmp;
}

export function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Directories cannot be opened/fsynced on Windows; the rename is still atomic there.
  }
}

/** Renames `tmp` over `target` and fsyncs the folder; removes `tmp` on failure. */
export function commitTemp(tmp: string, target: string): void {
  try {
    renameSync(tmp, target);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  fsyncDir(path.dirname(target));
}

export function atomicWriteFile(target: string, data: string | Uint8Array): void {
  commitTemp(writeTempBeside(target, data), target);
}
