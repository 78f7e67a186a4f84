import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { assumptions, breakEvenRatePhrase, breakEvenRateShort, breakEvenSentence, figure2Data, keySentences, lineStatus, lineYears, overrides, undiscountedBreakEvenYear } from './texts';
import { buildReportHtml } from './html';
import { calculate } from '../engine/calc';
import { parseSom } from '../som/io';
import { goldenSom } from '../../test-support/golden';

const fig = (breakEvenSuccessRate: number | null, pvCosts: number, pvGainsAtFullSuccess: number) => ({ breakEvenSuccessRate, pvCosts, pvGainsAtFullSuccess });

describe('break-even success rate in words (model.md §7.6)', () => {
  it('a rate, over 100 %, and not reachable', () => {
    expect(breakEvenRatePhrase('Kommunen', fig(0.14, 1000, 7000))).toBe('Kommunen går i nul ved en succesrate på 14 %');
    expect(breakEvenRatePhrase('kommunen', fig(1.55, 1000, 645), true)).toBe('kommunen går først i nul ved en succesrate over 100 % (155 %)');
    expect(breakEvenRateShort(fig(null, 1000, -5))).toBe('kan ikke nås');
  });

  it('r* = 0 (no net cost) is worded by what the actor gets: gain, nothing, loss, or gain up to a rate', () => {
    expect(breakEvenRatePhrase('Staten', fig(0, 0, 5000))).toBe('Staten har gevinst ved enhver succesrate');
    expect(breakEvenRatePhrase('Regionen', fig(0, 0, 0))).toBe('Regionen påvirkes ikke af indsatsen');
    expect(breakEvenRatePhrase('Staten', fig(0, 0, -64150))).toBe('Staten taber ved enhver succesrate over 0 %');
    expect(breakEvenRatePhrase('Staten', fig(0, -1000, -5000))).toBe('Staten har gevinst ved en succesrate op til 20 % og taber derover');
    expect([fig(0, 0, 5000), fig(0, 0, 0), fig(0, 0, -1), fig(0, -1000, -5000)].map(breakEvenRateShort)).toEqual([
      'altid gevinst', '–', 'taber over 0 %', 'gevinst op til 20 %',
    ]);
  });

  it('the key sentence for a golden case names the stat as gaining (no cost, positive gains)', () => {
    const r = calculate(goldenSom('icm-hjemloese'));
    const text = keySentences(r, 'alle').find((s) => s.id === 'break-even-rate')!.text;
    expect(r.actors.stat.pvCosts).toBe(0);
    expect(text).toContain('staten har gevinst ved enhver succesrate');
    expect(text).not.toContain('regionen'); // no costs and no gains: left out of the sentence
  });
});

describe('break-even years that agree between the sentence and Figur 2', () => {
  const example = (name: string) => parseSom(readFileSync(path.resolve(import.meta.dirname, '../../data/examples', `${name}.som`), 'utf8'));

  it('names the present value, and the year without discounting when it differs (the two lines of Figur 2)', () => {
    const r = calculate(example('psykiatri-alkohol'));
    expect(r.actors.region.breakEvenYear).toBeNull();
    expect(undiscountedBreakEvenYear(r, 'region')).toBe(2035);
    expect(breakEvenSentence(r, 'region')).toBe(
      'For regionen tjener indsatsen sig ikke ind inden 2046, når gevinster og omkostninger regnes i nutidsværdi (tilbagediskonteret). Uden tilbagediskontering er den akkumulerede nettogevinst positiv fra 2035.',
    );
    const f2 = figure2Data(r, 'region');
    expect(f2.cumulative.label).toBe('Akkumuleret nettogevinst, ikke tilbagediskonteret');
    expect(f2.cumulativeDiscounted.label).toBe('Akkumuleret nettogevinst, nutidsværdi (tilbagediskonteret)');
    const i0 = r.period.start - r.startYear;
    expect(f2.cumulativeDiscounted.values).toEqual(r.actors.region.cumulativeDiscountedNet.slice(i0, i0 + f2.years.length));
    expect(f2.note).toMatch(/Stiplet linje: akkumuleret i nutidsværdi; den bliver ikke positiv inden 2046\.$/);
  });

  it('says when the year lies outside the chosen period', () => {
    const doc = example('skole-angst');
    doc.view = { ...doc.view, periodEnd: 2021 };
    const r = calculate(doc);
    expect(r.actors.kommune.breakEvenYear).toBe(2022);
    expect(breakEvenSentence(r, 'kommune')).toMatch(/tjener indsatsen sig ind i 2022, når gevinster og omkostninger regnes i nutidsværdi .* Året ligger efter den valgte periode \(2020.2021\), så inden for perioden tjener indsatsen sig ikke ind\.$/);
    expect(figure2Data(r, 'kommune').note).toMatch(/den er positiv fra 2022, året indsatsen tjener sig ind \(uden for perioden 2020.2021\)\.$/);
  });
});

