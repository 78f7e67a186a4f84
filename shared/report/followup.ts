/**
 * The follow-up in words, tables and a chart: shared by the Opfølgning tab, the printed report and
 * the command line so all three say exactly the same. Pure; every number from the engine
 * (shared/engine/followup.ts).
 */
import { danishDate, formatKr, formatNumber, formatPercent, MISSING } from '../format';
import { ACTORS, type Actor, type ViewActor } from '../som/schema';
import type { ActorFigures } from '../engine/calc';
import type { FollowUpResult } from '../engine/followup';
import { ACTOR_LABELS, ACTOR_SUBJECTS, FIGURE_ACTORS, breakEvenRateShort, periodLabel } from './texts';
import { esc, figureSvg } from './svg';
import { ACTOR_COLORS } from './palette';
import type { FigureShape } from './figures';

/** A count of persons as typed: whole numbers without decimals, else one decimal. */
export function persons(n: number): string {
  return formatNumber(n, Number.isInteger(n) ? 0 : 1);
}

/** "2023", "2023 og 2024", "2023, 2024 og 2025". */
export function yearList(years: readonly number[]): string {
  if (years.length <= 1) return years.map(String).join('');
  return `${years.slice(0, -1).join(', ')} og ${years[years.length - 1]}`;
}

/** The success rate as a percentage with a decimal only when it is needed (24 %, 12,5 %). */
function rate(x: number | null): string {
  if (x === null) return MISSING;
  const whole = Math.abs(x * 100 - Math.round(x * 100)) < 1e-9;
  return formatPercent(x, whole ? 0 : 1);
}

/** "kommunens nettogevinst", "nettogevinsten for alle aktører tilsammen". */
function netGainOf(actor: ViewActor): string {
  return actor === 'alle' ? 'nettogevinsten for alle aktører tilsammen' : `${ACTOR_SUBJECTS[actor]}s nettogevinst`;
}

/**
 * The summary a committee can read, e.g. "Indtil nu 41 deltagere mod forventet 48; realiseret
 * succesrate 24 % mod antaget 30 %; kommunens nettogevinst i perioden 2024–2029 ændres fra … til … kr."
 */
export function followUpSummary(f: FollowUpResult, actor: ViewActor): string {
  const head = `Opgjort pr. ${danishDate(f.asOf)}`;
  if (f.coveredYears.length === 0) {
    return `${head}: Der er endnu ingen faktiske tal. Genberegningen er derfor den samme som den oprindelige beregning.`;
  }
  const parts: string[] = [];
  const p = f.totals.participants;
  if (p.years.length > 0) parts.push(`Indtil nu ${persons(p.actual)} deltagere mod forventet ${persons(p.forecast)}`);
  const s = f.totals.successes;
  if (s.years.length > 0) parts.push(`${persons(s.actual)} med succes mod forventet ${persons(s.forecast)}`);
  parts.push(
    f.realisedSuccessRate === null
      ? `realiseret succesrate kan ikke opgøres endnu (det kræver både deltagere og antal med succes for samme år); antaget ${rate(f.assumedSuccessRate)}`
      : `realiseret succesrate ${rate(f.realisedSuccessRate)} mod antaget ${rate(f.assumedSuccessRate)}`,
  );
  const before = f.forecast.actors[actor].pvNet;
  const after = f.reforecast.actors[actor].pvNet;
  parts.push(
    `${netGainOf(actor)} i perioden ${periodLabel(f.forecast)} ændres fra ${formatKr(before)} til ${formatKr(after)} (nutidsværdi ${f.forecast.startYear})`,
  );
  const first = parts[0];
  parts[0] = first.charAt(0).toUpperCase() + first.slice(1);
  return `${head}, faktiske tal for ${yearList(f.coveredYears)}: ${parts.join('; ')}.`;
}

export interface KeyFigureRow {
  id: 'pvGains' | 'pvCosts' | 'pvNet' | 'breakEvenYear' | 'breakEvenSuccessRate';
  label: string;
  forecast: string;
  reforecast: string;
  /** Re-forecast − forecast in kroner (null for figures that are not amounts). */
  difference: string;
}

