import { describe, expect, it } from 'vitest';
import type { SomDocument } from '../som/schema';
import { calculate } from '../engine/calc';
import { formatNumber } from '../format';
import { buildReportHtml, danishDate, reportFooterTemplate } from './html';
import { esc, fanChart, figureSvg, histogramChart, niceTicks, tornadoChart } from './svg';
import { figure2, figure3, type FigureShape } from './figures';
import { goldenSom as load } from '../../test-support/golden';

const meta = { fileName: 'icm.som', appName: 'SØM Desktop', appVersion: '1.2.3', generatedAt: '2026-11-23T09:00:00Z' };

describe('buildReportHtml', () => {
  const doc = load('icm-hjemloese');
  const html = buildReportHtml({ doc, ...meta, monteCarlo: null });

  it('is one self-contained document: no scripts, no external resources', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)=["']?https?:/i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).toContain('<svg');
  });

  it('keeps each chart with its caption and heading, lets tables break between rows and forces no page break after the front page', () => {
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    const rule = (selector: string) => new RegExp(`(^|\\n)${selector.replace(/[.+]/g, '\\$&')} \\{[^}]*`).exec(css)?.[0] ?? '';
    expect(rule('figure')).toContain('break-inside: avoid');
    expect(rule('h2')).toContain('break-after: avoid');
    expect(rule('h3')).toContain('break-after: avoid');
    expect(rule('h2 + p, h3 + p')).toContain('break-after: avoid');
    expect(rule('thead')).toContain('display: table-header-group');
    expect(rule('tr')).toContain('break-inside: avoid');
    expect(rule('table')).toContain('break-inside: auto');
    // Every chart is a figure block: caption, then the chart, inside one <figure>.
    const charts = html.match(/<svg/g)!.length;
    expect(charts).toBeGreaterThan(2);
    expect(html.match(/<figure><figcaption>[^]*?<\/figcaption><svg/g)!.length).toBe(charts);
    // Only the front page ends with a forced break; sections flow on.
    expect(css.match(/break-(before|after): page/g)).toEqual(['break-after: page']);
    expect(rule('.front')).toContain('break-after: page');
  });

  it('has the front page, the figures and the appendix, numbers in da-DK', () => {
    expect(html).toContain('ICM til hjemløse');
    expect(html).toContain('23. november 2026');
    expect(html).toContain('SØM Desktop 1.2.3');
    expect(html).toContain('Figur 1a: Nettogevinst for perioden 2018-2023, nutidsværdi 2018, kr.');
    expect(html).toContain('Tabel til Figur 2: Nettogevinst pr. år, kr.');
    expect(html).toContain(formatNumber(calculate(doc).actors.alle.pvNet));
    expect(html).toContain('Bilag: Forudsætninger og kilder');
    expect(html).toContain('Følsomhedsanalyse');
    // monteCarlo: null leaves the section out.
    expect(html).not.toContain('Monte Carlo-analyse');
    expect(buildReportHtml({ doc, ...meta })).toContain('Monte Carlo-analyse');
  });

  it('escapes the user text and names from the file', () => {
    const evil: SomDocument = {
      ...doc,
      intervention: { ...doc.intervention, name: '<img src=x onerror=alert(1)>' },
      report: { text: '<script>alert(1)</script>\nLinje 2' },
    };
    const h = buildReportHtml({ doc: evil, ...meta, monteCarlo: null });
    expect(h).not.toContain('<img src=x');
    expect(h).not.toContain('<script>alert');
    expect(h).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(h).toContain('Forklarende tekst');
  });

  it('marks illustrative values with the Eksempeldata badge', () => {
    const ex: SomDocument = {
      ...doc,
      lines: doc.lines.map((l, i) => (i === 0 ? { ...l, price: { ...l.price, source: 'Eksempeldata (illustrativ værdi, ikke fra Socialstyrelsen)' } } : l)),
    };
    const badges = (h: string) => (h.match(/class="badge">Eksempeldata</g) ?? []).length;
    const plain = badges(html);
    expect(badges(buildReportHtml({ doc: ex, ...meta, monteCarlo: null }))).toBeGreaterThan(plain);
  });

  it('lists own values and own prices as overrides', () => {
    const own: SomDocument = {
      ...doc,
      lines: doc.lines.map((l, i) =>
        i === 0 ? { ...l, own: l.own.map((v, k) => (k === 0 ? -3.5 : v)), ownPrice: { ...l.ownPrice, kommune: 2500 } } : l,
      ),
    };
    const h = buildReportHtml({ doc: own, ...meta, monteCarlo: null });
    expect(h).toContain('vidensdatabasens skøn -2,90');
    expect(h).toContain('2.500,00 kr.');
    expect(h).not.toContain('Ingen: beregningen bruger vidensdatabasens skøn og priser uændret.');
  });

  it('formats dates and the footer', () => {
    expect(danishDate('2026-01-05T23:00:00Z')).toBe('5. januar 2026');
    const f = reportFooterTemplate('a<b>.som');
    expect(f).toContain('a&lt;b&gt;.som');
    expect(f).toContain('class="pageNumber"');
    expect(f).toContain('class="totalPages"');
  });
});

describe('SVG charts', () => {
  const bars: FigureShape = {
    title: 'T <1>',
    subtitle: '',
    categories: ['Kommune', 'Region'],
    series: [{ kind: 'bar', label: 'Nettogevinst', values: [-2_000_000, 500_000], color: '#000000' }],
    stacked: false,
    legend: false,
    valueLabels: true,
    xAxisTitle: 'Aktør',
    yAxisTitle: 'kr.',
    description: 'T',
  };
  const icm = calculate(load('icm-hjemloese'));
  const charts = [
    figureSvg(bars),
    figureSvg(figure2(icm, 'alle')),
    figureSvg(figure2(icm, 'alle', 'aktoerer')),
    figureSvg(figure3(icm, 'kommune')),
    tornadoChart({ title: 'T', base: 0, bars: [{ name: 'Succesrate', low: -10, high: 20, lowLabel: 'lav', highLabel: 'høj' }] }),
    histogramChart({ title: 'H', edges: [-1, 0, 1], counts: [3, 5] }),
    fanChart({ title: 'Fan', years: [2018, 2019], p5: [-2, -1], p50: [-1, 0], p95: [0, 1], deterministic: [-1, 0] }),
  ];
  it('are CSP-safe SVG with a title and a viewBox', () => {
    for (const s of charts) {
      expect(s.startsWith('<svg')).toBe(true);
      expect(s).toContain('viewBox="0 0 ');
      expect(s).toMatch(/<title>[^<]+<\/title>/);
      expect(s).not.toMatch(/\sstyle=/);
      expect(s).not.toMatch(/NaN|undefined/);
    }
    expect(charts[0]).toContain('T &lt;1&gt;');
    expect(charts[0]).toContain('-2.000.000');
  });
  it('nice ticks include 0 and cover the range', () => {
    const t = niceTicks(-2_130_279, 131_733);
    expect(t).toContain(0);
    expect(t[0]).toBeLessThanOrEqual(-2_130_279);
    expect(t[t.length - 1]).toBeGreaterThanOrEqual(131_733);
    expect(esc(`"'&`)).toBe('&quot;&#39;&amp;');
  });
});
