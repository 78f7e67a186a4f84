/**
 * The Opfølgning form: the actuals the user types for each passed intervention year, kept as a
 * draft. The draft is written into the calculation (`setFollowUp`) only while every rule holds;
 * a broken rule (more successes than participants, a year after "Opgjort pr.") is shown next to
 * its field and reported to the calculation as a field error (which blocks Gem), and nothing the
 * user typed is dropped.
 */
import { ACTORS, type Actor, type FollowUp, type FollowUpYear, type SomDocument } from '../../../shared/som/schema';
import { emptyFollowUpYear, followUpIssues, isCalendarDate, isCoveredYear } from '../../../shared/som/followup';
import type { EditableCalculation } from '../../lib/editable-calculation';

export type MoneyKey = 'costs' | 'savedCosts';
export type CountKey = 'participants' | 'successes';

/** Field error ids of the form, as given to the calculation. */
export const FOLLOW_UP_ERROR_PREFIX = 'followUp:';

/** Today as YYYY-MM-DD in local time (the default "Opgjort pr."). */
// eslint-disable-next-line svelte/prefer-svelte-reactivity -- a one-off reading of the clock, not state
export function todayIso(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

/**
 * Net successes from the share observed to reach the effect measure, as the Effekt step counts
 * them: participants × (observed − share without the intervention), never below 0.
 */
export function netSuccessesFromShare(participants: number, observed: number, baseline: number): number {
  return Math.max(0, participants * (observed - baseline));
}

export class FollowUpEditor {
  /** "Opgjort pr." as typed (YYYY-MM-DD from the date field). */
  asOf = $state('');
  /** One draft entry per intervention year. */
  years: FollowUpYear[] = $state([]);
  /** Danish messages of broken rules, by `${year}:${field}` or 'asOf'. */
  readonly issues: Record<string, string> = $derived.by(() => this.check());

  private readonly calc: EditableCalculation;

  constructor(calc: EditableCalculation, today: string) {
    this.calc = calc;
    const doc = calc.doc;
    const iv = doc.intervention;
    const saved = doc.followUp;
    this.asOf = saved?.asOf ?? today;
    this.years = Array.from({ length: iv.yearsWithIntervention }, (_, i) => {
      const y = iv.startYear + i;
      const found = saved?.years.find((e) => e.year === y);
      return found ? structuredClone($state.snapshot(found) as FollowUpYear) : emptyFollowUpYear(y);
    });
  }

  get doc(): SomDocument {
    return this.calc.doc;
  }

  /** The year of "Opgjort pr.", or null while the date is not valid. */
  get asOfYear(): number | null {
    return isCalendarDate(this.asOf) ? Number(this.asOf.slice(0, 4)) : null;
  }

  /** Years shown: those that have passed by "Opgjort pr.", and later ones only when they hold values. */
  get shown(): FollowUpYear[] {
    const last = this.asOfYear ?? Infinity;
    return this.years.filter((y) => y.year <= last || isCoveredYear(y) || y.note.trim() !== '');
  }

  /** The forecast's participants of a year (for the hints). */
  forecastParticipants(year: number): number {
    const iv = this.doc.intervention;
    return iv.participants[year - iv.startYear] ?? 0;
  }

  setCount(year: number, key: CountKey, v: number | null): void {
    const y = this.entry(year);
    if (!y) return;
    y[key] = v;
    this.commit();
  }

  setMoney(year: number, key: MoneyKey, actor: Actor, v: number | null): void {
    const y = this.entry(year);
    if (!y) return;
    y[key][actor] = v;
    this.commit();
  }

  setNote(year: number, text: string): void {
    const y = this.entry(year);
    if (!y) return;
    y.note = text;
    this.commit();
  }

  setAsOf(text: string): void {
    this.asOf = text;
    this.commit();
  }

  /** Fjern opfølgning: forgets every actual value and the follow-up of the calculation. */
  clear(): void {
    this.years = this.years.map((y) => emptyFollowUpYear(y.year));
    this.report({});
    this.calc.setFollowUp(undefined);
  }

  private entry(year: number): FollowUpYear | undefined {
    return this.years.find((y) => y.year === year);
  }

  /** The follow-up as it would be stored: only years with a value or a note. */
  build(): FollowUp {
    const years = $state.snapshot(this.years) as FollowUpYear[];
    return { asOf: this.asOf, years: years.filter((y) => isCoveredYear(y) || y.note !== '') };
  }

  private check(): Record<string, string> {
    const out: Record<string, string> = {};
    if (!isCalendarDate(this.asOf)) {
      out.asOf = 'Skriv en gyldig dato (dag, måned og år).';
      return out;
    }
    const f = this.build();
    for (const issue of followUpIssues(f, this.doc.intervention)) {
      const i = issue.path[2] as number;
      const field = String(issue.path[3]);
      const year = f.years[i]?.year;
      const msg = issue.message.charAt(0).toUpperCase() + issue.message.slice(1);
      out[`${year}:${field}`] = field === 'year' ? `${year} ${issue.message}.` : `${msg}.`;
    }
    return out;
  }

  /** Writes the draft into the calculation when it is valid; reports the broken rules either way. */
  private commit(): void {
    const issues = this.check();
    this.report(issues);
    if (Object.keys(issues).length === 0) this.calc.setFollowUp(this.build());
  }

  private reported: string[] = [];
  private report(issues: Record<string, string>): void {
    for (const k of this.reported) if (!(k in issues)) this.calc.setError(FOLLOW_UP_ERROR_PREFIX + k, null);
    for (const [k, m] of Object.entries(issues)) this.calc.setError(FOLLOW_UP_ERROR_PREFIX + k, `Opfølgning: ${m}`);
    this.reported = Object.keys(issues);
  }
}

export { ACTORS };
