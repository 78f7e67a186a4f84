/**
 * Reading and writing .som files (format v1). Pure: text in, document out, and back.
 *
 * Reading treats the text as untrusted: size cap → JSON parse → format/version check → strict
 * schema → domain checks. Every failure is a SomFileError (an AppError with code 'invalid-file')
 * whose Danish message names the offending field in the user's terms (./labels.ts).
 * New documents are made in ./new-document.ts.
 */
import type { z } from 'zod';
import { AppError } from '../errors';
import { SOM_FORMAT, SOM_FORMAT_VERSION, somDocumentSchema, type Actor, type SomDocument, type SomLine } from './schema';
import { analysisSchema } from './analysis';
import { normalizeCostModel } from './costmodel';
import { costMismatchMessage, effectiveCosts, findCostMismatch } from '../engine/costmodel';
import { describeIssue, fieldLabel } from './labels';
import { MAX_SOM_DEPTH, prescanSom } from './prescan';
import { formatNumber } from '../format';
import { normalizeFollowUp } from './followup';

/** Maximum size of a .som file in UTF-8 bytes (5 MiB). */
export const MAX_SOM_BYTES = 5 * 1024 * 1024;

/** What a caseworker is told first about a file that cannot be read; the field detail follows. */
export const DAMAGED_FILE_SUMMARY = 'Filen er beskadiget eller lavet med en nyere version af SØM Desktop.';

const NOT_SOM_SUMMARY = 'Filen er ikke en SØM-beregning, eller den er beskadiget.';

export class SomFileError extends AppError {
  /** The JSON path of the offending value, when there is one (for tests and diagnostics). */
  readonly path: readonly (string | number)[];
  /** The plain sentence shown before the detail (the message), when it differs from DAMAGED_FILE_SUMMARY. */
  readonly summary: string;
  constructor(message: string, path: readonly (string | number)[] = [], summary: string = DAMAGED_FILE_SUMMARY) {
    super('invalid-file', message);
    this.name = 'SomFileError';
    this.path = path;
    this.summary = summary;
  }
}

/**
 * The summary sentence, then (on the next line) the detail that names the field. A message that is
 * its own summary (a file too large) is one line. The renderer shows the lines after the first as details.
 */
export function describeFileError(e: SomFileError): string {
  return e.message === e.summary ? e.message : `${e.summary}\n${e.message}`;
}

export function isSomFileError(e: unknown): e is SomFileError {
  return e instanceof SomFileError;
}

// ---- reading ---------------------------------------------------------------------------------

/** UTF-8 byte length of a string without allocating a buffer. */
export function utf8ByteLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/** Whether the UTF-8 encoding of s is longer than max bytes (native encoder into a bounded buffer). */
export function exceedsUtf8Bytes(s: string, max: number): boolean {
  if (s.length > max) return true;
  // Each UTF-16 unit is at most 3 UTF-8 bytes: short texts need no count.
  if (s.length * 3 <= max) return false;
  const r = new TextEncoder().encodeInto(s, new Uint8Array(max + 4));
  return r.read < s.length || r.written > max;
}

const tooBigMessage = () =>
  `Filen er for stor (over ${MAX_SOM_BYTES / (1024 * 1024)} MiB) til at være en SØM-beregning.`;

/** The refusal of a file larger than MAX_SOM_BYTES (also for a size known before reading). */
export function somTooBigError(): SomFileError {
  return new SomFileError(tooBigMessage(), [], tooBigMessage());
}

/** The text of a file's raw bytes: size cap, then strict UTF-8 (a .som file is UTF-8 JSON). */
export function decodeSomBytes(bytes: Uint8Array): string {
  if (bytes.byteLength > MAX_SOM_BYTES) throw somTooBigError();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SomFileError('Filen er ikke gyldig UTF-8-tekst og kan ikke være en SØM-beregning.', [], NOT_SOM_SUMMARY);
  }
}

/** Decodes and parses the raw bytes of a file (strict UTF-8; a leading BOM is allowed). */
export function parseSomBytes(bytes: Uint8Array): SomDocument {
  return parseSom(decodeSomBytes(bytes));
}

/**
 * The same refusal, naming the file and what could not be done with it:
 * "Filen «x.som» kan ikke importeres. Filen er beskadiget … \n<the field detail>".
 */
export function refusedFile(e: SomFileError, fileName: string, what: 'åbnes' | 'importeres'): SomFileError {
  const text = `Filen «${fileName}» kan ikke ${what}. ${describeFileError(e)}`;
  return new SomFileError(text, e.path, text);
}

/** Parses and validates the text of a .som file. Throws SomFileError, never anything else. */
export function parseSom(text: string): SomDocument {
  if (typeof text !== 'string') throw new SomFileError('Filen kunne ikke læses som tekst.');
  if (exceedsUtf8Bytes(text, MAX_SOM_BYTES)) throw somTooBigError();
  return parseCheckedText(text);
}

