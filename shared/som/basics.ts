/**
 * Plain values of the .som format that the engine needs, apart from the zod schemas (schema.ts
 * re-exports them): code that only calculates does not load the schemas.
 */
export const ACTORS = ['kommune', 'region', 'stat'] as const;
export type Actor = (typeof ACTORS)[number];
export const VIEW_ACTORS = ['alle', 'kommune', 'region', 'stat'] as const;
export type ViewActor = (typeof VIEW_ACTORS)[number];

export const SOM_FORMAT = 'som';
export const SOM_FORMAT_VERSION = 1;
export const YEARS_PER_LINE = 20;
/** A price index key: a calendar year 1900–2100 written as four digits without a leading zero. */
export const INDEX_YEAR_KEY = /^(19\d\d|20\d\d|2100)$/;

/** Sanity limits (not in som-format.md; see docs/engine.md). */
export const LIMITS = {
  minYear: 1990,
  maxYear: 2100,
  minPriceYear: 1900,
  maxPriceYear: 2200,
  maxYearsWithIntervention: 20,
  maxCourseMonths: 120,
  maxParticipants: 10_000_000,
  maxCost: 1e12,
  maxChange: 1e6,
  maxPrice: 1e9,
  maxIndex: 1e6,
  maxDiscountRate: 0.2,
  maxLines: 1000,
  maxPeriodYears: 60,
  maxNameLength: 200,
  maxDescriptionLength: 20_000,
  maxShortText: 1000,
  maxLongText: 200_000,
  maxNotes: 10_000,
} as const;

export type ActivityUnit = { amount: number } | { hours: number; hourlyRate: number };

/** True when the unit is hours × hourly rate. */
export function isHoursUnit(u: ActivityUnit): u is { hours: number; hourlyRate: number } {
  return 'hours' in u;
}
