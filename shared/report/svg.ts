/**
 * Pure SVG chart functions for the printed report (and a few charts in the app): bar,
 * bars + line, stacked bars, tornado, histogram and fan chart. Output is one <svg> string with
 * presentation attributes only (no style="" attributes, so it is CSP-safe when embedded), a
 * viewBox (crisp at any print resolution), <title>/<desc> for accessibility and da-DK numbers.
 */
import { formatNumber } from '../format';

import { ABOVE, ACTOR_COLORS, AREA_COLORS, BELOW, CUMULATIVE, CUMULATIVE_PV, FAN, FAN_BAND_OPACITY, GRID, INK, MUTED, type LineStyle } from './palette';
import type { FanShape, FigureShape, HistogramShape, LegendEntry, TornadoShape } from './figures';
import { legendEntries } from './figures';

export { ACTOR_COLORS };
/** Colours for series without a meaning of their own (the area colours). */
export const PALETTE: readonly string[] = AREA_COLORS;
/** The accumulated net gain, not discounted (Figur 2, solid line). */
export const CUMULATIVE_LINE = CUMULATIVE.color;
/** The accumulated net gain in present value (Figur 2, dashed line). */
export const LINE2 = CUMULATIVE_PV.color;
const FONT = "'DejaVu Sans', 'Liberation Sans', 'Noto Sans', Arial, sans-serif";

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Axis label in da-DK: 1.250.000 → "1,25 mio.", 500.000 → "500.000". */
export function axisKr(v: number): string {
  const a = Math.abs(v);
  if (a >= 1e9) return `${formatNumber(v / 1e9, a % 1e9 === 0 ? 0 : 1)} mia.`;
  if (a >= 1e6) return `${formatNumber(v / 1e6, a % 1e6 === 0 ? 0 : a % 1e5 === 0 ? 1 : 2)} mio.`;
  return formatNumber(v);
}

/** "Nice" ticks covering [min, max] (always including 0). */
export function niceTicks(min: number, max: number, count = 5): number[] {
  let lo = Math.min(0, min);
  let hi = Math.max(0, max);
  if (!(hi > lo)) {
    hi = lo + 1;
  }
  const raw = (hi - lo) / count;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const norm = raw / mag;
  const step = (norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10) * mag;
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Math.abs(v) < step / 1e6 ? 0 : v);
  return ticks;
}

interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function open(title: string, desc: string, f: Frame): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${f.width} ${f.height}" width="${f.width}" height="${f.height}" role="img" font-family="${esc(FONT)}" font-size="11" fill="${INK}">` +
    `<title>${esc(title)}</title><desc>${esc(desc)}</desc>`
  );
}

/**
 * Every how many categories an x-axis label is written. Short labels (years) are thinned so that
 * neighbours keep apart at font-size 10 (about 6 px per character and a gap); longer labels (names)
 * are all written, as before, thinned only beyond 24 categories.
 */
export function xLabelStep(labels: readonly string[], spacing: number): number {
  const n = labels.length;
  const byCount = n <= 24 ? 1 : Math.ceil(n / 24);
  const longest = labels.reduce((m, l) => Math.max(m, l.length), 0);
  if (longest > 6) return byCount;
  return Math.max(byCount, Math.ceil((longest * 6 + 6) / Math.max(1, spacing)));
}

/** Horizontal grid lines and value labels of a vertical value axis. */
function yAxis(f: Frame, ticks: number[], y: (v: number) => number, fmt = axisKr): string {
  let s = '';
  for (const t of ticks) {
    const yy = y(t).toFixed(1);
    s += `<line x1="${f.left}" x2="${f.width - f.right}" y1="${yy}" y2="${yy}" stroke="${t === 0 ? MUTED : GRID}" stroke-width="${t === 0 ? 1 : 0.7}"/>`;
    s += `<text x="${f.left - 6}" y="${yy}" text-anchor="end" dominant-baseline="middle" fill="${MUTED}" font-size="10">${esc(fmt(t))}</text>`;
  }
  return s;
}

type LegendItem = { label: string; color: string; kind?: 'box' | 'line' | 'band'; dash?: readonly number[]; marker?: LegendEntry['marker'] };

