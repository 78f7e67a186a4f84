/**
 * The printed report: one self-contained HTML document (own CSS, inline SVG charts, no scripts,
 * no external resources) for A4. Used by the command line (`som report`, headless Chromium) and
 * by the Electron shell (printToPDF). Pure: doc in, string out; every number from the engine.
 *
 *   const html = buildReportHtml({ doc, fileName, appName, appVersion, generatedAt });
 *   // Chromium: page.pdf({ ...REPORT_PDF_OPTIONS, footerTemplate: reportFooterTemplate(fileName) })
 *
 * Page numbers and the file name are in Chromium's footer (displayHeaderFooter + footerTemplate),
 * because CSS paged-media counters are not supported by Chromium's print pipeline.
 */
import type { PriceIndexKind } from '../knowledge/price-index';
import { danishDate, formatKr, formatNumber, formatPercent, MISSING } from '../format';
import type { SomDocument, ViewActor } from '../som/schema';
import { isCourseExample } from '../som/course-example';
import { analysisSchema, type Analysis } from '../som/analysis';
import { calculate, prepare, type CalcResult, type Prepared } from '../engine/calc';
import { runSensitivity, runScenarios, scenariosOf, sensitivitySettings, switchingValues, tornado, pct } from '../engine/sensitivity';
import { monteCarloSettings, runMonteCarlo, MC_RANGE_NAMES, type MonteCarloResult, type ResolvedMonteCarloSettings } from '../engine/montecarlo';
import { calculateFollowUp } from '../engine/followup';
import { followUpReportSection } from './followup';
import { costSection, costSectionHtml } from './costmodel';
import { esc, fanChart, figureSvg, histogramChart, tornadoChart } from './svg';
import { figure1a, figure2, figure3, fanFigure, histogramFigure, scenarioFigure, tornadoFigure, type FigureShape } from './figures';
import {
  ACTOR_LABELS,
  ACTOR_SUBJECTS,
  FIGURE_ACTORS,
  assumptions,
  breakEvenRateShort,
  isExampleSource,
  keySentences,
  lineYears,
  netPerYearRows,
  overrides,
  periodLabel,
  periodYears,
  pricesLabel,
} from './texts';

export interface ReportInput {
  doc: SomDocument;
  /** The calculation; computed from `doc` when omitted. */
  result?: CalcResult;
  /** Shown on the front page and in the footer; null for an unsaved calculation. */
  fileName: string | null;
  appName: string;
  appVersion: string;
  /** When the report was made (ISO 8601); the builder has no clock. */
  generatedAt: string;
  /** Monte Carlo result to show; computed with the file's settings (or the defaults) when omitted; null = leave out. */
  monteCarlo?: MonteCarloResult | null;
  /** Leave out the sensitivity section (default: included). */
  sensitivity?: boolean;
  /** Whether each price-index year is an actual or a projected value, where the knowledge release says so. */
  indexKinds?: Readonly<Record<string, PriceIndexKind>>;
}

/** "2026-11-23T…" → "23. november 2026" (shared with the follow-up texts). */
export { danishDate };

/** The analysis section if it is valid; otherwise null (the report then uses the defaults). */
export function readAnalysis(doc: SomDocument): Analysis | null {
  if (doc.analysis === undefined) return null;
  const r = analysisSchema.safeParse(doc.analysis);
  return r.success ? r.data : null;
}

/** Options for Chromium's page.pdf / Electron's printToPDF (margins leave room for the footer). */
export const REPORT_PDF_OPTIONS = {
  format: 'A4',
  printBackground: true,
  displayHeaderFooter: true,
  headerTemplate: '<span></span>',
  margin: { top: '16mm', bottom: '18mm', left: '16mm', right: '16mm' },
  /** A tagged (accessible) PDF: headings, paragraphs, tables and figures in a structure tree. */
  tagged: true,
  /** Bookmarks from the headings. */
  outline: true,
} as const;

