/** The program version from package.json (kept apart so `som --version` loads nothing else). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../paths';

export function appVersion(): string {
  try {
    return (JSON.parse(readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return 'ukendt version';
  }
}