/** The marker of a line point: a circle or a diamond (the same in the legend as on the line). */
function marker(kind: LineStyle['marker'] | 'box' | undefined, x: number, y: number, color: string, r = 2.8): string {
  if (kind === 'circle') return `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r}" fill="${color}"/>`;
  if (kind === 'diamond') {
    const d = r * 0.93;
    return `<rect x="${(x - d).toFixed(1)}" y="${(y - d).toFixed(1)}" width="${(2 * d).toFixed(1)}" height="${(2 * d).toFixed(1)}" fill="${color}" transform="rotate(45 ${x.toFixed(1)} ${y.toFixed(1)})"/>`;
  }
  return '';
}

/** A legend swatch (16×12) at (x, y − 9): a box for bars, a short line with its dash and marker for lines. */
function swatch(it: LegendItem, x: number, y: number): string {
  if (it.kind === 'line') {
    const dash = it.dash && it.dash.length > 0 ? ` stroke-dasharray="${it.dash.map((d) => d * 0.6).join(' ')}"` : '';
    return `<line x1="${x}" x2="${x + 16}" y1="${y - 4}" y2="${y - 4}" stroke="${it.color}" stroke-width="2.5"${dash}/>` + marker(it.marker === 'box' ? undefined : it.marker, x + 8, y - 4, it.color, 2.6);
  }
  return `<rect x="${x}" y="${y - 9}" width="12" height="10" fill="${it.color}"${it.kind === 'band' ? ` fill-opacity="${FAN_BAND_OPACITY}"` : ''}/>`;
}

/** One legend entry's swatch as a small standalone SVG (the app's HTML legend uses the same drawing as the report). */
export function legendSwatchSvg(entry: LegendEntry): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 18 12" width="18" height="12" aria-hidden="true">${swatch(entry, 1, 10)}</svg>`;
}

function legend(items: LegendItem[], x: number, y: number, maxWidth: number): string {
  let s = '';
  let cx = x;
  let cy = y;
  for (const it of items) {
    const w = 22 + it.label.length * 6.2;
    if (cx + w > x + maxWidth && cx > x) {
      cx = x;
      cy += 16;
    }
    s += `<g data-legend="${esc(it.label)}">${swatch(it, cx, cy)}<text x="${cx + 20}" y="${cy}" font-size="10.5">${esc(it.label)}</text></g>`;
    cx += w + 12;
  }
  return s;
}

function legendHeight(items: { label: string }[], maxWidth: number): number {
  let rows = 1;
  let cx = 0;
  for (const it of items) {
    const w = 22 + it.label.length * 6.2;
    if (cx + w > maxWidth && cx > 0) {
      rows++;
      cx = 0;
    }
    cx += w + 12;
  }
  return rows * 16;
}

/** A line through the points in a line style: its colour, dash and markers. */
function polyline(pts: [number, number][], style: LineStyle, width = 2): string {
  const dash = style.dash.length > 0 ? ` stroke-dasharray="${style.dash.join(' ')}"` : '';
  let s = `<polyline points="${pts.map(([px, py]) => `${px.toFixed(1)},${py.toFixed(1)}`).join(' ')}" fill="none" stroke="${style.color}" stroke-width="${width}"${dash}/>`;
  for (const [px, py] of pts) s += marker(style.marker, px, py, style.color);
  return s;
}

export interface FigureSvgOptions {
  width?: number;
  /** Height of the plot and axes; the legend adds its own rows above. */
  height?: number;
}

/**
 * Draws a figure shape (shared/report/figures.ts) as SVG: bars (one per category, or stacked),
 * lines in their style, the legend from legendEntries, value labels and axis titles. Each series
 * is one <g data-series="…">, so what is drawn can be read back.
 */