/** §7 figures of forecast and re-forecast side by side, for one actor. */
export function followUpKeyRows(f: FollowUpResult, actor: ViewActor): KeyFigureRow[] {
  const a = f.forecast.actors[actor];
  const b = f.reforecast.actors[actor];
  const horizonEnd = f.forecast.years[f.forecast.years.length - 1];
  const money = (id: 'pvGains' | 'pvCosts' | 'pvNet', label: string): KeyFigureRow => ({
    id,
    label,
    forecast: formatKr(a[id]),
    reforecast: formatKr(b[id]),
    difference: formatKr(b[id] - a[id]),
  });
  const year = (x: ActorFigures) => (x.breakEvenYear === null ? `ikke inden ${horizonEnd}` : String(x.breakEvenYear));
  return [
    money('pvGains', 'Gevinster'),
    money('pvCosts', 'Omkostninger (netto)'),
    money('pvNet', 'Nettogevinst'),
    { id: 'breakEvenYear', label: 'Tjener sig ind', forecast: year(a), reforecast: year(b), difference: MISSING },
    {
      id: 'breakEvenSuccessRate',
      label: 'Går i nul ved succesrate',
      forecast: breakEvenRateShort(a),
      // None in the re-forecast when every cohort has actual successes: no rate is left to assume.
      reforecast: f.allSuccessesGiven ? 'alle årgange er opgjort' : breakEvenRateShort(b),
      difference: MISSING,
    },
  ];
}

export interface DifferenceChartData {
  years: number[];
  series: { actor: Actor; label: string; values: number[]; color: string }[];
}

/**
 * Per year and actor the difference re-forecast − forecast of the net gain (kr., not discounted),
 * from the start year to the last year with a difference (at least the period end).
 */
export function followUpDifferenceChart(f: FollowUpResult): DifferenceChartData {
  const years = f.forecast.years;
  let last = f.forecast.period.end - f.forecast.startYear;
  for (let i = years.length - 1; i > last; i--) {
    if (ACTORS.some((a) => Math.abs(f.differences[a].net[i]) >= 0.5)) {
      last = i;
      break;
    }
  }
  const n = Math.min(years.length, last + 1);
  return {
    years: years.slice(0, n),
    series: ACTORS.map((a) => ({ actor: a, label: ACTOR_LABELS[a], values: f.differences[a].net.slice(0, n), color: ACTOR_COLORS[a] })),
  };
}

export const DIFFERENCE_CHART_TITLE = 'Forskel i nettogevinst pr. år: genberegning minus oprindelig beregning, kr.';

/** The difference chart as a figure shape, for the Opfølgning tab (Chart.js) and the report (SVG). */
export function followUpDifferenceFigure(f: FollowUpResult): FigureShape {
  const chart = followUpDifferenceChart(f);
  return {
    title: DIFFERENCE_CHART_TITLE,
    subtitle: 'Ikke tilbagediskonteret; kommune, region og stat oven på hinanden.',
    categories: chart.years.map(String),
    series: chart.series.map((s) => ({ kind: 'bar', label: s.label, values: s.values, color: s.color })),
    stacked: true,
    legend: true,
    valueLabels: false,
    xAxisTitle: 'År',
    yAxisTitle: 'Kr.',
    description: `${DIFFERENCE_CHART_TITLE}. Tabellen nedenfor har alle tal.`,
  };
}

/** One row per follow-up year for the table of actuals against the forecast. */
export interface ActualsRow {
  year: number;
  participants: string;
  successes: string;
  costs: string;
  savedCosts: string;
  note: string;
}

/** "41 (forventet 48)"; "ikke opgjort" when the actual value is not known yet. */
function actualVsForecast(actual: number | null, forecast: number, fmt: (n: number) => string): string {
  return actual === null ? `ikke opgjort (forventet ${fmt(forecast)})` : `${fmt(actual)} (forventet ${fmt(forecast)})`;
}

