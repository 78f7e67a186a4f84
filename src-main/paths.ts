import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root (package.json, knowledge.sqlite, data/, dist/) when running from source or from
 * a bundle in dist/main: the nearest folder upwards from this module that holds our package.json.
 * A packaged Electron app passes its resource paths explicitly instead (src-main/electron).
 */
export function findProjectRoot(start: string): string {
  let dir = start;
  for (;;) {
    const hasPackage = existsSync(path.join(dir, 'package.json'));
    if (hasPackage && (existsSync(path.join(dir, 'src-main')) || existsSync(path.join(dir, 'dist')))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return path.resolve(start, '..');
    dir = up;
  }
}

export const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
export const shippedKnowledgePath = path.join(projectRoot, 'knowledge.sqlite');
export const rendererDir = path.join(projectRoot, 'dist', 'renderer');
