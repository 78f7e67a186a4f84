/**
 * Messages between the main process and the import worker. A read release stays in the worker
 * (keyed by `pending`) until it is built or discarded, so the data never crosses threads.
 */
import type { ErrorCode } from '../../../shared/errors';
import type { KnowledgeData, WorkbookImportSummary } from '../../../shared/knowledge/types';

export type WorkerRequest =
  | { op: 'workbook'; fileName: string; bytes: Uint8Array; basePath: string; date: string; deadline: number }
  | { op: 'paste'; text: string; basePath: string; date: string }
  | { op: 'template'; bytes: Uint8Array }
  | { op: 'build'; pending: string; outDir: string }
  | { op: 'discard'; pending: string };

/** What 'workbook' and 'paste' answer: the summary, and the key of the data kept in the worker. */
export interface PreparedImport {
  pending: string;
  release: KnowledgeData['release'];
  summary: WorkbookImportSummary;
}

/** What 'template' answers. */
export interface PreparedTemplate {
  pending: string;
  release: KnowledgeData['release'];
  counts: Record<string, number>;
}

export interface BuiltRelease {
  file: string;
  sha256: string;
}

export type WorkerReply =
  | { type: 'progress'; fraction: number; text: string }
  | { type: 'result'; value: unknown }
  | { type: 'error'; code: ErrorCode; message: string };
