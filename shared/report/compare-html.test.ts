import { describe, expect, it } from 'vitest';
import { createSomp } from '../som/somp';
import { compare } from '../engine/compare';
import { formatNumber } from '../format';
import { buildCompareReportHtml } from './compare-html';
import { basisSentence, keyFigureRows, portfolioRateShort } from './compare-texts';
import { goldenSom as golden } from '../../test-support/golden';


const doc = createSomp({
  name: 'Udvalgets <indsatser>',
  basis: { priceYear: 2019, discountRate: 0.035, periodStart: 2019, periodEnd: 2026 },
  members: [golden('seed-kontanthjaelp'), golden('icm-hjemloese'), golden('skole-angst')],
  savedAt: '2026-12-01T10:00:00Z',
  reportText: 'Til socialudvalget.',
});

describe('comparison report', () => {
  const html = buildCompareReportHtml({ doc, fileName: 'Udvalg.somp', appName: 'SØM Desktop', appVersion: '0.1.0', generatedAt: '2026-12-01T10:00:00Z' });
  const r = compare(doc.members, doc.basis);

  it('has the sections of the template family and every figure from the engine', () => {
    for (const h of ['Grundlag', 'Nøgletal side om side', 'Hvem betaler, og hvem får gevinsten', 'Nettogevinst pr. år pr. aktør', 'Forskelle', 'Bilag: Forudsætninger og kilder', 'Forklarende tekst']) {
      expect(html).toContain(`<h2>${h}</h2>`);
    }
    expect(html).toContain('1. december 2026');
    expect(html).toContain('Udvalgets &lt;indsatser&gt;');
    expect(html).not.toContain('<indsatser>');
    expect(html).toContain(basisSentence(doc.basis));
    for (const a of ['kommune', 'region', 'stat', 'alle'] as const) expect(html).toContain(formatNumber(r.portfolio.actors[a].pvNet));
    expect(html).toContain(formatNumber(r.members[2].own.actors.alle.pvNet));
    expect(html.match(/<svg/g)?.length).toBeGreaterThanOrEqual(3);
    expect(html).toContain('Advarsel:');
    expect(html).not.toMatch(/<script|(src|href)="https?:/);
  });

  it('uses no internal references in what the user reads', () => {
    const visible = html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ');
    expect(visible).not.toMatch(/§|model\.md|seed\b|issue/i);
  });

  it('key figure rows: own basis as calc, common basis and the portfolio last', () => {
    const rows = keyFigureRows(r, 'kommune');
    expect(rows).toHaveLength(2 * r.members.length + 1);
    expect(rows[0].basis).toBe('own');
    expect(rows[0].cells[2]).toBe(formatNumber(r.members[0].own.actors.kommune.pvNet));
    expect(rows[1].cells[2]).toBe(formatNumber(r.members[0].common.kommune.pvNet));
    expect(rows.at(-1)!.portfolio).toBe(true);
    expect(portfolioRateShort({ ...r.portfolio.actors.alle, breakEvenSuccessRate: 0.5 })).toBe('50 % af succesraterne');
    expect(portfolioRateShort({ ...r.portfolio.actors.alle, breakEvenSuccessRate: null })).toBe('kan ikke nås');
  });
});
