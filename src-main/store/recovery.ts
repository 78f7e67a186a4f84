/** The recovery area: autosaved unsaved work in the user data folder, one file per key. */
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { parseSom, serializeSom } from '../../shared/som/io';
import type { SomDocument } from '../../shared/som/schema';
import type { RecoveredWork, RecoveryEntry } from '../../shared/store/types';
import { atomicWriteFile } from './atomic';
import { ID_RE, RECOVERY_KEY_RE } from './files';
import type { StoreCore } from './core';

export function createRecovery(core: StoreCore, recoveryDir: string) {
  const { resolve, now } = core;

  function recoveryFile(key: string): string {
    if (!RECOVERY_KEY_RE.test(key)) throw new AppError('invalid-request', 'Ugyldig nøgle for ikke-gemt arbejde.');
    return path.join(recoveryDir, `${key}.json`);
  }

  /** Autosave of unsaved work (renderer timer). Not validated beyond the schema: unfinished work may be odd. */
  function recoverySave(key: string, doc: SomDocument, fileId: string | null): { savedAt: string } {
    const file = recoveryFile(key);
    let fileName: string | null = null;
    if (fileId !== null) {
      try {
        fileName = resolve(fileId).fileName;
      } catch {
        fileName = null;
      }
    }
    const savedAt = now().toISOString();
    const text = serializeSom({ ...doc, savedAt });
    mkdirSync(recoveryDir, { recursive: true });
    atomicWriteFile(file, JSON.stringify({ key, fileId: fileName ? fileId : null, fileName, savedAt }) + '\n' + text);
    return { savedAt };
  }

  function readRecovery(key: string): (RecoveryEntry & { doc: SomDocument }) | null {
    const file = recoveryFile(key);
    if (!existsSync(file)) return null;
    try {
      const raw = readFileSync(file, 'utf8');
      const nl = raw.indexOf('\n');
      const meta = JSON.parse(raw.slice(0, nl)) as Record<string, unknown>;
      const doc = parseSom(raw.slice(nl + 1));
      return {
        key,
        fileId: typeof meta.fileId === 'string' && ID_RE.test(meta.fileId) ? meta.fileId : null,
        fileName: typeof meta.fileName === 'string' ? meta.fileName : null,
        name: doc.intervention.name,
        savedAt: typeof meta.savedAt === 'string' ? meta.savedAt : doc.savedAt,
        doc,
      };
    } catch {
      return null;
    }
  }

  function recoveryList(): RecoveryEntry[] {
    if (!existsSync(recoveryDir)) return [];
    const out: RecoveryEntry[] = [];
    for (const n of readdirSync(recoveryDir)) {
      if (!n.endsWith('.json')) continue;
      const key = n.slice(0, -5);
      if (!RECOVERY_KEY_RE.test(key)) continue;
      const r = readRecovery(key);
      if (r) out.push({ key: r.key, fileId: r.fileId, fileName: r.fileName, name: r.name, savedAt: r.savedAt });
    }
    return out.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
  }

  function recoveryOpen(key: string): RecoveredWork {
    const r = readRecovery(key);
    if (!r) throw new AppError('not-found', 'Det ikke-gemte arbejde findes ikke længere.');
    return { key: r.key, fileId: r.fileId, fileName: r.fileName, doc: r.doc };
  }

  function recoveryDiscard(key: string): { removed: boolean } {
    const file = recoveryFile(key);
    const had = existsSync(file);
    rmSync(file, { force: true });
    return { removed: had };
  }

  return { recoverySave, recoveryList, recoveryOpen, recoveryDiscard };
}
