/**
 * The cost model (Omkostningsmodel, model.md §12): an intervention's yearly costs and saved costs
 * built from its activities, the PV of each activity per actor, the cost per forløb, and the check
 * that a file's stored yearly costs are the ones its activities give.
 * Pure functions only.
 */
import { ACTORS, isHoursUnit, type Actor } from '../som/basics';
import type { SomIntervention } from '../som/schema';
import type { CostActivity, SomCostModel } from '../som/costmodel';
import { formatNumber } from '../format';

export type ActorArrays = Record<Actor, number[]>;
export interface DerivedCosts {
  costs: ActorArrays;
  savedCosts: ActorArrays;
}

/** Largest difference (kr.) between a stored and a derived yearly cost that a reader accepts. */
export const COST_TOLERANCE = 0.005;

/** One unit's cost: the amount, or hours × hourly rate (kr., price year). */
export function unitCost(a: CostActivity): number {
  return isHoursUnit(a.unit) ? a.unit.hours * a.unit.hourlyRate : a.unit.amount;
}

/** Overhead factor of an activity: 1 + o with overhead, else 1. */
export function overheadFactor(a: CostActivity, overheadRate: number): number {
  return a.withOverhead ? 1 + overheadRate : 1;
}

/** units(y) of §12 for intervention year index i (0 = start year). */
export function activityUnits(a: CostActivity, participants: readonly number[], i: number): number {
  switch (a.kind) {
    case 'perParticipant':
      return participants[i] ?? 0;
    case 'perYear':
      return 1;
    case 'oneOff':
      return i === 0 ? 1 : 0;
  }
}

/**
 * The activity's cost for all actors together per intervention year (before shares):
 * unit × q × units(y) × overhead factor. Length = participants.length.
 */
export function activityYearly(a: CostActivity, overheadRate: number, participants: readonly number[]): number[] {
  const base = unitCost(a) * a.quantity * overheadFactor(a, overheadRate);
  const out = new Array<number>(participants.length);
  for (let i = 0; i < participants.length; i++) out[i] = base * activityUnits(a, participants, i);
  return out;
}

function zeros(n: number): ActorArrays {
  return { kommune: new Array<number>(n).fill(0), region: new Array<number>(n).fill(0), stat: new Array<number>(n).fill(0) };
}

/**
 * costs[a][y] and savedCosts[a][y] of §12 for `yearsWithIntervention` years: the sum over the
 * activities with replaced = false (costs) and replaced = true (saved costs).
 */
export function deriveCosts(cm: SomCostModel, participants: readonly number[], years: number): DerivedCosts {
  const costs = zeros(years);
  const savedCosts = zeros(years);
  const o = cm.overheadRate;
  for (const a of cm.activities) {
    const base = unitCost(a) * a.quantity * overheadFactor(a, o);
    if (base === 0) continue;
    const dst = a.replaced ? savedCosts : costs;
    for (let i = 0; i < years; i++) {
      const u = activityUnits(a, participants, i);
      if (u === 0) continue;
      const c = base * u;
      for (const actor of ACTORS) {
        const s = a.shares[actor];
        if (s !== 0) dst[actor][i] += c * s;
      }
    }
  }
  return { costs, savedCosts };
}

/** The yearly costs the engine uses: derived from the cost model when there is one, else as typed. */
export function effectiveCosts(iv: SomIntervention): DerivedCosts {
  if (iv.costModel) return deriveCosts(iv.costModel, iv.participants, iv.yearsWithIntervention);
  return { costs: iv.costs, savedCosts: iv.savedCosts };
}

/**
 * Cost per forløb (§12): Σ_y gross costs(y) / Σ_y participants[y], undiscounted, all actors;
 * null when there are no participants.
 */
export function costPerForloeb(costs: ActorArrays, participants: readonly number[]): number | null {
  let p = 0;
  for (const x of participants) p += x;
  if (!(p > 0)) return null;
  let c = 0;
  for (const a of ACTORS) for (let i = 0; i < participants.length; i++) c += costs[a][i] ?? 0;
  const r = c / p;
  return Number.isFinite(r) ? r : null;
}

// ---- results ---------------------------------------------------------------------------------

export interface ActivityResult {
  id: string;
  label: string;
  kind: CostActivity['kind'];
  replaced: boolean;
  withOverhead: boolean;
  /** One unit's cost (amount or hours × hourly rate), kr. */
  unitCost: number;
  quantity: number;
  shares: Record<Actor, number>;
  /** Cost per intervention year per actor (and 'alle'), positive also for a saved cost. */
  yearly: Record<Actor | 'alle', number[]>;
  /** PV over the period per actor (and 'alle'), positive also for a saved cost. */
  pv: Record<Actor | 'alle', number>;
  /** The part of `pv.alle` that is overhead (0 without overhead). */
  pvOverhead: number;
}

export interface CostModelResult {
  overheadRate: number;
  /** Σ gross costs / Σ participants (undiscounted, all actors); null without participants. */
  costPerForloeb: number | null;
  activities: ActivityResult[];
  /** PV over the period of all overhead on costs (not on saved costs), all actors. */
  pvOverhead: number;
  /** PV over the period of the gross costs and of the saved costs, all actors. */
  pvCosts: number;
  pvSavedCosts: number;
}

