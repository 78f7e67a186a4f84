/**
 * One shape per figure: the series, category labels, colours, line styles, title, subtitle, axis
 * titles and legend of each figure of Resultater, made once from the engine's result. The app
 * (Chart.js, src-renderer/results/chart-config.ts) and the report (SVG, figureSvg in svg.ts) only
 * translate a shape, so they cannot show different numbers, colours or words. Pure.
 */
import { formatNumber } from '../format';
import type { ViewActor } from '../som/schema';
import type { CalcResult } from '../engine/calc';
import type { MonteCarloResult } from '../engine/montecarlo';
import type { ScenarioResult, SensitivityResult, TornadoBar } from '../engine/sensitivity';
import { ACTOR_COLORS, ABOVE, BELOW, CUMULATIVE, CUMULATIVE_PV, FAN, FAN_BAND_OPACITY, areaColor, scenarioColor, type LineStyle } from './palette';
import { ACTOR_LABELS, ACTOR_SUBJECTS, FIGURE_ACTORS, figure1aTitle, figure2Data, periodLabel, periodYears, pricesLabel } from './texts';

export interface BarSeries {
  kind: 'bar';
  label: string;
  values: number[];
  /** One colour for the series, or one per category (Figur 1a: one per actor). */
  color: string | string[];
}

export interface LineSeries {
  kind: 'line';
  label: string;
  values: number[];
  style: LineStyle;
}

export type FigureSeries = BarSeries | LineSeries;

/** A bar/line figure over categories (years or actors). */
export interface FigureShape {
  /** The figure's caption ("Figur 2: Nettogevinst pr. år, kr."). */
  title: string;
  /** The line under the caption (period, prices, actor, what is discounted). */
  subtitle: string;
  categories: string[];
  series: FigureSeries[];
  /** Bars of several series stacked per category (positive parts up, negative parts down). */
  stacked: boolean;
  /** Show a legend (one entry per series, in series order, with its colour and line style). */
  legend: boolean;
  /** Print each bar's value at its end (Figur 1a). */
  valueLabels: boolean;
  xAxisTitle: string;
  yAxisTitle: string;
  /** What a screen reader hears; the table beside the figure has every number. */
  description: string;
}

export interface LegendEntry {
  label: string;
  color: string;
  kind: 'box' | 'line' | 'band';
  dash: readonly number[];
  marker: LineStyle['marker'] | 'box';
}

/** The legend of a shape, as both renderers draw it: series order, bars as boxes, lines with their dash and marker. */
export function legendEntries(shape: FigureShape): LegendEntry[] {
  if (!shape.legend) return [];
  return shape.series.map((s) =>
    s.kind === 'bar'
      ? { label: s.label, color: Array.isArray(s.color) ? s.color[0] : s.color, kind: 'box', dash: [], marker: 'box' }
      : { label: s.label, color: s.style.color, kind: 'line', dash: s.style.dash, marker: s.style.marker },
  );
}

const KR = 'Kr.';
const YEAR = 'År';

/** Figur 1a: the present value of the net gain over the period per actor (Kommune, Region, Stat, Alle aktører). */
export function figure1a(r: CalcResult): FigureShape {
  const title = figure1aTitle(r);
  return {
    title,
    subtitle: `Nettogevinst = gevinster minus nettoomkostninger til indsatsen. ${pricesLabel(r)}.`,
    categories: FIGURE_ACTORS.map((a) => ACTOR_LABELS[a]),
    series: [{ kind: 'bar', label: 'Nettogevinst, nutidsværdi', values: FIGURE_ACTORS.map((a) => r.actors[a].pvNet), color: FIGURE_ACTORS.map((a) => ACTOR_COLORS[a]) }],
    stacked: false,
    legend: false,
    valueLabels: true,
    xAxisTitle: 'Aktør',
    yAxisTitle: `${KR}, nutidsværdi ${r.startYear}`,
    description: `${title} ${FIGURE_ACTORS.map((a) => `${ACTOR_LABELS[a]}: ${formatNumber(r.actors[a].pvNet)} kr.`).join(' ')}`,
  };
}

