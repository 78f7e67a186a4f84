import { describe, expect, it } from 'vitest';
import { goldenNames, goldenSom } from '../../test-support/golden';
import { VIEW_ACTORS } from '../som/schema';
import { calculate, withPeriodEnd } from '../engine/calc';
import { buildReportHtml } from './html';
import { figureSvg } from './svg';
import { figure1a, figure2, figure3, legendEntries, type FigureShape } from './figures';
import { readFigureSvg } from '../../test-support/figure-svg-read';
import { ABOVE, ACTOR_COLORS, AREA_COLORS, BELOW, CUMULATIVE, CUMULATIVE_PV, FAN, MEMBER_COLORS, SCENARIO_COLORS } from './palette';

const CASES = goldenNames();
const load = goldenSom;

/** What the SVG drew agrees with the shape: title, legend order, every bar's colour, every line's colour and dash. */
function expectSvgDrawsShape(svg: string, shape: FigureShape) {
  const drawn = readFigureSvg(svg);
  expect(drawn.title).toBe(shape.title);
  expect(drawn.legend).toEqual(legendEntries(shape).map((e) => e.label));
  expect(drawn.series.map((s) => s.label)).toEqual(shape.series.map((s) => s.label));
  shape.series.forEach((s, i) => {
    const d = drawn.series[i];
    if (s.kind === 'line') {
      expect(d.line).toEqual({ stroke: s.style.color, dash: s.style.dash.join(' '), points: shape.categories.length });
    } else {
      const expected = s.values.flatMap((v, k) => (shape.stacked && v === 0 ? [] : [Array.isArray(s.color) ? s.color[k] : s.color]));
      expect(d.barFills).toEqual(expected);
    }
  });
}

describe('figure shapes from the engine', () => {
  it.each(CASES)('%s: Figur 1a, 2 and 3 carry the engine’s numbers for every actor', (name) => {
    const r = calculate(load(name));
    const n = r.period.end - r.period.start + 1;
    const i0 = r.period.start - r.startYear;
    expect(figure1a(r).series[0].values).toEqual(['kommune', 'region', 'stat', 'alle'].map((a) => r.actors[a as 'alle'].pvNet));
    for (const actor of VIEW_ACTORS) {
      const f2 = figure2(r, actor);
      expect(f2.categories).toHaveLength(n);
      expect(f2.series.map((s) => s.values)).toEqual([
        r.actors[actor].net.slice(i0, i0 + n),
        r.actors[actor].cumulativeNet.slice(i0, i0 + n),
        r.actors[actor].cumulativeDiscountedNet.slice(i0, i0 + n),
      ]);
      const f3 = figure3(r, actor);
      expect(f3.series.map((s) => s.values)).toEqual(r.areas.map((a) => a.gains[actor].slice(i0, i0 + n)));
    }
  });

  it.each(CASES)('%s: Figur 2 split on the actors stacks Kommune, Region and Stat to the net gain of alle aktører', (name) => {
    const r = calculate(load(name));
    const f = figure2(r, 'kommune', 'aktoerer');
    expect(f.stacked).toBe(true);
    const bars = f.series.filter((s) => s.kind === 'bar');
    expect(bars.map((s) => s.color)).toEqual([ACTOR_COLORS.kommune, ACTOR_COLORS.region, ACTOR_COLORS.stat]);
    const i0 = r.period.start - r.startYear;
    f.categories.forEach((_, k) => {
      expect(bars.reduce((sum, b) => sum + b.values[k], 0)).toBeCloseTo(r.actors.alle.net[i0 + k], 4);
    });
    // The lines are those of alle aktører, whatever actor is chosen.
    expect(f.series.filter((s) => s.kind === 'line').map((s) => s.values)).toEqual([
      r.actors.alle.cumulativeNet.slice(i0, i0 + f.categories.length),
      r.actors.alle.cumulativeDiscountedNet.slice(i0, i0 + f.categories.length),
    ]);
  });
});

