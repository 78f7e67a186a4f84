import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSom } from '../som/io';
import { calculate } from '../engine/calc';
import { buildReportHtml } from './html';
import { COST_SECTION_TITLE, costSection } from './costmodel';

const here = path.dirname(fileURLToPath(import.meta.url));
const example = () => parseSom(fs.readFileSync(path.resolve(here, '../../data/examples/icm-hjemloese.som'), 'utf8'));
const meta = { fileName: 'icm.som', appName: 'SØM Desktop', appVersion: '1.2.3', generatedAt: '2026-11-23T09:00:00Z', monteCarlo: null };

describe('the cost section of Detaljerede resultater and the report', () => {
  it('lists each activity with its PV per actor, the sums, the cost per forløb and the overhead', () => {
    const doc = example();
    const s = costSection(doc, calculate(doc));
    expect(s).not.toBeNull();
    if (!s) return;
    expect(s.head).toEqual(['Aktivitet', 'Type', 'Enhedspris × antal', 'Overhead', 'Kommune', 'Region', 'Stat', 'Alle aktører']);
    expect(s.groups.map((g) => g.title)).toEqual(['Indsatsens aktiviteter', 'Aktiviteter i indsatser, der bortfalder']);
    const training = s.groups[0].rows.find((r) => r.label.startsWith('Opkvalificering'));
    expect(training).toEqual({
      label: 'Opkvalificering i ICM-metoden (kursus pr. medarbejder)',
      kind: 'Engangsudgift',
      unit: '15.000 kr. × 6',
      overhead: 'nej',
      pv: ['90.000', '0', '0', '90.000'],
    });
    expect(s.groups[0].rows[0].unit).toBe('120 timer × 350 kr.');
    // Net = the PV of the net intervention cost the engine reports.
    const net = s.groups[1].rows.at(-1);
    expect(net?.label).toBe('Nettoomkostninger');
    expect(net?.pv[3]).toBe(new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 }).format(calculate(doc).actors.alle.pvCosts));
    expect(s.facts[0]).toEqual({ label: 'Omkostning pr. forløb', value: '61.500 kr. (alle aktører, alle år, ikke tilbagediskonteret)' });
    expect(s.facts[1]).toEqual({ label: 'Overheadsats', value: '10,0 %' });
  });

  it('is in the report with a cost model, and not without one', () => {
    const doc = example();
    const html = buildReportHtml({ doc, ...meta });
    expect(html).toContain(`<h2>${COST_SECTION_TITLE}</h2>`);
    expect(html).toContain('Socialpædagogisk bostøtte, som ICM erstatter');
    expect(html).toContain('Omkostning pr. forløb: 61.500 kr.');
    delete doc.intervention.costModel;
    expect(buildReportHtml({ doc, ...meta })).not.toContain(COST_SECTION_TITLE);
    expect(costSection(doc, calculate(doc))).toBeNull();
  });
});