/** How Figur 2 shows the net gain per year: for the chosen actor, or split on the actors (stacked), as the course slide "Opdelt på aktører". */
export type Figure2Mode = 'samlet' | 'aktoerer';

/**
 * Figur 2: the net gain per year (bars, not discounted) and the accumulated net gain, not
 * discounted (solid) and in present value (dashed). Split on the actors, the bars are Kommune,
 * Region and Stat stacked (their sum is alle aktører) and the lines are those of alle aktører.
 */
export function figure2(r: CalcResult, actor: ViewActor, mode: Figure2Mode = 'samlet'): FigureShape {
  const split = mode === 'aktoerer';
  const lineActor: ViewActor = split ? 'alle' : actor;
  const d = figure2Data(r, lineActor);
  const i0 = r.period.start - r.startYear;
  const bars: BarSeries[] = split
    ? (['kommune', 'region', 'stat'] as const).map((a) => ({
        kind: 'bar',
        label: `Nettogevinst pr. år, ${ACTOR_LABELS[a].toLowerCase()}`,
        values: r.actors[a].net.slice(i0, i0 + d.years.length),
        color: ACTOR_COLORS[a],
      }))
    : [{ kind: 'bar', label: d.bars.label, values: d.bars.values, color: ACTOR_COLORS[actor] }];
  const who = split ? 'alle aktører, opdelt på kommune, region og stat' : ACTOR_LABELS[actor].toLowerCase();
  return {
    title: split ? 'Figur 2: Nettogevinst pr. år opdelt på aktører, kr.' : 'Figur 2: Nettogevinst pr. år, kr.',
    subtitle: `Periode: ${periodLabel(r)}, ${pricesLabel(r)}, ${who}. ${d.note}`,
    categories: d.years.map(String),
    series: [
      ...bars,
      { kind: 'line', label: split ? 'Akkumuleret nettogevinst for alle aktører, ikke tilbagediskonteret' : d.cumulative.label, values: d.cumulative.values, style: CUMULATIVE },
      { kind: 'line', label: split ? 'Akkumuleret nettogevinst for alle aktører, nutidsværdi (tilbagediskonteret)' : d.cumulativeDiscounted.label, values: d.cumulativeDiscounted.values, style: CUMULATIVE_PV },
    ],
    stacked: split,
    legend: true,
    valueLabels: false,
    xAxisTitle: YEAR,
    yAxisTitle: KR,
    description: `Figur 2: nettogevinst pr. år for ${who}, ${periodLabel(r)}. ${d.note} Tallene står i tabellen under figuren.`,
  };
}

/** Figur 3: the gains per area per year for the chosen actor (stacked bars, not discounted). */
export function figure3(r: CalcResult, actor: ViewActor): FigureShape {
  const years = periodYears(r);
  const i0 = r.period.start - r.startYear;
  return {
    title: 'Figur 3: Gevinster pr. område pr. år, kr.',
    subtitle: `Periode: ${periodLabel(r)}, ${pricesLabel(r)}, ${ACTOR_LABELS[actor].toLowerCase()}. Ikke tilbagediskonteret.`,
    categories: years.map(String),
    series: r.areas.map((a, i) => ({ kind: 'bar', label: a.area, values: a.gains[actor].slice(i0, i0 + years.length), color: areaColor(i) })),
    stacked: true,
    legend: true,
    valueLabels: false,
    xAxisTitle: YEAR,
    yAxisTitle: KR,
    description: `Figur 3: gevinster pr. område pr. år for ${ACTOR_LABELS[actor].toLowerCase()}, ${periodLabel(r)}. Tallene står i tabellen under figuren.`,
  };
}

