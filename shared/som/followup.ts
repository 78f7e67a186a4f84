/**
 * The optional `followUp` section of a .som file (som-format.md "followUp"; rules in model.md §13):
 * the actual participants, successes, costs and saved costs of intervention years that have
 * passed, with the date they were counted ("Opgjort pr."). Strict: unknown keys are rejected.
 *
 * Messages are the *expectation* part of a Danish error (io.ts prefixes the field name). This
 * module imports nothing from ./schema (schema.ts imports it), so its limits are its own.
 */
import { z } from 'zod';
import { danishDate, formatNumber } from '../format';

export const FOLLOW_UP_ACTORS = ['kommune', 'region', 'stat'] as const;
type FollowUpActor = (typeof FOLLOW_UP_ACTORS)[number];

export const LIMITS_FOLLOW_UP = {
  maxParticipants: 10_000_000,
  maxCost: 1e12,
  maxNote: 2000,
  maxYears: 20,
  minYear: 1990,
  maxYear: 2200,
} as const;

const da = (n: number) => formatNumber(n, Number.isInteger(n) ? 0 : 2);
const countMsg = 'skal være et tal ≥ 0 eller tom (ikke kendt endnu)';
const countMaxMsg = `skal være et tal mellem 0 og ${da(LIMITS_FOLLOW_UP.maxParticipants)} eller tom`;
const moneyMsg = 'skal være et beløb ≥ 0 eller tom (ikke kendt endnu)';
const moneyMaxMsg = `skal være et beløb mellem 0 og ${da(LIMITS_FOLLOW_UP.maxCost)} eller tom`;

const count = () =>
  z
    .number({ error: countMsg })
    .min(0, { error: countMsg })
    .max(LIMITS_FOLLOW_UP.maxParticipants, { error: countMaxMsg })
    .nullable();
const money = () =>
  z.number({ error: moneyMsg }).min(0, { error: moneyMsg }).max(LIMITS_FOLLOW_UP.maxCost, { error: moneyMaxMsg }).nullable();
const actorMoney = () =>
  z.strictObject(
    { kommune: money(), region: money(), stat: money() },
    { error: 'skal have felterne kommune, region og stat' },
  );

const dateMsg = 'skal være en dato på formen ÅÅÅÅ-MM-DD (fx 2026-11-30)';
/** A calendar date "YYYY-MM-DD" that exists (no 2025-02-30). */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < LIMITS_FOLLOW_UP.minYear || y > LIMITS_FOLLOW_UP.maxYear || mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

const yearMsg = `skal være et helt årstal mellem ${LIMITS_FOLLOW_UP.minYear} og ${LIMITS_FOLLOW_UP.maxYear}`;
const noteMsg = `skal være en tekst på højst ${da(LIMITS_FOLLOW_UP.maxNote)} tegn`;

export const followUpYearSchema = z.strictObject(
  {
    year: z
      .number({ error: yearMsg })
      .int({ error: yearMsg })
      .min(LIMITS_FOLLOW_UP.minYear, { error: yearMsg })
      .max(LIMITS_FOLLOW_UP.maxYear, { error: yearMsg }),
    participants: count(),
    successes: count(),
    costs: actorMoney(),
    savedCosts: actorMoney(),
    note: z.string({ error: noteMsg }).max(LIMITS_FOLLOW_UP.maxNote, { error: noteMsg }),
  },
  { error: 'skal være et objekt' },
);

/** Structure only; the rules that need the intervention are in `followUpIssues`. */
export const followUpSchema = z.strictObject(
  {
    asOf: z.string({ error: dateMsg }).max(10, { error: dateMsg }).refine(isCalendarDate, { error: dateMsg }),
    years: z
      .array(followUpYearSchema, { error: 'skal være en liste' })
      .max(LIMITS_FOLLOW_UP.maxYears, { error: `må højst have ${LIMITS_FOLLOW_UP.maxYears} år` }),
  },
  { error: 'skal være et objekt' },
);

export type FollowUp = z.infer<typeof followUpSchema>;
export type FollowUpYear = FollowUp['years'][number];

export interface FollowUpIssue {
  /** Path inside the document (starts with 'followUp'). */
  path: (string | number)[];
  message: string;
}

/**
 * The domain rules of a follow-up given its calculation: each year an intervention year, not
 * after the year of "Opgjort pr.", in order and at most once, and successes ≤ participants.
 */
