import { describe, expect, it } from 'vitest';
import { createEmptyLine, createEmptySom } from '../som/new-document';
import type { FollowUpYear, SomDocument } from '../som/schema';
import { calculateFollowUp } from '../engine/followup';
import { formatKr } from '../format';
import { buildReportHtml } from './html';
import { followUpDifferenceChart, followUpKeyRows, followUpSummary, yearList } from './followup';
import { followUpEntry as entry } from '../../test-support/followup';

/** 2024–2025, 24 participants a year, success rate 30 %, one line of −2 weeks at 1.000 kr. (kommune). */
function doc(years: FollowUpYear[] | null): SomDocument {
  const d = createEmptySom({ startYear: 2024, yearsWithIntervention: 2, savedAt: '2026-01-01T00:00:00Z', name: 'Mentorforløb' });
  d.intervention.participants = [24, 24];
  d.intervention.effect.successRate = 0.3;
  d.intervention.costs.kommune = [100_000, 100_000];
  const line = createEmptyLine({ id: 'l', label: 'Kontanthjælp', area: 'Indkomstoverførsler', unit: 'uger', priceYear: 2024 });
  line.own[0] = -2;
  line.price = { priceYear: 2024, kommune: 1000, region: 0, stat: 0, source: 'test' };
  d.lines = [line];
  d.view.actor = 'kommune';
  if (years) d.followUp = { asOf: '2025-12-31', years };
  return d;
}

describe('follow-up texts', () => {
  it('summarises participants, successes, the realised rate and the change of the net gain in plain Danish', () => {
    const d = doc([entry(2024, { participants: 21, successes: 5 }), entry(2025, { participants: 20, successes: 5 })]);
    const f = calculateFollowUp(d)!;
    const before = f.forecast.actors.kommune.pvNet;
    const after = f.reforecast.actors.kommune.pvNet;
    expect(after).not.toBe(before);
    expect(followUpSummary(f, 'kommune')).toBe(
      `Opgjort pr. 31. december 2025, faktiske tal for 2024 og 2025: Indtil nu 41 deltagere mod forventet 48; ` +
        `10 med succes mod forventet 14,4; realiseret succesrate 24,4 % mod antaget 30 %; ` +
        `kommunens nettogevinst i perioden 2024–2029 ændres fra ${formatKr(before)} til ${formatKr(after)} (nutidsværdi 2024).`,
    );
    expect(followUpSummary(f, 'alle')).toContain('nettogevinsten for alle aktører tilsammen i perioden');
  });
  it('says so when no actual value is known yet, and when the realised rate cannot be computed', () => {
    expect(followUpSummary(calculateFollowUp(doc([entry(2024, { note: 'afventer' })]))!, 'kommune')).toBe(
      'Opgjort pr. 31. december 2025: Der er endnu ingen faktiske tal. Genberegningen er derfor den samme som den oprindelige beregning.',
    );
    const onlyCosts = followUpSummary(calculateFollowUp(doc([entry(2024, { costs: { kommune: 90_000, region: null, stat: null } })]))!, 'kommune');
    expect(onlyCosts).toMatch(/^Opgjort pr\. 31\. december 2025, faktiske tal for 2024: Realiseret succesrate kan ikke opgøres endnu/);
  });
  it('puts the key figures side by side with the difference', () => {
    const f = calculateFollowUp(doc([entry(2024, { costs: { kommune: 130_000, region: null, stat: null } })]))!;
    const rows = followUpKeyRows(f, 'kommune');
    expect(rows.map((r) => r.label)).toEqual(['Gevinster', 'Omkostninger (netto)', 'Nettogevinst', 'Tjener sig ind', 'Går i nul ved succesrate']);
    expect(rows[1].difference).toBe('30.000 kr.');
    expect(rows[2].difference).toBe('-30.000 kr.');
    const all = calculateFollowUp(doc([entry(2024, { successes: 6 }), entry(2025, { successes: 7 })]))!;
    expect(followUpKeyRows(all, 'kommune')[4].reforecast).toBe('alle årgange er opgjort');
  });
  it('charts the per-year net difference per actor up to the last year that differs', () => {
    const f = calculateFollowUp(doc([entry(2025, { participants: 14 })]))!;
    const c = followUpDifferenceChart(f);
    expect(c.series.map((s) => s.label)).toEqual(['Kommune', 'Region', 'Stat']);
    // Cohort 2025 has 3 fewer successes; År 1 (2026) is −2 weeks × 1.000 kr. each: −6.000 kr.
    const i = c.years.indexOf(2026);
    expect(c.series[0].values[i]).toBeCloseTo(-6000, 6);
    expect(c.years.at(-1)).toBe(2029); // the period end: no later difference
  });
  it('lists years the Danish way', () => {
    expect(yearList([2024])).toBe('2024');
    expect(yearList([2024, 2025, 2026])).toBe('2024, 2025 og 2026');
  });
});

describe('follow-up in the report', () => {
  const input = (d: SomDocument) => ({ doc: d, fileName: 'x.som', appName: 'SØM Desktop', appVersion: '1', generatedAt: '2026-01-01T00:00:00Z', monteCarlo: null, sensitivity: false });
  it('has a section with the summary, the actuals, the key figures and the chart when there is a follow-up', () => {
    const d = doc([entry(2024, { participants: 21, successes: 5, note: 'Forsinket <start>' })]);
    const html = buildReportHtml(input(d));
    expect(html).toContain('<h2>Opfølgning: forventet og faktisk</h2>');
    expect(html).toContain('Indtil nu 21 deltagere mod forventet 24');
    expect(html).toContain('21 (forventet 24)');
    expect(html).toContain('Forsinket &lt;start&gt;');
    expect(html).toContain('<title>Forskel i nettogevinst pr. år: genberegning minus oprindelig beregning, kr.</title>');
    expect(html).toContain('Genberegning');
  });
  it('has no such section without one', () => {
    expect(buildReportHtml(input(doc(null)))).not.toContain('Opfølgning');
  });
});
