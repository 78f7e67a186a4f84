/**
 * The `analysis` section of a .som file (documented in docs/analysis.md):
 * named scenarios, overrides of the one-way sensitivity settings (model.md §8) and the Monte
 * Carlo settings with the seed (model.md §9). Strict: unknown keys are rejected.
 *
 * Messages are the *expectation* part of a Danish error (io.ts prefixes the field name).
 */
import { z } from 'zod';

/** What a scenario change or a sensitivity analysis can change. */
export const SCENARIO_INPUTS = [
  'successRate',
  'successRateValue',
  'costs',
  'consequences',
  'consequencesMeasured',
  'consequencesForecast',
  'prices',
  'discountRate',
  'periodYears',
] as const;
export type ScenarioInput = (typeof SCENARIO_INPUTS)[number];

/** Danish names of the inputs and the unit of their value (for forms and the report). */
export const SCENARIO_INPUT_LABELS: Record<ScenarioInput, { label: string; kind: 'factor' | 'rate' | 'years' }> = {
  successRate: { label: 'Succesrate (faktor på beregningens succesrate)', kind: 'factor' },
  successRateValue: { label: 'Succesrate (værdi)', kind: 'rate' },
  costs: { label: 'Omkostninger til indsatsen (faktor)', kind: 'factor' },
  consequences: { label: 'Alle konsekvenser (faktor)', kind: 'factor' },
  consequencesMeasured: { label: 'Konsekvenser i målte år (faktor)', kind: 'factor' },
  consequencesForecast: { label: 'Konsekvenser i fremskrevne år (faktor)', kind: 'factor' },
  prices: { label: 'Alle priser (faktor)', kind: 'factor' },
  discountRate: { label: 'Diskonteringsrente', kind: 'rate' },
  periodYears: { label: 'Periodens længde (år)', kind: 'years' },
};

export const LIMITS_ANALYSIS = {
  maxScenarios: 20,
  maxChanges: 20,
  maxFactor: 10,
  maxDiscountRate: 0.2,
  maxPeriodYears: 60,
  maxListValues: 12,
  minDraws: 100,
  maxDraws: 100_000,
  maxSeed: 0xffffffff,
  maxName: 200,
} as const;

const factorMsg = `skal være en faktor mellem 0 og ${LIMITS_ANALYSIS.maxFactor}`;
const factor = () => z.number({ error: factorMsg }).min(0, { error: factorMsg }).max(LIMITS_ANALYSIS.maxFactor, { error: factorMsg });
const rateMsg = 'skal være et tal mellem 0 og 1';
const discMsg = 'skal være et tal mellem 0 og 0,2';
const disc = () => z.number({ error: discMsg }).min(0, { error: discMsg }).max(LIMITS_ANALYSIS.maxDiscountRate, { error: discMsg });
const yearsMsg = `skal være et helt antal år mellem 1 og ${LIMITS_ANALYSIS.maxPeriodYears}`;
const years = () => z.number({ error: yearsMsg }).int({ error: yearsMsg }).min(1, { error: yearsMsg }).max(LIMITS_ANALYSIS.maxPeriodYears, { error: yearsMsg });

/** A low/high pair of factors (low ≤ high). */
const range = (mustContainOne: boolean) =>
  z
    .strictObject({ low: factor(), high: factor() }, { error: 'skal være et objekt med low og high' })
    .refine((r) => r.low <= r.high, { error: 'low må ikke være større end high' })
    .refine((r) => !mustContainOne || (r.low <= 1 && r.high >= 1), {
      error: 'skal have low ≤ 1 ≤ high (beregningens værdi er den mest sandsynlige)',
    });

const changeSchema = z
  .strictObject(
    {
      input: z.enum(SCENARIO_INPUTS, { error: `skal være en af ${SCENARIO_INPUTS.join(', ')}` }),
      value: z.number({ error: 'skal være et tal' }),
    },
    { error: 'skal være et objekt med input og value' },
  )
  .superRefine((c, ctx) => {
    const kind = SCENARIO_INPUT_LABELS[c.input].kind;
    let ok = true;
    let msg = factorMsg;
    if (c.input === 'discountRate') {
      ok = c.value >= 0 && c.value <= LIMITS_ANALYSIS.maxDiscountRate;
      msg = discMsg;
    } else if (kind === 'rate') {
      ok = c.value >= 0 && c.value <= 1;
      msg = rateMsg;
    } else if (kind === 'years') {
      ok = Number.isInteger(c.value) && c.value >= 1 && c.value <= LIMITS_ANALYSIS.maxPeriodYears;
      msg = yearsMsg;
    } else {
      ok = c.value >= 0 && c.value <= LIMITS_ANALYSIS.maxFactor;
    }
    if (!ok) ctx.addIssue({ code: 'custom', path: ['value'], message: msg });
  });

