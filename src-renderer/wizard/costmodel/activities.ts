/**
 * Editing a cost model's activities in the Omkostninger step: new rows, the quick choices of who
 * pays, and rows copied from a spreadsheet. Pure functions (tested without a DOM).
 */
import { ACTORS, type Actor } from '../../../shared/som/schema';
import { COST_MODEL_LIMITS, type ActivityKind, type CostActivity } from '../../../shared/som/costmodel';
import { parseNumberText, splitClipboard } from '../../lib/number-paste';

export type Shares = Record<Actor, number>;

/** Quick choices for "Betales af". */
export const SHARE_PRESETS: { id: string; label: string; shares: Shares }[] = [
  { id: 'k100', label: 'Kommune 100 %', shares: { kommune: 1, region: 0, stat: 0 } },
  { id: 'r100', label: 'Region 100 %', shares: { kommune: 0, region: 1, stat: 0 } },
  { id: 's100', label: 'Stat 100 %', shares: { kommune: 0, region: 0, stat: 1 } },
  { id: 'k50r50', label: 'Kommune 50 % / Region 50 %', shares: { kommune: 0.5, region: 0.5, stat: 0 } },
  { id: 'k50s50', label: 'Kommune 50 % / Stat 50 %', shares: { kommune: 0.5, region: 0, stat: 0.5 } },
];

/** The preset the shares match, or null for another split. */
export function presetOf(s: Shares): string | null {
  const p = SHARE_PRESETS.find((x) => ACTORS.every((a) => Math.abs(x.shares[a] - s[a]) < 1e-12));
  return p ? p.id : null;
}

/** True when the shares sum to 100 % (within the file format's tolerance). */
export function sharesValid(s: Shares): boolean {
  return Math.abs(s.kommune + s.region + s.stat - 1) <= COST_MODEL_LIMITS.shareTolerance;
}

/** A fresh id not used by any of `ids`. */
export function freshId(ids: readonly string[]): string {
  let n = ids.length + 1;
  while (ids.includes(`aktivitet-${n}`)) n++;
  return `aktivitet-${n}`;
}

export function newActivity(ids: readonly string[], replaced: boolean): CostActivity {
  return {
    id: freshId(ids),
    label: replaced ? 'Aktivitet, der bortfalder' : 'Ny aktivitet',
    kind: 'perParticipant',
    unit: { amount: 0 },
    quantity: 1,
    withOverhead: !replaced,
    shares: { kommune: 1, region: 0, stat: 0 },
    replaced,
  };
}

/** Moves the item at `from` by `delta` places (clamped), returning a new list. */
export function moved<T>(list: readonly T[], from: number, delta: number): T[] {
  const to = Math.max(0, Math.min(list.length - 1, from + delta));
  const out = [...list];
  const [x] = out.splice(from, 1);
  out.splice(to, 0, x);
  return out;
}

// ---- rows from a spreadsheet -----------------------------------------------------------------

/** The columns a pasted row may have, in this order (the same as the table). */
export const PASTE_COLUMNS = [
  'Aktivitet',
  'Type',
  'Beløb',
  'Timer',
  'Timepris',
  'Antal',
  'Overhead',
  'Kommune %',
  'Region %',
  'Stat %',
] as const;

function kindOf(s: string): ActivityKind | null {
  const t = s.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === '' || /deltager|forløb|person/.test(t)) return 'perParticipant';
  if (/engang|opstart|one/.test(t)) return 'oneOff';
  if (/år|aar|year/.test(t)) return 'perYear';
  return null;
}

function yesNo(s: string): boolean | null {
  const t = s.trim().toLowerCase();
  if (['ja', 'j', 'x', '1', 'sand', 'true', 'yes', 'med'].includes(t)) return true;
  if (['', 'nej', 'n', '0', 'falsk', 'false', 'no', 'uden', '-'].includes(t)) return false;
  return null;
}

export interface PastedRows {
  activities: CostActivity[];
  /** Danish messages, one per row that could not be read (nothing is added then). */
  errors: string[];
}

/**
 * Reads activity rows copied from a spreadsheet (tab-separated, one row per line, columns as
 * PASTE_COLUMNS; missing trailing columns take the defaults: one unit, no overhead, kommune pays
 * all). A first row whose first cell is "Aktivitet" is a header and skipped.
 */
export function parseActivityRows(text: string, existingIds: readonly string[], replaced: boolean): PastedRows {
  const rows = splitClipboard(text).filter((r) => r.some((c) => c.trim() !== ''));
  if (rows.length > 0 && rows[0][0].trim().toLowerCase() === 'aktivitet') rows.shift();
  const ids = [...existingIds];
  const activities: CostActivity[] = [];
  const errors: string[] = [];
  rows.forEach((cells, r) => {
    const rowName = `Række ${r + 1}`;
    const cell = (i: number) => (cells[i] ?? '').trim();
    const problems: string[] = [];
    const num = (i: number, what: string, percent = false): number | null => {
      const t = cell(i);
      if (t === '') return null;
      const p = parseNumberText(t, { percent });
      if (!p.ok || p.value === null) {
        problems.push(`${what}: ${p.ok ? 'er ikke et tal' : p.message}`);
        return null;
      }
      if (p.value < 0) problems.push(`${what} må ikke være negativ`);
      return p.value;
    };
    const label = cell(0);
    if (label === '') problems.push('mangler navnet på aktiviteten');
    if (label.length > COST_MODEL_LIMITS.maxLabelLength) problems.push(`navnet må højst være ${COST_MODEL_LIMITS.maxLabelLength} tegn`);
    const kind = kindOf(cell(1));
    if (kind === null) problems.push(`typen «${cell(1)}» kendes ikke (skriv pr. deltager, pr. år eller engangsudgift)`);
    const amount = num(2, 'beløb');
    const hours = num(3, 'timer');
    const rate = num(4, 'timepris');
    const quantity = num(5, 'antal');
    const overhead = yesNo(cell(6));
    if (overhead === null) problems.push(`overhead «${cell(6)}» skal være ja eller nej`);
    const k = num(7, 'kommunens andel', true);
    const rg = num(8, 'regionens andel', true);
    const st = num(9, 'statens andel', true);
    if (amount !== null && (hours !== null || rate !== null)) problems.push('angiv enten et beløb eller timer og timepris, ikke begge');
    if (amount === null && (hours === null) !== (rate === null)) problems.push('timer og timepris skal begge udfyldes');
    let shares: Shares = { kommune: 1, region: 0, stat: 0 };
    if (k !== null || rg !== null || st !== null) {
      shares = { kommune: (k ?? 0) / 100, region: (rg ?? 0) / 100, stat: (st ?? 0) / 100 };
      if (!sharesValid(shares)) problems.push('andelene for kommune, region og stat skal tilsammen være 100 %');
    }
    if (problems.length > 0) {
      errors.push(`${rowName}: ${problems.join('; ')}.`);
      return;
    }
    const id = freshId(ids);
    ids.push(id);
    activities.push({
      id,
      label,
      kind: kind as ActivityKind,
      unit: hours !== null && rate !== null ? { hours, hourlyRate: rate } : { amount: amount ?? 0 },
      quantity: quantity ?? 1,
      withOverhead: overhead as boolean,
      shares,
      replaced,
    });
  });
  if (errors.length > 0) return { activities: [], errors };
  return { activities, errors };
}

/** The part of an activity's field ids (and error keys) that names the activity. */
export function activityKey(id: string): string {
  return `cm-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
