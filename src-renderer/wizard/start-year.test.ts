import { describe, expect, it } from 'vitest';
import { startYearRange } from './start-year';
import { checkNumber } from './number-text';

describe('start year range', () => {
  it('follows the calculation’s price index and says which years are projected', () => {
    const index = { '1998': 0.69, '2023': 1.15, '2024': 1.17, '2080': 3.5 };
    const r = startYearRange(index, { '1998': 'actual', '2023': 'actual', '2024': 'projected', '2080': 'projected' });
    expect(r).toMatchObject({ min: 1998, max: 2080 });
    expect(r.note).toBe('Prisindekset dækker 1998–2080; startåret er også prisåret. Faktiske tal til og med 2023, fremskrevet fra 2024.');
    expect(startYearRange({ '2018': 1, '2023': 1.11 })).toMatchObject({ min: 2018, max: 2023, note: 'Prisindekset dækker 2018–2023; startåret er også prisåret.' });
  });
  it('a start year outside the index is refused with the range in the message', () => {
    const r = startYearRange({ '2018': 1, '2023': 1.11 });
    expect(checkNumber('2026', { min: r.min, max: r.max, integer: true, plain: true, rangeReason: 'de år, prisindekset dækker' })).toEqual({
      ok: false,
      message: 'Skal være mellem 2018 og 2023 (de år, prisindekset dækker).',
    });
  });
});
