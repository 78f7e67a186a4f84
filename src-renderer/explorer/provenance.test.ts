import { describe, expect, it } from 'vitest';
import { byProvenance } from './provenance';

describe('byProvenance', () => {
  const rows = [{ id: 'a', illustrative: false }, { id: 'b', illustrative: true }, { id: 'c', illustrative: false }];
  it('keeps all, only Socialstyrelsen\'s figures, or only example data', () => {
    expect(byProvenance(rows, 'alle').map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(byProvenance(rows, 'socialstyrelsen').map((r) => r.id)).toEqual(['a', 'c']);
    expect(byProvenance(rows, 'eksempel').map((r) => r.id)).toEqual(['b']);
  });
});
