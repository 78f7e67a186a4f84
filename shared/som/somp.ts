/**
 * Reading and writing .somp files (a saved comparison or portfolio, format v1). Pure.
 *
 * A .somp file is self-contained like a .som: every member is a complete .som v1 document.
 * Reading treats the text as untrusted: size cap → JSON parse → format/version → strict
 * envelope (name, basis, report) → every .som rule applied to each member (via `parseSom`), the
 * member named in the error → the basis checked like the comparison checks it.
 */
import { z } from 'zod';
import { MAX_COMPARE_MEMBERS, basisProblem, type CompareBasis } from '../engine/compare-basis';
import { SomFileError, normalizeSom, parseSom, utf8ByteLength, MAX_SOM_DEPTH } from './io';
import { LIMITS, noteSchema } from './schema';
import { SOMP_FORMAT, SOMP_FORMAT_VERSION, MAX_SOMP_BYTES, type SompDocument } from './somp-basics';

export { MAX_SOMP_BYTES, SOMP_FORMAT, SOMP_FORMAT_VERSION, createSomp, type SompDocument } from './somp-basics';

const msgText = (max: number, min = 0) =>
  min > 0 ? `skal være en tekst på ${min}–${max} tegn` : `skal være en tekst på højst ${max} tegn`;
const text = (max: number, min = 0) =>
  z.string({ error: msgText(max, min) }).min(min, { error: msgText(max, min) }).max(max, { error: msgText(max, min) });
const intIn = (min: number, max: number) => {
  const msg = `skal være et helt tal mellem ${min} og ${max}`;
  return z.number({ error: msg }).int({ error: msg }).min(min, { error: msg }).max(max, { error: msg });
};

/** The envelope; members are checked one by one with every .som rule. */
const sompEnvelope = z.strictObject(
  {
    format: z.literal(SOMP_FORMAT, { error: 'skal være "somp"' }),
    formatVersion: z.literal(SOMP_FORMAT_VERSION, { error: 'skal være 1' }),
    createdWith: text(LIMITS.maxShortText),
    // The same ISO 8601 rule as a .som file's savedAt.
    savedAt: noteSchema.shape.at,
    name: text(LIMITS.maxNameLength, 1),
    basis: z.strictObject(
      {
        priceYear: intIn(LIMITS.minYear, LIMITS.maxYear),
        discountRate: z
          .number({ error: 'skal være et tal mellem 0 og 0,2' })
          .min(0, { error: 'skal være et tal mellem 0 og 0,2' })
          .max(LIMITS.maxDiscountRate, { error: 'skal være et tal mellem 0 og 0,2' }),
        periodStart: intIn(LIMITS.minYear, LIMITS.maxYear + LIMITS.maxPeriodYears),
        periodEnd: intIn(LIMITS.minYear, LIMITS.maxYear + LIMITS.maxPeriodYears),
      },
      { error: 'skal være et objekt' },
    ),
    members: z
      .array(z.unknown(), { error: 'skal være en liste af beregninger' })
      .min(1, { error: 'skal indeholde mindst én beregning' })
      .max(MAX_COMPARE_MEMBERS, { error: `må højst indeholde ${MAX_COMPARE_MEMBERS} beregninger` }),
    report: z.strictObject({ text: text(LIMITS.maxLongText) }, { error: 'skal være et objekt' }).optional(),
  },
  { error: 'skal være et objekt' },
);

const FIELD_DA: Record<string, string> = {
  format: 'Filformat',
  formatVersion: 'Formatversion',
  createdWith: 'Oprettet med',
  savedAt: 'Gemt tidspunkt',
  name: 'Sammenligningens navn',
  basis: 'Fælles grundlag',
  members: 'Beregninger',
  report: 'Rapporttekst',
};
const BASIS_DA: Record<string, string> = {
  priceYear: 'prisår',
  discountRate: 'diskonteringsrente',
  periodStart: 'periodens første år',
  periodEnd: 'periodens sidste år',
};

function flat(s: string, n: number): string {
  // eslint-disable-next-line no-control-regex
  const f = s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ');
  return f.length > n ? f.slice(0, n - 1) + '…' : f;
}

function depthOver(root: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[root, 1]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) continue;
    if (d > limit) return true;
    for (const child of Array.isArray(v) ? v : Object.values(v)) {
      if (typeof child === 'object' && child !== null) stack.push([child, d + 1]);
    }
  }
  return false;
}

const tooBig = () => `Filen er for stor (over ${MAX_SOMP_BYTES / (1024 * 1024)} MiB) til at være en SØM-sammenligning.`;

/** How a member is named in messages: "Beregning 2 ('ICM')", or by number when the name is unusable. */
export function memberLabel(raw: unknown, i: number): string {
  const name = (raw as { intervention?: { name?: unknown } } | null)?.intervention?.name;
  return typeof name === 'string' && name.trim() !== '' ? `Beregning ${i + 1} ('${flat(name, 80)}')` : `Beregning ${i + 1}`;
}

/** Decodes and parses the raw bytes of a .somp file (strict UTF-8; a leading BOM is allowed). */
export function parseSompBytes(bytes: Uint8Array): SompDocument {
  if (bytes.byteLength > MAX_SOMP_BYTES) throw new SomFileError(tooBig(), [], tooBig());
  let t: string;
  try {
    t = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new SomFileError('Filen er ikke gyldig UTF-8-tekst og kan ikke være en SØM-sammenligning.');
  }
  return parseSomp(t);
}

