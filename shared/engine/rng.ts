/**
 * A seeded pseudo-random generator for the Monte Carlo analysis (model.md §9).
 *
 * xoshiro128** 1.1 (Blackman & Vigna), seeded from one 32-bit integer with splitmix32.
 * Only 32-bit integer arithmetic (Math.imul, shifts, xor) produces the stream, and the only
 * floating-point operations on top of it are +, −, ×, ÷ and Math.sqrt, all exactly rounded in
 * IEEE 754: the same seed gives bit-identical numbers on every machine and JavaScript engine.
 */

/** The largest seed a file may name (seeds are unsigned 32-bit integers). */
export const MAX_SEED = 0xffffffff;

/** splitmix32: a good 32-bit mixing step, used to expand a seed into the generator's state. */
function splitmix32(state: { s: number }): number {
  state.s = (state.s + 0x9e3779b9) | 0;
  let z = state.s;
  z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
  z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
  return (z ^ (z >>> 15)) >>> 0;
}

/**
 * mulberry32: a tiny seeded generator, uniform in [0, 1). For test data, synthetic benchmark cases
 * and illustrative knowledge values (not for Monte Carlo, which uses Xoshiro128).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Xoshiro128 {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;

  /** A generator with an explicit state (four 32-bit words, not all zero). */
  constructor(s0: number, s1: number, s2: number, s3: number) {
    this.s0 = s0 >>> 0;
    this.s1 = s1 >>> 0;
    this.s2 = s2 >>> 0;
    this.s3 = s3 >>> 0;
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** A generator seeded from one integer 0…2³²−1 (other numbers are reduced modulo 2³²). */
  static fromSeed(seed: number): Xoshiro128 {
    const st = { s: Math.trunc(seed) >>> 0 };
    return new Xoshiro128(splitmix32(st), splitmix32(st), splitmix32(st), splitmix32(st));
  }

  /** The next unsigned 32-bit integer. */
  nextUint32(): number {
    const s1 = this.s1;
    const x = Math.imul(s1, 5);
    const result = Math.imul((x << 7) | (x >>> 25), 9) >>> 0;
    const t = s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = (this.s3 << 11) | (this.s3 >>> 21);
    return result;
  }

  /** A uniform number in [0, 1) with 32 random bits (exact: an integer divided by 2³²). */
  nextFloat(): number {
    return this.nextUint32() / 4294967296;
  }
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
export function sampleTriangular(rng: Xoshiro128, a: number, c: number, b: number): number {
  return triangularInverse(rng.nextFloat(), a, c, b);
}
