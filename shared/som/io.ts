/**
 * Reading and writing .som files (format v1). Pure: text in, document out, and back.
 *
 * Reading treats the text as untrusted: size cap → JSON parse → format/version check → strict
 * schema → domain checks. Every failure is a SomFileError (an AppError with code 'invalid-file')
 * whose Danish message names the offending field in the user's terms.
 */
import type { z } from 'zod';
import { AppError } from '../errors';
import {
  ACTORS,
  SOM_FORMAT,
  SOM_FORMAT_VERSION,
  YEARS_PER_LINE,
  somDocumentSchema,
  type Actor,
  type SomDocument,
  type SomLine,
} from './schema';
import { analysisSchema } from './analysis';

/** Maximum size of a .som file in UTF-8 bytes (5 MiB). */
export const MAX_SOM_BYTES = 5 * 1024 * 1024;

export class SomFileError extends AppError {
  /** The JSON path of the offending value, when there is one (for tests and diagnostics). */
  readonly path: readonly (string | number)[];
  constructor(message: string, path: readonly (string | number)[] = []) {
    super('invalid-file', message);
    this.name = 'SomFileError';
    this.path = path;
  }
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

const tooBigMessage = () =>
  `Filen er for stor (over ${MAX_SOM_BYTES / (1024 * 1024)} MiB) til at være en SØM-beregning.`;

/** Decodes and parses the raw bytes of a file (strict UTF-8; a leading BOM is allowed). */
export function parseSomBytes(bytes: Uint8Array): SomDocument {
  if (bytes.byteLength > MAX_SOM_BYTES) throw new SomFileError(tooBigMessage());
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SomFileError('Filen er ikke gyldig UTF-8-tekst og kan ikke være en SØM-beregning.');
  }
  return parseSom(text);
}