export function followUpActualsRows(f: FollowUpResult): ActualsRow[] {
  const money = (o: Record<Actor, { forecast: number; actual: number | null }>) => {
    const given = ACTORS.filter((a) => o[a].actual !== null);
    if (given.length === 0) return 'ikke opgjort';
    return given.map((a) => `${ACTOR_LABELS[a].toLowerCase()} ${formatKr(o[a].actual)} (forventet ${formatKr(o[a].forecast)})`).join(', ');
  };
  return f.rows.map((r) => ({
    year: r.year,
    participants: actualVsForecast(r.participants.actual, r.participants.forecast, persons),
    successes: actualVsForecast(r.successes.actual, r.successes.forecast, persons),
    costs: money(r.costs),
    savedCosts: money(r.savedCosts),
    note: r.note,
  }));
}

// ---- the report section --------------------------------------------------------------------

const num = (n: number) => `<td class="num">${esc(formatNumber(n))}</td>`;

/** The follow-up section of the printed report (same CSS classes as the rest of the report). */
export function followUpReportSection(f: FollowUpResult, actor: ViewActor): string {
  const r = f.forecast;
  const actuals = followUpActualsRows(f);
  const actualsTable =
    `<table class="keys"><thead><tr><th scope="col">År</th><th scope="col">Deltagere, der startede</th><th scope="col">Antal med succes</th>` +
    `<th scope="col">Faktiske omkostninger</th><th scope="col">Faktiske sparede omkostninger</th><th scope="col">Note</th></tr></thead><tbody>` +
    actuals
      .map(
        (a) =>
          `<tr><th scope="row">${a.year}</th><td>${esc(a.participants)}</td><td>${esc(a.successes)}</td><td>${esc(a.costs)}</td><td>${esc(a.savedCosts)}</td><td>${esc(a.note || MISSING)}</td></tr>`,
      )
      .join('') +
    `</tbody></table>`;
  const keyHead = `<thead><tr><th scope="col">Aktør</th><th scope="col">Nøgletal</th><th class="num" scope="col">Oprindelig beregning</th><th class="num" scope="col">Genberegning</th><th class="num" scope="col">Forskel</th></tr></thead>`;
  const keyBody = FIGURE_ACTORS.flatMap((a) =>
    followUpKeyRows(f, a).map(
      (k, i) =>
        `<tr>${i === 0 ? `<th scope="rowgroup" rowspan="5">${esc(ACTOR_LABELS[a])}</th>` : ''}<td>${esc(k.label)}</td><td class="num">${esc(k.forecast)}</td><td class="num">${esc(k.reforecast)}</td><td class="num">${esc(k.difference)}</td></tr>`,
    ),
  ).join('');
  const chart = followUpDifferenceChart(f);
  const svg = figureSvg(followUpDifferenceFigure(f), { height: 240 });
  const perRow = 10;
  let diffTables = '';
  for (let k = 0; k < chart.years.length; k += perRow) {
    const ys = chart.years.slice(k, k + perRow);
    diffTables +=
      `<table class="years"><thead><tr><th scope="col">Aktør</th>${ys.map((y) => `<th class="num" scope="col">${y}</th>`).join('')}</tr></thead><tbody>` +
      chart.series.map((s) => `<tr><th scope="row">${esc(s.label)}</th>${s.values.slice(k, k + perRow).map(num).join('')}</tr>`).join('') +
      `</tbody></table>`;
  }
  return `<section><h2>Opfølgning: forventet og faktisk</h2>
<p>${esc(followUpSummary(f, actor))}</p>
<p class="muted">Genberegningen er den samme beregning med de faktiske tal sat ind for de år, der er opgjort. Alle andre forudsætninger er uændrede. Realiseret succesrate: ${esc(rate(f.realisedSuccessRate))}; antaget succesrate: ${esc(rate(f.assumedSuccessRate))}.</p>
<h3>Faktiske tal pr. år</h3>
${actualsTable}
<h3>Nøgletal for perioden ${esc(periodLabel(r))} (nutidsværdi ${r.startYear}, kr.)</h3>
<table class="keys">${keyHead}<tbody>${keyBody}</tbody></table>
<figure><figcaption>${esc(DIFFERENCE_CHART_TITLE)}<span class="sub">${r.priceYear}-priser, ikke tilbagediskonteret. Positive søjler: genberegningen giver mere i året end den oprindelige beregning.</span></figcaption>${svg}</figure>
<h3>Tabel til figuren: forskel i nettogevinst pr. år, kr.</h3>
${diffTables}
</section>`;
}
