/**
 * Validating a document that changes a little at a time (the wizard validates after every
 * keystroke), with exactly the outcome of `parseSom(JSON.stringify(doc))`, from the JSON text of
 * each top-level member (and of each line): a member whose text is the same as last time is not
 * scanned, parsed or checked again. Only when everything passes is the document assembled from the
 * checked members; whenever anything fails (or the document is of a kind this path does not
 * handle) the whole text goes through `parseSom`, so the error is the one a file would give.
 *
 * Why the members can be checked one by one: the strict document schema checks each member with
 * its own schema, independently of the others, and then the rules across fields
 * (`crossFieldIssues`); the structural pre-scan counts arrays by their place, which a member
 * wrapped as `{"key": …}` keeps, and its total number of values is the sum over the members.
 */
import { findCostMismatch } from '../engine/costmodel';
import { MAX_SOM_BYTES, parseSom } from './io';
import { MAX_SOM_VALUES, SOM_ARRAY_LIMITS, prescanSom } from './prescan';
import { SOM_FORMAT, SOM_FORMAT_VERSION, crossFieldIssues, lineSchema, somDocumentShape, type SomDocument, type SomLine } from './schema';

/** The JSON text of a member's value, or (for an array) of each of its elements. */
export type SomMemberText = string | readonly string[];

/** One top-level member of the document: its key and the JSON text of its value. */
export type SomMember = readonly [key: string, text: SomMemberText];

const memberText = (t: SomMemberText): string => (typeof t === 'string' ? t : `[${t.join(',')}]`);

/** The document's JSON text from its members (the same text as JSON.stringify of the document). */
export function somTextOf(members: readonly SomMember[]): string {
  return `{${members.map(([k, t]) => `${JSON.stringify(k)}:${memberText(t)}`).join(',')}}`;
}

/** The JSON texts of a plain (or reactive) document's members, lines one by one. */
export function somMembersOf(doc: SomDocument): SomMember[] {
  const out: SomMember[] = [];
  for (const [k, v] of Object.entries(doc)) {
    if (k === 'lines' && Array.isArray(v)) out.push([k, v.map((l) => JSON.stringify(l) ?? 'null')]);
    else {
      const t = JSON.stringify(v) as string | undefined;
      if (t !== undefined) out.push([k, t]);
    }
  }
  return out;
}

const SHAPE = somDocumentShape.shape as unknown as Record<string, { safeParse(v: unknown): { success: boolean; data?: unknown } }>;
const SHAPE_KEYS = Object.keys(SHAPE);

interface Checked {
  text: string;
  /** The schema's output, or undefined when the member does not pass. */
  value: unknown;
  ok: boolean;
  /** Values the pre-scan counts for this member (its subtree). */
  values: number;
}

/** Pre-scan of one member in its place; the number of values of its subtree, or null when refused. */
function scanMember(key: string, text: string): number | null {
  const r = prescanSom(`{${JSON.stringify(key)}:${text}}`);
  return r.ok ? r.values - 1 : null;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export class SomPartsValidator {
  private members = new Map<string, Checked>();
  private lines = new Map<string, Checked>();

  /** The validated document, or a SomFileError exactly as `parseSom(somTextOf(members))` throws it. */
  validate(members: readonly SomMember[]): SomDocument {
    const doc = this.fast(members);
    return doc ?? parseSom(somTextOf(members));
  }

  private fast(members: readonly SomMember[]): SomDocument | null {
    let chars = 2;
    for (const [k, t] of members) chars += k.length + 3 + (typeof t === 'string' ? t.length : t.reduce((s, x) => s + x.length + 1, 1));
    // Bytes are at most 3 per UTF-16 unit; anything that might be near the size limit takes the full path.
    if (chars * 3 > MAX_SOM_BYTES) return null;
    const keys = new Set<string>();
    const values: Record<string, unknown> = {};
    let total = 1; // the document object itself
    for (const [k, t] of members) {
      if (keys.has(k) || !(k in SHAPE) || k === 'extensions') return null;
      keys.add(k);
      if (k === 'lines' && typeof t !== 'string') {
        const lines = this.checkLines(t);
        if (lines === null) return null;
        values[k] = lines.value;
        total += lines.values;
        continue;
      }
      if (typeof t !== 'string') return null;
      const c = this.checkMember(k, t);
      if (!c.ok) return null;
      values[k] = c.value;
      total += c.values;
    }
    if (total > MAX_SOM_VALUES) return null;
    if (values.format !== SOM_FORMAT || values.formatVersion !== SOM_FORMAT_VERSION) return null;
    // Members that are not there must be optional (as the strict schema would have it).
    const doc: Record<string, unknown> = {};
    for (const k of SHAPE_KEYS) {
      if (keys.has(k)) doc[k] = values[k];
      else if (!SHAPE[k].safeParse(undefined).success) return null;
    }
    const d = doc as SomDocument;
    if (crossFieldIssues(d).length > 0 || findCostMismatch(d.intervention)) return null;
    return d;
  }

  private checkMember(key: string, text: string): Checked {
    const prev = this.members.get(key);
    if (prev && prev.text === text) return prev;
    const c = check(text, () => scanMember(key, text), SHAPE[key]);
    this.members.set(key, c);
    return c;
  }

  /** The lines, each checked once per distinct text; null when one does not pass. */
  private checkLines(texts: readonly string[]): { value: SomLine[]; values: number } | null {
    // The same list as last time (the caller re-made no line's text): the same lines.
    if (this.lastLines && this.lastLines.texts === texts) return this.lastLines.result;
    const result = this.checkLineTexts(texts);
    this.lastLines = { texts, result };
    return result;
  }

  private lastLines: { texts: readonly string[]; result: { value: SomLine[]; values: number } | null } | null = null;

  private checkLineTexts(texts: readonly string[]): { value: SomLine[]; values: number } | null {
    if (texts.length > SOM_ARRAY_LIMITS.lines) return null;
    const next = new Map<string, Checked>();
    const out: SomLine[] = [];
    let values = 1; // the array
    for (const t of texts) {
      const c =
        this.lines.get(t) ??
        next.get(t) ??
        check(
          t,
          () => {
            // In place as the only element of "lines": the element and its subtree.
            const r = prescanSom(`{"lines":[${t}]}`);
            return r.ok ? r.values - 2 : null;
          },
          lineSchema,
        );
      next.set(t, c);
      if (!c.ok) {
        this.lines = next;
        return null;
      }
      out.push(c.value as SomLine);
      values += c.values;
    }
    this.lines = next;
    return { value: out, values };
  }
}

function check(text: string, scan: () => number | null, schema: { safeParse(v: unknown): { success: boolean; data?: unknown } }): Checked {
  const fail: Checked = { text, value: undefined, ok: false, values: 0 };
  const values = scan();
  if (values === null) return fail;
  const j = parseJson(text);
  if (!j.ok) return fail;
  let r: { success: boolean; data?: unknown };
  try {
    r = schema.safeParse(j.value);
  } catch {
    return fail;
  }
  return r.success ? { text, value: r.data, ok: true, values } : fail;
}