/** Chromium footer: file name left, "Side x af y" right (pageNumber/totalPages are filled by Chromium). */
export function reportFooterTemplate(fileName: string | null, title = ''): string {
  const name = esc(fileName ?? title ?? '');
  return (
    `<div style="font-family: 'DejaVu Sans', 'Liberation Sans', sans-serif; font-size: 8px; color: #5a5f66; width: 100%; margin: 0 16mm; display: flex; justify-content: space-between;">` +
    `<span>${name}</span><span>SØM-rapport · Side <span class="pageNumber"></span> af <span class="totalPages"></span></span></div>`
  );
}

const CSS = `
@page { size: A4; margin: 16mm 16mm 18mm 16mm; }
* { box-sizing: border-box; }
html { font-family: 'DejaVu Sans', 'Liberation Sans', 'Noto Sans', Arial, sans-serif; font-size: 9.5pt; color: #1d1d1f; line-height: 1.4; }
body { margin: 0; }
h1 { font-size: 22pt; margin: 0 0 6mm; color: #1d1d1f; }
h2 { font-size: 14pt; margin: 8mm 0 3mm; padding-bottom: 1.5mm; border-bottom: 2px solid #b0182b; break-after: avoid; }
h3 { font-size: 11pt; margin: 5mm 0 2mm; break-after: avoid; }
p { margin: 0 0 2.5mm; }
.front { position: relative; height: 255mm; break-after: page; }
.front .band { background: #b0182b; color: #fff; padding: 8mm 10mm; margin-bottom: 14mm; }
.front .band .org { font-size: 11pt; letter-spacing: 0.04em; }
.front .band .kind { font-size: 16pt; font-weight: bold; margin-top: 2mm; }
.front dl { display: grid; grid-template-columns: 45mm 1fr; gap: 2.5mm 6mm; font-size: 10.5pt; margin: 0; }
.front dt { color: #5a5f66; }
.front dd { margin: 0; }
.front .note { position: absolute; left: 0; right: 0; bottom: 0; color: #5a5f66; font-size: 8.5pt; border-top: 1px solid #d9dce1; padding-top: 3mm; margin: 0; }
section { break-before: auto; }
h2 + p, h3 + p { break-after: avoid; }
figure { margin: 3mm 0 5mm; break-inside: avoid; }
figure svg { width: 100%; height: auto; display: block; }
figcaption { font-weight: bold; font-size: 10pt; margin-bottom: 1.5mm; }
figcaption .sub { display: block; font-weight: normal; color: #5a5f66; font-size: 8.5pt; }
table { border-collapse: collapse; width: 100%; margin: 1.5mm 0 4mm; font-size: 8.5pt; break-inside: auto; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border-bottom: 1px solid #d9dce1; padding: 1.2mm 1.6mm; text-align: left; vertical-align: top; }
th { background: #f1f2f4; font-weight: bold; }
th[scope='row'] { background: none; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.total td, tr.total th { font-weight: bold; border-top: 1.5px solid #1d1d1f; }
table.years { font-size: 7.6pt; }
table.years th, table.years td { padding: 1mm 1mm; }
table.keys { font-size: 7.8pt; }
table.keys thead th { white-space: normal; font-size: 7.2pt; }
table.keys th, table.keys td { padding: 1mm 1mm; }
table.small { font-size: 6.6pt; table-layout: fixed; }
table.small th, table.small td { padding: 0.7mm 0.5mm; white-space: normal; overflow-wrap: anywhere; }
table.small th:first-child { width: 24mm; }
ul.key { padding-left: 5mm; margin: 0 0 3mm; }
ul.key li { margin-bottom: 1.5mm; }
.muted { color: #5a5f66; }
.badge { display: inline-block; font-size: 7pt; font-weight: bold; color: #8a4b00; background: #fff3d6; border: 1px solid #e0b04a; border-radius: 2px; padding: 0 1.2mm; margin-left: 1mm; white-space: nowrap; }
.warn { border-left: 3px solid #a15c00; background: #fff8ec; padding: 2mm 3mm; margin: 2mm 0; }
.usertext { white-space: pre-wrap; border-left: 3px solid #d9dce1; padding-left: 3mm; }
.k-own { color: #1f5fbf; font-weight: bold; }
.k-forecast { color: #7a7f87; font-style: italic; }
.legend-inline span { margin-right: 4mm; }
.swatch { display: inline-block; width: 3mm; height: 3mm; margin-right: 1mm; vertical-align: middle; }
`;

