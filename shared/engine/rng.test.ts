import { describe, expect, it } from 'vitest';
import { Xoshiro128, sampleTriangular, triangularInverse } from './rng';

describe('xoshiro128**', () => {
  it('reproduces the reference C implementation for state {1,2,3,4}', () => {
    // Output of the authors' xoshiro128starstar.c (compiled with gcc) for s = {1, 2, 3, 4}.
    const g = new Xoshiro128(1, 2, 3, 4);
    const got = Array.from({ length: 8 }, () => g.nextUint32());
    expect(got).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849]);
  });

  it('reproduces the reference for a state with high bits set', () => {
    const g = new Xoshiro128(0x9e3779b9, 0x243f6a88, 0xb7e15162, 0x12345678);
    const got = Array.from({ length: 6 }, () => g.nextUint32());
    expect(got).toEqual([2463954730, 5524658, 3566893527, 3794986392, 933487703, 1623283725]);
  });

  it('same seed → same stream, different seed → different stream', () => {
    const a = Xoshiro128.fromSeed(42);
    const b = Xoshiro128.fromSeed(42);
    const c = Xoshiro128.fromSeed(43);
    const xa = Array.from({ length: 100 }, () => a.nextFloat());
    const xb = Array.from({ length: 100 }, () => b.nextFloat());
    const xc = Array.from({ length: 100 }, () => c.nextFloat());
    expect(xa).toEqual(xb);
    expect(xa).not.toEqual(xc);
    for (const x of xa) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it('is roughly uniform (mean of 100 000 floats ≈ 0,5)', () => {
    const g = Xoshiro128.fromSeed(7);
    let s = 0;
    for (let i = 0; i < 100_000; i++) s += g.nextFloat();
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
    const g = Xoshiro128.fromSeed(1);
    for (let i = 0; i < 10; i++) expect(sampleTriangular(g, 0.2, 0.2, 0.2)).toBe(0.2);
  });

  it('samples stay in [min, max] and have the triangular mean (a+b+c)/3', () => {
    const g = Xoshiro128.fromSeed(99);
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
    const h = Xoshiro128.fromSeed(5);
    let t = 0;
    for (let i = 0; i < n; i++) t += sampleTriangular(h, 0, 0.1, 1);
    expect(Math.abs(t / n - 1.1 / 3)).toBeLessThan(0.003);
  });
});
