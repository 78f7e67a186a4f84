/**
 * Errors that cross the IPC boundary. Handlers throw AppError with a Danish,
 * user-facing message; the dispatcher turns every error into a typed value.
 */
export type ErrorCode =
  | 'invalid-request'
  | 'forbidden'
  | 'not-found'
  | 'invalid-file'
  | 'conflict'
  | 'unavailable'
  | 'cancelled'
  | 'internal';

export interface AppErrorData {
  code: ErrorCode;
  /** Danish message, shown to the user as is. */
  message: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'AppError';
    this.code = code;
  }
  toData(): AppErrorData {
    return { code: this.code, message: this.message };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorData };

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