function kr(n: number | null | undefined): string {
  return formatNumber(n);
}

function numCell(n: number | null | undefined, decimals = 0): string {
  return `<td class="num">${esc(formatNumber(n, decimals))}</td>`;
}

function table(head: string[], rows: string[][], opts: { numFrom?: number; cls?: string; totalRows?: number[]; caption?: string } = {}): string {
  const numFrom = opts.numFrom ?? 1;
  const th = head.map((h, i) => `<th${i >= numFrom ? ' class="num"' : ''} scope="col">${esc(h)}</th>`).join('');
  const body = rows
    .map((r, ri) => `<tr${opts.totalRows?.includes(ri) ? ' class="total"' : ''}>${r.join('')}</tr>`)
    .join('');
  return `<table${opts.cls ? ` class="${opts.cls}"` : ''}>${opts.caption ? `<caption class="visually-hidden">${esc(opts.caption)}</caption>` : ''}<thead><tr>${th}</tr></thead><tbody>${body}</tbody></table>`;
}

const td = (s: string) => `<td>${esc(s)}</td>`;

/** Year tables in chunks of at most `per` year columns, so long periods fit the A4 width. */
function yearTables(first: string, years: number[], rows: { head: string; values: number[]; bold?: boolean }[], extra?: { head: string; values: number[] }, per = 10): string {
  let out = '';
  for (let k = 0; k < years.length; k += per) {
    const ys = years.slice(k, k + per);
    const last = k + per >= years.length;
    const head = [first, ...ys.map(String), ...(last && extra ? [extra.head] : [])];
    const body = rows.map((r, ri) => [
      `<th scope="row">${esc(r.head)}</th>`,
      ...r.values.slice(k, k + per).map((v) => numCell(v)),
      ...(last && extra ? [numCell(extra.values[ri])] : []),
    ]);
    out += table(head, body, { cls: 'years', totalRows: rows.flatMap((r, i) => (r.bold ? [i] : [])) });
  }
  return out;
}
const tdHtml = (s: string) => `<td>${s}</td>`;

function figure(caption: string, sub: string, svg: string): string {
  return `<figure><figcaption>${esc(caption)}<span class="sub">${esc(sub)}</span></figcaption>${svg}</figure>`;
}

/** A figure shape as a captioned SVG figure (the same shape the app gives Chart.js). */
function shapeFigure(shape: FigureShape, opts?: { height?: number }): string {
  return figure(shape.title, shape.subtitle, figureSvg(shape, opts));
}

