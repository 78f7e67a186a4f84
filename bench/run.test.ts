import { describe, expect, it } from 'vitest';
import { summarize } from './measure';

describe('bench summarize', () => {
  it('median and p95 by nearest rank', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted
    expect(summarize(samples)).toEqual({ median: 50, p95: 95, unit: 'ms' });
    expect(summarize([3], 'µs')).toEqual({ median: 3, p95: 3, unit: 'µs' });
  });
});
