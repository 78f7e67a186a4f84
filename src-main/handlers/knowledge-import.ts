import { AppError } from '../../shared/errors';
import type { KnowledgeData, ReleaseEntry, WorkbookImportPreview, WorkbookImportSummary } from '../../shared/knowledge/types';
import type { Deps } from '../deps';
import type { HandlersFor } from './types';
import { discardInWorker, ImportJobs } from '../knowledge/workbook-import/jobs';
import type { BuiltRelease, PreparedImport } from '../knowledge/workbook-import/protocol';
import { MAX_SECONDS } from '../knowledge/workbook-import/read';
import { MAX_FILE_BYTES, refuseByName } from '../knowledge/workbook-import/zip-guard';

type K = 'knowledge.importWorkbook' | 'knowledge.importPaste' | 'knowledge.importConfirm' | 'knowledge.importDiscard' | 'knowledge.importProgress' | 'knowledge.importCancel';

const fallbackJobs = new ImportJobs();

export function importJobs(deps: Deps): ImportJobs {
  return deps.knowledgeImports ?? fallbackJobs;
}

function requireReleases(deps: Deps) {
  if (!deps.knowledgeReleases) throw new AppError('unavailable', 'Udgivelser af vidensdatabasen kan ikke skiftes i denne opsætning.');
  return deps.knowledgeReleases;
}

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Decodes an uploaded file (strict base64, size cap before decoding). */
export function decodeUpload(base64: string, maxBytes: number): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) throw new AppError('invalid-file', 'Filen kunne ikke læses (ugyldig kodning).');
  if (Math.floor((base64.length * 3) / 4) > maxBytes + 2) throw new AppError('invalid-file', `Filen er for stor: højst ${maxBytes / 1024 / 1024} MB.`);
  return Buffer.from(base64, 'base64');
}

/** Reads a workbook in the import worker; the result waits for confirmation. */
export async function previewWorkbook(deps: Deps, fileName: string, bytes: Buffer, jobId?: string): Promise<WorkbookImportPreview & { prepared: PreparedImport }> {
  refuseByName(fileName);
  if (bytes.length > MAX_FILE_BYTES) throw new AppError('invalid-file', `Filen er for stor: højst ${MAX_FILE_BYTES / 1024 / 1024} MB.`);
  const jobs = importJobs(deps);
  const res = await jobs.run<PreparedImport>(
    { op: 'workbook', fileName, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), basePath: deps.knowledge.path, date: today(), deadline: Date.now() + MAX_SECONDS * 1000 },
    jobId,
  );
  const baseId = deps.knowledge.release()?.release ?? '';
  return { token: jobs.hold(res, baseId), summary: res.summary, prepared: res };
}

/** Builds a read release (kept in the worker under `pending`), then registers and activates it. */
export async function buildAndActivate(deps: Deps, prepared: { pending: string; release: KnowledgeData['release'] }, jobId?: string): Promise<ReleaseEntry> {
  const releases = requireReleases(deps);
  try {
    releases.assertNewId(prepared.release.id);
  } catch (e) {
    discardInWorker(prepared.pending);
    throw e;
  }
  const built = await importJobs(deps).run<BuiltRelease>({ op: 'build', pending: prepared.pending, outDir: releases.releasesDir }, jobId);
  return releases.registerBuilt(prepared.release, built.file, built.sha256);
}

export const knowledgeImportHandlers: HandlersFor<K> = {
  'knowledge.importWorkbook': async (deps, a) => {
    requireReleases(deps);
    const bytes = decodeUpload(a.base64, MAX_FILE_BYTES);
    const { token, summary } = await previewWorkbook(deps, a.fileName, bytes, a.jobId);
    return { token, summary };
  },
  'knowledge.importPaste': async (deps, a) => {
    requireReleases(deps);
    const jobs = importJobs(deps);
    const res = await jobs.run<PreparedImport>({ op: 'paste', text: a.text, basePath: deps.knowledge.path, date: today() }, a.jobId);
    return { token: jobs.hold(res, deps.knowledge.release()?.release ?? ''), summary: res.summary };
  },
  'knowledge.importConfirm': async (deps, a) => {
    const pending = importJobs(deps).take(a.token);
    if (!pending) throw new AppError('not-found', 'Forhåndsvisningen findes ikke længere. Indlæs regnearket igen.');
    if (pending.baseId !== (deps.knowledge.release()?.release ?? '')) {
      discardInWorker(pending.pending);
      throw new AppError('conflict', 'Den aktive udgivelse er skiftet siden forhåndsvisningen. Indlæs regnearket igen.');
    }
    const release = await buildAndActivate(deps, pending, a.jobId);
    const summary: WorkbookImportSummary = { ...pending.summary, release: { id: release.id, sha256: release.sha256 } };
    return { release, summary };
  },
  'knowledge.importDiscard': (deps, a) => ({ discarded: importJobs(deps).discard(a.token) }),
  'knowledge.importProgress': (deps, a) => importJobs(deps).progress(a.jobId),
  'knowledge.importCancel': (deps, a) => ({ cancelled: importJobs(deps).cancel(a.jobId) }),
};
