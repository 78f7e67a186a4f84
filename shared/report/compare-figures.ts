/**
 * The figures of a comparison, one shape each for the Sammenligning page (Chart.js) and the
 * comparison report (SVG): net gain per year per calculation, the portfolio per actor, and the
 * portfolio's accumulated net gain in present value. Pure.
 */
import { formatNumber } from '../format';
import type { ViewActor } from '../som/schema';
import type { CompareResult } from '../engine/compare';
import type { FigureShape } from './figures';
import { ACTOR_COLORS, CUMULATIVE_PV, memberColor } from './palette';
import { ACTOR_LABELS, ACTOR_SUBJECTS } from './texts';

export interface CompareFigures {
  perMember: FigureShape;
  perActor: FigureShape;
  accumulated: FigureShape;
}

export function compareFigures(r: CompareResult, actor: ViewActor): CompareFigures {
  const b = r.basis;
  const i0 = b.periodStart - r.years[0];
  const years = r.years.slice(i0, i0 + (b.periodEnd - b.periodStart + 1));
  const inPeriod = (xs: number[]) => xs.slice(i0, i0 + years.length);
  const basis = `Fælles grundlag: ${b.priceYear}-priser, ikke tilbagediskonteret, ${b.periodStart}–${b.periodEnd}.`;
  const who = ACTOR_LABELS[actor].toLowerCase();
  const pa = r.portfolio.actors[actor];
  const common = { stacked: true, legend: true, valueLabels: false, xAxisTitle: 'År', yAxisTitle: 'Kr.' } as const;
  return {
    perMember: {
      ...common,
      title: `Nettogevinst pr. år pr. beregning, ${who}`,
      subtitle: basis,
      categories: years.map(String),
      series: r.members.map((m, i) => ({ kind: 'bar', label: m.name, values: inPeriod(m.common[actor].net), color: memberColor(i) })),
      description: `Nettogevinst pr. år pr. beregning for ${ACTOR_SUBJECTS[actor]}, ${b.priceYear}-priser, ${b.periodStart}–${b.periodEnd}. Tallene står i tabellen nedenfor.`,
    },
    perActor: {
      ...common,
      title: 'Porteføljens nettogevinst pr. år pr. aktør',
      subtitle: basis,
      categories: years.map(String),
      series: (['kommune', 'region', 'stat'] as const).map((a) => ({ kind: 'bar', label: ACTOR_LABELS[a], values: inPeriod(r.portfolio.actors[a].net), color: ACTOR_COLORS[a] })),
      description: `Porteføljens nettogevinst pr. år for kommune, region og stat, ${b.priceYear}-priser, ${b.periodStart}–${b.periodEnd}.`,
    },
    accumulated: {
      ...common,
      stacked: false,
      title: 'Porteføljens akkumulerede nettogevinst',
      subtitle: `Alle år, tilbagediskonteret til ${b.priceYear}, ${who}. ${pa.breakEvenYear === null ? `Porteføljen tjener sig ikke ind inden ${r.years[r.years.length - 1]}.` : `Porteføljen tjener sig ind i ${pa.breakEvenYear}: fra da af er linjen ikke under nul.`}`,
      categories: r.years.map(String),
      series: [
        { kind: 'bar', label: `Nettogevinst i året, tilbagediskonteret (${who})`, values: pa.net.map((v, i) => v * r.discountFactors[i]), color: ACTOR_COLORS[actor] },
        { kind: 'line', label: 'Akkumuleret nettogevinst, nutidsværdi (tilbagediskonteret)', values: [...pa.cumulativeDiscountedNet], style: CUMULATIVE_PV },
      ],
      description: `Porteføljens akkumulerede, tilbagediskonterede nettogevinst for ${ACTOR_SUBJECTS[actor]} for alle år; ${formatNumber(pa.cumulativeDiscountedNet[pa.cumulativeDiscountedNet.length - 1] ?? 0)} kr. i sidste år.`,
    },
  };
}
