import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatKr, formatNumber, formatPercent, parseDanishNumber, MISSING } from './format';

describe('formatNumber', () => {
  it('groups thousands with "." and uses "," as decimal separator', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(999)).toBe('999');
    expect(formatNumber(1000)).toBe('1.000');
    expect(formatNumber(1234.5, 1)).toBe('1.234,5');
    expect(formatNumber(1234567.891, 2)).toBe('1.234.567,89');
    expect(formatNumber(-78521.77750919086, 2)).toBe('-78.521,78');
    expect(formatNumber(8447.398399999998, 2)).toBe('8.447,40');
    expect(formatNumber(100000)).toBe('100.000');
  });
  it('rounds half away from zero and never prints -0', () => {
    expect(formatNumber(2.5)).toBe('3');
    expect(formatNumber(-2.5)).toBe('-3');
    expect(formatNumber(1.005, 2)).toBe('1,01');
    expect(formatNumber(-0.4)).toBe('0');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(0.04, 1)).toBe('0,0');
  });
  it('keeps large whole numbers round when decimals are allowed', () => {
    expect(formatNumber(1e12, 4)).toBe('1.000.000.000.000,0000');
    expect(formatNumber(-1e12, 4)).toBe('-1.000.000.000.000,0000');
    expect(formatNumber(12_345_678_901.5, 0)).toBe('12.345.678.902');
  });
  it('prints a dash for missing values', () => {
    expect(formatNumber(null)).toBe(MISSING);
    expect(formatNumber(undefined)).toBe(MISSING);
    expect(formatNumber(NaN)).toBe(MISSING);
    expect(formatNumber(Infinity)).toBe(MISSING);
  });
});

describe('formatKr / formatPercent', () => {
  it('formats kroner', () => {
    expect(formatKr(1080)).toBe('1.080 kr.');
    expect(formatKr(8889.96, 2)).toBe('8.889,96 kr.');
    expect(formatKr(-75349.37576284094)).toBe('-75.349 kr.');
    expect(formatKr(null)).toBe(MISSING);
  });
  it('formats fractions as percentages with a space before %', () => {
    expect(formatPercent(0.12)).toBe('12 %');
    expect(formatPercent(0.125, 1)).toBe('12,5 %');
    expect(formatPercent(1.548551590695995, 1)).toBe('154,9 %');
    expect(formatPercent(null)).toBe(MISSING);
  });
});

describe('parseDanishNumber', () => {
  it('parses Danish notation', () => {
    expect(parseDanishNumber('1.234,5')).toBe(1234.5);
    expect(parseDanishNumber('1234,5')).toBe(1234.5);
    expect(parseDanishNumber('1234')).toBe(1234);
    expect(parseDanishNumber(' -2,9 ')).toBe(-2.9);
    expect(parseDanishNumber('\u22123')).toBe(-3);
    expect(parseDanishNumber('+7')).toBe(7);
    expect(parseDanishNumber('1.000.000')).toBe(1_000_000);
    expect(parseDanishNumber('1 234 567,25')).toBe(1234567.25);
    expect(parseDanishNumber('1\u00a0234')).toBe(1234);
    expect(parseDanishNumber(',5')).toBe(0.5);
    expect(parseDanishNumber('-0')).toBe(0);
  });
  it('rejects invalid text', () => {
    for (const bad of ['', ' ', 'abc', '1,2,3', '1.5', '12.34,5', '1.234 567', '1,', '-', '1e5', '0x10', 'NaN', 'Infinity', '1.2345']) {
      expect(parseDanishNumber(bad), bad).toBeNull();
    }
  });
  it('round-trips formatNumber for any number (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 4 }), (x, d) => {
        const s = formatNumber(x, d);
        const back = parseDanishNumber(s);
        expect(back).not.toBeNull();
        expect(Math.abs((back as number) - x)).toBeLessThanOrEqual(0.5 * 10 ** -d + Math.abs(x) * 1e-12);
      }),
    );
  });
});