export function figureSvg(shape: FigureShape, opts: FigureSvgOptions = {}): string {
  const width = opts.width ?? 640;
  const entries = legendEntries(shape);
  const lh = entries.length > 0 ? legendHeight(entries, width - 90) : 0;
  const f: Frame = { width, height: (opts.height ?? 280) + lh, left: 84, right: 12, top: 16 + lh, bottom: 44 };
  const n = shape.categories.length;
  const bars = shape.series.filter((x) => x.kind === 'bar');
  const lines = shape.series.filter((x) => x.kind === 'line');
  const pos = new Array<number>(n).fill(0);
  const neg = new Array<number>(n).fill(0);
  const extent: number[] = [0];
  if (shape.stacked) {
    for (const b of bars)
      b.values.forEach((v, i) => {
        if (v > 0) pos[i] += v;
        else neg[i] += v;
      });
    extent.push(...pos, ...neg);
  } else for (const b of bars) extent.push(...b.values);
  for (const l of lines) extent.push(...l.values);
  const ticks = niceTicks(Math.min(...extent), Math.max(...extent));
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const ph = f.height - f.top - f.bottom;
  const y = (v: number) => f.top + ((hi - v) / (hi - lo)) * ph;
  const band = (f.width - f.left - f.right) / Math.max(1, n);
  const groups = shape.stacked ? 1 : Math.max(1, bars.length);
  const bw = Math.min(shape.valueLabels ? 90 : 60, (band * (shape.valueLabels ? 0.55 : 0.6)) / groups);
  const cx = (i: number) => f.left + band * i + band / 2;
  let s = open(shape.title, shape.description, f);
  if (entries.length > 0) s += legend(entries, f.left, 12, width - 90);
  s += yAxis(f, ticks, y);
  s += `<text transform="translate(12 ${(f.top + ph / 2).toFixed(1)}) rotate(-90)" text-anchor="middle" font-size="10" fill="${MUTED}">${esc(shape.yAxisTitle)}</text>`;
  const up = new Array<number>(n).fill(0);
  const down = new Array<number>(n).fill(0);
  bars.forEach((b, bi) => {
    s += `<g data-series="${esc(b.label)}">`;
    b.values.forEach((v, i) => {
      const color = Array.isArray(b.color) ? b.color[i % b.color.length] : b.color;
      let from = 0;
      let to = v;
      let x = cx(i) - (bw * groups) / 2 + bw * bi;
      if (shape.stacked) {
        if (v === 0) return;
        from = v > 0 ? up[i] : down[i];
        to = from + v;
        if (v > 0) up[i] = to;
        else down[i] = to;
        x = cx(i) - bw / 2;
      }
      const y0 = y(from);
      const y1 = y(to);
      s += `<rect x="${x.toFixed(1)}" y="${Math.min(y0, y1).toFixed(1)}" width="${bw.toFixed(1)}" height="${Math.max(shape.stacked ? 0.3 : 0.5, Math.abs(y1 - y0)).toFixed(1)}" fill="${color}"/>`;
      if (shape.valueLabels) {
        const ly = v >= 0 ? y1 - 4 : y1 + 12;
        s += `<text x="${(x + bw / 2).toFixed(1)}" y="${ly.toFixed(1)}" text-anchor="middle" font-size="10" font-weight="bold">${esc(formatNumber(v))}</text>`;
      }
    });
    s += '</g>';
  });
  for (const l of lines) s += `<g data-series="${esc(l.label)}">${polyline(l.values.map((v, i) => [cx(i), y(v)]), l.style)}</g>`;
  const step = xLabelStep(shape.categories, band);
  shape.categories.forEach((c, i) => {
    if (i % step === 0) s += `<text x="${cx(i).toFixed(1)}" y="${f.height - f.bottom + 15}" text-anchor="middle" font-size="10">${esc(c)}</text>`;
  });
  s += `<text x="${(f.left + (f.width - f.left - f.right) / 2).toFixed(1)}" y="${f.height - 8}" text-anchor="middle" font-size="10" fill="${MUTED}">${esc(shape.xAxisTitle)}</text>`;
  return s + '</svg>';
}

export interface TornadoInput extends Pick<TornadoShape, 'title' | 'base' | 'bars'>, Partial<Pick<TornadoShape, 'lowColor' | 'highColor'>> {
  width?: number;
}