/** Parses and validates the text of a .somp file. Throws SomFileError, never anything else. */
export function parseSomp(input: string): SompDocument {
  if (typeof input !== 'string') throw new SomFileError('Filen kunne ikke læses som tekst.');
  if (input.length > MAX_SOMP_BYTES || utf8ByteLength(input) > MAX_SOMP_BYTES) throw new SomFileError(tooBig(), [], tooBig());
  const body = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  let raw: unknown;
  try {
    raw = JSON.parse(body);
  } catch {
    throw new SomFileError('Filen er ikke en gyldig SØM-sammenligning: indholdet er ikke gyldig JSON.');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new SomFileError('Filen er ikke en SØM-sammenligning: den skal indeholde ét JSON-objekt.');
  }
  // Members sit two levels down; each is held to the .som depth limit by parseSom.
  if (depthOver(raw, MAX_SOM_DEPTH + 2)) {
    throw new SomFileError(`Filen er ikke en gyldig SØM-sammenligning: data er indlejret mere end ${MAX_SOM_DEPTH + 2} niveauer.`);
  }
  const obj = raw as Record<string, unknown>;
  if (obj.format === 'som') {
    const msg = 'Filen er en enkelt SØM-beregning (.som), ikke en sammenligning (.somp). Åbn den som beregning.';
    throw new SomFileError(msg, ['format'], msg);
  }
  if (obj.format !== SOMP_FORMAT) {
    throw new SomFileError('Filen er ikke en SØM-sammenligning (feltet "format" mangler eller er ikke "somp").', ['format']);
  }
  const v = obj.formatVersion;
  if (typeof v === 'number' && Number.isInteger(v) && v > SOMP_FORMAT_VERSION) {
    throw new SomFileError(
      `Filen er gemt med en nyere version af SØM Desktop (formatversion ${v}). Opdatér programmet for at åbne den.`,
      ['formatVersion'],
    );
  }
  let env: ReturnType<typeof sompEnvelope.safeParse>;
  try {
    env = sompEnvelope.safeParse(raw);
  } catch {
    throw new SomFileError('Filen er ikke en gyldig SØM-sammenligning: indholdet kunne ikke kontrolleres.');
  }
  if (!env.success) {
    const issue = env.error.issues[0];
    const path = issue.path as (string | number)[];
    const [p0, p1] = path;
    let label = p0 === undefined ? 'Filen' : (FIELD_DA[String(p0)] ?? `Felt '${flat(String(p0), 40)}'`);
    if (p0 === 'basis' && p1 !== undefined) label += `, ${BASIS_DA[String(p1)] ?? flat(String(p1), 40)}`;
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((k) => `'${flat(k, 40)}'`).join(', ');
      throw new SomFileError(`${label}: ukendt${issue.keys.length > 1 ? 'e felter' : ' felt'} ${keys} (findes ikke i formatversion 1).`, path);
    }
    const missing = issue.code === 'invalid_type' && p0 !== undefined && !(String(p0) in obj);
    throw new SomFileError(`${label}: ${missing ? `mangler (${issue.message})` : issue.message}.`, path);
  }
  const e = env.data;
  const members = e.members.map((m, i) => {
    if (typeof m !== 'object' || m === null || Array.isArray(m)) {
      throw new SomFileError(`${memberLabel(m, i)}: skal være en SØM-beregning (et objekt).`, ['members', i]);
    }
    try {
      return parseSom(JSON.stringify(m));
    } catch (err) {
      const msg = err instanceof SomFileError ? err.message : 'kunne ikke kontrolleres.';
      const inner = err instanceof SomFileError ? err.path : [];
      throw new SomFileError(`${memberLabel(m, i)}: ${msg}`, ['members', i, ...inner]);
    }
  });
  const basis: CompareBasis = { ...e.basis };
  const problem = basisProblem(basis);
  if (problem) throw new SomFileError(`Fælles grundlag: ${problem}`, ['basis']);
  const out: SompDocument = {
    format: SOMP_FORMAT,
    formatVersion: SOMP_FORMAT_VERSION,
    createdWith: e.createdWith,
    savedAt: e.savedAt,
    name: e.name,
    basis,
    members,
  };
  if (e.report !== undefined) out.report = { text: e.report.text };
  return out;
}

/** The document with keys in som-format.md order (members normalised like a .som). */
export function normalizeSomp(doc: SompDocument): SompDocument {
  const out: SompDocument = {
    format: SOMP_FORMAT,
    formatVersion: SOMP_FORMAT_VERSION,
    createdWith: doc.createdWith,
    savedAt: doc.savedAt,
    name: doc.name,
    basis: {
      priceYear: doc.basis.priceYear,
      discountRate: doc.basis.discountRate,
      periodStart: doc.basis.periodStart,
      periodEnd: doc.basis.periodEnd,
    },
    members: doc.members.map(normalizeSom),
  };
  if (doc.report !== undefined) out.report = { text: doc.report.text };
  return out;
}

/** The file text: stable key order, 2-space indentation, trailing newline. */
export function serializeSomp(doc: SompDocument): string {
  return JSON.stringify(normalizeSomp(doc), null, 2) + '\n';
}

/** Whether a text looks like a .somp file (format "somp"), without validating it. */
export function looksLikeSomp(t: string): boolean {
  return /^\uFEFF?\s*\{[\s\S]{0,200}?"format"\s*:\s*"somp"/.test(t);
}
