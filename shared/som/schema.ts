/**
 * The .som file, format version 1 (docs: ../shared/docs/som-format.md), as a strict zod 4 schema.
 *
 * Every error message set here is the *expectation* part of a Danish error ("skal være et tal ≥ 0");
 * `io.ts` prefixes it with the Danish name of the field ("Deltagere, år 2026: …").
 * Unknown keys are rejected everywhere except inside `extensions` (kept verbatim). The inner
 * shape of `analysis` is owned by the sensitivity/Monte Carlo feature (./analysis.ts).
 *
 * Ranges that som-format.md leaves open are closed here with generous sanity limits so that no
 * valid file can make the engine overflow (documented in docs/engine.md).
 */
import { z } from 'zod';
import { formatNumber } from '../format';
import { analysisSchema } from './analysis';
import { costModelSchema } from './costmodel';
import { followUpIssues, followUpSchema } from './followup';
import { ACTORS, INDEX_YEAR_KEY, LIMITS, VIEW_ACTORS, YEARS_PER_LINE, SOM_FORMAT, SOM_FORMAT_VERSION, type Actor } from './basics';

export { ACTORS, INDEX_YEAR_KEY, LIMITS, SOM_FORMAT, SOM_FORMAT_VERSION, VIEW_ACTORS, YEARS_PER_LINE, type Actor, type ViewActor } from './basics';

const fmt = (n: number) => formatNumber(n);

// ---- building blocks -------------------------------------------------------------------------

