/**
 * Runs a command of the command line in-process, as the tests of src-main/cli do: files read from
 * disk, what it prints collected.
 */
import { readFile } from 'node:fs/promises';

interface CapturedIo {
  stdout(s: string): void;
  stderr(s: string): void;
  readFile(path: string): Promise<string | Buffer>;
}

export async function captureCli(
  command: (argv: string[], io: CapturedIo) => Promise<number>,
  argv: string[],
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await command(argv, {
    stdout: (s) => (stdout += s),
    stderr: (s) => (stderr += s),
    readFile: (p) => readFile(p),
  });
  return { code, stdout, stderr };
}
