import { describe, expect, it } from 'vitest';
import { MultiSelect } from './multi-select.svelte';

const opts = ['a', 'b', 'c', 'd', 'e'].map((v) => ({ value: v, label: v.toUpperCase() }));

describe('MultiSelect (Excel-slicer semantics)', () => {
  it('plain click selects only that option; clicking the only selected option again clears', () => {
    const m = new MultiSelect(opts);
    m.click('b');
    expect(m.selected).toEqual(['b']);
    m.click('d');
    expect(m.selected).toEqual(['d']);
    m.click('d');
    expect(m.selected).toEqual([]);
    expect(m.active).toBe(false);
  });

  it('ctrl/cmd+click toggles one option and keeps the rest, in option order', () => {
    const m = new MultiSelect(opts);
    m.click('d');
    m.click('b', { ctrlKey: true });
    m.click('e', { metaKey: true });
    expect(m.selected).toEqual(['b', 'd', 'e']);
    m.click('d', { ctrlKey: true });
    expect(m.selected).toEqual(['b', 'e']);
    // A plain click on one of several selected options narrows to it.
    m.click('e');
    expect(m.selected).toEqual(['e']);
  });

  it('shift+click selects the range from the anchor, in both directions', () => {
    const m = new MultiSelect(opts);
    m.click('b');
    m.click('d', { shiftKey: true });
    expect(m.selected).toEqual(['b', 'c', 'd']);
    // The anchor stays at b: shift+click above it selects a..b.
    m.click('a', { shiftKey: true });
    expect(m.selected).toEqual(['a', 'b']);
  });

  it('ctrl+shift+click adds the range to the selection', () => {
    const m = new MultiSelect(opts);
    m.click('a');
    m.click('d', { ctrlKey: true });
    m.click('e', { ctrlKey: true, shiftKey: true });
    expect(m.selected).toEqual(['a', 'd', 'e']);
  });

  it('shift+click without an anchor behaves like a plain click', () => {
    const m = new MultiSelect(opts);
    m.click('c', { shiftKey: true });
    expect(m.selected).toEqual(['c']);
  });

  it('toggle (checkbox / keyboard) adds and removes like ctrl+click and sets the anchor', () => {
    const m = new MultiSelect(opts);
    m.toggle('c');
    m.toggle('a');
    expect(m.selected).toEqual(['a', 'c']);
    m.toggle('c');
    expect(m.selected).toEqual(['a']);
    // The anchor is now c (the last toggled option): shift+click on a selects a..c.
    m.click('a', { shiftKey: true });
    expect(m.selected).toEqual(['a', 'b', 'c']);
  });

  it('setOptions keeps selected values that still exist and drops the rest', () => {
    const m = new MultiSelect(opts, ['b', 'e']);
    m.setOptions(opts.slice(0, 3));
    expect(m.selected).toEqual(['b']);
    m.clear();
    expect(m.selected).toEqual([]);
    expect(m.anchor).toBeNull();
  });
});
