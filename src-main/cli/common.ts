/** What the CLI commands share: the one-line Danish error, reading and validating a .som argument, the version. */
import { isAppError } from '../../shared/errors';
import { MAX_SOM_BYTES, parseSom, parseSomBytes } from '../../shared/som/io';
import type { SomDocument } from '../../shared/som/schema';

export interface CliErr {
  stderr(s: string): void;
}

export interface CliRead extends CliErr {
  readFile(p: string): Promise<string | Buffer>;
  /** The file's size in bytes, asked before reading it (a huge file is refused without being read). */
  fileSize?(p: string): Promise<number>;
}

/** Refuses a file larger than maxBytes before it is read; null when it may be read. */
export async function sizeRefusal(io: CliRead, filePath: string, shownAs: string, maxBytes: number, what = 'en SØM-beregning'): Promise<number | null> {
  if (!io.fileSize) return null;
  let size: number;
  try {
    size = await io.fileSize(filePath);
  } catch (e) {
    return fail(io, readErrorMessage(e, shownAs));
  }
  if (size > maxBytes) return fail(io, `${shownAs}: Filen er for stor (over ${maxBytes / (1024 * 1024)} MiB) til at være ${what}.`);
  return null;
}

/** Control characters and line separators folded to spaces: an error is always one line. */
export function oneLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
}

/** Writes "Fejl: …" on one line and returns exit code 2. */
export function fail(io: CliErr, message: string): number {
  io.stderr(`Fejl: ${oneLine(message)}\n`);
  return 2;
}

export function readErrorMessage(e: unknown, file: string): string {
  switch ((e as { code?: unknown } | null)?.code) {
    case 'ENOENT':
      return `filen '${file}' findes ikke.`;
    case 'EISDIR':
      return `'${file}' er en mappe, ikke en fil.`;
    case 'EACCES':
    case 'EPERM':
      return `ingen adgang til filen '${file}'.`;
    default:
      return `filen '${file}' kunne ikke læses.`;
  }
}

/**
 * Reads and validates the .som file at `filePath` (named `shownAs` in messages). On failure it
 * writes the one Danish line and returns the exit code instead of a document.
 */
export async function readSomArg(io: CliRead, filePath: string, shownAs: string): Promise<SomDocument | number> {
  const refused = await sizeRefusal(io, filePath, shownAs, MAX_SOM_BYTES);
  if (refused !== null) return refused;
  let content: string | Buffer;
  try {
    content = await io.readFile(filePath);
  } catch (e) {
    return fail(io, readErrorMessage(e, shownAs));
  }
  try {
    if (typeof content === 'string') return parseSom(content);
    if (content.byteLength > MAX_SOM_BYTES) return parseSomBytes(content);
    return parseSomBytes(new Uint8Array(content.buffer, content.byteOffset, content.byteLength));
  } catch (e) {
    if (isAppError(e)) return fail(io, `${shownAs}: ${e.message}`);
    return fail(io, `${shownAs} kunne ikke læses (intern fejl).`);
  }
}

export { appVersion } from './version';