/** The scenarios: the present value of the net gain of each scenario for the chosen actor. */
export function scenarioFigure(r: CalcResult, scenarios: readonly ScenarioResult[], actor: ViewActor): FigureShape {
  const title = `Scenarier: nettogevinst for ${ACTOR_SUBJECTS[actor]}, nutidsværdi ${r.startYear}, kr.`;
  return {
    title,
    subtitle: `Periode ${periodLabel(r)}.`,
    categories: scenarios.map((s) => s.name),
    series: [{ kind: 'bar', label: 'Nettogevinst, nutidsværdi', values: scenarios.map((s) => s.pvNet[actor]), color: scenarios.map((_, i) => scenarioColor(i)) }],
    stacked: false,
    legend: false,
    valueLabels: true,
    xAxisTitle: 'Scenarie',
    yAxisTitle: `${KR}, nutidsværdi ${r.startYear}`,
    description: `${title} ${scenarios.map((s) => `${s.name}: ${formatNumber(s.pvNet[actor])} kr.`).join(' ')}`,
  };
}

/** The tornado of the one-way sensitivity analyses (what tornadoChart in svg.ts draws). */
export interface TornadoShape {
  title: string;
  subtitle: string;
  base: number;
  bars: { name: string; low: number; high: number; lowLabel: string; highLabel: string }[];
  lowColor: string;
  highColor: string;
}

export function tornadoFigure(r: CalcResult, sens: SensitivityResult, bars: readonly TornadoBar[], actor: ViewActor): TornadoShape {
  return {
    title: `Tornado: nettogevinst for ${ACTOR_SUBJECTS[actor]}, nutidsværdi ${r.startYear}, kr.`,
    subtitle: 'Orange: lavere end beregningen; blå: højere. Størst udsving øverst.',
    base: sens.base[actor],
    bars: bars.map((b) => ({ name: b.name, low: b.lowValue, high: b.highValue, lowLabel: b.low.label, highLabel: b.high.label })),
    lowColor: BELOW,
    highColor: ABOVE,
  };
}

/** The distribution of the Monte Carlo draws (histogram) for the chosen actor. */
export interface HistogramShape {
  title: string;
  subtitle: string;
  edges: number[];
  counts: number[];
  lossColor: string;
  gainColor: string;
  xAxisTitle: string;
}

export function histogramFigure(r: CalcResult, mc: MonteCarloResult, actor: ViewActor): HistogramShape {
  const a = mc.actors[actor];
  return {
    title: `Fordeling af nettogevinsten for ${ACTOR_SUBJECTS[actor]}, nutidsværdi ${r.startYear}, kr.`,
    subtitle: 'Antal træk pr. interval; orange: tab, blå: gevinst.',
    edges: a.histogram.edges,
    counts: a.histogram.counts,
    lossColor: BELOW,
    gainColor: ABOVE,
    xAxisTitle: 'Nettogevinst (nutidsværdi), kr.',
  };
}

/** The Monte Carlo fan: the 5–95 % band and the median of the accumulated net gain, with the calculation's own line. */
export interface FanShape {
  title: string;
  subtitle: string;
  years: number[];
  p5: number[];
  p50: number[];
  p95: number[];
  /** The calculation's accumulated net gain, not discounted (the solid line of Figur 2), when it covers the same years. */
  deterministic?: number[];
  band: { label: string; color: string; opacity: number };
  median: { label: string; style: LineStyle };
  calculation: { label: string; style: LineStyle };
}

export function fanFigure(r: CalcResult, mc: MonteCarloResult, actor: ViewActor): FanShape {
  const a = mc.actors[actor];
  const i0 = r.period.start - r.startYear;
  const sameYears = a.fan.years.length === r.period.end - r.period.start + 1;
  return {
    title: `Akkumuleret nettogevinst pr. år for ${ACTOR_SUBJECTS[actor]}, kr.`,
    subtitle: `Periode ${a.fan.years[0]}–${a.fan.years[a.fan.years.length - 1]}, ikke tilbagediskonteret. Bånd: 5–95 % af trækkene; grå linje med punkter: beregningen.`,
    years: a.fan.years,
    p5: a.fan.p5,
    p50: a.fan.p50,
    p95: a.fan.p95,
    deterministic: sameYears ? r.actors[actor].cumulativeNet.slice(i0, i0 + a.fan.years.length) : undefined,
    band: { label: '5–95 %-interval', color: FAN.color, opacity: FAN_BAND_OPACITY },
    median: { label: 'Median', style: FAN },
    calculation: { label: 'Beregningen (akkumuleret, ikke tilbagediskonteret)', style: CUMULATIVE },
  };
}