describe('deselected lines in Forudsætninger and the report appendix', () => {
  const doc = goldenSom('icm-hjemloese');
  const i = doc.lines.findIndex((l) => l.dimensionId !== null && l.useEstimates && l.estimate.some((v) => v !== null));
  const off = { ...doc, lines: doc.lines.map((l, k) => (k === i ? { ...l, useEstimates: false, own: l.own.map(() => null) } : l)) };
  const line = off.lines[i];

  it('a line whose estimates are not chosen and that has no own value is "Fravalgt", not own values', () => {
    expect(lineStatus(line)).toEqual({ status: 'deselected', label: 'Fravalgt (indgår ikke i beregningen)' });
    const row = assumptions(off, calculate(off)).find((r) => r.group === 'Konsekvenser' && r.label.startsWith(`${line.label} (`))!;
    expect(row.value.startsWith('Fravalgt')).toBe(true);
    expect(row.source).toBe('Fravalgt (indgår ikke i beregningen)');
    expect(row.source).not.toMatch(/egne værdier/i);
    expect(lineYears(off)[i].status).toBe('deselected');
    // The same line with its estimates chosen keeps its yearly values.
    expect(lineYears(doc)[i].status).toBe('estimates');
    expect(lineYears(doc)[i].years.some((c) => c.value !== null)).toBe(true);
  });

  it('own values typed on a deselected line are own values, and the override says the estimate was deselected', () => {
    const typed = { ...off, lines: off.lines.map((l, k) => (k === i ? { ...l, own: l.own.map((v, y) => (y === 0 ? 1 : v)) } : l)) };
    expect(lineStatus(typed.lines[i])).toEqual({ status: 'own', label: 'Egne værdier (vidensdatabasens skøn fravalgt)' });
    const ov = overrides(typed, calculate(typed)).find((o) => o.line === line.label && o.what.startsWith('År 1 '))!;
    expect(ov.instead).toMatch(/\(fravalgt\)$/);
  });

  it('the report appendix shows "Fravalgt" across the year columns of the deselected line', () => {
    const html = buildReportHtml({ doc: off, fileName: 'x.som', appName: 'SØM Desktop', appVersion: '1', generatedAt: '2026-11-23T09:00:00Z', monteCarlo: null });
    expect(html).toContain('<td class="muted" colspan="20">Fravalgt (indgår ikke i beregningen)</td>');
    const plain = buildReportHtml({ doc, fileName: 'x.som', appName: 'SØM Desktop', appVersion: '1', generatedAt: '2026-11-23T09:00:00Z', monteCarlo: null });
    expect(plain).not.toContain('colspan="20">Fravalgt');
  });
});

describe('the source of the knowledge values in Forudsætninger', () => {
  const doc = goldenSom('icm-hjemloese');
  const source = (d: typeof doc) => assumptions(d, calculate(d)).find((r) => r.label === 'Målgruppe')!.source;

  it('names the release, a course example or that the file does not say', () => {
    expect(source({ ...doc, knowledge: { release: '2026.1', sha256: 'a'.repeat(64) } })).toBe('Vidensdatabasen, udgave 2026.1 › Målgrupper');
    expect(source({ ...doc, knowledge: null, createdWith: 'SØM Desktop 0.1.0 (eksempelberegning)' })).toBe('SØM-kursets eksempel (kursusmaterialets tal) › Målgrupper');
    expect(source({ ...doc, knowledge: null, createdWith: 'SØM Desktop 0.1.0' })).toBe('Vidensdatabasen (udgave ikke angivet i filen) › Målgrupper');
  });
});
