/**
 * The pieces of the file store that its parts share: folder names, id patterns, the id of a file
 * name, and capped reads of untrusted files.
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import { MAX_SOM_BYTES, somTooBigError } from '../../shared/som/io';

export const BACKUP_DIR = '.backups';
export const SETTINGS_FILE = 'settings.json';
export const RECOVERY_DIR = 'recovery';
export const TRASH_DIR = 'trash';

export const ID_RE = /^[0-9a-f]{32}$/;
export const TRASH_ID_RE = /^[0-9a-f]{24}$/;
export const RECOVERY_KEY_RE = /^[a-z0-9-]{8,64}$/;
export const EXAMPLE_ID_RE = /^[a-z0-9-]{1,64}$/;


/** Id of a file name in the store: hex of SHA-256, 32 characters. */
export function fileId(fileName: string): string {
  return createHash('sha256').update(`som-file\u0000${fileName.normalize('NFC')}`).digest('hex').slice(0, 32);
}

/** The whole file, refused before reading when larger than `max` (`tooBig` is the refusal). */
export function readCapped(file: string, max = MAX_SOM_BYTES, tooBig: () => Error = somTooBigError): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > max) throw tooBig();
    return readFrom(fd, size);
  } finally {
    closeSync(fd);
  }
}

/** At most the first `bytes` bytes of a file. */
export function readPrefix(file: string, bytes: number): Uint8Array {
  const fd = openSync(file, 'r');
  try {
    return readFrom(fd, Math.min(bytes, fstatSync(fd).size));
  } finally {
    closeSync(fd);
  }
}

function readFrom(fd: number, size: number): Uint8Array {
  const buf = Buffer.alloc(size);
  let off = 0;
  while (off < size) {
    const n = readSync(fd, buf, off, size - off, off);
    if (n === 0) break;
    off += n;
  }
  return buf.subarray(0, off);
}

export function readJson(file: string, maxBytes = 1024 * 1024): unknown {
  try {
    if (statSync(file).size > maxBytes) return null;
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return null;
  }
}

/** Where the previous version of a saved file is kept. */
export function backupPath(dir: string, fileName: string): string {
  return path.join(dir, BACKUP_DIR, `${fileName}.bak`);
}
