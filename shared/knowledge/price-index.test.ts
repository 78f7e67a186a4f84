import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { annualAverages, deriveShippedIndex, indexKindsFor, type PriceIndexSources } from './price-index';

const dataDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../data/knowledge');
const sources = JSON.parse(fs.readFileSync(path.join(dataDir, 'price-index-sources.json'), 'utf8')) as PriceIndexSources;
const shipped = JSON.parse(fs.readFileSync(path.join(dataDir, 'other.json'), 'utf8')).priceIndex as {
  values: { year: number; value: number; kind: string; publishedChange: number | null }[];
  source: string;
  projection: { rate: number; source: string };
};

describe('the shipped price index', () => {
  const idx = deriveShippedIndex(sources);
  const at = (y: number) => idx.values.find((v) => v.year === y)!;

  it('uses Danmarks Statistik’s annual averages for every full year, rebased to 2018 = 1,00', () => {
    // The rebased averages as Danmarks Statistik's note quotes them.
    const quoted = { 2015: 0.9746, 2016: 0.9793, 2017: 0.9915, 2018: 1, 2019: 1.0087, 2020: 1.0123, 2021: 1.0272, 2022: 1.1065, 2023: 1.1504 };
    for (const [y, v] of Object.entries(quoted)) {
      expect(at(Number(y)).value).toBe(v);
      expect(at(Number(y)).kind).toBe('actual');
    }
    // 2024 has only January–June: not a full year, so projected.
    expect(annualAverages(sources.dst.monthly).map((a) => a.year)).not.toContain(2024);
    expect(at(2024).kind).toBe('projected');
  });

  it('chains earlier years backwards with SØM v2.0’s printed yearly changes', () => {
    const exact2015 = annualAverages(sources.dst.monthly).find((a) => a.year === 2015)!.value / annualAverages(sources.dst.monthly).find((a) => a.year === 2018)!.value;
    expect(at(2014).value).toBe(Math.round((exact2015 / 1.01) * 1e4) / 1e4);
    expect(at(2013).value).toBe(Math.round((exact2015 / 1.01 / 1.01) * 1e4) / 1e4);
    expect(idx.values[0].year).toBe(1998);
    expect(at(1998).kind).toBe('actual');
  });

  it('projects later years at the stated rate through 2080, with no gap', () => {
    expect(at(2024).value).toBe(Math.round(1.1504 * 1.02 * 1e4) / 1e4);
    expect(at(2080).kind).toBe('projected');
    expect(idx.values[idx.values.length - 1].year).toBe(2080);
    idx.values.forEach((v, i) => expect(v.year).toBe(1998 + i));
    expect(idx.source).toContain('fremskrevet med 2,0 % om året');
    expect(idx.projection.source).toMatch(/^Antagelse/);
  });

  it('is what data/knowledge/other.json ships (regenerate with build:knowledge -- --regenerate-price-index)', () => {
    expect(shipped.values.map((v) => Object.assign({ publishedChange: null }, v))).toEqual(idx.values);
    expect(shipped.source).toBe(idx.source);
    expect(shipped.projection).toEqual(idx.projection);
  });

  it('refuses sources without the basis year', () => {
    const broken = structuredClone(sources);
    delete broken.dst.monthly['2018'];
    expect(() => deriveShippedIndex(broken)).toThrow(/basisåret 2018/);
  });
});

describe('indexKindsFor', () => {
  it('tags only the years whose value is the release’s value', () => {
    const rows = [
      { year: 2023, value: 1.1504, kind: 'actual' as const },
      { year: 2024, value: 1.1734, kind: 'projected' as const },
      { year: 2025, value: 1.1969, kind: null },
    ];
    expect(indexKindsFor({ '2023': 1.1504, '2024': 1.2, '2025': 1.1969 }, rows)).toEqual({ '2023': 'actual' });
    expect(indexKindsFor({ '2024': 1.1734 }, rows)).toEqual({ '2024': 'projected' });
  });
});