describe('the report draws the shapes', () => {
  it.each(CASES)('%s: the report’s SVG of Figur 1a, 2 (both views) and 3 is the shape’s, drawn as the shape says', (name) => {
    const doc = load(name);
    const r = calculate(doc);
    const html = buildReportHtml({ doc, result: r, fileName: 'x.som', appName: 'SØM Desktop', appVersion: '1', generatedAt: '2026-12-01T00:00:00Z', monteCarlo: null, sensitivity: false });
    const actor = doc.view.actor;
    const shapes = [figure1a(r), figure2(r, actor), figure2(r, actor, 'aktoerer'), figure3(r, actor)];
    for (const shape of shapes) {
      const svg = figureSvg(shape, shape === shapes[0] ? { height: 250 } : {});
      expect(html).toContain(svg);
      expectSvgDrawsShape(svg, shape);
    }
  });
});

describe('one colour per meaning', () => {
  it('no colour stands for two meanings, and alle aktører has its own', () => {
    const meanings = [
      ...Object.values(ACTOR_COLORS),
      CUMULATIVE.color,
      CUMULATIVE_PV.color,
      ...AREA_COLORS,
      ...SCENARIO_COLORS,
      ...MEMBER_COLORS,
      BELOW,
      ABOVE,
      FAN.color,
    ].map((c) => c.toLowerCase());
    expect(new Set(meanings).size).toBe(meanings.length);
    const r = calculate(load('icm-hjemloese'));
    const bar = figure2(r, 'alle').series[0];
    expect(bar.kind === 'bar' && bar.color).toBe(ACTOR_COLORS.alle);
  });

  it('the two accumulated lines differ in dash and marker, not only in colour, and the legend shows it', () => {
    expect(CUMULATIVE.dash).toEqual([]);
    expect(CUMULATIVE_PV.dash.length).toBeGreaterThan(0);
    expect(CUMULATIVE.marker).not.toBe(CUMULATIVE_PV.marker);
    const r = calculate(load('icm-hjemloese'));
    const legend = legendEntries(figure2(r, 'alle'));
    expect(legend.map((e) => [e.kind, e.dash, e.marker])).toEqual([
      ['box', [], 'box'],
      ['line', CUMULATIVE.dash, CUMULATIVE.marker],
      ['line', CUMULATIVE_PV.dash, CUMULATIVE_PV.marker],
    ]);
    const svg = figureSvg(figure2(r, 'alle'));
    // The legend's swatch for the dashed line is dashed and has its diamond.
    const swatch = /<g data-legend="Akkumuleret nettogevinst, nutidsværdi[^"]*">(.*?)<\/g>/s.exec(svg)?.[1] ?? '';
    expect(swatch).toMatch(/stroke-dasharray=/);
    expect(swatch).toMatch(/rotate\(45/);
  });
});

describe('x-axis labels of the report figures', () => {
  const yearLabels = (svg: string) =>
    [...svg.matchAll(/<text x="([\d.]+)" y="[\d.]+" text-anchor="middle" font-size="10">(\d{4})<\/text>/g)].map((m) => ({ x: Number(m[1]), year: Number(m[2]) }));

  it('writes every year of a short period, and thins a long one so that neighbours do not touch', () => {
    const doc = goldenSom(goldenNames()[0]);
    const short = yearLabels(figureSvg(figure2(calculate(withPeriodEnd(doc, doc.view.periodStart + 5)), 'alle')));
    expect(short.map((l) => l.year)).toEqual([0, 1, 2, 3, 4, 5].map((i) => doc.view.periodStart + i));
    const long = yearLabels(figureSvg(figure2(calculate(withPeriodEnd(doc, doc.view.periodStart + 22)), 'alle')));
    expect(long[0].year).toBe(doc.view.periodStart);
    expect(long.length).toBeGreaterThan(5);
    expect(long.length).toBeLessThan(23);
    // A four-digit year at font-size 10 is about 24 px wide.
    for (let i = 1; i < long.length; i++) expect(long[i].x - long[i - 1].x).toBeGreaterThanOrEqual(30);
  });
});
