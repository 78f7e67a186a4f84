/**
 * Single instance and "open this .som": plain argv parsing (tested) plus the Electron wiring.
 */
import path from 'node:path';
import type { App } from 'electron';

/**
 * The .som or .somp file named on a command line, resolved against cwd, or null.
 * Flags (--x, -x) and everything that is not a *.som/*.somp path are ignored; the last one wins.
 * Chromium may insert its own switches into argv on a second launch, so position is not used.
 */
export function findSomPathInArgv(argv: readonly string[], cwd: string): string | null {
  let found: string | null = null;
  for (const arg of argv) {
    if (typeof arg !== 'string' || arg.length === 0 || arg.length > 4096) continue;
    if (arg.startsWith('-')) continue;
    if (arg.includes('\0')) continue;
    let candidate = arg;
    if (/^file:\/\//i.test(candidate)) {
      try {
        candidate = decodeURIComponent(new URL(candidate).pathname.replace(/^\/([a-zA-Z]:)/, '$1'));
      } catch {
        continue;
      }
    }
    if (!/\.somp?$/i.test(candidate)) continue;
    found = path.resolve(cwd, candidate);
  }
  return found;
}

/**
 * Takes the single-instance lock. Returns false when another instance runs (this one must quit);
 * the running instance gets onSecondLaunch with the other process' argv and working directory.
 */
export function setupSingleInstance(app: App, onSecondLaunch: (argv: string[], cwd: string) => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', (_event, argv, workingDirectory) => onSecondLaunch(argv, workingDirectory));
  return true;
}