/** The text of a file whose size is already checked. */
function parseCheckedText(text: string): SomDocument {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // Structure first (array lengths, depth, number of values), before any object is built.
  const scan = prescanSom(body);
  if (!scan.ok) throw prescanError(scan);
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    throw new SomFileError('Filen er ikke en gyldig SØM-fil: indholdet er ikke gyldig JSON.');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new SomFileError('Filen er ikke en SØM-fil: den skal indeholde ét JSON-objekt.', [], NOT_SOM_SUMMARY);
  }
  if (jsonDepth(raw, MAX_SOM_DEPTH) > MAX_SOM_DEPTH) {
    throw new SomFileError(`Filen er ikke en gyldig SØM-fil: data er indlejret mere end ${MAX_SOM_DEPTH} niveauer.`);
  }
  const obj = raw as Record<string, unknown>;
  if (obj.format !== SOM_FORMAT) {
    throw new SomFileError('Filen er ikke en SØM-fil (feltet "format" mangler eller er ikke "som").', ['format'], NOT_SOM_SUMMARY);
  }
  const v = obj.formatVersion;
  if (typeof v === 'number' && Number.isInteger(v) && v > SOM_FORMAT_VERSION) {
    throw new SomFileError(
      `Filen er gemt med en nyere version af SØM Desktop (formatversion ${v}). Opdatér programmet for at åbne den.`,
      ['formatVersion'],
      'Filen er lavet med en nyere version af SØM Desktop.',
    );
  }
  if (v !== SOM_FORMAT_VERSION) {
    throw new SomFileError('Formatversion: skal være 1.', ['formatVersion']);
  }
  let result: ReturnType<typeof somDocumentSchema.safeParse>;
  try {
    result = somDocumentSchema.safeParse(raw);
  } catch {
    // Defensive: a validator crash on hostile input must still be a file error.
    throw new SomFileError('Filen er ikke en gyldig SØM-fil: indholdet kunne ikke kontrolleres.');
  }
  if (!result.success) {
    const issue = pickIssue(result.error.issues);
    throw new SomFileError(describeIssue(issue, raw), issue.path as (string | number)[]);
  }
  // A cost model's activities decide the yearly costs: stored arrays that disagree are refused.
  const mismatch = findCostMismatch(result.data.intervention);
  if (mismatch) {
    throw new SomFileError(costMismatchMessage(mismatch), ['intervention', mismatch.key, mismatch.actor, mismatch.index]);
  }
  return result.data;
}

function prescanError(scan: Extract<ReturnType<typeof prescanSom>, { ok: false }>): SomFileError {
  if (scan.reason === 'depth') {
    return new SomFileError(`Filen er ikke en gyldig SØM-fil: data er indlejret mere end ${MAX_SOM_DEPTH} niveauer.`, scan.at);
  }
  if (scan.reason === 'values') {
    return new SomFileError(`Filen er ikke en gyldig SØM-fil: den indeholder mere end ${formatNumber(scan.limit)} værdier.`, scan.at);
  }
  const where = scan.at.length === 0 ? 'Filen' : fieldLabel(scan.at, {});
  const exact = /^lines\.\*\.(estimate|estimateKind|own)$/.test(scan.path);
  const expectation = exact ? `skal have præcis ${scan.limit} værdier (År 1–${scan.limit})` : `må højst have ${formatNumber(scan.limit)}`;
  return new SomFileError(`${where}: har mere end ${formatNumber(scan.limit)} værdier, men ${expectation}.`, scan.at);
}

/** The first issue in document order is the one we report (zod reports in schema order). */
function pickIssue(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue {
  return issues[0];
}

/** Nesting depth of a parsed JSON value (iterative; a .som document needs about 5). */
function jsonDepth(root: unknown, limit: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child === 'object' && child !== null) stack.push([child, d + 1]);
    }
  }
  return max;
}

export { MAX_SOM_DEPTH } from './prescan';

// ---- writing ---------------------------------------------------------------------------------

function orderedLine(l: SomLine): SomLine {
  return {
    id: l.id,
    dimensionId: l.dimensionId,
    label: l.label,
    area: l.area,
    unit: l.unit,
    direction: l.direction,
    taxableTransfer: l.taxableTransfer,
    useEstimates: l.useEstimates,
    estimate: [...l.estimate],
    estimateKind: [...l.estimateKind],
    own: [...l.own],
    price: {
      priceYear: l.price.priceYear,
      kommune: l.price.kommune,
      region: l.price.region,
      stat: l.price.stat,
      source: l.price.source,
    },
    ownPrice: { kommune: l.ownPrice.kommune, region: l.ownPrice.region, stat: l.ownPrice.stat },
  };
}

function perActor<T>(o: Record<Actor, T>, f: (v: T) => T = (v) => v): Record<Actor, T> {
  return { kommune: f(o.kommune), region: f(o.region), stat: f(o.stat) };
}

