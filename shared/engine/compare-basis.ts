/**
 * The common basis of a comparison or portfolio (../shared/docs/model.md §14): price year P,
 * discount rate r and period P1–P2, the defaults when the user has not chosen, and the Danish
 * sentence saying what is wrong with a chosen basis. Pure.
 */
import { AppError } from '../errors';
import { LIMITS } from '../som/basics';
import type { SomDocument } from '../som/schema';

/** The common basis of a comparison. */
export interface CompareBasis {
  priceYear: number;
  /** A fraction (0.035). */
  discountRate: number;
  periodStart: number;
  periodEnd: number;
}

/** What the user (or a .somp file) chose; every field not given takes the §14 default. */
export type BasisChoice = Partial<CompareBasis>;

/** Most calculations in one comparison or portfolio. */
export const MAX_COMPARE_MEMBERS = 20;
/** Default length of the common period: P … P + 5. */
export const COMPARE_PERIOD_YEARS = 6;
/** Lowest and highest price year of a basis (as a .som start year). */
export const BASIS_MIN_YEAR = LIMITS.minYear;
export const BASIS_MAX_YEAR = LIMITS.maxYear;
/** Highest discount rate (as in a .som file). */
export const BASIS_MAX_DISCOUNT = LIMITS.maxDiscountRate;

/** The §14 defaults filled in: P = earliest start year, r = the first calculation's rate, period P … P + 5. */
export function resolveBasis(docs: readonly SomDocument[], choice: BasisChoice = {}): CompareBasis {
  if (docs.length === 0) throw new AppError('invalid-request', 'Vælg mindst én beregning at sammenligne.');
  const priceYear = choice.priceYear ?? Math.min(...docs.map((d) => d.intervention.startYear));
  const discountRate = choice.discountRate ?? docs[0].parameters.discountRate;
  const periodStart = choice.periodStart ?? priceYear;
  const periodEnd = choice.periodEnd ?? periodStart + COMPARE_PERIOD_YEARS - 1;
  return { priceYear, discountRate, periodStart, periodEnd };
}

/** A Danish sentence saying what is wrong with a basis, or null when it is valid. */
export function basisProblem(b: CompareBasis): string | null {
  if (!Number.isInteger(b.priceYear) || b.priceYear < BASIS_MIN_YEAR || b.priceYear > BASIS_MAX_YEAR) {
    return `Prisåret skal være et helt år mellem ${BASIS_MIN_YEAR} og ${BASIS_MAX_YEAR}.`;
  }
  if (!Number.isFinite(b.discountRate) || b.discountRate < 0 || b.discountRate > BASIS_MAX_DISCOUNT) {
    return `Diskonteringsrenten skal være mellem 0 % og ${BASIS_MAX_DISCOUNT * 100} %.`;
  }
  if (!Number.isInteger(b.periodStart) || !Number.isInteger(b.periodEnd)) return 'Perioden skal være hele år.';
  if (b.periodStart < b.priceYear) return `Perioden må ikke begynde før prisåret ${b.priceYear}.`;
  if (b.periodEnd < b.periodStart) return 'Periodens sidste år må ikke ligge før dens første år.';
  if (b.periodEnd > b.priceYear + LIMITS.maxPeriodYears) {
    return `Periodens sidste år må højst ligge ${LIMITS.maxPeriodYears} år efter prisåret (senest ${b.priceYear + LIMITS.maxPeriodYears}).`;
  }
  return null;
}