/** Builds the report. */
export function buildReportHtml(input: ReportInput): string {
  const { doc } = input;
  const r = input.result ?? calculate(doc);
  const p = prepare(doc);
  const analysis = readAnalysis(doc);
  const actor: ViewActor = doc.view.actor;
  const iv = doc.intervention;
  const title = iv.name;
  const parts: string[] = [];

  // ---- front page
  const fileName = input.fileName ?? 'Ikke gemt';
  parts.push(`<div class="front">
<div class="band"><div class="org">Den Socialøkonomiske Investeringsmodel (SØM)</div><div class="kind">Socialøkonomisk beregning</div></div>
<h1>${esc(title)}</h1>
<dl>
<dt>Dato</dt><dd>${esc(danishDate(input.generatedAt))}</dd>
<dt>Målgruppe</dt><dd>${esc(iv.targetGroup.label)}</dd>
${iv.targetGroup.successMeasureLabel ? `<dt>Succesmål</dt><dd>${esc(iv.targetGroup.successMeasureLabel)}</dd>` : ''}
<dt>Periode</dt><dd>${esc(periodLabel(r))}, nutidsværdi ${r.startYear}, ${pricesLabel(r)}</dd>
<dt>Vidensdatabase</dt><dd>${doc.knowledge ? `udgave ${esc(doc.knowledge.release)}` : isCourseExample(doc) ? 'ikke angivet (kursusmaterialets tal)' : 'ikke angivet (egne værdier eller ældre fil)'}</dd>
<dt>Fil</dt><dd>${esc(fileName)}</dd>
<dt>Program</dt><dd>${esc(input.appName)} ${esc(input.appVersion)}</dd>
</dl>
<p class="note">Beløb er i kroner i ${pricesLabel(r)}. Nutidsværdier er tilbagediskonteret til ${r.startYear} med en diskonteringsrente på ${esc(formatPercent(r.discountRate, 1))}. Værdier markeret <span class="badge">Eksempeldata</span> er illustrative og ikke fra Socialstyrelsen. Beregningen følger SØM's regneregler; resultaterne er et skøn og bør læses sammen med forudsætningerne bagerst i rapporten.</p>
</div>`);

  // ---- the user's text
  const userText = doc.report?.text?.trim() ?? '';
  if (userText !== '') {
    parts.push(`<section><h2>Forklarende tekst</h2><div class="usertext">${esc(userText)}</div></section>`);
  }

  // ---- the intervention
  const totalCost = (a: 'kommune' | 'region' | 'stat') => iv.costs[a].reduce((s, v) => s + v, 0);
  parts.push(`<section><h2>Indsatsen</h2>
${iv.description.trim() ? `<p>${esc(iv.description)}</p>` : ''}
${table(
  ['Forudsætning', 'Værdi'],
  [
    [td('Målgruppe'), td(iv.targetGroup.label)],
    [td('Effektmål'), td(iv.effect.measure || MISSING)],
    [td('Succesrate (andel der opnår effekten på grund af indsatsen)'), td(formatPercent(iv.effect.successRate, 1))],
    [td('Startår og antal år med indsats'), td(`${iv.startYear}, ${iv.yearsWithIntervention} år`)],
    [td('Forløbets varighed'), td(`${iv.courseDurationMonths} måneder`)],
    [td('Deltagere i alt'), td(formatNumber(r.totalParticipants, r.totalParticipants % 1 === 0 ? 0 : 1))],
    [td('Omkostninger i alt (kommune / region / stat)'), td(`${kr(totalCost('kommune'))} / ${kr(totalCost('region'))} / ${kr(totalCost('stat'))} kr.`)],
    [td('Diskonteringsrente'), td(formatPercent(doc.parameters.discountRate, 1))],
    [td('Konsekvenslinjer'), td(doc.lines.map((l) => l.label).join(', ') || MISSING)],
  ],
  { numFrom: 99 },
)}
</section>`);

  // ---- results
  const ks = keySentences(r, actor);
  const f1 = figure1a(r);
  const keyRows = FIGURE_ACTORS.map((a) => {
    const f = r.actors[a];
    return [
      `<th scope="row">${esc(ACTOR_LABELS[a])}</th>`,
      numCell(f.pvGains),
      numCell(f.pvCosts),
      numCell(f.pvNet),
      `<td class="num">${f.breakEvenYear ?? 'nås ikke'}</td>`,
      `<td class="num">${f.returnPerKrone === null ? MISSING : esc(formatNumber(f.returnPerKrone, 2))}</td>`,
      `<td class="num">${esc(breakEvenRateShort(f))}</td>`,
      numCell(f.netGainPerParticipant),
      numCell(f.maxCostPerParticipant),
    ];
  });
  parts.push(`<section><h2>Resultater</h2>
<ul class="key">${ks.map((k) => `<li>${esc(k.text)}</li>`).join('')}</ul>
${r.warnings.length ? r.warnings.map((w) => `<p class="warn"><strong>Advarsel:</strong> ${esc(w)}</p>`).join('') : ''}
${shapeFigure(f1, { height: 250 })}
<h3>Nøgletal for perioden ${esc(periodLabel(r))} (nutidsværdi ${r.startYear}, kr.)</h3>
${table(['Aktør', 'Gevinster', 'Omkostninger', 'Nettogevinst', 'Tjener sig ind', 'Afkast pr. kr.', 'Går i nul ved succesrate', 'Netto pr. deltager', 'Maks. omk. pr. deltager'], keyRows, { cls: 'keys', totalRows: [3] })}
</section>`);

  // ---- Figur 2 and table
  const years = periodYears(r);
  const i0 = r.period.start - r.startYear;
  const netRows = netPerYearRows(r).map((row) => ({ head: row.label, values: row.values, bold: row.actor === 'alle' }));
  parts.push(`<section><h2>Nettogevinst pr. år</h2>
${shapeFigure(figure2(r, actor))}
${shapeFigure(figure2(r, actor, 'aktoerer'))}
<h3>Tabel til Figur 2: Nettogevinst pr. år, kr.</h3>
<p class="muted">Periode: ${esc(periodLabel(r))}, ${pricesLabel(r)}.</p>
${yearTables('', years, netRows)}
</section>`);

  // ---- areas
  const areaRows = r.areas.map((a) => ({ head: a.area, values: a.gains[actor].slice(i0, i0 + years.length) }));
  const areaPv = { head: `Nutidsværdi ${r.startYear}`, values: r.areas.map((a) => a.pv[actor]) };
  const lineRows = r.lines.map((l) => {
    const src = doc.lines.find((x) => x.id === l.id);
    const badge = src && isExampleSource(src.price.source) ? ' <span class="badge">Eksempeldata</span>' : '';
    return [tdHtml(`${esc(l.label)}${badge}`), td(l.area), ...FIGURE_ACTORS.map((a) => numCell(l.pv[a]))];
  });
  parts.push(`<section><h2>Gevinster pr. område og linje</h2>
${shapeFigure(figure3(r, actor))}
<h3>Gevinster pr. område pr. år (${esc(ACTOR_LABELS[actor].toLowerCase())}), kr.</h3>
${yearTables('Område', years, areaRows, areaPv)}
<h3>Gevinster pr. konsekvenslinje, nutidsværdi ${r.startYear} for perioden ${esc(periodLabel(r))}, kr.</h3>
${table(['Linje', 'Område', ...FIGURE_ACTORS.map((a) => ACTOR_LABELS[a])], lineRows, { numFrom: 2 })}
</section>`);
  const costs = costSection(doc, r);
  if (costs) parts.push(costSectionHtml(costs));

  // ---- follow-up (forecast against actual), when the calculation has one
  const followUp = calculateFollowUp(doc, r);
  if (followUp) parts.push(followUpReportSection(followUp, actor));

  // ---- sensitivity
  if (input.sensitivity !== false) parts.push(sensitivitySection(p, r, analysis, actor));

  // ---- Monte Carlo
  const mcSettings = monteCarloSettings(analysis);
  const mc = input.monteCarlo === undefined ? runMonteCarlo(p, mcSettings) : input.monteCarlo;
  if (mc) parts.push(monteCarloSection(mc, mcSettings, r, actor, analysis?.monteCarlo !== undefined));

  // ---- appendix
  parts.push(appendix(doc, r, input.indexKinds));

  return `<!doctype html>
<html lang="da">
<head>
<meta charset="utf-8">
<title>${esc(`SØM-rapport: ${title}`)}</title>
<style>${CSS}</style>
</head>
<body>
${parts.join('\n')}
</body>
</html>
`;
}