/**
 * The cost model's figures for a calculation: per activity the cost per year and its PV over the
 * period per actor. `discount[i]` is δ(startYear + i); the period is given as year indices.
 */
export function costModelResults(
  iv: SomIntervention,
  discount: readonly number[],
  periodStartIndex: number,
  periodEndIndex: number,
): CostModelResult | null {
  const cm = iv.costModel;
  if (!cm) return null;
  const n = iv.yearsWithIntervention;
  const participants = iv.participants.slice(0, n);
  let pvOverhead = 0;
  let pvCosts = 0;
  let pvSavedCosts = 0;
  const activities = cm.activities.map((a): ActivityResult => {
    const all = activityYearly(a, cm.overheadRate, participants);
    const yearly = { kommune: all.map((c) => c * a.shares.kommune), region: all.map((c) => c * a.shares.region), stat: all.map((c) => c * a.shares.stat), alle: all };
    const pv = { kommune: 0, region: 0, stat: 0, alle: 0 };
    for (let i = Math.max(0, periodStartIndex); i <= Math.min(n - 1, periodEndIndex); i++) {
      const d = discount[i] ?? 0;
      for (const actor of ACTORS) pv[actor] += d * yearly[actor][i];
      pv.alle += d * all[i];
    }
    const f = overheadFactor(a, cm.overheadRate);
    const overhead = f > 0 ? (pv.alle * (f - 1)) / f : 0;
    if (a.replaced) pvSavedCosts += pv.alle;
    else {
      pvCosts += pv.alle;
      pvOverhead += overhead;
    }
    return {
      id: a.id,
      label: a.label,
      kind: a.kind,
      replaced: a.replaced,
      withOverhead: a.withOverhead,
      unitCost: unitCost(a),
      quantity: a.quantity,
      shares: { ...a.shares },
      yearly,
      pv,
      pvOverhead: overhead,
    };
  });
  const derived = deriveCosts(cm, participants, n);
  return {
    overheadRate: cm.overheadRate,
    costPerForloeb: costPerForloeb(derived.costs, participants),
    activities,
    pvOverhead,
    pvCosts,
    pvSavedCosts,
  };
}

// ---- the reader's check ----------------------------------------------------------------------

export interface CostMismatch {
  key: 'costs' | 'savedCosts';
  actor: Actor;
  /** Index of the intervention year (0 = start year). */
  index: number;
  year: number;
  stored: number;
  derived: number;
}

/** The first cell (costs before saved costs, actor, year) where the stored value differs from the derived one by more than the tolerance. */
export function findCostMismatch(iv: SomIntervention, tolerance = COST_TOLERANCE): CostMismatch | null {
  if (!iv.costModel) return null;
  const n = iv.yearsWithIntervention;
  const d = deriveCosts(iv.costModel, iv.participants, n);
  for (const key of ['costs', 'savedCosts'] as const) {
    for (const actor of ACTORS) {
      for (let i = 0; i < n; i++) {
        const stored = iv[key][actor][i] ?? 0;
        const derived = d[key][actor][i];
        // Written as a negated ≤ so that NaN counts as a difference.
        if (!(Math.abs(stored - derived) <= tolerance)) {
          return { key, actor, index: i, year: iv.startYear + i, stored, derived };
        }
      }
    }
  }
  return null;
}

const ACTOR_DA: Record<Actor, string> = { kommune: 'kommune', region: 'region', stat: 'stat' };

/** The Danish message for a mismatch (the reader's refusal). */
export function costMismatchMessage(m: CostMismatch): string {
  const what = m.key === 'costs' ? 'Samlede omkostninger' : 'Sparede omkostninger (erstattede indsatser)';
  return (
    `${what}, ${ACTOR_DA[m.actor]}, år ${m.year}: passer ikke med omkostningsmodellen ` +
    `(filen har ${formatNumber(m.stored, 2)} kr., aktiviteterne giver ${formatNumber(m.derived, 2)} kr.).`
  );
}

/** Writes the derived costs and saved costs into the intervention (in place); no-op without a cost model. */
export function applyDerivedCosts(iv: SomIntervention): void {
  if (!iv.costModel) return;
  const d = deriveCosts(iv.costModel, iv.participants, iv.yearsWithIntervention);
  for (const actor of ACTORS) {
    iv.costs[actor] = d.costs[actor];
    iv.savedCosts[actor] = d.savedCosts[actor];
  }
}

/** The `costModel` object of `som calc --json` (som-format.md). */
export interface CostModelJson {
  costPerForloeb: number | null;
  activities: { id: string; pv: Record<Actor | 'alle', number> }[];
}

export function toCostModelJson(r: CostModelResult): CostModelJson {
  return {
    costPerForloeb: r.costPerForloeb,
    activities: r.activities.map((a) => ({
      id: a.id,
      pv: { kommune: a.pv.kommune, region: a.pv.region, stat: a.pv.stat, alle: a.pv.alle },
    })),
  };
}