/** Parses and validates the text of a .som file. Throws SomFileError, never anything else. */
export function parseSom(text: string): SomDocument {
  if (typeof text !== 'string') throw new SomFileError('Filen kunne ikke læses som tekst.');
  if (text.length > MAX_SOM_BYTES || utf8ByteLength(text) > MAX_SOM_BYTES) throw new SomFileError(tooBigMessage());
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    throw new SomFileError('Filen er ikke en gyldig SØM-fil: indholdet er ikke gyldig JSON.');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new SomFileError('Filen er ikke en SØM-fil: den skal indeholde ét JSON-objekt.');
  }
  if (jsonDepth(raw, MAX_SOM_DEPTH) > MAX_SOM_DEPTH) {
    throw new SomFileError(`Filen er ikke en gyldig SØM-fil: data er indlejret mere end ${MAX_SOM_DEPTH} niveauer.`);
  }
  const obj = raw as Record<string, unknown>;
  if (obj.format !== SOM_FORMAT) {
    throw new SomFileError('Filen er ikke en SØM-fil (feltet "format" mangler eller er ikke "som").', ['format']);
  }
  const v = obj.formatVersion;
  if (typeof v === 'number' && Number.isInteger(v) && v > SOM_FORMAT_VERSION) {
    throw new SomFileError(
      `Filen er gemt med en nyere version af SØM Desktop (formatversion ${v}). Opdatér programmet for at åbne den.`,
      ['formatVersion'],
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
  return result.data;
}

/** The first issue in document order is the one we report (zod reports in schema order). */
function pickIssue(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue {
  return issues[0];
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): { found: boolean; value: unknown; parent: unknown } {
  let cur: unknown = raw;
  let parent: unknown = undefined;
  for (const key of path) {
    parent = cur;
    if (typeof cur !== 'object' || cur === null) return { found: false, value: undefined, parent };
    if (!Object.prototype.hasOwnProperty.call(cur, key as string)) return { found: false, value: undefined, parent };
    cur = (cur as Record<string, unknown>)[key as string];
  }
  return { found: true, value: cur, parent };
}

function describeIssue(issue: z.core.$ZodIssue, raw: unknown): string {
  const path = issue.path as (string | number)[];
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((k) => `'${truncate(k, 40)}'`).join(', ');
    const where = path.length === 0 ? 'Filen' : fieldLabel(path, raw);
    return `${where}: ukendt${issue.keys.length > 1 ? 'e felter' : ' felt'} ${keys} (findes ikke i formatversion 1).`;
  }
  if (issue.code === 'invalid_key') {
    const key = path[path.length - 1];
    return `${fieldLabel(path.slice(0, -1), raw)}: ugyldigt årstal '${truncate(String(key), 20)}' (skal have fire cifre).`;
  }
  const label = path.length === 0 ? 'Filen' : fieldLabel(path, raw);
  const { found, parent } = valueAt(raw, path);
  const expectation = issue.message;
  if (!found && issue.code === 'invalid_type' && typeof parent === 'object' && parent !== null && !Array.isArray(parent)) {
    return `${label}: mangler (${expectation}).`;
  }
  return `${label}: ${expectation}.`;
}

/** Shortens text from the file for use in a message, and flattens control characters. */
function truncate(s: string, n: number): string {
  // eslint-disable-next-line no-control-regex
  const flat = s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  return flat.length > n ? flat.slice(0, n - 1) + '…' : flat;
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

/** Maximum nesting depth of objects/arrays in a .som file (room for deep `extensions`). */
export const MAX_SOM_DEPTH = 64;

const ACTOR_DA: Record<Actor, string> = { kommune: 'kommune', region: 'region', stat: 'stat' };

function isActor(k: unknown): k is Actor {
  return typeof k === 'string' && (ACTORS as readonly string[]).includes(k);
}

/**
 * The Danish name of the field at `path` of a (possibly invalid) raw document, e.g.
 * ['intervention','participants',2] → "Deltagere, år 2020" (start year taken from the raw file
 * when it is a valid integer), ['lines',0,'own',2] → "Konsekvenslinje 'Kontanthjælp', År 3 (egne værdier)".
 */
export function fieldLabel(path: readonly (string | number)[], raw: unknown): string {
  const [p0, p1, p2, p3, p4] = path;
  const startYear = valueAt(raw, ['intervention', 'startYear']).value;
  const yearOf = (i: unknown): string =>
    typeof i === 'number'
      ? typeof startYear === 'number' && Number.isInteger(startYear)
        ? `år ${startYear + i}`
        : `indsatsår nr. ${i + 1}`
      : '';
  const join = (...parts: string[]) => parts.filter((p) => p !== '').join(', ');

  switch (p0) {
    case 'format':
      return 'Filformat';
    case 'formatVersion':
      return 'Formatversion';
    case 'createdWith':
      return 'Oprettet med';
    case 'savedAt':
      return 'Gemt tidspunkt';
    case 'knowledge':
      return join(
        'Vidensdatabase',
        p1 === 'release' ? 'udgave' : p1 === 'sha256' ? 'kontrolsum' : p1 !== undefined ? String(p1) : '',
      );
    case 'intervention':
      return interventionLabel(path.slice(1), yearOf, join);
    case 'lines': {
      if (p1 === undefined) return 'Konsekvenslinjer';
      const lineLabel = valueAt(raw, ['lines', p1, 'label']).value;
      const name =
        typeof lineLabel === 'string' && lineLabel.trim() !== ''
          ? `Konsekvenslinje '${truncate(lineLabel, 80)}'`
          : `Konsekvenslinje nr. ${typeof p1 === 'number' ? p1 + 1 : String(p1)}`;
      return lineFieldLabel(name, p2, p3, p4, join);
    }
    case 'parameters':
      switch (p1) {
        case undefined:
          return 'Parametre';
        case 'discountRate':
          return 'Diskonteringsrente';
        case 'taxRates':
          return isActor(p2) ? `Skattesats, ${ACTOR_DA[p2]}` : 'Skattesatser';
        case 'priceIndex':
          return p2 !== undefined ? `Prisindeks, ${truncate(String(p2), 20)}` : 'Prisindeks';
        default:
          return `Parametre, ${String(p1)}`;
      }
    case 'view':
      switch (p1) {
        case 'periodStart':
          return 'Periode, første år';
        case 'periodEnd':
          return 'Periode, sidste år';
        case 'actor':
          return 'Visning, aktør';
        default:
          return 'Visning';
      }
    case 'analysis':
      return analysisLabel(path.slice(1), raw, join);
    case 'report':
      return p1 === 'text' ? 'Rapporttekst' : 'Rapport';
    case 'notes':
      if (p1 === undefined) return 'Noter';
      return join(`Note nr. ${typeof p1 === 'number' ? p1 + 1 : String(p1)}`, p2 === 'at' ? 'tidspunkt' : p2 === 'text' ? 'tekst' : '');
    case 'extensions':
      return 'Udvidelser';
    default:
      return path.map(String).join('.');
  }
}

const ANALYSIS_INPUT_DA: Record<string, string> = {
  successRate: 'succesrate',
  costs: 'omkostninger',
  consequences: 'konsekvenser',
  consequencesMeasured: 'konsekvenser i målte år',
  consequencesForecast: 'konsekvenser i fremskrevne år',
  prices: 'priser',
  discountRates: 'diskonteringsrenter',
  periodYears: 'periodelængder',
};

/** Labels inside `analysis` (shape: ./analysis.ts, issue 7). */
function analysisLabel(path: readonly (string | number)[], raw: unknown, join: (...parts: string[]) => string): string {
  const [p1, p2, p3, p4, p5, p6] = path;
  const nth = (i: unknown) => (typeof i === 'number' ? `nr. ${i + 1}` : String(i));
  const lowHigh = (k: unknown) => (k === 'low' ? 'lav' : k === 'high' ? 'høj' : typeof k === 'number' ? `værdi ${nth(k)}` : '');
  const input = (k: unknown) => (typeof k === 'string' ? (ANALYSIS_INPUT_DA[k] ?? truncate(k, 40)) : '');
  switch (p1) {
    case undefined:
      return 'Analyse';
    case 'scenarios': {
      if (p2 === undefined) return 'Analyse, scenarier';
      const name = valueAt(raw, ['analysis', 'scenarios', p2, 'name']).value;
      const base = typeof name === 'string' && name.trim() !== '' ? `Scenarie '${truncate(name, 80)}'` : `Scenarie ${nth(p2)}`;
      if (p3 === 'changes') {
        const field = p5 === 'input' ? 'input' : p5 === 'value' ? 'værdi' : '';
        return join(base, p4 === undefined ? 'ændringer' : `ændring ${nth(p4)}`, field);
      }
      return join(base, p3 === 'id' ? 'id' : p3 === 'name' ? 'navn' : p3 !== undefined ? String(p3) : '');
    }
    case 'sensitivity':
      return join('Følsomhedsanalyse', input(p2), lowHigh(p3));
    case 'monteCarlo':
      if (p2 === 'seed') return 'Monte Carlo, startværdi (seed)';
      if (p2 === 'draws') return 'Monte Carlo, antal træk';
      if (p2 === 'ranges') return join('Monte Carlo, interval', input(p3), lowHigh(p4));
      void p6;
      return 'Monte Carlo';
    default:
      return join('Analyse', String(p1));
  }
}

function interventionLabel(
  path: readonly (string | number)[],
  yearOf: (i: unknown) => string,
  join: (...parts: string[]) => string,
): string {
  const [p1, p2, p3, p4] = path;
  switch (p1) {
    case undefined:
      return 'Indsats';
    case 'name':
      return 'Indsatsens navn';
    case 'description':
      return 'Beskrivelse af indsatsen';
    case 'targetGroup': {
      const sub: Record<string, string> = {
        id: 'Målgruppe, id',
        label: 'Målgruppe',
        successMeasureId: 'Succesmål, id',
        successMeasureLabel: 'Succesmål',
        description: 'Beskrivelse af målgruppen',
      };
      return typeof p2 === 'string' && sub[p2] ? sub[p2] : 'Målgruppe';
    }
    case 'startYear':
      return 'Startår';
    case 'yearsWithIntervention':
      return 'Antal år med indsats';
    case 'courseDurationMonths':
      return 'Forløbets varighed (måneder)';
    case 'participants':
      return join('Deltagere', yearOf(p2));
    case 'costs':
    case 'savedCosts': {
      const base = p1 === 'costs' ? 'Samlede omkostninger' : 'Sparede omkostninger (erstattede indsatser)';
      return join(base, isActor(p2) ? ACTOR_DA[p2] : p2 !== undefined ? String(p2) : '', yearOf(p3));
    }
    case 'effect':
      switch (p2) {
        case undefined:
          return 'Effekt';
        case 'measure':
          return 'Effektmål';
        case 'successRate':
          return 'Succesrate';
        case 'conversion': {
          const sub: Record<string, string> = {
            kind: 'type',
            value: 'effektstørrelse',
            baseline: 'andel der når målet uden indsatsen',
            studyId: 'studie',
          };
          return join('Effektomregning', typeof p3 === 'string' && sub[p3] ? sub[p3] : '');
        }
        default:
          return 'Effekt';
      }
    case 'assessment':
      return p2 === 'effectMeasure'
        ? 'Vurdering af effektmålet'
        : p2 === 'targetGroup'
          ? 'Vurdering af målgruppen'
          : 'Vurdering';
    default:
      void p4;
      return join('Indsats', String(p1));
  }
}

function lineFieldLabel(
  name: string,
  field: string | number | undefined,
  sub: string | number | undefined,
  _sub2: string | number | undefined,
  join: (...parts: string[]) => string,
): string {
  const yearK = (k: unknown) => (typeof k === 'number' ? `År ${k + 1}` : '');
  switch (field) {
    case undefined:
      return name;
    case 'id':
      return join(name, 'id');
    case 'dimensionId':
      return join(name, 'dimension');
    case 'label':
      return join(name, 'navn');
    case 'area':
      return join(name, 'område');
    case 'unit':
      return join(name, 'enhed');
    case 'direction':
      return join(name, 'retning (udgift/indtægt)');
    case 'taxableTransfer':
      return join(name, 'skattepligtig overførsel');
    case 'useEstimates':
      return join(name, 'brug vidensdatabasens skøn');
    case 'estimate':
      return sub === undefined ? join(name, 'vidensdatabasens skøn') : `${join(name, yearK(sub))} (vidensdatabasens skøn)`;
    case 'estimateKind':
      return sub === undefined ? join(name, 'skønstype') : `${join(name, yearK(sub))} (skønstype)`;
    case 'own':
      return sub === undefined ? join(name, 'egne værdier') : `${join(name, yearK(sub))} (egne værdier)`;
    case 'price':
      if (sub === 'priceYear') return join(name, 'prisår');
      if (sub === 'source') return join(name, 'priskilde');
      return join(name, 'pris', isActor(sub) ? ACTOR_DA[sub] : '');
    case 'ownPrice':
      return join(name, 'egen pris', isActor(sub) ? ACTOR_DA[sub] : '');
    default:
      return join(name, String(field));
  }
}

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
      costs: perActor(iv.costs, (a) => [...a]),
      savedCosts: perActor(iv.savedCosts, (a) => [...a]),
      effect: {
        measure: iv.effect.measure,
        successRate: iv.effect.successRate,
        conversion:
          conv === null
            ? null
            : { kind: conv.kind, value: conv.value, baseline: conv.baseline, studyId: conv.studyId },
      },
      assessment: { effectMeasure: iv.assessment.effectMeasure, targetGroup: iv.assessment.targetGroup },
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
    // Canonical key order = the order of issue 7's schema (zod output follows the shape).
    const a = analysisSchema.safeParse(doc.analysis);
    out.analysis = a.success ? a.data : doc.analysis;
  }
  if (doc.report !== undefined) out.report = { text: doc.report.text };
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

// ---- new documents ---------------------------------------------------------------------------

/** Net price index 1998–2023, basis 2018 = 1,00 (model.md §11, "Anden viden"). */
export const DEFAULT_PRICE_INDEX: Readonly<Record<string, number>> = Object.freeze(
  Object.fromEntries(
    [
      0.69, 0.7, 0.72, 0.74, 0.76, 0.77, 0.79, 0.8, 0.82, 0.83, 0.86, 0.88, 0.9, 0.92, 0.94, 0.95, 0.95, 0.96, 0.97, 0.98,
      1.0, 1.02, 1.04, 1.06, 1.08, 1.11,
    ].map((v, i) => [String(1998 + i), v]),
  ),
);
export const DEFAULT_DISCOUNT_RATE = 0.04;
export const DEFAULT_TAX_RATES: Readonly<Record<Actor, number>> = Object.freeze({ kommune: 0.264, region: 0, stat: 0.121 });
export const DEFAULT_PERIOD_YEARS = 6;

export interface CreateEmptySomOptions {
  startYear: number;
  name?: string;
  yearsWithIntervention?: number;
  courseDurationMonths?: number;
  /** App name and version, e.g. "SØM Desktop 0.1.0". */
  createdWith?: string;
  /** ISO time of creation; default now. */
  savedAt?: string;
}

/** A valid new document: no lines, zero participants and costs, model defaults for the rest. */
export function createEmptySom(opts: CreateEmptySomOptions): SomDocument {
  const n = opts.yearsWithIntervention ?? 1;
  const zeros = () => new Array<number>(n).fill(0);
  return {
    format: 'som',
    formatVersion: 1,
    createdWith: opts.createdWith ?? 'SØM Desktop',
    savedAt: opts.savedAt ?? new Date().toISOString(),
    knowledge: null,
    intervention: {
      name: opts.name ?? 'Ny beregning',
      description: '',
      targetGroup: { id: null, label: '', successMeasureId: null, successMeasureLabel: null },
      startYear: opts.startYear,
      yearsWithIntervention: n,
      courseDurationMonths: opts.courseDurationMonths ?? 12,
      participants: zeros(),
      costs: { kommune: zeros(), region: zeros(), stat: zeros() },
      savedCosts: { kommune: zeros(), region: zeros(), stat: zeros() },
      effect: { measure: '', successRate: 0, conversion: null },
      assessment: { effectMeasure: '', targetGroup: '' },
    },
    lines: [],
    parameters: {
      discountRate: DEFAULT_DISCOUNT_RATE,
      taxRates: { ...DEFAULT_TAX_RATES },
      priceIndex: { ...DEFAULT_PRICE_INDEX },
    },
    view: { periodStart: opts.startYear, periodEnd: opts.startYear + DEFAULT_PERIOD_YEARS - 1, actor: 'alle' },
  };
}

/** An empty consequence line (all years blank), e.g. for *Brugerdefinerede ydelser*. */
export function createEmptyLine(opts: {
  id: string;
  label: string;
  area: string;
  unit: string;
  priceYear: number;
  direction?: 'expense' | 'revenue';
}): SomLine {
  return {
    id: opts.id,
    dimensionId: null,
    label: opts.label,
    area: opts.area,
    unit: opts.unit,
    direction: opts.direction ?? 'expense',
    taxableTransfer: false,
    useEstimates: false,
    estimate: new Array<number | null>(YEARS_PER_LINE).fill(null),
    estimateKind: new Array<'estimate' | 'forecast' | null>(YEARS_PER_LINE).fill(null),
    own: new Array<number | null>(YEARS_PER_LINE).fill(null),
    price: { priceYear: opts.priceYear, kommune: 0, region: 0, stat: 0, source: 'Egen pris' },
    ownPrice: { kommune: null, region: null, stat: null },
  };
}
