/**
 * The printed comparison report: one self-contained A4 HTML document in the template family of
 * the calculation report (same stylesheet, front page, inline SVG charts, footer, provenance
 * appendix). Pure: a .somp document in, a string out; every number from the comparison engine.
 */
import { formatNumber, MISSING } from '../format';
import type { ViewActor } from '../som/schema';
import type { SompDocument } from '../som/somp';
import { compare, type CompareResult } from '../engine/compare';
import { REPORT_CSS, danishDate } from './html';
import { esc, figureSvg } from './svg';
import { compareFigures } from './compare-figures';
import type { FigureShape } from './figures';
import { memberColor } from './palette';
import { ACTOR_LABELS, ACTOR_SUBJECTS, FIGURE_ACTORS, assumptions } from './texts';
import { KEY_FIGURE_COLUMNS, PORTFOLIO_LABEL, basisLabel, basisSentence, keyFigureRows, portfolioSentences } from './compare-texts';

export interface CompareReportInput {
  doc: SompDocument;
  /** The comparison; computed from `doc` (its stored basis) when omitted. */
  result?: CompareResult;
  /** Actor of the per-calculation charts; default all actors. */
  actor?: ViewActor;
  fileName: string | null;
  appName: string;
  appVersion: string;
  generatedAt: string;
}

const td = (s: string) => `<td>${esc(s)}</td>`;
const num = (s: string) => `<td class="num">${esc(s)}</td>`;

