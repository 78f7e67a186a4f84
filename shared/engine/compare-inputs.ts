/**
 * What a comparison says about its members' inputs (../shared/docs/model.md §14): the inputs side
 * by side with whether they differ, and the warnings about members that overlap (same knowledge
 * target group, different knowledge releases). Pure: documents in, Danish texts out.
 */
import { formatNumber, formatPercent } from '../format';
import type { SomDocument } from '../som/schema';
import { isCourseExample } from '../som/course-example';
import { ACTORS } from './calc';

export interface DifferenceRow {
  /** Stable key, e.g. 'targetGroup', 'line:<dimension or label>'. */
  key: string;
  /** Danish label of the input. */
  label: string;
  /** One Danish value text per member. */
  values: string[];
  /** True when not every member has the same value. */
  differs: boolean;
}

/** The name a member is shown and warned by. */
export function memberName(doc: SomDocument): string {
  return doc.intervention.name;
}

// ---- warnings --------------------------------------------------------------------------------

function listNames(names: string[]): string {
  const q = names.map((n) => `«${n}»`);
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} og ${q[q.length - 1]}`;
}

/** Same knowledge target group twice; different knowledge releases (members without one are left out). */
export function overlapWarnings(docs: readonly SomDocument[]): string[] {
  const out: string[] = [];
  const groups = new Map<string, { label: string; names: string[] }>();
  for (const d of docs) {
    const tg = d.intervention.targetGroup;
    if (tg.id === null) continue;
    const g = groups.get(tg.id) ?? { label: tg.label, names: [] };
    g.names.push(memberName(d));
    groups.set(tg.id, g);
  }
  for (const g of groups.values()) {
    if (g.names.length < 2) continue;
    out.push(
      `${listNames(g.names)} har samme målgruppe fra vidensdatabasen (${g.label}). ` +
        'De samme personer kan være talt med mere end én gang, så de samlede gevinster kan være for store.',
    );
  }
  const releases = new Map<string, { release: string; names: string[] }>();
  for (const d of docs) {
    if (d.knowledge === null) continue;
    const key = `${d.knowledge.release}\u0000${d.knowledge.sha256.toLowerCase()}`;
    const r = releases.get(key) ?? { release: d.knowledge.release, names: [] };
    r.names.push(memberName(d));
    releases.set(key, r);
  }
  if (releases.size > 1) {
    const parts = [...releases.values()].map((r) => `${listNames(r.names)}: ${r.release}`);
    const sameLabel = new Set([...releases.values()].map((r) => r.release)).size < releases.size;
    out.push(
      'Beregningerne bygger på forskellige udgaver af vidensdatabasen' +
        (sameLabel ? ' (nogle med samme navn, men forskelligt indhold)' : '') +
        `: ${parts.join('; ')}. Skøn og priser kan derfor være opgjort forskelligt.`,
    );
  }
  return out;
}

// ---- differences -----------------------------------------------------------------------------

function fmtNum(n: number, decimals = 0): string {
  return formatNumber(n, decimals);
}

function fmtPct(x: number): string {
  const s = formatPercent(x, 1);
  return s.replace(/,0 %$/, ' %');
}

function sum(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

function costText(c: SomDocument['intervention']['costs'], startYear: number): string {
  const total = sum(c.kommune) + sum(c.region) + sum(c.stat);
  if (total === 0) return 'ingen';
  const parts = ACTORS.filter((a) => sum(c[a]) !== 0).map((a) => `${a} ${fmtNum(sum(c[a]))}`);
  return `${fmtNum(total)} kr. i alt (${startYear}-priser; ${parts.join(', ')})`;
}

function lineKey(l: SomDocument['lines'][number]): string {
  return l.dimensionId !== null ? `d:${l.dimensionId}` : `u:${l.area}\u0000${l.label}`;
}

function lineUse(l: SomDocument['lines'][number]): string {
  const hasOwn = l.own.some((v) => v !== null);
  const hasEstimate = l.useEstimates && l.estimate.some((v) => v !== null);
  if (hasOwn && hasEstimate) return 'skøn og egne værdier';
  if (hasOwn) return 'egne værdier';
  if (hasEstimate) return 'vidensdatabasens skøn';
  return 'med, uden værdier';
}

/** The inputs of the members, input by input, and whether they differ (§14). */
export function differences(docs: readonly SomDocument[]): DifferenceRow[] {
  const rows: DifferenceRow[] = [];
  const row = (key: string, label: string, values: string[]) =>
    rows.push({ key, label, values, differs: values.some((v) => v !== values[0]) });
  const iv = (d: SomDocument) => d.intervention;

  row('targetGroup', 'Målgruppe', docs.map((d) => {
    const tg = iv(d).targetGroup;
    const label = tg.label.trim() === '' ? 'ikke valgt' : tg.label;
    return tg.id === null && !/egen målgruppe/i.test(label) ? `${label} (egen målgruppe)` : label;
  }));
  row('successMeasure', 'Effektmål', docs.map((d) => iv(d).targetGroup.successMeasureLabel ?? (iv(d).effect.measure || 'ikke angivet')));
  row('startYear', 'Startår', docs.map((d) => String(iv(d).startYear)));
  row('yearsWithIntervention', 'År med indsats', docs.map((d) => String(iv(d).yearsWithIntervention)));
  row('courseDuration', 'Forløbets varighed', docs.map((d) => `${iv(d).courseDurationMonths} mdr.`));
  row('participants', 'Deltagere', docs.map((d) => {
    const p = iv(d).participants;
    const total = fmtNum(sum(p), sum(p) % 1 === 0 ? 0 : 1);
    return p.length === 1 ? total : `${total} i alt (${p.map((x) => fmtNum(x, x % 1 === 0 ? 0 : 1)).join(' / ')})`;
  }));
  row('costs', 'Omkostninger', docs.map((d) => costText(iv(d).costs, iv(d).startYear)));
  row('savedCosts', 'Sparede omkostninger', docs.map((d) => costText(iv(d).savedCosts, iv(d).startYear)));
  row('successRate', 'Succesrate', docs.map((d) => fmtPct(iv(d).effect.successRate)));

  // Lines: every line that appears in any member, in order of first appearance.
  const lineOrder: { key: string; label: string }[] = [];
  const seen = new Set<string>();
  for (const d of docs) {
    for (const l of d.lines) {
      const k = lineKey(l);
      if (seen.has(k)) continue;
      seen.add(k);
      lineOrder.push({ key: k, label: l.label });
    }
  }
  for (const { key, label } of lineOrder) {
    row(`line:${key}`, `Konsekvens: ${label}`, docs.map((d) => {
      const l = d.lines.find((x) => lineKey(x) === key);
      return l ? lineUse(l) : 'ikke med';
    }));
  }

  row('ownPrices', 'Egne priser', docs.map((d) => {
    const over: string[] = [];
    for (const l of d.lines) {
      const who = ACTORS.filter((a) => l.ownPrice[a] !== null);
      if (who.length > 0) over.push(`${l.label} (${who.join(', ')})`);
    }
    return over.length === 0 ? 'ingen' : over.join('; ');
  }));
  row('discountRate', 'Diskonteringsrente', docs.map((d) => fmtPct(d.parameters.discountRate)));
  row('period', 'Periode', docs.map((d) => `${d.view.periodStart}–${d.view.periodEnd}`));
  row('knowledge', 'Vidensdatabase', docs.map((d) => (d.knowledge !== null ? d.knowledge.release : isCourseExample(d) ? 'ingen (kursusmaterialets tal)' : 'ingen')));
  return rows;
}
