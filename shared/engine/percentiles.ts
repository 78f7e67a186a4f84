/**
 * Order statistics of Monte Carlo's draws (model.md §9): percentiles by type-7 interpolation,
 * from a sorted array or by selection (nested Floyd–Rivest, the same values without a full sort),
 * and the histogram of sorted draws.
 */
export const HISTOGRAM_BINS = 30;

export interface Histogram {
  /** Bin edges (bins + 1 values, increasing). */
  edges: number[];
  counts: number[];
}

/** Percentile by linear interpolation between order statistics (type 7) of a sorted array. */
export function percentileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return Number.NaN;
  if (n === 1) return sorted[0];
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  if (lo >= n - 1) return sorted[n - 1];
  const frac = h - lo;
  const a = sorted[lo];
  const b = sorted[lo + 1];
  return frac === 0 || a === b ? a : a + frac * (b - a);
}

/**
 * The k-th smallest value (0-based) of a[lo..hi] by Floyd–Rivest selection; reorders a so that
 * a[lo..k) ≤ a[k] ≤ a(k..hi]. About n + min(k, n − k) comparisons on average. The smallest or
 * largest value of the range is found by one scan.
 */
function selectKth(a: Float64Array, k: number, lo = 0, hi = a.length - 1): number {
  if (k === lo || k === hi) {
    let m = k;
    for (let i = lo; i <= hi; i++) if (k === lo ? a[i] < a[m] : a[i] > a[m]) m = i;
    swap(a, k, m);
    return a[k];
  }
  while (hi > lo) {
    if (hi - lo > 600) {
      // Narrow the range around k with a sample first.
      const n = hi - lo + 1;
      const m = k - lo + 1;
      const z = Math.log(n);
      const s = 0.5 * Math.exp((2 * z) / 3);
      const sd = 0.5 * Math.sqrt((z * s * (n - s)) / n) * (m - n / 2 < 0 ? -1 : 1);
      selectKth(a, k, Math.max(lo, Math.floor(k - (m * s) / n + sd)), Math.min(hi, Math.floor(k + ((n - m) * s) / n + sd)));
    }
    const t = a[k];
    let i = lo;
    let j = hi;
    swap(a, lo, k);
    if (a[hi] > t) swap(a, lo, hi);
    while (i < j) {
      swap(a, i, j);
      i++;
      j--;
      while (a[i] < t) i++;
      while (a[j] > t) j--;
    }
    if (a[lo] === t) swap(a, lo, j);
    else {
      j++;
      swap(a, j, hi);
    }
    if (j <= k) lo = j + 1;
    if (k <= j) hi = j - 1;
  }
  return a[k];
}

function swap(a: Float64Array, i: number, j: number): void {
  const t = a[i];
  a[i] = a[j];
  a[j] = t;
}

/**
 * The same value as `percentileSorted(sorted copy of a, q)`, by selection instead of a full
 * sort (the two order statistics it needs); reorders a.
 */
export function percentileSelect(a: Float64Array, q: number): number {
  return percentilesSelect(a, [q])[0];
}

/** Order statistic indices (0-based) that type-7 interpolation needs for q in an array of n. */
function orderIndices(n: number, q: number): { lo: number; hi: number; frac: number } {
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  if (lo >= n - 1) return { lo: n - 1, hi: n - 1, frac: 0 };
  const frac = h - lo;
  return { lo, hi: frac === 0 ? lo : lo + 1, frac };
}

/**
 * Several percentiles of a at once, each the same value as `percentileSorted(sorted copy of a, q)`:
 * the order statistics they need are selected nested (the median first, then the outer ones within
 * the part of the array left of or right of it), so three percentiles cost about two passes rather
 * than three full selections. Reorders a.
 */
export function percentilesSelect(a: Float64Array, qs: readonly number[]): number[] {
  const n = a.length;
  if (n === 0) return qs.map(() => Number.NaN);
  if (n === 1) return qs.map(() => a[0]);
  const idx = qs.map((q) => orderIndices(n, q));
  const ks = [...new Set(idx.flatMap((i) => [i.lo, i.hi]))].sort((x, y) => x - y);
  const value = new Map<number, number>();
  selectMany(a, ks, 0, ks.length - 1, 0, n - 1, value);
  return idx.map(({ lo, hi, frac }) => {
    const x = value.get(lo) as number;
    if (hi === lo) return x;
    const y = value.get(hi) as number;
    return x === y ? x : x + frac * (y - x);
  });
}

/** Selects the order statistics ks[i..j] (sorted) within a[lo..hi], which holds exactly them. */
function selectMany(a: Float64Array, ks: readonly number[], i: number, j: number, lo: number, hi: number, out: Map<number, number>): void {
  while (i <= j) {
    const m = (i + j) >>> 1;
    const k = ks[m];
    out.set(k, selectKth(a, k, lo, hi));
    // a[lo..k) ≤ a[k] ≤ a(k..hi]: the smaller indices lie left of k, the larger right of it.
    selectMany(a, ks, i, m - 1, lo, k - 1, out);
    i = m + 1;
    lo = k + 1;
  }
}

export function histogram(sorted: ArrayLike<number>, bins = HISTOGRAM_BINS): Histogram {
  const n = sorted.length;
  if (n === 0) return { edges: [], counts: [] };
  const min = sorted[0];
  const max = sorted[n - 1];
  if (!(max > min)) return { edges: [min, max], counts: [n] };
  const width = (max - min) / bins;
  const edges: number[] = [];
  for (let i = 0; i <= bins; i++) edges.push(i === bins ? max : min + i * width);
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < n; i++) {
    let b = Math.floor((sorted[i] - min) / width);
    if (b >= bins) b = bins - 1;
    if (b < 0) b = 0;
    counts[b]++;
  }
  return { edges, counts };
}
