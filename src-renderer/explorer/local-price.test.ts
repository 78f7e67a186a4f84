import { describe, expect, it } from 'vitest';
import { amountText, validateLocalPrice } from './local-price';

const base = { kommune: '', region: '', stat: '', priceYear: '2018', note: '' };

describe('validateLocalPrice', () => {
  it('parses Danish numbers; empty fields mean "use SØM\'s price"', () => {
    const { values, errors } = validateLocalPrice({ ...base, kommune: '1.234,5', stat: '885', note: '  Egen opgørelse ' });
    expect(errors).toEqual({});
    expect(values).toEqual({ kommune: 1234.5, region: null, stat: 885, priceYear: 2018, note: 'Egen opgørelse' });
  });

  it('gives Danish messages per field', () => {
    const { values, errors } = validateLocalPrice({ ...base, kommune: '12,3,4', region: '-5', stat: '1.5', priceYear: '18' });
    expect(values).toBeNull();
    expect(errors.kommune).toMatch(/Skriv et tal, fx 1\.234,5/);
    expect(errors.region).toBe('Prisen kan ikke være negativ.');
    expect(errors.stat).toMatch(/Skriv et tal/);
    expect(errors.priceYear).toBe('Prisåret skal være et årstal mellem 1990 og 2100.');
  });

  it('requires at least one amount', () => {
    const { values, errors } = validateLocalPrice(base);
    expect(values).toBeNull();
    expect(errors.form).toBe('Angiv en pris for mindst én af kommune, region og stat.');
  });

  it('writes amounts back in Danish format', () => {
    expect(amountText(1540.5)).toBe('1.540,5');
    expect(amountText(885)).toBe('885');
    expect(amountText(null)).toBe('');
  });
});
