import { describe, expect, it } from 'vitest';
import { expandMeasured, measuredPrefix, padYears } from './years';
import { formatDaNumber, toCsv } from './csv';
import { canonicalKnowledgeJson, trimNulls } from './canonical';
import { movePrice } from './lines';

describe('expandMeasured (model.md §3 taper)', () => {
  it('keeps measured years as estimates and tapers linearly to 0 in År 20', () => {
    const { values, kinds } = expandMeasured([12, 15, 16, 14, 12, 10, 9]);
    expect(values).toHaveLength(20);
    expect(values.slice(0, 7)).toEqual([12, 15, 16, 14, 12, 10, 9]);
    expect(values[7]).toBeCloseTo((9 * 12) / 13, 12);
    expect(values[19]).toBe(0);
    expect(kinds.slice(0, 7).every((k) => k === 'estimate')).toBe(true);
    expect(kinds.slice(7).every((k) => k === 'forecast')).toBe(true);
  });

  it('leaves not-estimated years blank and round-trips the measured prefix', () => {
    const measured = [null, null, null, 0, -3.5, -4.4, -5.6, 0, 0];
    const { values, kinds } = expandMeasured(measured);
    expect(kinds.slice(0, 3)).toEqual([null, null, null]);
    expect(kinds[3]).toBe('estimate');
    expect(kinds[9]).toBe('forecast');
    expect(measuredPrefix(values, kinds)).toEqual(measured);
  });

  it('pads partial rows to 20 years', () => {
    expect(padYears([1, 2])).toEqual([1, 2, ...Array(18).fill(null)]);
    expect(padYears(undefined)).toBeNull();
    expect(trimNulls([1, null, null])).toEqual([1]);
    expect(trimNulls([null])).toBeUndefined();
  });
});

describe('da-DK CSV', () => {
  it('formats numbers with decimal comma and thousands dot, without rounding', () => {
    expect(formatDaNumber(1234.5)).toBe('1.234,5');
    expect(formatDaNumber(-2.9)).toBe('-2,9');
    expect(formatDaNumber(90488)).toBe('90.488');
    expect(formatDaNumber(0.1 + 0.2)).toBe('0,30000000000000004');
    expect(formatDaNumber(1e-7)).toBe('0,0000001');
    expect(formatDaNumber(-0)).toBe('0');
  });

  it('writes a BOM, semicolons, CRLF, quotes and plain years', () => {
    const csv = toCsv(['Navn', 'År', 'Værdi', 'Ok'], [['a;b "c"', 2018, 2211.5, true], ['=SUM(A1)', null, -1, false]], [false, true, false, false]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe('\uFEFFNavn;År;Værdi;Ok\r\n"a;b ""c""";2018;2.211,5;Ja\r\n\'=SUM(A1);;-1;Nej\r\n');
  });
});

describe('prices between years', () => {
  it('moves a price with the index and clamps to the nearest year', () => {
    const idx = { '2018': 1, '2022': 1.08 };
    expect(movePrice(1000, 2018, 2022, idx)).toBeCloseTo(1080, 10);
    expect(movePrice(1000, 2018, 2030, idx)).toBeCloseTo(1080, 10);
  });
});

describe('canonical serialisation', () => {
  it('does not depend on list order or key order', () => {
    const base = {
      release: { id: 'r', date: '2026-01-01', description: '' },
      themes: [
        { id: 'b', label: 'B', source: 's', illustrative: false },
        { id: 'a', label: 'A', source: 's', illustrative: false },
      ],
      targetGroups: [],
      characteristics: [],
      successMeasures: [],
      dimensions: [],
      consequences: [],
      prices: [],
      studies: [],
      other: { facts: [], priceIndex: { basisYear: 2018, values: [{ year: 2018, value: 1 }], source: 'x', note: '' }, discountRate: { value: 0.04, source: 'y' }, taxRates: { kommune: 0.264, region: 0, stat: 0.121, source: 'z' } },
    };
    const swapped = { ...base, themes: [...base.themes].reverse().map((t) => ({ illustrative: t.illustrative, source: t.source, label: t.label, id: t.id })) };
    expect(canonicalKnowledgeJson(swapped)).toBe(canonicalKnowledgeJson(base));
    const changed = { ...base, themes: [{ ...base.themes[0], label: 'C' }, base.themes[1]] };
    expect(canonicalKnowledgeJson(changed)).not.toBe(canonicalKnowledgeJson(base));
  });
});
