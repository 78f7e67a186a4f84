/**
 * Safe writes to a folder that other programs (another SØM Desktop on another PC, over a network
 * drive) write to at the same time. Nothing here assumes that a rename is atomic against another
 * client; it relies only on an exclusive create (O_EXCL, 'wx'), which SMB and NFS both honour:
 *
 * - A new file name is *taken* by creating it exclusively (an empty placeholder); when the name
 *   exists, the next one is tried ("Navn (2).som", …). The content is then written to a temp file
 *   and renamed over our own placeholder, which no other writer touches.
 * - Overwriting an existing file happens under a lock file `.<name>.lock` (created exclusively,
 *   holding owner and time). While holding it, the file's stamp (size, time, SHA-256) is compared
 *   with the one the user's copy was based on: a changed file is never overwritten silently.
 *   A lock is stale when its owner is a dead process on this computer, or after LOCK_STALE_MS.
 *
 * Crash leftovers (temp files, empty placeholders, stale locks) are cleaned by cleanLeftovers.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { SOM_EXT, safeBaseName } from '../../shared/store/filenames';
import type { FileStamp } from '../../shared/store/types';
import { commitTemp, writeTempBeside, TMP_SUFFIX } from './atomic';
import { readCapped } from './files';

/** A lock older than this is taken over (a save holds it for milliseconds). */
export const LOCK_STALE_MS = 30_000;
/** How long a save waits for another writer's lock before giving up with a message. */
export const LOCK_WAIT_MS = 3_000;
/** Temp files and empty placeholders older than this are crash leftovers. */
export const LEFTOVER_AGE_MS = 10 * 60_000;
/** How many names ("X (2)", "X (3)", …) a new file may try. */
const MAX_NAME_TRIES = 10_000;

export const LOCK_SUFFIX = '.lock';

