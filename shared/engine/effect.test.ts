import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalCdf, normalInv, normalPdf, successRateFromEffect } from './effect';

describe('normal distribution', () => {
  it('matches known values of Φ', () => {
    // Reference values (R: pnorm) to ~1e-15.
    const known: [number, number][] = [
      [0, 0.5],
      [1, 0.8413447460685429],
      [-1, 0.15865525393145707],
      [1.96, 0.9750021048517795],
      [-1.96, 0.024997895148220435],
      [2.5, 0.9937903346742238],
      [-3, 0.0013498980316301],
      [-5, 2.866515718791939e-7],
      [-10, 7.61985302416047e-24],
      [0.3, 0.6179114221889527],
    ];
    for (const [x, p] of known) expect(Math.abs(normalCdf(x) - p) / p, `Φ(${x})`).toBeLessThan(1e-12);
    expect(normalCdf(Infinity)).toBe(1);
    expect(normalCdf(-Infinity)).toBe(0);
    expect(normalPdf(0)).toBeCloseTo(0.3989422804014327, 15);
  });
  it('matches known values of Φ⁻¹', () => {
    const known: [number, number][] = [
      [0.5, 0],
      [0.975, 1.959963984540054],
      [0.025, -1.959963984540054],
      [0.8413447460685429, 1],
      [0.001, -3.090232306167813],
      [1e-10, -6.361340902404056],
      [0.9, 1.2815515655446004],
    ];
    for (const [p, x] of known) expect(Math.abs(normalInv(p) - x), `Φ⁻¹(${p})`).toBeLessThan(1e-9);
    expect(normalInv(0)).toBe(-Infinity);
    expect(normalInv(1)).toBe(Infinity);
    expect(normalInv(-0.1)).toBeNaN();
    expect(normalInv(1.1)).toBeNaN();
  });
  it('Φ(Φ⁻¹(p)) = p to 1e-9 (property and a fine grid)', () => {
    for (let i = 1; i < 10000; i++) {
      const p = i / 10000;
      expect(Math.abs(normalCdf(normalInv(p)) - p)).toBeLessThan(1e-9);
    }
    fc.assert(
      fc.property(fc.double({ min: 1e-300, max: 1 - 1e-16, noNaN: true }), (p) => {
        expect(Math.abs(normalCdf(normalInv(p)) - p)).toBeLessThanOrEqual(1e-9 * Math.max(p, 1e-6));
      }),
      { numRuns: 2000 },
    );
  });
  it('Φ is monotone and symmetric', () => {
    fc.assert(
      fc.property(fc.double({ min: -8, max: 8, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (x, dx) => {
        expect(normalCdf(x + dx)).toBeGreaterThanOrEqual(normalCdf(x));
        expect(Math.abs(normalCdf(x) + normalCdf(-x) - 1)).toBeLessThan(1e-15);
      }),
    );
  });
});

describe('successRateFromEffect (model.md §10)', () => {
  it('standardised mean difference: p1 = Φ(Φ⁻¹(p0) + d)', () => {
    const r = successRateFromEffect({ kind: 'smd', value: 0.5, baseline: 0.2 });
    expect(r.p1).toBeCloseTo(normalCdf(normalInv(0.2) + 0.5), 14);
    expect(r.p1).toBeCloseTo(0.3663, 4);
    expect(r.successRate).toBeCloseTo(r.p1 - 0.2, 14);
    expect(r.clipped).toBe(false);
    // d = 0 changes nothing.
    expect(successRateFromEffect({ kind: 'smd', value: 0, baseline: 0.35 }).successRate).toBeLessThan(1e-14);
  });
  it('odds ratio, risk ratio and risk difference', () => {
    const or = successRateFromEffect({ kind: 'or', value: 2, baseline: 0.2 });
    expect(or.p1).toBeCloseTo(0.4 / 1.2, 14);
    expect(or.successRate).toBeCloseTo(0.4 / 1.2 - 0.2, 14);
    const rr = successRateFromEffect({ kind: 'rr', value: 1.5, baseline: 0.2 });
    expect(rr.p1).toBeCloseTo(0.3, 14);
    expect(rr.successRate).toBeCloseTo(0.1, 14);
    const rd = successRateFromEffect({ kind: 'rd', value: 0.1, baseline: 0.02 });
    expect(rd.p1).toBeCloseTo(0.12, 14);
    expect(rd.successRate).toBeCloseTo(0.1, 14); // the model's example: 12 % vs 2 % → 10 %
  });
  it('clips to [0, 1] and says so', () => {
    const worse = successRateFromEffect({ kind: 'smd', value: -0.4, baseline: 0.3 });
    expect(worse.successRate).toBe(0);
    expect(worse.clipped).toBe(true);
    const rr = successRateFromEffect({ kind: 'rr', value: 4, baseline: 0.5 });
    expect(rr.p1).toBe(1);
    expect(rr.successRate).toBe(0.5);
    expect(rr.clipped).toBe(true);
    const rd = successRateFromEffect({ kind: 'rd', value: 0.9, baseline: 0.5 });
    expect(rd.p1).toBe(1);
    expect(rd.successRate).toBe(0.5);
    expect(rd.clipped).toBe(true);
  });
  it('always returns a success rate in [0, 1] for valid inputs', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('smd' as const, 'or' as const, 'rr' as const, 'rd' as const),
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (kind, value, baseline) => {
          const v = kind === 'smd' || kind === 'rd' ? value - 10 : value;
          const r = successRateFromEffect({ kind, value: v, baseline });
          expect(r.successRate).toBeGreaterThanOrEqual(0);
          expect(r.successRate).toBeLessThanOrEqual(1);
          expect(r.p1).toBeGreaterThanOrEqual(0);
          expect(r.p1).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
  it('rejects inputs outside their domain', () => {
    expect(() => successRateFromEffect({ kind: 'or', value: -1, baseline: 0.2 })).toThrow(RangeError);
    expect(() => successRateFromEffect({ kind: 'rr', value: 1, baseline: 1.2 })).toThrow(/mellem 0 og 1/);
    expect(() => successRateFromEffect({ kind: 'smd', value: NaN, baseline: 0.2 })).toThrow(RangeError);
  });
});