export function followUpIssues(
  f: FollowUp,
  iv: { startYear: number; yearsWithIntervention: number },
): FollowUpIssue[] {
  const issues: FollowUpIssue[] = [];
  const first = iv.startYear;
  const last = iv.startYear + iv.yearsWithIntervention - 1;
  const asOfYear = Number(f.asOf.slice(0, 4));
  let previous = -Infinity;
  f.years.forEach((y, i) => {
    const at = (...rest: (string | number)[]) => ['followUp', 'years', i, ...rest];
    if (y.year < first || y.year > last) {
      issues.push({
        path: at('year'),
        message: first === last ? `skal være indsatsens år ${first}` : `skal være et af indsatsens år ${first}–${last}`,
      });
    } else if (y.year > asOfYear) {
      issues.push({ path: at('year'), message: `ligger efter opgørelsesdatoen (opgjort pr. ${danishDate(f.asOf)}) og kan ikke være gået endnu` });
    }
    if (y.year <= previous) {
      issues.push({
        path: at('year'),
        message: y.year === previous ? 'står to gange; hvert år må kun stå én gang' : 'årene skal stå i rækkefølge',
      });
    }
    previous = Math.max(previous, y.year);
    if (y.participants !== null && y.successes !== null && y.successes > y.participants) {
      issues.push({
        path: at('successes'),
        message: `må ikke være større end antal deltagere, der startede (${da(y.participants)})`,
      });
    }
  });
  return issues;
}

/** A year of the follow-up with no actual value yet (every field empty). */
export function emptyFollowUpYear(year: number): FollowUpYear {
  return {
    year,
    participants: null,
    successes: null,
    costs: { kommune: null, region: null, stat: null },
    savedCosts: { kommune: null, region: null, stat: null },
    note: '',
  };
}

/** The follow-up with keys in som-format.md order (for the writer). */
export function normalizeFollowUp(f: FollowUp): FollowUp {
  const money = (o: Record<FollowUpActor, number | null>) => ({ kommune: o.kommune, region: o.region, stat: o.stat });
  return {
    asOf: f.asOf,
    years: f.years.map((y) => ({
      year: y.year,
      participants: y.participants,
      successes: y.successes,
      costs: money(y.costs),
      savedCosts: money(y.savedCosts),
      note: y.note,
    })),
  };
}

/** Whether a year of the follow-up has at least one actual value (the note alone does not count). */
export function isCoveredYear(y: FollowUpYear): boolean {
  if (y.participants !== null || y.successes !== null) return true;
  return FOLLOW_UP_ACTORS.some((a) => y.costs[a] !== null || y.savedCosts[a] !== null);
}

const FIELD_DA: Record<string, string> = {
  year: 'år',
  participants: 'antal deltagere, der startede',
  successes: 'antal med succes',
  costs: 'faktiske omkostninger',
  savedCosts: 'faktiske sparede omkostninger',
  note: 'note',
};

/**
 * Danish name of a field inside `followUp` (path without the leading 'followUp'), e.g.
 * ['years', 1, 'costs', 'kommune'] → "Opfølgning, år 2025, faktiske omkostninger, kommune".
 * The year is read from the raw entry when it is a whole number.
 */
export function followUpLabel(path: readonly (string | number)[], rawFollowUp: unknown): string {
  const [p1, p2, p3, p4] = path;
  if (p1 === undefined) return 'Opfølgning';
  if (p1 === 'asOf') return 'Opfølgning, opgjort pr.';
  if (p1 !== 'years') return `Opfølgning, ${String(p1)}`;
  if (p2 === undefined) return 'Opfølgning, år';
  let entry = `opfølgningsår nr. ${typeof p2 === 'number' ? p2 + 1 : String(p2)}`;
  const years = typeof rawFollowUp === 'object' && rawFollowUp !== null ? (rawFollowUp as { years?: unknown }).years : undefined;
  const raw = Array.isArray(years) && typeof p2 === 'number' ? (years[p2] as { year?: unknown } | undefined) : undefined;
  if (raw && typeof raw === 'object' && typeof raw.year === 'number' && Number.isInteger(raw.year)) entry = `år ${raw.year}`;
  const parts = ['Opfølgning', entry];
  if (p3 !== undefined && p3 !== 'year') parts.push(FIELD_DA[String(p3)] ?? String(p3));
  if ((p3 === 'costs' || p3 === 'savedCosts') && typeof p4 === 'string') parts.push(p4);
  return parts.join(', ');
}
