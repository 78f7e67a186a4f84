/**
 * The seeded pseudo-random generator of the Monte Carlo analysis (model.md §9): mulberry32,
 * seeded with the file's seed. The generator is part of .som format version 1: changing it needs
 * a new format version. Only 32-bit integer arithmetic (Math.imul, shifts, xor) produces the
 * stream, and the only floating-point operations on top of it are +, −, ×, ÷ and Math.sqrt, all
 * exactly rounded in IEEE 754: the same seed gives bit-identical numbers on every machine.
 * The same generator serves test data, synthetic benchmark cases and illustrative values.
 */

/** The largest seed a file may name (seeds are unsigned 32-bit integers). */
export const MAX_SEED = 0xffffffff;

/** A source of uniform numbers in [0, 1). */
export type Uniform = () => number;

/** mulberry32: uniform in [0, 1) with 32 random bits (an integer divided by 2³²). */
export function mulberry32(seed: number): Uniform {
  let a = Math.trunc(seed) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Inverse CDF of the triangular distribution (min a, mode c, max b) at u ∈ [0, 1).
 * Returns exactly `c` when the range has zero width (a = b), so zero-width ranges reproduce the
 * deterministic result bit for bit.
 */
export function triangularInverse(u: number, a: number, c: number, b: number): number {
  if (!(b > a)) return c;
  const width = b - a;
  const fc = (c - a) / width;
  if (u < fc) return a + Math.sqrt(u * width * (c - a));
  return b - Math.sqrt((1 - u) * width * (b - c));
}

/** One triangular draw from the generator. */
export function sampleTriangular(next: Uniform, a: number, c: number, b: number): number {
  return triangularInverse(next(), a, c, b);
}