/** The document with every object's keys in som-format.md order (optional parts only when present). */
export function normalizeSom(doc: SomDocument): SomDocument {
  const iv = doc.intervention;
  // With a cost model the file stores the costs it derives (so every reader shows them).
  const yearly = effectiveCosts(iv);
  const tg = iv.targetGroup;
  const conv = iv.effect.conversion;
  const index: Record<string, number> = {};
  for (const k of Object.keys(doc.parameters.priceIndex).sort((a, b) => Number(a) - Number(b))) {
    index[k] = doc.parameters.priceIndex[k];
  }
  const out: SomDocument = {
    format: doc.format,
    formatVersion: doc.formatVersion,
    createdWith: doc.createdWith,
    savedAt: doc.savedAt,
    knowledge: doc.knowledge === null ? null : { release: doc.knowledge.release, sha256: doc.knowledge.sha256 },
    intervention: {
      name: iv.name,
      description: iv.description,
      targetGroup: {
        id: tg.id,
        label: tg.label,
        successMeasureId: tg.successMeasureId,
        successMeasureLabel: tg.successMeasureLabel,
        ...(tg.description !== undefined ? { description: tg.description } : {}),
      },
      startYear: iv.startYear,
      yearsWithIntervention: iv.yearsWithIntervention,
      courseDurationMonths: iv.courseDurationMonths,
      participants: [...iv.participants],
      costs: perActor(yearly.costs, (a) => [...a]),
      savedCosts: perActor(yearly.savedCosts, (a) => [...a]),
      effect: {
        measure: iv.effect.measure,
        successRate: iv.effect.successRate,
        conversion:
          conv === null
            ? null
            : { kind: conv.kind, value: conv.value, baseline: conv.baseline, studyId: conv.studyId },
      },
      assessment: { effectMeasure: iv.assessment.effectMeasure, targetGroup: iv.assessment.targetGroup },
      ...(iv.costModel ? { costModel: normalizeCostModel(iv.costModel) } : {}),
    },
    lines: doc.lines.map(orderedLine),
    parameters: {
      discountRate: doc.parameters.discountRate,
      taxRates: perActor(doc.parameters.taxRates),
      priceIndex: index,
    },
    view: { periodStart: doc.view.periodStart, periodEnd: doc.view.periodEnd, actor: doc.view.actor },
  };
  if (doc.analysis !== undefined) {
    // Canonical key order = the order of analysisSchema (zod output follows the shape).
    const a = analysisSchema.safeParse(doc.analysis);
    out.analysis = a.success ? a.data : doc.analysis;
  }
  if (doc.report !== undefined) out.report = { text: doc.report.text };
  if (doc.followUp !== undefined) out.followUp = normalizeFollowUp(doc.followUp);
  if (doc.notes !== undefined) out.notes = doc.notes.map((n) => ({ at: n.at, text: n.text }));
  if (doc.extensions !== undefined) out.extensions = doc.extensions;
  return out;
}

/**
 * The file text: keys in som-format.md order, 2-space indentation, trailing newline.
 * `analysis` and `extensions` are written exactly as they were read (their own key order).
 */
export function serializeSom(doc: SomDocument): string {
  return JSON.stringify(normalizeSom(doc), null, 2) + '\n';
}

// ---- the bytes written -----------------------------------------------------------------------

/** A file this large (UTF-8 bytes written) is close to MAX_SOM_BYTES: the user is warned. */
export const NEAR_LIMIT_BYTES = 4 * 1024 * 1024;

const mib = (bytes: number): string => formatNumber(bytes / (1024 * 1024), 1);

/**
 * The one rule for the cap, applied to the bytes written: the pretty text (serializeSom) when it is
 * within MAX_SOM_BYTES, else the same document as compact JSON, else a SomFileError. So every
 * document the reader accepted (a file of at most 5 MiB, often compact) can be written again.
 */
export function serializeForDisk(doc: SomDocument): { text: string; bytes: number } {
  const encoder = new TextEncoder();
  const pretty = serializeSom(doc);
  const prettyBytes = encoder.encode(pretty).byteLength;
  if (prettyBytes <= MAX_SOM_BYTES) return { text: pretty, bytes: prettyBytes };
  const compact = JSON.stringify(normalizeSom(doc)) + '\n';
  const compactBytes = encoder.encode(compact).byteLength;
  if (compactBytes <= MAX_SOM_BYTES) return { text: compact, bytes: compactBytes };
  throw new SomFileError(
    `Beregningen fylder over ${mib(MAX_SOM_BYTES)} MiB, og en SØM-fil må højst fylde ${mib(MAX_SOM_BYTES)} MiB. ` +
      'Gør noter, rapporttekst eller andre lange tekster kortere, og gem igen.',
  );
}

/** The Danish warning for a file of `bytes` written bytes, or null when it is far from the cap. */
export function sizeWarning(bytes: number): string | null {
  if (bytes < NEAR_LIMIT_BYTES) return null;
  return (
    `Beregningen fylder ${mib(bytes)} MiB, tæt på grænsen på ${mib(MAX_SOM_BYTES)} MiB for en SØM-fil. ` +
    'Gør noter, rapporttekst eller andre lange tekster kortere, før den bliver for stor til at gemme.'
  );
}
