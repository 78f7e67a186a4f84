/**
 * Safe file names for the store (pure). A name the user typed or a file name from an import is
 * reduced to a plain base name that is valid on Windows, macOS and Linux and cannot address
 * anything outside the store folder.
 */

export const SOM_EXT = '.som';
export const MAX_BASE_LENGTH = 100;

const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

/** The last component of a path-like file name ("../x.som", "C:\\a\\b.som" → "x.som", "b.som"), for names that come from a disk. */
export function lastPathComponent(name: string): string {
  return String(name ?? '').split(/[/\\]/).pop() ?? '';
}

/** A safe base name (without extension) from free text; never empty (`fallback`), never "." or "..". */
export function safeBaseName(text: string, fallback = 'Beregning'): string {
  let s = String(text ?? '');
  // Path separators are replaced, never followed: "Psykiatri/alkohol" stays one name
  // ("Psykiatri-alkohol"), and "../x" cannot leave the folder.
  s = s.replace(/\s*[/\\]\s*/g, '-');
  // Control characters (incl. NUL), and other characters Windows forbids.
  // eslint-disable-next-line no-control-regex
  s = s.replace(/[\u0000-\u001f\u007f<>:"|?*\u2028\u2029]/g, ' ');
  s = s.replace(/\s+/g, ' ').trim();
  if (s.toLowerCase().endsWith(SOM_EXT)) s = s.slice(0, -SOM_EXT.length).trim();
  // No leading dots (hidden files, "..") and no trailing dots/spaces (Windows strips them).
  s = s.replace(/^[.\s-]+/, '').replace(/[.\s]+$/, '');
  if (s.length > MAX_BASE_LENGTH) s = s.slice(0, MAX_BASE_LENGTH).replace(/[.\s]+$/, '');
  // Windows refuses a name whose part before the first dot is reserved ("nul.tar", "CON .x"):
  // mark the stem itself, not the end of the name.
  const dot = s.indexOf('.');
  const stem = (dot < 0 ? s : s.slice(0, dot)).replace(/ +$/, '');
  if (RESERVED.test(stem)) s = `${stem}_${dot < 0 ? '' : s.slice(dot)}`;
  return s === '' ? fallback : s;
}

/**
 * The name of an exported file (report, workbook, .somp) from a file or calculation name: the
 * same rules as the store's names (a "/" or a character Windows forbids is replaced, never cuts
 * the name), a .som/.somp ending dropped, then `.<ext>`.
 */
export function exportFileName(text: string, ext: string, fallback: string): string {
  return `${safeBaseName(String(text ?? '').replace(/\.somp?$/i, ''), fallback)}.${ext}`;
}

/** The file name for `text`, made unique against `taken` (case-insensitive) with " (2)", " (3)" … */
export function uniqueFileName(text: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((n) => n.toLowerCase()));
  const base = safeBaseName(text);
  let name = base + SOM_EXT;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base} (${i})${SOM_EXT}`;
  return name;
}

/** true when `name` is a plain .som file name as the store writes them (no path, no control chars). */
export function isStoreFileName(name: string): boolean {
  return (
    name.toLowerCase().endsWith(SOM_EXT) &&
    !name.startsWith('.') &&
    // eslint-disable-next-line no-control-regex
    !/[/\\\u0000-\u001f]/.test(name)
  );
}