/** Size, modification time and SHA-256 of a file's bytes. */
export function stampOf(file: string): FileStamp {
  const bytes = readCapped(file);
  const st = statSync(file);
  return { size: bytes.byteLength, mtimeMs: st.mtimeMs, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** The stamp of bytes just written to `file`. */
export function stampOfWritten(file: string, text: string): FileStamp {
  const bytes = Buffer.from(text, 'utf8');
  return { size: bytes.byteLength, mtimeMs: statSync(file).mtimeMs, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Changed = other bytes. A new time alone (a copy, a sync client touching it) is not a change. */
export function stampChanged(base: FileStamp, now: FileStamp): boolean {
  return base.size !== now.size || base.sha256 !== now.sha256;
}

function candidates(text: string): string[] {
  const base = safeBaseName(text);
  const out = [base + SOM_EXT];
  for (let i = 2; i <= MAX_NAME_TRIES; i++) out.push(`${base} (${i})${SOM_EXT}`);
  return out;
}

/**
 * Takes a free name for `text` in dir by exclusive create and writes `data` under it (temp file,
 * renamed over the placeholder). `avoid` are names to skip without trying (case-insensitively,
 * e.g. the current listing, so names differing only in case are not made on case-sensitive disks).
 */
export function writeNewFile(dir: string, text: string, data: string, avoid: Iterable<string> = []): string {
  const skip = new Set([...avoid].map((n) => n.toLowerCase()));
  for (const name of candidates(text)) {
    if (skip.has(name.toLowerCase())) continue;
    const target = path.join(dir, name);
    let fd: number;
    try {
      fd = openSync(target, 'wx', 0o644);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw e;
    }
    closeSync(fd);
    try {
      commitTemp(writeTempBeside(target, data), target);
    } catch (e) {
      rmSync(target, { force: true });
      throw e;
    }
    return name;
  }
  throw new AppError('conflict', `Der findes allerede for mange beregninger med navnet «${safeBaseName(text)}». Giv beregningen et andet navn.`);
}

/** Takes `name` exclusively (an empty placeholder) so that a rename onto it cannot replace another writer's file. */
export function reserveName(dir: string, text: string, avoid: Iterable<string> = []): string {
  const skip = new Set([...avoid].map((n) => n.toLowerCase()));
  for (const name of candidates(text)) {
    if (skip.has(name.toLowerCase())) continue;
    try {
      closeSync(openSync(path.join(dir, name), 'wx', 0o644));
      return name;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw e;
    }
  }
  throw new AppError('conflict', `Der findes allerede for mange beregninger med navnet «${safeBaseName(text)}». Giv beregningen et andet navn.`);
}

interface LockInfo {
  owner: string;
  host: string;
  pid: number;
  at: string;
}

function lockPath(dir: string, fileName: string): string {
  return path.join(dir, `.${fileName}${LOCK_SUFFIX}`);
}

function readLock(file: string): LockInfo | null {
  try {
    const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockInfo>;
    if (typeof raw.owner !== 'string' || typeof raw.host !== 'string' || typeof raw.pid !== 'number' || typeof raw.at !== 'string') return null;
    return raw as LockInfo;
  } catch {
    return null;
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether a lock may be taken over: its owner died on this computer, or it is older than LOCK_STALE_MS. */
export function lockIsStale(file: string, nowMs = Date.now()): boolean {
  const info = readLock(file);
  let age: number;
  try {
    age = nowMs - (info ? Date.parse(info.at) : statSync(file).mtimeMs);
  } catch {
    return true;
  }
  if (!Number.isFinite(age) || age > LOCK_STALE_MS) return true;
  return info !== null && info.host === os.hostname() && !processAlive(info.pid);
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function who(): string {
  try {
    return `${os.userInfo().username} på ${os.hostname()}`;
  } catch {
    return os.hostname();
  }
}

/**
 * Runs fn while holding the lock of dir/fileName. Waits up to LOCK_WAIT_MS for another writer,
 * takes over a stale lock, and always removes its own lock afterwards.
 */
export function withFileLock<T>(dir: string, fileName: string, fn: () => T, nowMs: () => number = Date.now): T {
  const file = lockPath(dir, fileName);
  const info: LockInfo = { owner: who(), host: os.hostname(), pid: process.pid, at: new Date(nowMs()).toISOString() };
  const deadline = nowMs() + LOCK_WAIT_MS;
  let fd: number | null = null;
  for (let attempt = 0; fd === null; attempt++) {
    try {
      fd = openSync(file, 'wx', 0o644);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // Read-only folder, full disk …: the caller names what failed (withFsMessages).
      if (code !== 'EEXIST') throw e;
      if (lockIsStale(file, nowMs())) {
        // Two writers may both see it stale; both remove it, and the exclusive create decides who gets it.
        rmSync(file, { force: true });
        continue;
      }
      if (nowMs() > deadline) {
        const holder = readLock(file);
        throw new AppError(
          'unavailable',
          `Filen «${fileName}» gemmes lige nu fra et andet sted${holder ? ` (${holder.owner})` : ''}. Vent et øjeblik, og prøv igen.`,
        );
      }
      sleepSync(Math.min(50, 5 + attempt * 5));
    }
  }
  try {
    writeSync(fd, JSON.stringify(info));
  } catch (e) {
    closeSync(fd);
    rmSync(file, { force: true });
    throw e;
  }
  closeSync(fd);
  try {
    return fn();
  } finally {
    rmSync(file, { force: true });
  }
}

/**
 * Removes what a crash left in dir: our temp files (".<name>.<pid>.<hex>.tmp"), empty .som
 * placeholders of a name reservation, and stale locks (with anyTemp, every *.tmp: the backup
 * folder's "<name>.bak.<hex>.tmp"). Only items older than LEFTOVER_AGE_MS
 * (another PC may be in the middle of a save right now). Returns how many were removed.
 */
export function cleanLeftovers(dir: string, nowMs = Date.now(), opts: { anyTemp?: boolean } = {}): number {
  let removed = 0;
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      const isTemp = (opts.anyTemp || name.startsWith('.')) && name.endsWith(TMP_SUFFIX);
      const isLock = name.startsWith('.') && name.endsWith(LOCK_SUFFIX);
      const isSom = !name.startsWith('.') && name.toLowerCase().endsWith(SOM_EXT);
      if (!isTemp && !isLock && !isSom) continue;
      const st = statSync(file);
      if (!st.isFile()) continue;
      const old = nowMs - st.mtimeMs > LEFTOVER_AGE_MS;
      if ((isTemp && old) || (isSom && st.size === 0 && old) || (isLock && lockIsStale(file, nowMs))) {
        rmSync(file, { force: true });
        removed++;
      }
    } catch {
      // Gone already, or not ours to remove.
    }
  }
  return removed;
}
