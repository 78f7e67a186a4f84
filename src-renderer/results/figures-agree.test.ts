import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/svelte';
import { readGolden } from '../../test-support/golden';
import { parseSom } from '../../shared/som/io';
import { calculate } from '../../shared/engine/calc';
import { buildReportHtml } from '../../shared/report/html';
import { readFigureSvg } from '../../test-support/figure-svg-read';
import { setApi } from '../lib/api';
import { createFakeApi } from '../test/fake-api';
import ResultsView from './ResultsView.svelte';
import { HarnessCalculation } from './harness/harness-calc.svelte';

// Chart.js records the configuration it is given (jsdom has no canvas to draw on).
const made = vi.hoisted(() => [] as { data: { labels: string[]; datasets: Record<string, unknown>[] }; options: { scales: Record<string, { title: { text: string } }> } }[]);
vi.mock('chart.js', () => {
  class Chart {
    static register() {}
    constructor(_canvas: unknown, config: (typeof made)[number]) {
      made.push(config);
    }
    destroy() {}
  }
  const el = {};
  return { Chart, BarController: el, BarElement: el, LineController: el, LineElement: el, PointElement: el, CategoryScale: el, LinearScale: el, Tooltip: el };
});


function open(name: string) {
  const doc = parseSom(readGolden(`${name}.som`));
  const calc = new HarnessCalculation(doc, 'abc', `${name}.som`);
  setApi(createFakeApi());
  made.length = 0;
  render(ResultsView, { props: { calc } });
  const html = buildReportHtml({ doc, fileName: `${name}.som`, appName: 'SØM Desktop', appVersion: '1', generatedAt: '2026-12-01T00:00:00Z', monteCarlo: null, sensitivity: false });
  return { doc, html };
}

/** The report's figure whose SVG title is `title`. */
function reportSvg(html: string, title: string) {
  const svgs = [...html.matchAll(/<svg [^]*?<\/svg>/g)].map((m) => readFigureSvg(m[0]));
  const found = svgs.find((s) => s.title === title);
  if (!found) throw new Error(`no figure «${title}» in the report`);
  return found;
}

/** What Chart.js was told, in the terms of the SVG reader: labels, bar colours (per bar drawn), line colour and dash. */
function fromConfig(cfg: (typeof made)[number], stacked: boolean) {
  return cfg.data.datasets.map((d) => {
    const values = d.data as number[];
    if (d.type === 'line') return { label: d.label, barFills: [], line: { stroke: d.borderColor, dash: (d.borderDash as number[]).join(' '), points: values.length } };
    const c = d.backgroundColor as string | string[];
    return { label: d.label, barFills: values.flatMap((v, k) => (stacked && v === 0 ? [] : [Array.isArray(c) ? c[k] : c])), line: null };
  });
}

afterEach(() => cleanup());

describe('the app’s charts and the report’s SVG get the same figure', () => {
  it.each(['icm-hjemloese', 'psykiatri-alkohol', 'skole-angst'])('%s: Figur 1a and Figur 2 (both views)', async (name) => {
    const { doc, html } = open(name);
    const r = calculate(doc);
    await vi.waitFor(() => expect(made.length).toBe(2));
    const [fig1, fig2] = made;
    // Plain data, never a Svelte proxy: structuredClone refuses proxies.
    expect(() => structuredClone(fig1.data)).not.toThrow();
    expect(fig1.data.datasets[0].data).toEqual(['kommune', 'region', 'stat', 'alle'].map((a) => r.actors[a as 'alle'].pvNet));

    const svg1 = reportSvg(html, screen.getByText(/^Figur 1a:/).firstChild?.textContent ?? '');
    expect(fromConfig(fig1, false)).toEqual(svg1.series);
    const svg2 = reportSvg(html, 'Figur 2: Nettogevinst pr. år, kr.');
    expect(fromConfig(fig2, false)).toEqual(svg2.series);
    expect(fig2.data.labels).toHaveLength(svg2.series[0].barFills.length);
    // The app's legend (HTML beside the canvas) has the report's entries in the same order.
    expect([...screen.getAllByTestId('chart-legend')[0].querySelectorAll('li')].map((li) => li.textContent)).toEqual(svg2.legend);

    // Split on the actors: a keyboard-reachable checkbox; the stacked figure is the report's second Figur 2.
    const box = screen.getByRole('checkbox', { name: /Vis opdelt på aktører/ });
    await fireEvent.click(box);
    await vi.waitFor(() => expect(made.length).toBe(3));
    const svgSplit = reportSvg(html, 'Figur 2: Nettogevinst pr. år opdelt på aktører, kr.');
    expect(fromConfig(made[2], true)).toEqual(svgSplit.series);
    expect(made[2].options.scales.x).toMatchObject({ stacked: true });
  });

  it('Figur 3 under Detaljerede resultater', async () => {
    const { html } = open('icm-hjemloese');
    await fireEvent.click(screen.getByRole('tab', { name: 'Detaljerede resultater' }));
    await vi.waitFor(() => expect(made.length).toBe(3));
    const fig3 = made[2];
    const svg3 = reportSvg(html, 'Figur 3: Gevinster pr. område pr. år, kr.');
    expect(fromConfig(fig3, true)).toEqual(svg3.series);
    expect(fig3.options.scales.y.title.text).toBe('Kr.');
  });

  it('the Resultater step has the Vejledning box, collapsible', () => {
    open('icm-hjemloese');
    const summary = screen.getByText('Vejledning');
    expect(summary.tagName).toBe('SUMMARY');
    expect(summary.parentElement?.textContent?.replace(/\s+/g, ' ')).toMatch(/Som udgangspunkt medregnes der kun konsekvenser for de første seks år/);
  });
});
