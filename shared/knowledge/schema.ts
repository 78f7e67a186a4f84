/**
 * Strict zod schemas of the knowledge source data (data/knowledge/*.json and imported release
 * templates) plus the pure domain checks (references, duplicates, ranges). Pure: no I/O.
 */
import { z } from 'zod';
import type { KnowledgeData } from './types';
import { STUDY_QUALITIES } from './studies';

export const ILLUSTRATIVE_SOURCE = 'Eksempeldata – ikke Socialstyrelsens tal';
export const YEARS = 20;
export const MAX_MEASURED_YEARS = 9;

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'skal være et id med små bogstaver a-z, 0-9 og bindestreg').max(80);
const text = (max = 500) => z.string().min(1).max(max);
const prov = { source: text(1000), illustrative: z.boolean() };
const cell = z.number().finite().nullable();
const money = z.number().finite().min(0).max(1e9);

export const releaseSchema = z.object({ id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), description: z.string().max(2000) }).strict();
export const themeSchema = z.object({ id: slug, label: text(200), ...prov }).strict();
export const targetGroupSchema = z
  .object({
    id: slug,
    themeId: slug,
    label: text(300),
    group: text(200),
    subgroup: z.string().max(300).nullable(),
    ageMin: z.number().int().min(0).max(120).nullable(),
    ageMax: z.number().int().min(0).max(120).nullable(),
    delimitation: z.string().max(4000).nullable(),
    literatureOnly: z.boolean(),
    ...prov,
  })
  .strict();
export const characteristicSchema = z
  .object({ targetGroupId: slug, key: slug, label: text(200), value: z.number().finite().min(0), unit: z.enum(['andel', 'år', 'antal']), ...prov })
  .strict();
export const successMeasureSchema = z.object({ id: slug, targetGroupId: slug, label: text(300), definition: z.string().max(4000), ...prov }).strict();
export const dimensionSchema = z
  .object({
    id: slug,
    area: text(200),
    label: text(300),
    unit: text(50),
    priceUnit: text(50),
    direction: z.enum(['expense', 'revenue']),
    taxableTransfer: z.boolean(),
    adultsOnly: z.boolean(),
    childrenOnly: z.boolean(),
    uncertainSocialService: z.boolean(),
    derived: z.boolean(),
    ...prov,
  })
  .strict();
const yearRow = z.array(cell).max(YEARS);
export const consequenceSchema = z
  .object({
    targetGroupId: slug,
    successMeasureId: slug,
    dimensionId: slug,
    measured: z.array(cell).min(1).max(MAX_MEASURED_YEARS),
    successGroup: yearRow.optional(),
    others: yearRow.optional(),
    adjustment: yearRow.optional(),
    ...prov,
  })
  .strict();
export const priceSchema = z
  .object({ targetGroupId: slug, dimensionId: slug, kommune: money, region: money, stat: money, priceYear: z.number().int().min(1990).max(2100), ...prov })
  .strict();
export const studySchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/),
    themeId: slug,
    targetGroupId: slug.nullable(),
    targetGroupLabel: text(300),
    title: text(1000),
    intervention: text(500),
    country: text(100),
    measure: text(500),
    design: text(200),
    controlGroup: z.string().max(500),
    nParticipants: z.number().int().min(0).nullable(),
    nControl: z.number().int().min(0).nullable(),
    effectSize: z.number().finite().min(-20).max(20).nullable(),
    significant: z.boolean().nullable(),
    horizonMonths: z.number().int().min(0).max(600).nullable(),
    quality: z.enum(STUDY_QUALITIES),
    year: z.number().int().min(1900).max(2100).nullable(),
    ...prov,
  })
  .strict();
export const otherSchema = z
  .object({
    facts: z.array(z.object({ key: slug, label: text(300), value: text(2000), source: text(1000) }).strict()),
    priceIndex: z
      .object({
        basisYear: z.number().int(),
        values: z
          .array(
            z
              .object({
                year: z.number().int().min(1900).max(2200),
                value: z.number().finite().positive(),
                /** The yearly change as the source prints it (rounded there; not recomputable from the rounded index). */
                publishedChange: z.number().min(-1).max(1).nullable().optional(),
                kind: z.enum(['actual', 'projected']).nullable().optional(),
              })
              .strict(),
          )
          .min(1),
        source: text(1000),
        note: z.string().max(2000),
        projection: z.object({ rate: z.number().min(-0.5).max(0.5), source: text(1000) }).strict().nullable().optional(),
      })
      .strict(),
    discountRate: z.object({ value: z.number().min(0).max(0.2), source: text(1000) }).strict(),
    taxRates: z
      .object({ kommune: z.number().min(0).max(1), region: z.number().min(0).max(1), stat: z.number().min(0).max(1), source: text(1000) })
      .strict(),
  })
  .strict();