/** Tornado: one horizontal bar per input from its lowest to its highest PV net gain, around the base. */
export function tornadoChart(inp: TornadoInput): string {
  const rowH = 40;
  const width = inp.width ?? 680;
  const f: Frame = { width, height: 44 + rowH * Math.max(1, inp.bars.length) + 22, left: 250, right: 70, top: 30, bottom: 22 };
  const vals = [inp.base, ...inp.bars.flatMap((b) => [b.low, b.high])];
  // The value labels stand outside the bar ends: pad the axis so they never run into the row labels or off the right edge.
  const vMin = Math.min(...vals);
  const vMax = Math.max(...vals);
  const pad = 0.22 * (vMax - vMin || Math.abs(vMax) || 1);
  const ticks = niceTicks(vMin - pad, vMax + pad, 5);
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const pw = f.width - f.left - f.right;
  const x = (v: number) => f.left + ((v - lo) / (hi - lo)) * pw;
  const desc = inp.bars.map((b) => `${b.name}: ${b.lowLabel} giver ${formatNumber(b.low)} kr.; ${b.highLabel} giver ${formatNumber(b.high)} kr.`).join(' ');
  let s = open(inp.title, desc, f);
  const bottomY = f.height - f.bottom;
  for (const t of ticks) {
    const xx = x(t).toFixed(1);
    s += `<line x1="${xx}" x2="${xx}" y1="${f.top - 6}" y2="${bottomY}" stroke="${t === 0 ? MUTED : GRID}" stroke-width="${t === 0 ? 1 : 0.7}"/>`;
    s += `<text x="${xx}" y="${bottomY + 14}" text-anchor="middle" fill="${MUTED}" font-size="10">${esc(axisKr(t))}</text>`;
  }
  const bx = x(inp.base).toFixed(1);
  inp.bars.forEach((b, i) => {
    const top = f.top + i * rowH + 4;
    const xl = x(Math.min(b.low, inp.base));
    const xb = x(inp.base);
    const xh = x(Math.max(b.high, inp.base));
    s += `<text x="${f.left - 10}" y="${top + 9}" text-anchor="end" font-weight="bold">${esc(b.name)}</text>`;
    s += `<text x="${f.left - 10}" y="${top + 22}" text-anchor="end" font-size="8.5" fill="${MUTED}">${esc(truncate(b.lowLabel, 46))}</text>`;
    if (b.highLabel !== b.lowLabel) s += `<text x="${f.left - 10}" y="${top + 33}" text-anchor="end" font-size="8.5" fill="${MUTED}">${esc(truncate(b.highLabel, 46))}</text>`;
    if (xb - xl > 0.1) s += `<rect x="${xl.toFixed(1)}" y="${top + 4}" width="${(xb - xl).toFixed(1)}" height="20" fill="${inp.lowColor ?? BELOW}"/>`;
    if (xh - xb > 0.1) s += `<rect x="${xb.toFixed(1)}" y="${top + 4}" width="${(xh - xb).toFixed(1)}" height="20" fill="${inp.highColor ?? ABOVE}"/>`;
    s += `<text x="${(xl - 4).toFixed(1)}" y="${top + 18}" text-anchor="end" font-size="9">${esc(axisKr(Math.round(b.low)))}</text>`;
    s += `<text x="${(xh + 4).toFixed(1)}" y="${top + 18}" text-anchor="start" font-size="9">${esc(axisKr(Math.round(b.high)))}</text>`;
  });
  s += `<line x1="${bx}" x2="${bx}" y1="${f.top - 10}" y2="${bottomY}" stroke="${INK}" stroke-width="1.5" stroke-dasharray="4 3"/>`;
  s += `<text x="${bx}" y="${f.top - 14}" text-anchor="middle" font-size="10">Beregningen: ${esc(formatNumber(inp.base))} kr.</text>`;
  return s + '</svg>';
}

