/**
 * `intervention.costModel` of the .som format (som-format.md; model.md §12) as a strict zod 4
 * schema, and the Danish names of its fields for file errors.
 *
 * The schema checks one cost model on its own (ranges, unique activity ids, shares summing to 1);
 * whether the stored yearly costs agree with it is a domain check of the reader (`checkStoredCosts`
 * in ../engine/costmodel.ts), because it needs the whole intervention.
 */
import { z } from 'zod';
import { formatNumber } from '../format';
import { isHoursUnit, type ActivityUnit } from './basics';

export const COST_MODEL_LIMITS = {
  maxActivities: 200,
  maxLabelLength: 200,
  maxIdLength: 200,
  /** Sanity limit on an amount, an hourly rate (kr.) or a number of hours. */
  maxAmount: 1e9,
  maxHours: 1e6,
  maxQuantity: 1e6,
  /** Shares must sum to 1 within this (model.md §12). */
  shareTolerance: 1e-9,
} as const;

export const ACTIVITY_KINDS = ['perParticipant', 'perYear', 'oneOff'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

/** Danish names of the kinds, as the Omkostninger step and the report show them. */
export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = {
  perParticipant: 'Pr. deltager',
  perYear: 'Pr. år',
  oneOff: 'Engangsudgift',
};

const fmt = (n: number) => formatNumber(n);
function num(min: number, max: number, msg: string) {
  return z.number({ error: msg }).min(min, { error: msg }).max(max, { error: msg });
}
const shareMsg = 'skal være en andel mellem 0 og 1';
const share = num(0, 1, shareMsg);

const unitMsg = 'skal være et beløb (amount) eller timer og timepris (hours, hourlyRate)';
/**
 * `{ amount }` or `{ hours, hourlyRate }`. One strict object with optional keys and a rule, so a
 * bad number gets its own message and path rather than a vague "matches neither".
 */
const unitSchema = z
  .strictObject(
    {
      amount: num(0, COST_MODEL_LIMITS.maxAmount, `skal være et beløb mellem 0 og ${fmt(COST_MODEL_LIMITS.maxAmount)} kr.`).optional(),
      hours: num(0, COST_MODEL_LIMITS.maxHours, `skal være et antal timer mellem 0 og ${fmt(COST_MODEL_LIMITS.maxHours)}`).optional(),
      hourlyRate: num(0, COST_MODEL_LIMITS.maxAmount, `skal være en timepris mellem 0 og ${fmt(COST_MODEL_LIMITS.maxAmount)} kr.`).optional(),
    },
    { error: unitMsg },
  )
  .superRefine((u, ctx) => {
    const amount = u.amount !== undefined;
    const hours = u.hours !== undefined || u.hourlyRate !== undefined;
    if (amount === hours) ctx.addIssue({ code: 'custom', message: unitMsg });
    else if (hours && u.hours === undefined) ctx.addIssue({ code: 'custom', path: ['hours'], message: 'mangler (antal timer)' });
    else if (hours && u.hourlyRate === undefined) ctx.addIssue({ code: 'custom', path: ['hourlyRate'], message: 'mangler (timepris)' });
  })
  .transform((u): ActivityUnit => (u.amount !== undefined ? { amount: u.amount } : { hours: u.hours ?? 0, hourlyRate: u.hourlyRate ?? 0 }));

const activityShape = z.strictObject(
  {
    id: z
      .string({ error: 'skal være en tekst' })
      .min(1, { error: `skal være en tekst på 1–${COST_MODEL_LIMITS.maxIdLength} tegn` })
      .max(COST_MODEL_LIMITS.maxIdLength, { error: `skal være en tekst på 1–${COST_MODEL_LIMITS.maxIdLength} tegn` }),
    label: z
      .string({ error: 'skal være en tekst' })
      .min(1, { error: `skal være en tekst på 1–${COST_MODEL_LIMITS.maxLabelLength} tegn` })
      .max(COST_MODEL_LIMITS.maxLabelLength, { error: `skal være en tekst på 1–${COST_MODEL_LIMITS.maxLabelLength} tegn` }),
    kind: z.enum(ACTIVITY_KINDS, { error: 'skal være perParticipant, perYear eller oneOff' }),
    unit: unitSchema,
    quantity: num(0, COST_MODEL_LIMITS.maxQuantity, `skal være et tal mellem 0 og ${fmt(COST_MODEL_LIMITS.maxQuantity)}`),
    withOverhead: z.boolean({ error: 'skal være sand eller falsk (true/false)' }),
    shares: z
      .strictObject({ kommune: share, region: share, stat: share }, { error: 'skal have felterne kommune, region og stat' })
      .refine((s) => Math.abs(s.kommune + s.region + s.stat - 1) <= COST_MODEL_LIMITS.shareTolerance, {
        error: 'skal tilsammen være 100 %',
      }),
    replaced: z.boolean({ error: 'skal være sand eller falsk (true/false)' }),
  },
  { error: 'skal være et objekt' },
);

export const costModelSchema = z
  .strictObject(
    {
      overheadRate: num(0, 1, 'skal være en andel mellem 0 og 1'),
      activities: z
        .array(activityShape, { error: 'skal være en liste' })
        .max(COST_MODEL_LIMITS.maxActivities, { error: `må højst have ${COST_MODEL_LIMITS.maxActivities} aktiviteter` }),
    },
    { error: 'skal være et objekt' },
  )
  .superRefine((cm, ctx) => {
    const seen = new Set<string>();
    cm.activities.forEach((a, i) => {
      if (seen.has(a.id)) {
        ctx.addIssue({ code: 'custom', path: ['activities', i, 'id'], message: `'${a.id}' er brugt af en anden aktivitet; id skal være unikt` });
      }
      seen.add(a.id);
    });
  });

export type SomCostModel = z.infer<typeof costModelSchema>;
export type CostActivity = SomCostModel['activities'][number];
export { isHoursUnit, type ActivityUnit } from './basics';

/** The cost model with its keys in som-format.md order (for the writer). */
export function normalizeCostModel(cm: SomCostModel): SomCostModel {
  return {
    overheadRate: cm.overheadRate,
    activities: cm.activities.map((a) => ({
      id: a.id,
      label: a.label,
      kind: a.kind,
      unit: isHoursUnit(a.unit) ? { hours: a.unit.hours, hourlyRate: a.unit.hourlyRate } : { amount: a.unit.amount },
      quantity: a.quantity,
      withOverhead: a.withOverhead,
      shares: { kommune: a.shares.kommune, region: a.shares.region, stat: a.shares.stat },
      replaced: a.replaced,
    })),
  };
}

const ACTOR_DA: Record<string, string> = { kommune: 'kommune', region: 'region', stat: 'stat' };
const FIELD_DA: Record<string, string> = {
  id: 'id',
  label: 'navn',
  kind: 'type',
  unit: 'enhedspris',
  quantity: 'antal',
  withOverhead: 'overhead',
  shares: 'betales af',
  replaced: 'bortfalder',
};
const UNIT_DA: Record<string, string> = { amount: 'beløb', hours: 'timer', hourlyRate: 'timepris' };

/**
 * Danish name of a field inside `intervention.costModel`, for file errors: `path` starts after
 * "costModel"; `raw` is the whole raw file (the activity's name is read from it when usable).
 */
export function costModelFieldLabel(path: readonly (string | number)[], raw: unknown): string {
  const [p1, p2, p3, p4] = path;
  const base = 'Omkostningsmodel';
  if (p1 === undefined) return base;
  if (p1 === 'overheadRate') return `${base}, overheadsats`;
  if (p1 !== 'activities') return `${base}, ${String(p1)}`;
  if (p2 === undefined) return `${base}, aktiviteter`;
  let name = `aktivitet nr. ${typeof p2 === 'number' ? p2 + 1 : String(p2)}`;
  const label = rawActivityLabel(raw, p2);
  if (label !== null) name = `aktivitet '${label}'`;
  const parts = [base, name];
  if (typeof p3 === 'string') parts.push(FIELD_DA[p3] ?? p3);
  if (p3 === 'unit' && typeof p4 === 'string') parts[parts.length - 1] = UNIT_DA[p4] ?? p4;
  if (p3 === 'shares' && typeof p4 === 'string') parts.push(ACTOR_DA[p4] ?? p4);
  return parts.join(', ');
}

function rawActivityLabel(raw: unknown, index: unknown): string | null {
  if (typeof index !== 'number') return null;
  const iv = (raw as { intervention?: { costModel?: { activities?: unknown } } } | null)?.intervention;
  const acts = iv && typeof iv === 'object' ? iv.costModel?.activities : undefined;
  if (!Array.isArray(acts)) return null;
  const a = acts[index] as { label?: unknown } | undefined;
  if (!a || typeof a !== 'object' || typeof a.label !== 'string' || a.label.trim() === '') return null;
  // eslint-disable-next-line no-control-regex -- control characters from a file are flattened
  const flat = a.label.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}
