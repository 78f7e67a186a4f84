/** Messages between the main process and the import worker. */
import type { ErrorCode } from '../../../shared/errors';
import type { KnowledgeData } from '../../../shared/knowledge/types';

export type WorkerRequest =
  | { op: 'workbook'; fileName: string; bytes: Uint8Array; basePath: string; date: string; deadline: number }
  | { op: 'paste'; text: string; basePath: string; date: string }
  | { op: 'template'; bytes: Uint8Array }
  | { op: 'build'; data: KnowledgeData; outDir: string };

export type WorkerReply =
  | { type: 'progress'; fraction: number; text: string }
  | { type: 'result'; value: unknown }
  | { type: 'error'; code: ErrorCode; message: string };