const nameMsg = `skal være en tekst på 1–${LIMITS_ANALYSIS.maxName} tegn`;
export const scenarioSchema = z.strictObject(
  {
    id: z.string({ error: 'skal være en tekst på 1–100 tegn' }).min(1, { error: 'skal være en tekst på 1–100 tegn' }).max(100, { error: 'skal være en tekst på 1–100 tegn' }),
    name: z.string({ error: nameMsg }).min(1, { error: nameMsg }).max(LIMITS_ANALYSIS.maxName, { error: nameMsg }),
    changes: z
      .array(changeSchema, { error: 'skal være en liste' })
      .max(LIMITS_ANALYSIS.maxChanges, { error: `må højst have ${LIMITS_ANALYSIS.maxChanges} ændringer` }),
  },
  { error: 'skal være et objekt' },
);

const listMsg = `skal være en liste med 1–${LIMITS_ANALYSIS.maxListValues} værdier`;
export const sensitivitySettingsSchema = z.strictObject(
  {
    successRate: range(false).optional(),
    costs: range(false).optional(),
    consequences: range(false).optional(),
    prices: range(false).optional(),
    discountRates: z.array(disc(), { error: listMsg }).min(1, { error: listMsg }).max(LIMITS_ANALYSIS.maxListValues, { error: listMsg }).optional(),
    periodYears: z.array(years(), { error: listMsg }).min(1, { error: listMsg }).max(LIMITS_ANALYSIS.maxListValues, { error: listMsg }).optional(),
  },
  { error: 'skal være et objekt' },
);

const seedMsg = 'skal være et helt tal mellem 0 og 4294967295';
const drawsMsg = `skal være et helt tal mellem ${LIMITS_ANALYSIS.minDraws} og 100.000`;
export const monteCarloSettingsSchema = z.strictObject(
  {
    seed: z.number({ error: seedMsg }).int({ error: seedMsg }).min(0, { error: seedMsg }).max(LIMITS_ANALYSIS.maxSeed, { error: seedMsg }),
    draws: z
      .number({ error: drawsMsg })
      .int({ error: drawsMsg })
      .min(LIMITS_ANALYSIS.minDraws, { error: drawsMsg })
      .max(LIMITS_ANALYSIS.maxDraws, { error: drawsMsg }),
    ranges: z
      .strictObject(
        {
          successRate: range(true).optional(),
          costs: range(true).optional(),
          consequencesMeasured: range(true).optional(),
          consequencesForecast: range(true).optional(),
          prices: range(true).optional(),
        },
        { error: 'skal være et objekt' },
      )
      .optional(),
  },
  { error: 'skal være et objekt' },
);

export const analysisSchema = z
  .strictObject(
    {
      scenarios: z
        .array(scenarioSchema, { error: 'skal være en liste' })
        .max(LIMITS_ANALYSIS.maxScenarios, { error: `må højst have ${LIMITS_ANALYSIS.maxScenarios} scenarier` })
        .optional(),
      sensitivity: sensitivitySettingsSchema.optional(),
      monteCarlo: monteCarloSettingsSchema.optional(),
    },
    { error: 'skal være et objekt' },
  )
  .superRefine((a, ctx) => {
    const seen = new Set<string>();
    (a.scenarios ?? []).forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: ['scenarios', i, 'id'], message: `'${s.id}' er brugt af et andet scenarie; id skal være unikt` });
      seen.add(s.id);
    });
  });

export type Analysis = z.infer<typeof analysisSchema>;
export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioChange = Scenario['changes'][number];
export type SensitivitySettings = z.infer<typeof sensitivitySettingsSchema>;
export type MonteCarloSettings = z.infer<typeof monteCarloSettingsSchema>;
export type FactorRange = { low: number; high: number };
