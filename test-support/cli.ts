/**
 * Runs a command of the command line in-process, as the tests of src-main/cli do: files read from
 * disk, what it prints collected.
 */
import { readFile } from 'node:fs/promises';
import { expect } from 'vitest';

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

/** A refused command: exit code 2, nothing on stdout, one Danish line "Fejl: …" matching `re` on stderr, no stack trace. */
export function expectOneDanishLine(r: { code: number; stdout: string; stderr: string }, re: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.endsWith('\n')).toBe(true);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/^Fejl: /);
  expect(r.stderr).toMatch(re);
  expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/);
}