function sensitivitySection(p: Prepared, r: CalcResult, analysis: Analysis | null, actor: ViewActor): string {
  const settings = sensitivitySettings(analysis);
  const sens = runSensitivity(p, settings);
  const bars = tornado(sens, actor);
  const tf = tornadoFigure(r, sens, bars, actor);
  const svg = tornadoChart(tf);
  const caseRows = sens.rows.flatMap((row) =>
    row.cases.map((c) => [td(row.name), td(c.label), ...FIGURE_ACTORS.map((a) => numCell(c.pvNet[a]))]),
  );
  const sw = switchingValues(p, actor);
  const scen = runScenarios(p, scenariosOf(analysis));
  const sf = scenarioFigure(r, scen, actor);
  const scenRows = scen.map((s) => [
    `<th scope="row">${esc(s.name)}</th>`,
    td(s.changes.length ? s.changes.join('; ') : 'Ingen ændringer'),
    ...FIGURE_ACTORS.map((a) => numCell(s.pvNet[a])),
  ]);
  return `<section><h2>Følsomhedsanalyse</h2>
<p>Hver analyse ændrer én forudsætning ad gangen og beregner nutidsværdien af nettogevinsten for perioden ${esc(periodLabel(r))} igen. ${analysis?.sensitivity ? 'Intervallerne er tilpasset i beregningen.' : 'Intervallerne er standardintervallerne.'} Beregningen giver ${esc(formatKr(sens.base[actor]))} for ${esc(ACTOR_SUBJECTS[actor])}.</p>
${figure(tf.title, tf.subtitle, svg)}
${table(['Forudsætning', 'Ændring', ...FIGURE_ACTORS.map((a) => ACTOR_LABELS[a])], caseRows, { numFrom: 2 })}
<h3>Skifteværdier (${esc(ACTOR_SUBJECTS[actor])})</h3>
<p class="muted">Den værdi af hver forudsætning, hvor nettogevinsten skifter fortegn, når alt andet holdes fast.</p>
<ul class="key">${sw.map((s) => `<li><strong>${esc(s.name)}:</strong> ${esc(s.text)}.</li>`).join('')}</ul>
<h3>Scenarier</h3>
${figure(sf.title, `${sf.subtitle} ${analysis?.scenarios?.length ? 'Scenarierne er gemt i beregningen.' : 'Standardscenarierne (Forsigtig, Basis, Optimistisk).'}`, figureSvg(sf, { height: 220 }))}
${table(['Scenarie', 'Ændringer', ...FIGURE_ACTORS.map((a) => ACTOR_LABELS[a])], scenRows, { numFrom: 2 })}
</section>`;
}

