/**
 * Reads back what figureSvg drew: per series its bar fills (one per bar drawn), or its line's
 * stroke, dash and point count; the legend's labels in order; the title. For tests that compare
 * the report's SVG with the app's Chart.js configuration.
 */
export interface DrawnSeries {
  label: string;
  barFills: string[];
  line: { stroke: string; dash: string; points: number } | null;
}

const unesc = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

export function readFigureSvg(svg: string): { title: string; legend: string[]; series: DrawnSeries[] } {
  const title = unesc(/<title>(.*?)<\/title>/s.exec(svg)?.[1] ?? '');
  const legend = [...svg.matchAll(/<g data-legend="([^"]*)">/g)].map((m) => unesc(m[1]));
  const series = [...svg.matchAll(/<g data-series="([^"]*)">(.*?)<\/g>/gs)].map((m) => {
    const body = m[2];
    const pl = /<polyline points="([^"]*)" fill="none" stroke="([^"]*)" stroke-width="[^"]*"(?: stroke-dasharray="([^"]*)")?\/>/.exec(body);
    return {
      label: unesc(m[1]),
      barFills: pl ? [] : [...body.matchAll(/<rect [^>]*fill="([^"]*)"\/>/g)].map((x) => x[1]),
      line: pl ? { stroke: pl[2], dash: pl[3] ?? '', points: pl[1].trim().split(/\s+/).length } : null,
    };
  });
  return { title, legend, series };
}
