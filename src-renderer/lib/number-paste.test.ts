import { describe, expect, it } from 'vitest';
import { isBlock, numberForInput, parseNumberText, splitClipboard } from './number-paste';

describe('parseNumberText: one value as a Danish user writes or copies it', () => {
  it('reads Danish separators and amount or percent decorations as one number', () => {
    expect(parseNumberText('1.234.567')).toEqual({ ok: true, value: 1234567 });
    expect(parseNumberText('1.234,5')).toEqual({ ok: true, value: 1234.5 });
    expect(parseNumberText('650.000 kr.')).toEqual({ ok: true, value: 650000 });
    expect(parseNumberText('650.000,-')).toEqual({ ok: true, value: 650000 });
    expect(parseNumberText('kr. 1.250,50')).toEqual({ ok: true, value: 1250.5 });
    expect(parseNumberText('1.200 DKK')).toEqual({ ok: true, value: 1200 });
    expect(parseNumberText('\u00a0-2,5\u00a0')).toEqual({ ok: true, value: -2.5 });
    expect(parseNumberText('20 %', { percent: true })).toEqual({ ok: true, value: 20 });
    expect(parseNumberText('20%', { percent: true })).toEqual({ ok: true, value: 20 });
    expect(parseNumberText('')).toEqual({ ok: true, value: null });
  });

  it('refuses what can be read two ways, with a Danish message that says how to write it', () => {
    for (const t of ['1,234.5', '1,234,567', '1.5', '12.34']) {
      const r = parseNumberText(t);
      expect(r.ok, t).toBe(false);
      if (!r.ok) expect(r.message, t).toMatch(/kan læses på to måder/);
    }
    const pct = parseNumberText('20 %');
    expect(pct.ok).toBe(false);
    if (!pct.ok) expect(pct.message).toBe('Feltet er ikke i procent. Skriv tallet uden %.');
    const word = parseNumberText('mange');
    expect(word.ok).toBe(false);
    if (!word.ok) expect(word.message).toMatch(/^«mange» er ikke et tal\. /);
  });
});

describe('clipboard blocks', () => {
  it('splits spreadsheet text into rows and cells and drops the trailing line break', () => {
    expect(splitClipboard('150\r\n250\r\n300\r\n')).toEqual([['150'], ['250'], ['300']]);
    expect(splitClipboard('1\t2\t3\n4\t5\t6')).toEqual([['1', '2', '3'], ['4', '5', '6']]);
    expect(isBlock('150\r\n')).toBe(false);
    expect(isBlock('150\n250')).toBe(true);
    expect(isBlock('1\t2')).toBe(true);
  });

  it('writes numbers back in Danish notation without losing decimals', () => {
    expect(numberForInput(1234.5)).toBe('1.234,5');
    expect(numberForInput(0.123456)).toBe('0,123456');
    expect(numberForInput(2024, true)).toBe('2024');
    expect(numberForInput(null)).toBe('');
  });
});
