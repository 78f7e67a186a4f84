/**
 * The few fields a listing of saved calculations shows, read from the start of a .som file's text
 * without building the document: format, formatVersion, savedAt, knowledge.release,
 * intervention.name, intervention.targetGroup.label and intervention.startYear.
 *
 * One pass over the characters, like the pre-scan: it follows the nesting, keeps only the key of
 * each open object, and decodes a value only when it sits at one of those places (a short string or
 * a number). It stops as soon as every field is known, so for a file written by the store (the
 * header comes first) it reads a few hundred characters whatever the size of the rest. A text that
 * ends early (a bounded prefix of the file) simply leaves the later fields unknown.
 *
 * It judges nothing: the caller checks the values it found, and a file is fully validated
 * (`parseSom`) when it is opened.
 */

export interface SomHeader {
  format?: unknown;
  formatVersion?: unknown;
  savedAt?: unknown;
  /** null when the file says `"knowledge": null`; undefined when not (yet) seen. */
  knowledgeRelease?: unknown;
  name?: unknown;
  targetGroupLabel?: unknown;
  startYear?: unknown;
}

/** Where each header field sits (dotted path of object keys). */
const WANTED: Readonly<Record<string, keyof SomHeader>> = {
  format: 'format',
  formatVersion: 'formatVersion',
  savedAt: 'savedAt',
  'knowledge.release': 'knowledgeRelease',
  'intervention.name': 'name',
  'intervention.targetGroup.label': 'targetGroupLabel',
  'intervention.startYear': 'startYear',
};
const FIELDS = new Set(Object.values(WANTED));

/** Longest string value decoded (a name is at most 200 characters, a label 1 000). */
const MAX_VALUE_CHARS = 4096;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

function isDelimiter(c: number): boolean {
  return isSpace(c) || c === 0x2c || c === 0x3a || c === 0x7d || c === 0x5d || c === 0x7b || c === 0x5b || c === QUOTE;
}

/** Index of the quote closing the string opened at `start`, or -1 when the text ends first. */
function stringEnd(text: string, start: number): number {
  for (let from = start + 1; ; ) {
    const q = text.indexOf('"', from);
    if (q < 0) return -1;
    let b = q - 1;
    while (b > start && text.charCodeAt(b) === BACKSLASH) b--;
    if ((q - 1 - b) % 2 === 0) return q;
    from = q + 1;
  }
}

interface Frame {
  array: boolean;
  /** Dotted path of this container (object keys only; null inside arrays: nothing wanted there). */
  path: string | null;
}

/**
 * The header fields found in `text` (a whole file or a prefix of it), and whether all of them
 * were found (`complete`; then nothing after them was read).
 */
export function scanSomHeader(text: string): { header: SomHeader; complete: boolean } {
  const header: SomHeader = {};
  let found = 0;
  const stack: Frame[] = [];
  let key: string | null = null;
  let expectKey = false;
  const n = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const set = (field: keyof SomHeader, value: unknown): void => {
    if (field in header) return;
    header[field] = value;
    found++;
  };
  for (let i = n; i < text.length && found < FIELDS.size; i++) {
    const c = text.charCodeAt(i);
    if (isSpace(c) || c === 0x2c /* , */) {
      if (c === 0x2c) {
        const top = stack[stack.length - 1];
        expectKey = top !== undefined && !top.array;
        key = null;
      }
      continue;
    }
    if (c === 0x3a /* : */) {
      expectKey = false;
      continue;
    }
    const top = stack[stack.length - 1];
    if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
      key = null;
      expectKey = false;
      continue;
    }
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (end < 0) break;
      if (expectKey && top && !top.array) {
        key = end - i <= 256 ? (decodeString(text.slice(i, end + 1)) ?? null) : null;
        expectKey = false;
      } else {
        const field = fieldAt(top, key);
        if (field && end - i <= MAX_VALUE_CHARS) set(field, decodeString(text.slice(i, end + 1)));
        key = null;
      }
      i = end;
      continue;
    }
    if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const path = top === undefined ? '' : top.array || top.path === null || key === null ? null : top.path === '' ? key : `${top.path}.${key}`;
      stack.push({ array: c === 0x5b, path });
      key = null;
      expectKey = c === 0x7b;
      continue;
    }
    // A number, true, false or null.
    let end = i;
    while (end + 1 < text.length && !isDelimiter(text.charCodeAt(end + 1))) end++;
    const atom = text.slice(i, end + 1);
    const field = fieldAt(top, key);
    if (field) set(field, atom === 'null' ? null : atom === 'true' ? true : atom === 'false' ? false : Number(atom));
    // "knowledge": null means there is no release.
    if (atom === 'null' && top?.path === '' && key === 'knowledge') set('knowledgeRelease', null);
    key = null;
    i = end;
  }
  return { header, complete: found === FIELDS.size };
}

function fieldAt(top: Frame | undefined, key: string | null): keyof SomHeader | undefined {
  if (!top || top.array || top.path === null || key === null) return undefined;
  return WANTED[top.path === '' ? key : `${top.path}.${key}`];
}

function decodeString(quoted: string): string | undefined {
  try {
    const v = JSON.parse(quoted) as unknown;
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}