function truncate(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

export interface HistogramInput extends Pick<HistogramShape, 'title' | 'edges' | 'counts'>, Partial<Pick<HistogramShape, 'lossColor' | 'gainColor' | 'xAxisTitle'>> {
  width?: number;
  height?: number;
}

/** Histogram of PV net gain (bins below 0 and above 0 in the palette's below/above colours). */
export function histogramChart(inp: HistogramInput): string {
  const f: Frame = { width: inp.width ?? 640, height: inp.height ?? 230, left: 56, right: 16, top: 16, bottom: 34 };
  const n = inp.counts.length;
  const maxC = Math.max(1, ...inp.counts);
  const lo = inp.edges[0] ?? 0;
  const hi = inp.edges[inp.edges.length - 1] ?? 1;
  const span = hi > lo ? hi - lo : 1;
  const pw = f.width - f.left - f.right;
  const ph = f.height - f.top - f.bottom;
  const x = (v: number) => f.left + ((v - lo) / span) * pw;
  const yTicks = niceTicks(0, maxC, 4);
  const yMax = yTicks[yTicks.length - 1];
  const y = (c: number) => f.top + ph - (c / yMax) * ph;
  let s = open(inp.title, `Fordeling af ${inp.counts.reduce((a, b) => a + b, 0)} træk fra ${formatNumber(lo)} til ${formatNumber(hi)} kr.`, f);
  s += yAxis(f, yTicks, y, (v) => formatNumber(v));
  for (let i = 0; i < n; i++) {
    const a = inp.edges[i];
    const b = n === 1 && !(hi > lo) ? a + 1 : inp.edges[i + 1];
    const x0 = n === 1 && !(hi > lo) ? f.left + pw * 0.45 : x(a);
    const x1 = n === 1 && !(hi > lo) ? f.left + pw * 0.55 : x(b);
    const mid = (a + b) / 2;
    s += `<rect x="${(x0 + 0.5).toFixed(1)}" y="${y(inp.counts[i]).toFixed(1)}" width="${Math.max(0.5, x1 - x0 - 1).toFixed(1)}" height="${(y(0) - y(inp.counts[i])).toFixed(1)}" fill="${mid > 0 ? (inp.gainColor ?? ABOVE) : (inp.lossColor ?? BELOW)}"/>`;
  }
  if (lo < 0 && hi > 0) {
    const x0 = x(0).toFixed(1);
    s += `<line x1="${x0}" x2="${x0}" y1="${f.top}" y2="${f.height - f.bottom}" stroke="${INK}" stroke-width="1.2" stroke-dasharray="4 3"/>`;
  }
  const xt = niceTicks(lo, hi, 8).filter((t) => t >= lo - span * 0.001 && t <= hi + span * 0.001);
  for (const t of xt) s += `<text x="${x(t).toFixed(1)}" y="${f.height - f.bottom + 14}" text-anchor="middle" fill="${MUTED}" font-size="10">${esc(axisKr(t))}</text>`;
  s += `<text x="${f.left + pw / 2}" y="${f.height - 4}" text-anchor="middle" font-size="10" fill="${MUTED}">${esc(inp.xAxisTitle ?? 'Nettogevinst (nutidsværdi), kr.')}</text>`;
  return s + '</svg>';
}

export interface FanInput extends Pick<FanShape, 'title' | 'years' | 'p5' | 'p50' | 'p95' | 'deterministic'>, Partial<Pick<FanShape, 'band' | 'median' | 'calculation'>> {
  width?: number;
  height?: number;
}

/** Fan chart: 5–95 % band and median of the cumulative net gain per year. */
export function fanChart(inp: FanInput): string {
  const width = inp.width ?? 640;
  const band = inp.band ?? { label: '5–95 %-interval', color: FAN.color, opacity: FAN_BAND_OPACITY };
  const median = inp.median ?? { label: 'Median', style: FAN };
  const calc = inp.calculation ?? { label: 'Beregningen', style: CUMULATIVE };
  const items: LegendItem[] = [
    { label: band.label, color: band.color, kind: 'band' },
    { label: median.label, color: median.style.color, kind: 'line', dash: median.style.dash, marker: median.style.marker },
  ];
  if (inp.deterministic) items.push({ label: calc.label, color: calc.style.color, kind: 'line', dash: calc.style.dash, marker: calc.style.marker });
  const f: Frame = { width, height: inp.height ?? 260, left: 78, right: 16, top: 30, bottom: 28 };
  const all = [...inp.p5, ...inp.p95, ...(inp.deterministic ?? [])];
  const ticks = niceTicks(Math.min(...all, 0), Math.max(...all, 0));
  const lo = ticks[0];
  const hi = ticks[ticks.length - 1];
  const ph = f.height - f.top - f.bottom;
  const pw = f.width - f.left - f.right;
  const n = inp.years.length;
  const x = (i: number) => f.left + (n <= 1 ? pw / 2 : (i / (n - 1)) * pw);
  const y = (v: number) => f.top + ((hi - v) / (hi - lo)) * ph;
  const desc = inp.years.map((yr, i) => `${yr}: median ${formatNumber(inp.p50[i])} kr. (5 %: ${formatNumber(inp.p5[i])}, 95 %: ${formatNumber(inp.p95[i])})`).join('; ');
  let s = open(inp.title, desc, f);
  s += legend(items, f.left, 14, width - 90);
  s += yAxis(f, ticks, y);
  const up = inp.p95.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`);
  const dn = inp.p5.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).reverse();
  s += `<polygon points="${[...up, ...dn].join(' ')}" fill="${band.color}" fill-opacity="${band.opacity}" stroke="none"/>`;
  s += polyline(inp.p50.map((v, i) => [x(i), y(v)]), median.style, 2.2);
  if (inp.deterministic) s += polyline(inp.deterministic.map((v, i) => [x(i), y(v)]), calc.style, 1.6);
  const step = xLabelStep(inp.years.map(String), n <= 1 ? pw : pw / (n - 1));
  inp.years.forEach((yr, i) => {
    if (i % step === 0) s += `<text x="${x(i).toFixed(1)}" y="${f.height - f.bottom + 15}" text-anchor="middle" font-size="10">${yr}</text>`;
  });
  return s + '</svg>';
}
