import { describe, expect, it } from 'vitest';
import { pagesFor, visibleRange } from './virtual-range';

describe('visibleRange', () => {
  it('renders the visible rows plus overscan, and spacers for the rest', () => {
    const r = visibleRange({ scrollTop: 3400, viewport: 340, rowHeight: 34, rowCount: 10_000, overscan: 5 });
    expect(r.start).toBe(95);
    expect(r.end).toBe(100 + 11 + 5);
    expect(r.padTop).toBe(95 * 34);
    expect(r.padBottom).toBe((10_000 - r.end) * 34);
  });

  it('clamps at both ends and handles empty lists', () => {
    expect(visibleRange({ scrollTop: 0, viewport: 340, rowHeight: 34, rowCount: 3, overscan: 5 })).toEqual({ start: 0, end: 3, padTop: 0, padBottom: 0 });
    const end = visibleRange({ scrollTop: 1e9, viewport: 340, rowHeight: 34, rowCount: 50, overscan: 5 });
    expect(end.end).toBe(50);
    expect(end.start).toBeLessThan(50);
    expect(visibleRange({ scrollTop: 0, viewport: 340, rowHeight: 34, rowCount: 0, overscan: 5 })).toEqual({ start: 0, end: 0, padTop: 0, padBottom: 0 });
  });
});

describe('pagesFor', () => {
  it('lists the pages of 200 that cover a row range', () => {
    expect(pagesFor(0, 30, 200)).toEqual([0]);
    expect(pagesFor(190, 230, 200)).toEqual([0, 1]);
    expect(pagesFor(400, 400, 200)).toEqual([]);
    expect(pagesFor(399, 801, 200)).toEqual([1, 2, 3, 4]);
  });
});