function rangeText(low: number, high: number): string {
  return `${formatNumber(low, 2)} – 1 – ${formatNumber(high, 2)}`;
}

function monteCarloSection(mc: MonteCarloResult, s: ResolvedMonteCarloSettings, r: CalcResult, actor: ViewActor, fromFile: boolean): string {
  const a = mc.actors[actor];
  const rows = FIGURE_ACTORS.map((x) => {
    const m = mc.actors[x];
    return [`<th scope="row">${esc(ACTOR_LABELS[x])}</th>`, `<td class="num">${esc(formatPercent(m.probPositive, 1))}</td>`, numCell(m.p5), numCell(m.p50), numCell(m.p95), numCell(m.mean)];
  });
  const hf = histogramFigure(r, mc, actor);
  const hist = histogramChart(hf);
  const ff = fanFigure(r, mc, actor);
  const fan = fanChart(ff);
  const rangeRows = (Object.keys(MC_RANGE_NAMES) as (keyof typeof MC_RANGE_NAMES)[]).map((k) => [
    td(MC_RANGE_NAMES[k]),
    td(k === 'successRate' ? `${pct(Math.max(0, r.successRate * s.ranges.successRate.low))} – ${pct(r.successRate)} – ${pct(Math.min(1, r.successRate * s.ranges.successRate.high))}` : rangeText(s.ranges[k].low, s.ranges[k].high)),
  ]);
  return `<section><h2>Monte Carlo-analyse</h2>
<p>${formatNumber(mc.draws)} træk, hvor de usikre forudsætninger trækkes uafhængigt fra trekantsfordelinger (mindste – mest sandsynlige – største værdi) med startværdien for tilfældige tal ${mc.seed}. ${fromFile ? 'Indstillingerne er gemt i beregningen.' : 'Standardindstillingerne er brugt.'} Samme fil og startværdi giver de samme tal på enhver computer.</p>
${table(['Forudsætning', 'Trekantsfordeling (faktor eller værdi)'], rangeRows, { numFrom: 9 })}
<p><strong>Sandsynligheden for en positiv nettogevinst for ${esc(ACTOR_SUBJECTS[actor])} er ${esc(formatPercent(a.probPositive, 0))}.</strong> I 90 % af trækkene ligger nutidsværdien mellem ${esc(formatKr(a.p5))} og ${esc(formatKr(a.p95))} (median ${esc(formatKr(a.p50))}).</p>
${table(['Aktør', 'P(nettogevinst > 0)', '5 %-fraktil', 'Median', '95 %-fraktil', 'Gennemsnit'], rows, { totalRows: [3] })}
${figure(hf.title, hf.subtitle, hist)}
${figure(ff.title, ff.subtitle, fan)}
</section>`;
}

