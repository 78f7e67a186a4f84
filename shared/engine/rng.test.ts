import { describe, expect, it } from 'vitest';
import { mulberry32, sampleTriangular, triangularInverse } from './rng';

/** mulberry32 written again with BigInt arithmetic, as an independent reference. */
function referenceMulberry32(seed: number): () => number {
  const M = 0xffffffffn;
  const imul = (x: bigint, y: bigint) => (x * y) & M;
  let a = BigInt(seed >>> 0);
  return () => {
    a = (a + 0x6d2b79f5n) & M;
    let t = a;
    t = imul(t ^ (t >> 15n), t | 1n);
    t = (t ^ ((t + imul(t ^ (t >> 7n), t | 61n)) & M)) & M;
    return Number((t ^ (t >> 14n)) & M) / 4294967296;
  };
}

describe('mulberry32 (the Monte Carlo generator)', () => {
  it('matches an independent BigInt implementation for several seeds', () => {
    for (const seed of [0, 1, 42, 77, 0x7fffffff, 0xffffffff]) {
      const g = mulberry32(seed);
      const ref = referenceMulberry32(seed);
      for (let i = 0; i < 1000; i++) expect(g()).toBe(ref());
    }
  });

  it('same seed → same stream, different seed → different stream, all in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const xa = Array.from({ length: 100 }, () => a());
    const xb = Array.from({ length: 100 }, () => b());
    const xc = Array.from({ length: 100 }, () => c());
    expect(xa).toEqual(xb);
    expect(xa).not.toEqual(xc);
    for (const x of xa) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('is roughly uniform (mean of 100 000 floats ≈ 0,5)', () => {
    const g = mulberry32(7);
    let s = 0;
    for (let i = 0; i < 100_000; i++) s += g();
    expect(Math.abs(s / 100_000 - 0.5)).toBeLessThan(0.005);
  });
});

describe('triangular', () => {
  it('inverse CDF hits min, mode and max at u = 0, F(c) and → 1', () => {
    expect(triangularInverse(0, 1, 2, 4)).toBe(1);
    expect(triangularInverse(1 / 3, 1, 2, 4)).toBeCloseTo(2, 12);
    expect(triangularInverse(0.999999999, 1, 2, 4)).toBeCloseTo(4, 3);
  });

  it('zero width returns exactly the mode', () => {
    const g = mulberry32(1);
    for (let i = 0; i < 10; i++) expect(sampleTriangular(g, 0.2, 0.2, 0.2)).toBe(0.2);
  });

  it('samples stay in [min, max] and have the triangular mean (a+b+c)/3', () => {
    const g = mulberry32(99);
    let s = 0;
    let outside = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const x = sampleTriangular(g, 0.75, 1, 1.25);
      if (!(x >= 0.75 && x <= 1.25)) outside++;
      s += x;
    }
    expect(outside).toBe(0);
    expect(Math.abs(s / n - 1)).toBeLessThan(0.002);
    const h = mulberry32(5);
    let t = 0;
    for (let i = 0; i < n; i++) t += sampleTriangular(h, 0, 0.1, 1);
    expect(Math.abs(t / n - 1.1 / 3)).toBeLessThan(0.003);
  });
});
