import { spawn, type SpawnOptions } from 'node:child_process';

/** Generous: a loaded machine stays well inside it, a process that never exits does not. */
export const EXIT_WITHIN_MS = 60_000;

export interface BoundedRun {
  code: number | null;
  /** The process had not exited after `withinMs` and was killed. */
  hung: boolean;
  stdout: string;
  stderr: string;
}

/**
 * Runs a process to its exit, collecting its output; after `withinMs` it is killed with its whole
 * process group (tsx, for one, runs the script in a child process of its own) and reported `hung`.
 */
export function runBounded(command: string, args: string[], options: Omit<SpawnOptions, 'detached' | 'stdio'> = {}, withinMs = EXIT_WITHIN_MS): Promise<BoundedRun> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { ...options, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    }, withinMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, hung, stdout, stderr });
    });
  });
}
