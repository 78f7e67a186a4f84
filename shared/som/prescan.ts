/**
 * A bounded structural pre-scan of a .som file's text, run before JSON.parse and the schema.
 * One pass over the characters, no allocation per value: it counts the elements of every array
 * (and the members of every object) by their place in the document, the nesting depth and the
 * total number of values, and stops at the first limit passed. A hostile file (millions of
 * `participants`, a million empty objects, deep nesting) is therefore refused in time and memory
 * proportional to reading the text once, before any object is built.
 *
 * It checks structure only; a text it accepts still goes through JSON.parse and the strict schema,
 * which give the precise Danish message for everything else (including malformed JSON).
 */
import { LIMITS, YEARS_PER_LINE } from './schema';
import { LIMITS_ANALYSIS } from './analysis';
import { LIMITS_FOLLOW_UP } from './followup';
import { COST_MODEL_LIMITS } from './costmodel';

/** Maximum nesting depth of objects/arrays (room for deep `extensions`; a document needs about 5). */
export const MAX_SOM_DEPTH = 64;

/**
 * Maximum number of values (every array element and object member, containers included).
 * The largest valid document without extensions has about 1 000 lines × 80 values + 10 000 notes × 3;
 * the rest is room for `extensions`.
 */
export const MAX_SOM_VALUES = 250_000;

/** Allowed length of each array / member count of each object, by path ('*' = any index or key). */
export const SOM_ARRAY_LIMITS: Readonly<Record<string, number>> = {
  'intervention.participants': LIMITS.maxYearsWithIntervention,
  'intervention.costs.kommune': LIMITS.maxYearsWithIntervention,
  'intervention.costs.region': LIMITS.maxYearsWithIntervention,
  'intervention.costs.stat': LIMITS.maxYearsWithIntervention,
  'intervention.savedCosts.kommune': LIMITS.maxYearsWithIntervention,
  'intervention.savedCosts.region': LIMITS.maxYearsWithIntervention,
  'intervention.savedCosts.stat': LIMITS.maxYearsWithIntervention,
  'intervention.costModel.activities': COST_MODEL_LIMITS.maxActivities,
  lines: LIMITS.maxLines,
  'lines.*.estimate': YEARS_PER_LINE,
  'lines.*.estimateKind': YEARS_PER_LINE,
  'lines.*.own': YEARS_PER_LINE,
  notes: LIMITS.maxNotes,
  'parameters.priceIndex': LIMITS.maxYear - 1900 + 1,
  'analysis.scenarios': LIMITS_ANALYSIS.maxScenarios,
  'analysis.scenarios.*.changes': LIMITS_ANALYSIS.maxChanges,
  'analysis.sensitivity.discountRates': LIMITS_ANALYSIS.maxListValues,
  'analysis.sensitivity.periodYears': LIMITS_ANALYSIS.maxListValues,
  'followUp.years': LIMITS_FOLLOW_UP.maxYears,
};

/**
 * Any other array or object outside `extensions`: the largest list of the format. Places the table
 * does not name (a part added to the format later) are still bounded by it and by MAX_SOM_VALUES.
 */
const DEFAULT_LIMIT = LIMITS.maxNotes;

export type PrescanResult =
  | { ok: true; values: number }
  | { ok: false; reason: 'depth' | 'values' | 'length'; path: string; at: (string | number)[]; limit: number; /** What was counted when the scan stopped (limit + 1). */ found: number };

