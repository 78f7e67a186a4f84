/** The cost model's part of the `som calc` text output: cost per forløb, overhead and each activity's PV. */
import { formatNumber, formatPercent, MISSING } from '../../shared/format';
import type { CalcResult } from '../../shared/engine/calc';
import { ACTIVITY_KIND_LABELS } from '../../shared/som/costmodel';
import { oneLine } from './common';

type Table = (header: string[], rows: string[][]) => string;

export function costModelTableLines(r: CalcResult, table: Table): string[] {
  const cm = r.costModel;
  if (!cm) return [];
  const out: string[] = [];
  out.push(
    `Omkostningsmodel: omkostning pr. forløb ${cm.costPerForloeb === null ? MISSING : formatNumber(cm.costPerForloeb)} kr. ` +
      `(alle aktører, ikke tilbagediskonteret), overhead ${formatPercent(cm.overheadRate, 1)}.`,
  );
  out.push(`Aktiviteternes nutidsværdi ${r.startYear} for perioden ${r.period.start}–${r.period.end}`);
  const rows = cm.activities.map((a) => [
    `${oneLine(a.label)}${a.replaced ? ' (bortfalder)' : ''}`,
    ACTIVITY_KIND_LABELS[a.kind].toLowerCase(),
    formatNumber(a.pv.kommune),
    formatNumber(a.pv.region),
    formatNumber(a.pv.stat),
    formatNumber(a.pv.alle),
  ]);
  rows.push(['Heraf overhead', '', '', '', '', formatNumber(cm.pvOverhead)]);
  out.push(table(['Aktivitet', 'Type', 'Kommune', 'Region', 'Stat', 'Alle aktører'], rows));
  return out;
}
