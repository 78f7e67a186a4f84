/**
 * The cost section of Detaljerede resultater and of the report (one shape for both): each
 * activity with its present value per actor, the overhead and the cost per forløb.
 */
import type { CalcResult } from '../engine/calc';
import { formatKr, formatNumber, formatPercent } from '../format';
import { ACTIVITY_KIND_LABELS, isHoursUnit } from '../som/costmodel';
import type { SomDocument } from '../som/schema';
import { ACTOR_LABELS, FIGURE_ACTORS, periodLabel } from './texts';
import { esc } from './svg';

export const COST_SECTION_TITLE = 'Omkostninger ud fra aktiviteterne';

export interface CostSectionRow {
  label: string;
  kind: string;
  /** "120 timer × 350 kr." or "15.000 kr.", times the quantity when it is not 1. */
  unit: string;
  overhead: string;
  /** PV per actor (FIGURE_ACTORS order), formatted. */
  pv: string[];
  bold?: boolean;
}

export interface CostSection {
  title: string;
  caption: string;
  head: string[];
  /** The intervention's activities, then their sum, then those of the dropped interventions and their sum, then the net. */
  groups: { title: string; rows: CostSectionRow[] }[];
  /** Short facts shown above the table. */
  facts: { label: string; value: string }[];
}

export function costSection(doc: SomDocument, r: CalcResult): CostSection | null {
  const cm = r.costModel;
  const model = doc.intervention.costModel;
  if (!cm || !model) return null;
  const byId = new Map(model.activities.map((a) => [a.id, a]));
  const sum = (rows: typeof cm.activities) => FIGURE_ACTORS.map((a) => rows.reduce((s, x) => s + x.pv[a], 0));
  const rowOf = (x: (typeof cm.activities)[number]): CostSectionRow => {
    const a = byId.get(x.id);
    const u = a?.unit;
    let unit = u ? (isHoursUnit(u) ? `${formatNumber(u.hours, 2).replace(/,00$/, '')} timer × ${formatKr(u.hourlyRate)}` : formatKr(u.amount)) : '';
    if (a && a.quantity !== 1) unit += ` × ${formatNumber(a.quantity, 2).replace(/,00$/, '')}`;
    return {
      label: x.label,
      kind: ACTIVITY_KIND_LABELS[x.kind],
      unit,
      overhead: x.withOverhead ? 'ja' : 'nej',
      pv: FIGURE_ACTORS.map((k) => formatNumber(x.pv[k])),
    };
  };
  const own = cm.activities.filter((x) => !x.replaced);
  const dropped = cm.activities.filter((x) => x.replaced);
  const ownSum = sum(own);
  const droppedSum = sum(dropped);
  const groups: CostSection['groups'] = [
    {
      title: 'Indsatsens aktiviteter',
      rows: [
        ...own.map(rowOf),
        { label: 'Omkostninger i alt', kind: '', unit: '', overhead: '', pv: ownSum.map((v) => formatNumber(v)), bold: true },
      ],
    },
  ];
  if (dropped.length > 0) {
    groups.push({
      title: 'Aktiviteter i indsatser, der bortfalder',
      rows: [
        ...dropped.map(rowOf),
        { label: 'Sparede omkostninger i alt', kind: '', unit: '', overhead: '', pv: droppedSum.map((v) => formatNumber(v)), bold: true },
        {
          label: 'Nettoomkostninger',
          kind: '',
          unit: '',
          overhead: '',
          pv: ownSum.map((v, i) => formatNumber(v - droppedSum[i])),
          bold: true,
        },
      ],
    });
  }
  return {
    title: COST_SECTION_TITLE,
    caption: `Aktiviteternes omkostninger, nutidsværdi ${r.startYear} for perioden ${periodLabel(r)}, kr.`,
    head: ['Aktivitet', 'Type', 'Enhedspris × antal', 'Overhead', ...FIGURE_ACTORS.map((a) => ACTOR_LABELS[a])],
    groups,
    facts: [
      {
        label: 'Omkostning pr. forløb',
        value: cm.costPerForloeb === null ? 'kan ikke beregnes uden deltagere' : `${formatKr(cm.costPerForloeb)} (alle aktører, alle år, ikke tilbagediskonteret)`,
      },
      { label: 'Overheadsats', value: formatPercent(cm.overheadRate, 1) },
      { label: `Heraf overhead, nutidsværdi ${r.startYear}`, value: formatKr(cm.pvOverhead) },
    ],
  };
}

/** The section as report HTML (the report's table classes). */
export function costSectionHtml(s: CostSection): string {
  const numFrom = 4;
  const th = s.head.map((h, i) => `<th${i >= numFrom ? ' class="num"' : ''} scope="col">${esc(h)}</th>`).join('');
  const body = s.groups
    .map((g) => {
      const title = `<tr class="group"><th colspan="${s.head.length}" scope="rowgroup">${esc(g.title)}</th></tr>`;
      const rows = g.rows
        .map(
          (r) =>
            `<tr${r.bold ? ' class="total"' : ''}><td>${esc(r.label)}</td><td>${esc(r.kind)}</td><td>${esc(r.unit)}</td><td>${esc(r.overhead)}</td>` +
            r.pv.map((v) => `<td class="num">${esc(v)}</td>`).join('') +
            '</tr>',
        )
        .join('');
      return title + rows;
    })
    .join('');
  const facts = s.facts.map((f) => `<li>${esc(f.label)}: ${esc(f.value)}</li>`).join('');
  return `<section><h2>${esc(s.title)}</h2>
<ul class="facts">${facts}</ul>
<h3>${esc(s.caption)}</h3>
<table><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>
</section>`;
}
