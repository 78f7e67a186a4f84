/**
 * One kind of file in the folder of saved calculations (.som or .somp): the sorted file names,
 * the lookup of an opaque id in the current listing (nothing else can be addressed), and the
 * listing entries, cached per file name while size and modification time are unchanged.
 */
import { readdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { ID_RE, fileId } from './files';

export interface FolderListingOptions<E> {
  /** The store folder now (it can be changed in the settings). */
  folder: () => string;
  /** Whether a file name is one of this kind. */
  isFileName: (name: string) => boolean;
  /** Danish message for an id that is not an id at all. */
  badId: string;
  /** The refusal of an id that is not (any longer) in the folder. */
  notFound: () => AppError;
  /** The listing entry of one file; must not throw for a bad file (an entry with its error instead). */
  entry: (file: string, fileName: string, st: Stats) => E;
}

export type FolderListing<E extends { error: string | null }> = ReturnType<typeof createFolderListing<E>>;

export function createFolderListing<E extends { error: string | null }>(o: FolderListingOptions<E>) {
  const cache = new Map<string, { mtimeMs: number; size: number; entry: E }>();

  function names(dir = o.folder()): string[] {
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isFile() && o.isFileName(d.name))
      .map((d) => d.name)
      .sort((a, b) => a.localeCompare(b, 'da'));
  }

  /** The file name of an id, looked up in the current listing; refuses anything else. */
  function resolve(id: string): { dir: string; fileName: string; file: string } {
    if (typeof id !== 'string' || !ID_RE.test(id)) throw new AppError('invalid-request', o.badId);
    const dir = o.folder();
    const fileName = names(dir).find((n) => fileId(n) === id);
    if (!fileName) throw o.notFound();
    return { dir, fileName, file: path.join(dir, fileName) };
  }

  function entryFor(dir: string, fileName: string): E {
    const file = path.join(dir, fileName);
    const st = statSync(file);
    const hit = cache.get(fileName);
    if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.entry;
    const entry = o.entry(file, fileName, st);
    cache.set(fileName, { mtimeMs: st.mtimeMs, size: st.size, entry });
    return entry;
  }

  function list(): E[] {
    const dir = o.folder();
    const all = names(dir);
    const out: E[] = [];
    for (const n of all) {
      try {
        out.push(entryFor(dir, n));
      } catch {
        // Vanished between readdir and stat: skip.
      }
    }
    for (const key of [...cache.keys()]) if (!all.includes(key)) cache.delete(key);
    return out;
  }

  /**
   * A file that the listing showed as readable was refused when opened in full: the listing says
   * so from now on (until the file changes).
   */
  function markUnreadable(fileName: string, message: string): void {
    const hit = cache.get(fileName);
    if (hit && hit.entry.error === null) hit.entry = { ...hit.entry, error: message };
  }

  /** Drops a file name from the cache (after it left the folder). */
  function forget(fileName: string): void {
    cache.delete(fileName);
  }

  function clear(): void {
    cache.clear();
  }

  return { names, resolve, entryFor, list, markUnreadable, forget, clear };
}