export const knowledgeDataSchema = z
  .object({
    release: releaseSchema,
    themes: z.array(themeSchema),
    targetGroups: z.array(targetGroupSchema),
    characteristics: z.array(characteristicSchema),
    successMeasures: z.array(successMeasureSchema),
    dimensions: z.array(dimensionSchema),
    consequences: z.array(consequenceSchema),
    prices: z.array(priceSchema),
    studies: z.array(studySchema),
    other: otherSchema,
  })
  .strict();

/** Domain checks beyond the schema. Returns Danish problems (empty = fine). */
export function checkKnowledgeData(d: KnowledgeData): string[] {
  const problems: string[] = [];
  const dup = (what: string, keys: string[]) => {
    const seen = new Set<string>();
    for (const k of keys) {
      if (seen.has(k)) problems.push(`${what}: "${k}" findes mere end én gang`);
      seen.add(k);
    }
  };
  const themes = new Set(d.themes.map((t) => t.id));
  const groups = new Set(d.targetGroups.map((t) => t.id));
  const dims = new Map(d.dimensions.map((x) => [x.id, x]));
  const measures = new Set(d.successMeasures.map((m) => `${m.targetGroupId}/${m.id}`));
  dup('Tema', d.themes.map((t) => t.id));
  dup('Målgruppe', d.targetGroups.map((t) => t.id));
  dup('Karakteristik', d.characteristics.map((c) => `${c.targetGroupId}/${c.key}`));
  dup('Succesmål', d.successMeasures.map((m) => `${m.targetGroupId}/${m.id}`));
  dup('Dimension', d.dimensions.map((x) => x.id));
  dup('Konsekvens', d.consequences.map((c) => `${c.targetGroupId}/${c.successMeasureId}/${c.dimensionId}`));
  dup('Pris', d.prices.map((p) => `${p.targetGroupId}/${p.dimensionId}`));
  dup('Effektstudie', d.studies.map((s) => s.id));
  dup('Fakta', d.other.facts.map((f) => f.key));
  dup('Prisindeks, år', d.other.priceIndex.values.map((v) => String(v.year)));
  for (const t of d.targetGroups) {
    if (!themes.has(t.themeId)) problems.push(`Målgruppe "${t.id}": ukendt tema "${t.themeId}"`);
    if (t.ageMin !== null && t.ageMax !== null && t.ageMin > t.ageMax) problems.push(`Målgruppe "${t.id}": alder fra er større end alder til`);
  }
  for (const c of d.characteristics) if (!groups.has(c.targetGroupId)) problems.push(`Karakteristik "${c.key}": ukendt målgruppe "${c.targetGroupId}"`);
  for (const m of d.successMeasures) if (!groups.has(m.targetGroupId)) problems.push(`Succesmål "${m.id}": ukendt målgruppe "${m.targetGroupId}"`);
  for (const c of d.consequences) {
    const where = `Konsekvens ${c.targetGroupId}/${c.successMeasureId}/${c.dimensionId}`;
    if (!measures.has(`${c.targetGroupId}/${c.successMeasureId}`)) problems.push(`${where}: ukendt målgruppe/succesmål`);
    const dim = dims.get(c.dimensionId);
    if (!dim) problems.push(`${where}: ukendt dimension`);
    else if (dim.derived) problems.push(`${where}: dimensionen beregnes af modellen og kan ikke have estimater`);
  }
  for (const p of d.prices) {
    if (!groups.has(p.targetGroupId)) problems.push(`Pris ${p.targetGroupId}/${p.dimensionId}: ukendt målgruppe`);
    const dim = dims.get(p.dimensionId);
    if (!dim) problems.push(`Pris ${p.targetGroupId}/${p.dimensionId}: ukendt dimension`);
    else if (dim.derived) problems.push(`Pris ${p.targetGroupId}/${p.dimensionId}: dimensionen beregnes af modellen og har ingen pris`);
  }
  for (const s of d.studies) {
    if (!themes.has(s.themeId)) problems.push(`Effektstudie "${s.id}": ukendt tema "${s.themeId}"`);
    if (s.targetGroupId !== null && !groups.has(s.targetGroupId)) problems.push(`Effektstudie "${s.id}": ukendt målgruppe "${s.targetGroupId}"`);
  }
  if (!d.other.priceIndex.values.some((v) => v.year === d.other.priceIndex.basisYear)) problems.push('Prisindeks: basisåret mangler i indekset');
  return problems;
}