interface Frame {
  array: boolean;
  count: number;
  /** Whether the container has at least one value (for arrays: counted on the first one). */
  nonEmpty: boolean;
  path: string;
  /** This container's key in its parent object, or its index in its parent array (for the message). */
  seg: string | number;
  limit: number;
  /** Inside `extensions`: only depth and the total count apply. */
  free: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const LBRACE = 0x7b;
const RBRACE = 0x7d;
const LBRACKET = 0x5b;
const RBRACKET = 0x5d;

function isDelimiter(c: number): boolean {
  return isSpace(c) || c === COMMA || c === COLON || c === RBRACE || c === RBRACKET || c === LBRACE || c === LBRACKET || c === QUOTE;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * Scans `text` and reports the first limit passed. Malformed JSON is not judged here (it stops
 * counting sensibly, and JSON.parse reports it next); the scan never allocates more than the
 * stack of open containers (≤ MAX_SOM_DEPTH frames) and the current key.
 */
export function prescanSom(text: string): PrescanResult {
  const stack: Frame[] = [];
  let values = 0;
  let inString = false;
  let strStart = 0;
  let lastString = '';
  let lastStringEnd = -1;
  let key: string | null = null;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      // Jump to the closing quote (native search), skipping quotes escaped by an odd run of backslashes.
      let end = -1;
      for (let from = i; end < 0; ) {
        const q = text.indexOf('"', from);
        if (q < 0) break;
        let b = q - 1;
        while (b > strStart && text.charCodeAt(b) === BACKSLASH) b--;
        if ((q - 1 - b) % 2 === 0) end = q;
        else from = q + 1;
      }
      if (end < 0) break; // unterminated: JSON.parse reports it
      i = end;
      inString = false;
      const top = stack[stack.length - 1];
      // Only keys of objects on known paths need their text (short, bounded slice).
      if (top && !top.array && !top.free && i - strStart <= 64) lastString = text.slice(strStart + 1, i);
      else lastString = '';
      lastStringEnd = i;
      continue;
    }
    if (isSpace(c)) continue;
    const top = stack[stack.length - 1];
    if (c === COLON) {
      if (top && !top.array && lastStringEnd >= 0) key = lastString;
      continue;
    }
    if (c === COMMA) {
      if (top) {
        top.count++;
        if (top.count > top.limit) return { ok: false, reason: 'length', path: top.path, at: placeOf(stack), limit: top.limit, found: top.count };
      }
      key = null;
      continue;
    }
    if (c === RBRACE || c === RBRACKET) {
      stack.pop();
      key = null;
      continue;
    }
    // The start of a value (or of a key, in an object).
    if (top && !top.nonEmpty) {
      top.nonEmpty = true;
      top.count = 1;
      if (top.count > top.limit) return { ok: false, reason: 'length', path: top.path, at: placeOf(stack), limit: top.limit, found: top.count };
    }
    const isKey = top !== undefined && !top.array && key === null;
    if (!isKey) {
      values++;
      if (values > MAX_SOM_VALUES) return { ok: false, reason: 'values', path: top?.path ?? '', at: placeOf(stack), limit: MAX_SOM_VALUES, found: values };
    }
    if (c === QUOTE) {
      inString = true;
      strStart = i;
      // The loop's i++ moves past the opening quote; the string is skipped on the next turn.
      continue;
    }
    if (c === LBRACE || c === LBRACKET) {
      if (stack.length + 1 > MAX_SOM_DEPTH) return { ok: false, reason: 'depth', path: top?.path ?? '', at: placeOf(stack), limit: MAX_SOM_DEPTH, found: stack.length + 1 };
      const segment = top === undefined ? '' : top.array ? '*' : (key ?? '*');
      const free = top !== undefined && (top.free || (top.path === '' && segment === 'extensions'));
      // Inside extensions only depth and the total count apply: no path to build.
      const path = top === undefined ? '' : top.free ? top.path : top.path === '' ? segment : `${top.path}.${segment}`;
      const limit = top === undefined || free ? Number.MAX_SAFE_INTEGER : (SOM_ARRAY_LIMITS[path] ?? DEFAULT_LIMIT);
      const seg = top === undefined ? '' : top.array ? top.count - 1 : (key ?? '*');
      stack.push({ array: c === LBRACKET, count: 0, nonEmpty: false, path, seg, limit, free });
      key = null;
      lastStringEnd = -1;
      continue;
    }
    // A number, true, false or null (or stray text): skip to its end.
    while (i + 1 < n && !isDelimiter(text.charCodeAt(i + 1))) i++;
  }
  return { ok: true, values };
}


/** The concrete path of the innermost open container (indices instead of '*'). */
function placeOf(stack: readonly Frame[]): (string | number)[] {
  return stack.slice(1).map((f) => f.seg);
}
