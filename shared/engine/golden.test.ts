 
import { describe, expect, it } from 'vitest';
import { calculate, toResultsJson } from './calc';
import { goldenExpected, goldenNames, goldenSom } from '../../test-support/golden';

const names = goldenNames();

/** Deep comparison with numbers within `tol`; returns the first difference as a path, or null. */
function firstDifference(actual: unknown, expected: unknown, tol = 0.01, at = '$'): string | null {
  if (typeof expected === 'number') {
    if (typeof actual !== 'number' || !(Math.abs(actual - expected) <= tol)) return `${at}: ${String(actual)} ≠ ${expected}`;
    return null;
  }
  if (expected === null || typeof expected !== 'object') {
    return actual === expected ? null : `${at}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) return `${at}: not an array`;
    if (actual.length !== expected.length) return `${at}: length ${actual.length} ≠ ${expected.length}`;
    for (let i = 0; i < expected.length; i++) {
      const d = firstDifference(actual[i], expected[i], tol, `${at}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (typeof actual !== 'object' || actual === null || Array.isArray(actual)) return `${at}: not an object`;
  const ak = Object.keys(actual as object);
  const ek = Object.keys(expected as object);
  if (ak.join(',') !== ek.join(',')) return `${at}: keys [${ak.join(',')}] ≠ [${ek.join(',')}]`;
  for (const k of ek) {
    const d = firstDifference((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], tol, `${at}.${k}`);
    if (d) return d;
  }
  return null;
}

describe('golden fixtures', () => {
  it('finds the fixtures', () => {
    expect(names.length).toBeGreaterThanOrEqual(4);
  });
  for (const name of names) {
    it(`${name} matches its expected results within 0,01 kr. on every figure (same keys, same order)`, () => {
      const doc = goldenSom(name);
      const expected = goldenExpected(name);
      const actual = toResultsJson(calculate(doc));
      expect(firstDifference(actual, expected)).toBeNull();
    });
  }
  it('the comparison itself detects a difference of more than 0,01', () => {
    expect(firstDifference({ a: [1, 2] }, { a: [1, 2.02] })).toContain('$.a[1]');
    expect(firstDifference({ a: null }, { a: 0 })).not.toBeNull();
    expect(firstDifference({ b: 1, a: 1 }, { a: 1, b: 1 })).not.toBeNull();
  });
});
