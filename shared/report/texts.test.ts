import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { breakEvenRatePhrase, breakEvenRateShort, keySentences } from './texts';
import { calculate } from '../engine/calc';
import { parseSom } from '../som/io';

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
    const golden = path.resolve(import.meta.dirname, '../../../shared/fixtures/golden/icm-hjemloese.som');
    const r = calculate(parseSom(readFileSync(golden, 'utf8')));
    const text = keySentences(r, 'alle').find((s) => s.id === 'break-even-rate')!.text;
    expect(r.actors.stat.pvCosts).toBe(0);
    expect(text).toContain('staten har gevinst ved enhver succesrate');
    expect(text).not.toContain('regionen'); // no costs and no gains: left out of the sentence
  });
});
