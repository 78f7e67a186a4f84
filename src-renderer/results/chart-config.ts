/**
 * Translates a figure shape (shared/report/figures.ts) into a Chart.js configuration, as figureSvg
 * translates it into the report's SVG: the same categories, series, values, colours, line styles
 * and axis titles. The legend is not drawn by Chart.js but beside the canvas from legendEntries
 * (ResultsChart.svelte), so it shows the same swatches as the report. Pure: plain data in and out.
 */
import type { ChartConfiguration } from 'chart.js';
import { formatNumber } from '../../shared/format';
import { GRID, MUTED } from '../../shared/report/palette';
import type { FigureShape } from '../../shared/report/figures';
import { axisKr } from '../../shared/report/svg';

const POINT_STYLE = { circle: 'circle', diamond: 'rectRot', none: false } as const;

export function chartConfig(shape: FigureShape): ChartConfiguration<'bar' | 'line', number[], string> {
  return {
    type: 'bar',
    data: {
      labels: [...shape.categories],
      datasets: shape.series.map((s, i) =>
        s.kind === 'line'
          ? {
              type: 'line' as const,
              label: s.label,
              data: [...s.values],
              borderColor: s.style.color,
              backgroundColor: s.style.color,
              borderWidth: 2,
              borderDash: [...s.style.dash],
              pointRadius: s.style.marker === 'none' ? 0 : 3,
              pointStyle: POINT_STYLE[s.style.marker],
              tension: 0,
              order: 0,
              // Its own stack: on a stacked scale a line is drawn at its own values, never added to another line.
              stack: `line-${i}`,
            }
          : {
              type: 'bar' as const,
              label: s.label,
              data: [...s.values],
              backgroundColor: Array.isArray(s.color) ? [...s.color] : s.color,
              borderWidth: 0,
              maxBarThickness: 70,
              order: i + 1,
              stack: shape.stacked ? 'bars' : undefined,
            },
      ),
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label ?? ''}: ${formatNumber(ctx.parsed.y ?? 0)} kr.` } },
      },
      scales: {
        x: { stacked: shape.stacked, grid: { display: false }, title: { display: true, text: shape.xAxisTitle, color: MUTED } },
        y: {
          stacked: shape.stacked,
          ticks: { callback: (v) => axisKr(Number(v)) },
          grid: { color: (c) => (c.tick?.value === 0 ? MUTED : GRID) },
          title: { display: true, text: shape.yAxisTitle, color: MUTED },
        },
      },
    },
  };
}
