/**
 * SteadyText inside a parent whose figure is computed from state: when that state changes but the
 * figure's text does not (another field was typed in), the box is not measured again.
 */
import { describe, expect, it } from 'vitest';
import { flushSync, mount, unmount } from 'svelte';
import SteadyText from './SteadyText.svelte';

describe('SteadyText in a parent', () => {
  it('measures again only when the text itself changes', () => {
    let reads = 0;
    const saved = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'scrollWidth');
    Object.defineProperty(HTMLElement.prototype, 'scrollWidth', { configurable: true, get: () => (reads++, 0) });
    try {
      const state = $state({ a: 1, b: 2 });
      const target = document.createElement('div');
      // The text depends on both fields but shows only whether `a` is odd.
      const app = mount(SteadyText, { target, props: { get text() { void state.b; return state.a % 2 ? 'ulige' : 'lige'; } } });
      flushSync();
      const first = reads;
      expect(first).toBeGreaterThan(0);
      state.b = 3; // the text stays "ulige"
      flushSync();
      state.a = 3;
      flushSync();
      expect(reads).toBe(first);
      state.a = 4; // "lige"
      flushSync();
      expect(reads).toBeGreaterThan(first);
      expect(target.textContent).toBe('lige');
      unmount(app);
    } finally {
      if (saved) Object.defineProperty(HTMLElement.prototype, 'scrollWidth', saved);
    }
  });
});