function appendix(doc: SomDocument, r: CalcResult, indexKinds?: Readonly<Record<string, PriceIndexKind>>): string {
  const rows = assumptions(doc, r, indexKinds);
  const groups = [...new Set(rows.map((x) => x.group))];
  const body = groups
    .map((g) => {
      const gr = rows.filter((x) => x.group === g);
      return `<h3>${esc(g)}</h3>${table(
        ['Forudsætning', 'Værdi', 'Kilde'],
        gr.map((x) => [td(x.label), tdHtml(`${esc(x.value)}${x.example ? ' <span class="badge">Eksempeldata</span>' : ''}`), td(x.source)]),
        { numFrom: 9 },
      )}`;
    })
    .join('');
  const ov = overrides(doc, r);
  const ovHtml = ov.length
    ? table(['Linje', 'Hvad', 'Egen værdi', 'I stedet for'], ov.map((o) => [td(o.line), td(o.what), td(o.value), td(o.instead)]), { numFrom: 9 })
    : '<p class="muted">Ingen: beregningen bruger vidensdatabasens skøn og priser uændret.</p>';
  const ly = lineYears(doc);
  const yearHead = ['Linje', ...Array.from({ length: 20 }, (_, k) => `${k + 1}`)];
  const lyRows = ly.map((l) => [
    tdHtml(`${esc(l.label)}<br><span class="muted">${esc(l.unit)}</span>`),
    ...(l.status === 'deselected' ? [`<td class="muted" colspan="${l.years.length}">${esc(l.statusLabel)}</td>`] : l.years.map((c) =>
      c.value === null
        ? `<td class="num muted">${MISSING}</td>`
        : `<td class="num${c.kind === 'own' ? ' k-own' : c.kind === 'forecast' ? ' k-forecast' : ''}">${esc(formatNumber(c.value, Math.abs(c.value) < 10 && c.value % 1 !== 0 ? 2 : c.value % 1 !== 0 ? 1 : 0))}</td>`,
    )),
  ]);
  return `<section><h2>Bilag: Forudsætninger og kilder</h2>
<p>Alle værdier, beregningen bruger, med deres kilde. ${doc.knowledge ? `Vidensdatabasens udgave: ${esc(doc.knowledge.release)}.` : ''}</p>
${body}
<h3>Egne værdier og priser (afvigelser fra vidensdatabasen)</h3>
${ovHtml}
<h3>Ændring pr. succesfuld deltager, År 1–20</h3>
<p class="muted legend-inline"><span>Almindelig: målt skøn fra vidensdatabasen</span><span class="k-forecast">Kursiv: fremskrevet skøn</span><span class="k-own">Blå: egen værdi</span></p>
${table(yearHead, lyRows, { cls: 'small' })}
</section>`;
}

export type { MonteCarloResult };
/** The report stylesheet, shared by the comparison report (same template family). */
export { CSS as REPORT_CSS };