function table(head: string[], rows: string[][], opts: { numFrom?: number; cls?: string; totalRows?: number[] } = {}): string {
  const numFrom = opts.numFrom ?? 1;
  const th = head.map((h, i) => `<th${i >= numFrom ? ' class="num"' : ''} scope="col">${esc(h)}</th>`).join('');
  const body = rows.map((r, ri) => `<tr${opts.totalRows?.includes(ri) ? ' class="total"' : ''}>${r.join('')}</tr>`).join('');
  return `<table${opts.cls ? ` class="${opts.cls}"` : ''}><thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

function figure(caption: string, sub: string, svg: string): string {
  return `<figure><figcaption>${esc(caption)}<span class="sub">${esc(sub)}</span></figcaption>${svg}</figure>`;
}

function yearTables(years: number[], rows: { head: string; values: number[]; bold?: boolean }[], per = 10): string {
  let out = '';
  for (let k = 0; k < years.length; k += per) {
    const ys = years.slice(k, k + per);
    const body = rows.map((r) => [`<th scope="row">${esc(r.head)}</th>`, ...r.values.slice(k, k + per).map((v) => num(formatNumber(v)))]);
    out += table(['', ...ys.map(String)], body, { cls: 'years', totalRows: rows.flatMap((r, i) => (r.bold ? [i] : [])) });
  }
  return out;
}

/** Member colours (shared/report/palette.ts). */
export { memberColor };

export function buildCompareReportHtml(input: CompareReportInput): string {
  const { doc } = input;
  const r = input.result ?? compare(doc.members, doc.basis);
  const b = r.basis;
  const actor: ViewActor = input.actor ?? 'alle';
  const parts: string[] = [];
  const i0 = b.periodStart - r.years[0];
  const periodYears = r.years.slice(i0, i0 + (b.periodEnd - b.periodStart + 1));
  const inPeriod = (xs: number[]) => xs.slice(i0, i0 + periodYears.length);

  // ---- front page
  parts.push(`<div class="front">
<div class="band"><div class="org">Den Socialøkonomiske Investeringsmodel (SØM)</div><div class="kind">Sammenligning og samlede konsekvenser</div></div>
<h1>${esc(doc.name)}</h1>
<dl>
<dt>Dato</dt><dd>${esc(danishDate(input.generatedAt))}</dd>
<dt>Beregninger</dt><dd>${r.members.map((m) => esc(m.name)).join('<br>')}</dd>
<dt>Fælles grundlag</dt><dd>${b.priceYear}-priser, nutidsværdi ${b.priceYear}, periode ${b.periodStart}–${b.periodEnd}</dd>
<dt>Fil</dt><dd>${esc(input.fileName ?? 'Ikke gemt')}</dd>
<dt>Program</dt><dd>${esc(input.appName)} ${esc(input.appVersion)}</dd>
</dl>
<p class="note">${esc(basisSentence(b))} Hver beregnings egne tal (på dens eget grundlag) står ved siden af. Resultaterne er skøn og bør læses sammen med forudsætningerne bagerst i rapporten.</p>
</div>`);

  const userText = doc.report?.text?.trim() ?? '';
  if (userText !== '') parts.push(`<section><h2>Forklarende tekst</h2><div class="usertext">${esc(userText)}</div></section>`);

  // ---- basis and warnings
  parts.push(`<section><h2>Grundlag</h2>
<p>${esc(basisSentence(b))}</p>
${table(
  ['Beregning', 'Startår', 'Eget grundlag', 'Omregning til fælles prisår', 'Deltagere'],
  r.members.map((m) => [
    td(m.name),
    num(String(m.startYear)),
    td(`${m.own.priceYear}-priser, ${formatNumber(m.own.discountRate * 100, 1)} %, ${m.own.period.start}–${m.own.period.end}`),
    td(m.indexTo && m.indexFrom ? `× ${formatNumber(m.priceFactor, 4)} (indeks ${formatNumber(m.indexTo.value, 2)} / ${formatNumber(m.indexFrom.value, 2)})` : 'ingen (samme prisår)'),
    num(formatNumber(m.participants, m.participants % 1 === 0 ? 0 : 1)),
  ]),
  { numFrom: 99 },
)}
${r.warnings.map((w) => `<p class="warn"><strong>Advarsel:</strong> ${esc(w)}</p>`).join('')}
</section>`);

  // ---- key figures per actor
  const keySections = FIGURE_ACTORS.map((a) => {
    const rows = keyFigureRows(r, a);
    const body = rows.map((row) => [
      `<th scope="row">${esc(row.label)}<br><span class="muted">${esc(basisLabel(r, row))}</span></th>`,
      ...row.cells.map(num),
    ]);
    return `<h3>${esc(ACTOR_LABELS[a])}</h3>${table(['Beregning', ...KEY_FIGURE_COLUMNS.map((c) => c.label)], body, { cls: 'keys', totalRows: [rows.length - 1] })}`;
  }).join('');
  parts.push(`<section><h2>Nøgletal side om side</h2>
<ul class="key">${portfolioSentences(r, 'alle', ACTOR_SUBJECTS.alle).map((s) => `<li>${esc(s)}</li>`).join('')}</ul>
<p class="muted">Nutidsværdier i kr. For hver beregning: først på dens eget grundlag (som under Resultater), derefter på det fælles grundlag. Porteføljens "går i nul ved succesrate" er den andel af hver beregnings egen succesrate, hvor porteføljen samlet går i nul.</p>
${keySections}
</section>`);

  // ---- charts
  const figs = compareFigures(r, actor);
  const fig = (shape: FigureShape) => figure(shape.title, shape.subtitle, figureSvg(shape));
  parts.push(`<section><h2>Hvem betaler, og hvem får gevinsten</h2>
${fig(figs.perMember)}
${fig(figs.perActor)}
${fig(figs.accumulated)}
</section>`);

  // ---- per-year tables per actor
  const yearSections = FIGURE_ACTORS.map((a) => {
    const rows = [
      ...r.members.map((m) => ({ head: m.name, values: inPeriod(m.common[a].net) })),
      { head: PORTFOLIO_LABEL, values: inPeriod(r.portfolio.actors[a].net), bold: true },
    ];
    return `<h3>${esc(ACTOR_LABELS[a])}</h3>${yearTables(periodYears, rows)}`;
  }).join('');
  parts.push(`<section><h2>Nettogevinst pr. år pr. aktør</h2>
<p class="muted">Fælles grundlag, kr. i ${b.priceYear}-priser, ikke tilbagediskonteret, perioden ${b.periodStart}–${b.periodEnd}.</p>
${yearSections}
</section>`);

  // ---- differences
  const diffRows = r.differences.map((d) => [
    `<th scope="row">${esc(d.label)}${d.differs ? ' <span class="badge">Forskel</span>' : ''}</th>`,
    ...d.values.map((v) => td(v)),
  ]);
  parts.push(`<section><h2>Forskelle</h2>
<p>Input for input. Markeret <span class="badge">Forskel</span>, hvor beregningerne ikke har samme værdi.</p>
${table(['Input', ...r.members.map((m, i) => `${i + 1}. ${m.name}`)], diffRows, { numFrom: 99, cls: 'keys' })}
</section>`);

  // ---- appendix: each member's assumptions with their sources
  const appendix = r.members
    .map((m, i) => {
      const rows = assumptions(doc.members[i], m.own);
      return `<h3>${i + 1}. ${esc(m.name)}</h3>${table(
        ['Forudsætning', 'Værdi', 'Kilde'],
        rows.map((x) => [td(x.label), `<td>${esc(x.value)}${x.example ? ' <span class="badge">Eksempeldata</span>' : ''}</td>`, td(x.source)]),
        { numFrom: 99 },
      )}${m.own.warnings.map((w) => `<p class="warn"><strong>Advarsel i beregningen:</strong> ${esc(w)}</p>`).join('')}`;
    })
    .join('');
  parts.push(`<section><h2>Bilag: Forudsætninger og kilder</h2>
<p>Alle værdier, hver beregning bruger, med deres kilde.</p>
${appendix || `<p class="muted">${MISSING}</p>`}
</section>`);

  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>${esc(`SØM-sammenligning: ${doc.name}`)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
${parts.join('\n')}
</body>
</html>
`;
}
