/**
 * Where a bundled worker script is, seen from the bundle that starts it. Built, the workers sit
 * beside main.cjs in dist/main; the bundled command line (dist/cli, its chunks in dist/cli/chunks)
 * uses dist/main's. Packaged, dist/main is inside resources/app.asar: Electron's file system and
 * worker threads read scripts from inside the archive, so the worker stays there (covered by the
 * archive's integrity check); a copy unpacked to app.asar.unpacked is used only when the archive
 * does not hold it.
 */
import { fileURLToPath } from 'node:url';

const ASAR = /([\\/])app\.asar(?=[\\/])/;

/** Candidate paths, in order, for the worker file `name` seen from the module at `hereUrl`. */
export function workerCandidates(hereUrl: string, name: string): string[] {
  const out: string[] = [];
  for (const rel of [`./${name}`, `../main/${name}`, `../../main/${name}`]) {
    const p = fileURLToPath(new URL(rel, hereUrl));
    out.push(p);
    if (ASAR.test(p)) out.push(p.replace(ASAR, '$1app.asar.unpacked'));
  }
  return out;
}

/** The first candidate that exists, or null. `exists` is fs.existsSync (asar-aware under Electron). */
export function resolveWorkerPath(hereUrl: string, name: string, exists: (p: string) => boolean): string | null {
  return workerCandidates(hereUrl, name).find((p) => exists(p)) ?? null;
}
