/**
 * Timing helpers of the benchmarks (bench/*.bench.ts). Kept apart from bench/run.ts: run.ts is
 * the entry point with a top-level await, so a bench file importing from it would be an import
 * cycle that never settles.
 */
export interface Figure {
  median: number;
  p95: number;
  unit: string;
  /** One line: what is timed, from where to where. */
  what?: string;
  /** The goal for the median, in `unit`. */
  goal?: number;
}

/** Median and p95 by nearest rank. */
export function summarize(samples: ArrayLike<number>, unit = 'ms'): Figure {
  const s = Array.from(samples).sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  return { median: at(0.5), p95: at(0.95), unit };
}

/** Times a synchronous fn (no await between runs, for sub-millisecond work); results kept alive. */
export function measureSync(fn: () => unknown, iterations: number, warmup = Math.min(200, iterations)): Figure {
  let sink = 0;
  for (let i = 0; i < warmup; i++) sink += fn() ? 1 : 0;
  const times = new Float64Array(iterations);
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    sink += fn() ? 1 : 0;
    times[i] = performance.now() - t0;
  }
  if (sink < 0) console.log(sink);
  return summarize(times);
}

/** Times fn (awaited) `iterations` times after `warmup` runs. */
export async function measure(fn: () => unknown, iterations = 200, warmup = 20): Promise<Figure> {
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return summarize(samples);
}