function text(max: number, min = 0) {
  const msg = min > 0 ? `skal være en tekst på ${min}–${max} tegn` : `skal være en tekst på højst ${fmt(max)} tegn`;
  return z.string({ error: msg }).min(min, { error: msg }).max(max, { error: msg });
}
function nullableText(max: number) {
  const msg = `skal være en tekst på højst ${fmt(max)} tegn eller tom (null)`;
  return z.string({ error: msg }).max(max, { error: msg }).nullable();
}
function int(min: number, max: number) {
  const msg = `skal være et helt tal mellem ${min} og ${max}`;
  return z.number({ error: msg }).int({ error: msg }).min(min, { error: msg }).max(max, { error: msg });
}
function num(min: number, max: number, msg: string, maxMsg = msg) {
  return z.number({ error: msg }).min(min, { error: msg }).max(max, { error: maxMsg });
}
function bool() {
  return z.boolean({ error: 'skal være sand eller falsk (true/false)' });
}
const isoRe = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/;
function isoDate() {
  const msg = 'skal være et tidspunkt i ISO 8601-format (fx 2026-11-23T10:00:00Z)';
  return z
    .string({ error: msg })
    .max(64, { error: msg })
    .regex(isoRe, { error: msg })
    .refine((s) => !Number.isNaN(Date.parse(s)), { error: msg });
}
/** A plain JSON object, returned as is (no copy: keeps every key, including odd ones). */
function plainObject(msg: string) {
  return z.custom<Record<string, unknown>>(
    (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
    { error: msg },
  );
}

const participantMsg = 'skal være et tal ≥ 0';
const participantMaxMsg = `skal være et tal mellem 0 og ${fmt(LIMITS.maxParticipants)}`;
const costMsg = 'skal være et tal ≥ 0';
const costMaxMsg = `skal være et tal mellem 0 og ${fmt(LIMITS.maxCost)}`;
const changeMsg = 'skal være et tal eller tom';
const changeMaxMsg = `skal være et tal mellem -${fmt(LIMITS.maxChange)} og ${fmt(LIMITS.maxChange)} eller tom`;
const priceMsg = 'skal være et tal (kr. pr. enhed)';
const ownPriceMsg = 'skal være et tal (kr. pr. enhed) eller tom';

const moneyArray = z.array(num(0, LIMITS.maxCost, costMsg, costMaxMsg), { error: 'skal være en liste af tal' });
const actorMoney = z.strictObject(
  { kommune: moneyArray, region: moneyArray, stat: moneyArray },
  { error: 'skal have felterne kommune, region og stat' },
);

// ---- sections --------------------------------------------------------------------------------

export const targetGroupSchema = z.strictObject(
  {
    id: nullableText(LIMITS.maxShortText),
    label: text(LIMITS.maxShortText),
    successMeasureId: nullableText(LIMITS.maxShortText),
    successMeasureLabel: nullableText(LIMITS.maxShortText),
    description: text(LIMITS.maxDescriptionLength).optional(),
  },
  { error: 'skal være et objekt' },
);

export const conversionSchema = z.strictObject(
  {
    kind: z.enum(['smd', 'or', 'rr', 'rd'], { error: 'skal være smd, or, rr eller rd' }),
    value: num(-1e6, 1e6, 'skal være et tal'),
    baseline: num(0, 1, 'skal være et tal mellem 0 og 1'),
    studyId: nullableText(LIMITS.maxShortText),
  },
  { error: 'skal være et objekt eller tom (null)' },
);

export const effectSchema = z.strictObject(
  {
    measure: text(LIMITS.maxShortText),
    successRate: num(0, 1, 'skal være et tal mellem 0 og 1'),
    conversion: conversionSchema.nullable(),
  },
  { error: 'skal være et objekt' },
);

export const interventionSchema = z.strictObject(
  {
    name: text(LIMITS.maxNameLength, 1),
    description: text(LIMITS.maxDescriptionLength),
    targetGroup: targetGroupSchema,
    startYear: int(LIMITS.minYear, LIMITS.maxYear),
    yearsWithIntervention: int(1, LIMITS.maxYearsWithIntervention),
    courseDurationMonths: int(1, LIMITS.maxCourseMonths),
    participants: z.array(num(0, LIMITS.maxParticipants, participantMsg, participantMaxMsg), { error: 'skal være en liste af tal' }),
    costs: actorMoney,
    savedCosts: actorMoney,
    effect: effectSchema,
    assessment: z.strictObject(
      { effectMeasure: text(LIMITS.maxDescriptionLength), targetGroup: text(LIMITS.maxDescriptionLength) },
      { error: 'skal være et objekt' },
    ),
    costModel: costModelSchema.optional(),
  },
  { error: 'skal være et objekt' },
);

const yearValues = z
  .array(num(-LIMITS.maxChange, LIMITS.maxChange, changeMsg, changeMaxMsg).nullable(), { error: 'skal være en liste med 20 værdier' })
  .length(YEARS_PER_LINE, { error: 'skal have præcis 20 værdier (År 1–20)' });

export const lineSchema = z.strictObject(
  {
    id: text(LIMITS.maxShortText, 1),
    dimensionId: nullableText(LIMITS.maxShortText),
    label: text(LIMITS.maxShortText),
    area: text(LIMITS.maxShortText),
    unit: text(LIMITS.maxShortText),
    direction: z.enum(['expense', 'revenue'], { error: 'skal være expense eller revenue' }),
    taxableTransfer: bool(),
    useEstimates: bool(),
    estimate: yearValues,
    estimateKind: z
      .array(z.enum(['estimate', 'forecast'], { error: 'skal være estimate, forecast eller tom' }).nullable(), {
        error: 'skal være en liste med 20 værdier',
      })
      .length(YEARS_PER_LINE, { error: 'skal have præcis 20 værdier (År 1–20)' }),
    own: yearValues,
    price: z.strictObject(
      {
        priceYear: int(LIMITS.minPriceYear, LIMITS.maxPriceYear),
        kommune: num(-LIMITS.maxPrice, LIMITS.maxPrice, priceMsg),
        region: num(-LIMITS.maxPrice, LIMITS.maxPrice, priceMsg),
        stat: num(-LIMITS.maxPrice, LIMITS.maxPrice, priceMsg),
        source: text(LIMITS.maxShortText),
      },
      { error: 'skal være et objekt' },
    ),
    ownPrice: z.strictObject(
      {
        kommune: num(-LIMITS.maxPrice, LIMITS.maxPrice, ownPriceMsg).nullable(),
        region: num(-LIMITS.maxPrice, LIMITS.maxPrice, ownPriceMsg).nullable(),
        stat: num(-LIMITS.maxPrice, LIMITS.maxPrice, ownPriceMsg).nullable(),
      },
      { error: 'skal være et objekt' },
    ),
  },
  { error: 'skal være et objekt' },
);

const rateMsg = 'skal være et tal mellem 0 og 1';
export const parametersSchema = z.strictObject(
  {
    discountRate: num(0, LIMITS.maxDiscountRate, 'skal være et tal mellem 0 og 0,2'),
    taxRates: z.strictObject(
      { kommune: num(0, 1, rateMsg), region: num(0, 1, rateMsg), stat: num(0, 1, rateMsg) },
      { error: 'skal være et objekt' },
    ),
    priceIndex: z
      .record(
        // Calendar years 1900–2100 as four digits without a leading zero ("0500" is no year).
        z.string().regex(INDEX_YEAR_KEY, { error: 'skal være et årstal fra 1900 til 2100' }),
        z.number({ error: 'skal være et tal > 0' }).gt(0, { error: 'skal være et tal > 0' }).max(LIMITS.maxIndex, {
          error: 'skal være et tal > 0',
        }),
        { error: 'skal være et objekt med årstal og indekstal' },
      )
      .refine((r) => Object.keys(r).length > 0, { error: 'skal have mindst ét år' }),
  },
  { error: 'skal være et objekt' },
);

export const viewSchema = z.strictObject(
  {
    periodStart: int(LIMITS.minYear, LIMITS.maxYear + LIMITS.maxPeriodYears),
    periodEnd: int(LIMITS.minYear, LIMITS.maxYear + LIMITS.maxPeriodYears),
    actor: z.enum(VIEW_ACTORS, { error: 'skal være alle, kommune, region eller stat' }),
  },
  { error: 'skal være et objekt' },
);

export const noteSchema = z.strictObject(
  { at: isoDate(), text: text(LIMITS.maxLongText) },
  { error: 'skal være et objekt' },
);

/** Structure only; the cross-field rules are in `somDocumentSchema` below. */
export const somDocumentShape = z.strictObject(
  {
    format: z.literal(SOM_FORMAT, { error: 'skal være "som"' }),
    formatVersion: z.literal(SOM_FORMAT_VERSION, { error: 'skal være 1' }),
    createdWith: text(LIMITS.maxShortText),
    savedAt: isoDate(),
    knowledge: z
      .strictObject(
        {
          release: text(LIMITS.maxShortText),
          sha256: z
            .string({ error: 'skal være en SHA-256-kontrolsum (64 hex-tegn)' })
            .regex(/^[0-9a-fA-F]{64}$/, { error: 'skal være en SHA-256-kontrolsum (64 hex-tegn)' }),
        },
        { error: 'skal være et objekt eller tom (null)' },
      )
      .nullable(),
    intervention: interventionSchema,
    lines: z
      .array(lineSchema, { error: 'skal være en liste' })
      .max(LIMITS.maxLines, { error: `må højst have ${LIMITS.maxLines} linjer` }),
    parameters: parametersSchema,
    view: viewSchema,
    // Shape owned by sensitivity/Monte Carlo: shared/som/analysis.ts, strict.
    analysis: analysisSchema.optional(),
    report: z.strictObject({ text: text(LIMITS.maxLongText) }, { error: 'skal være et objekt' }).optional(),
    // Actuals of passed intervention years (model.md §13): ./followup.ts.
    followUp: followUpSchema.optional(),
    notes: z
      .array(noteSchema, { error: 'skal være en liste' })
      .max(LIMITS.maxNotes, { error: `må højst have ${LIMITS.maxNotes} noter` })
      .optional(),
    extensions: plainObject('skal være et objekt').optional(),
  },
  { error: 'skal være et objekt' },
);

/** A rule across fields that the document breaks: where (JSON path) and the Danish message. */
export interface CrossFieldIssue {
  path: (string | number)[];
  message: string;
}

/** The rules across fields of a document whose structure is valid: array lengths, view, unique line ids, follow-up. */
export function crossFieldIssues(doc: z.infer<typeof somDocumentShape>): CrossFieldIssue[] {
  const out: CrossFieldIssue[] = [];
  const iv = doc.intervention;
  const n = iv.yearsWithIntervention;
  const lenMsg = `skal have præcis ${n} ${n === 1 ? 'værdi' : 'værdier'} (én pr. år med indsats)`;
  if (iv.participants.length !== n) out.push({ path: ['intervention', 'participants'], message: lenMsg });
  for (const key of ['costs', 'savedCosts'] as const) {
    for (const a of ACTORS) {
      if (iv[key][a].length !== n) out.push({ path: ['intervention', key, a], message: lenMsg });
    }
  }
  const s = iv.startYear;
  const v = doc.view;
  if (v.periodStart < s) out.push({ path: ['view', 'periodStart'], message: `må ikke ligge før startåret ${s}` });
  if (v.periodEnd < v.periodStart) out.push({ path: ['view', 'periodEnd'], message: `må ikke ligge før periodens startår ${v.periodStart}` });
  if (v.periodEnd > s + LIMITS.maxPeriodYears) {
    out.push({ path: ['view', 'periodEnd'], message: `må højst ligge ${LIMITS.maxPeriodYears} år efter startåret (senest ${s + LIMITS.maxPeriodYears})` });
  }
  const seen = new Set<string>();
  doc.lines.forEach((line, i) => {
    if (seen.has(line.id)) out.push({ path: ['lines', i, 'id'], message: `'${line.id}' er brugt af en anden linje; id skal være unikt` });
    seen.add(line.id);
  });
  if (doc.followUp) for (const issue of followUpIssues(doc.followUp, iv)) out.push(issue);
  return out;
}

/** The full v1 schema: structure plus array lengths, view constraints and unique line ids. */
export const somDocumentSchema = somDocumentShape.superRefine((doc, ctx) => {
  for (const issue of crossFieldIssues(doc)) ctx.addIssue({ code: 'custom', ...issue });
});

export type SomDocument = z.infer<typeof somDocumentShape>;
export type SomIntervention = SomDocument['intervention'];
export type SomLine = SomDocument['lines'][number];
export type SomParameters = SomDocument['parameters'];
export type SomView = SomDocument['view'];
export type SomEffect = SomIntervention['effect'];
export type SomConversion = NonNullable<SomEffect['conversion']>;
export type SomTargetGroup = SomIntervention['targetGroup'];
export type SomNote = NonNullable<SomDocument['notes']>[number];
export type { FollowUp, FollowUpYear } from './followup';
export type EstimateKind = SomLine['estimateKind'][number];
export type Direction = SomLine['direction'];
export type PerActor<T> = Record<Actor, T>;
