/**
 * A figure in a box that does not follow its text: the box's width, and what happens when a text
 * does not fit (set smaller, then flowing as ordinary text), checked again only when the text changes.
 * jsdom has no layout, so the box's sizes come from a stand-in: 10 px per character (8,5 when set
 * smaller) in a box 100 px wide. The real layout is checked in Chromium (e2e/wizard.spec.ts).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { render } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import SteadyText from './SteadyText.svelte';

let reads = 0;
const saved = new Map<string, PropertyDescriptor | undefined>();
const sizes: Record<string, (el: HTMLElement) => number> = {
  scrollWidth: (el) => {
    reads++;
    return Math.ceil((el.textContent ?? '').length * (el.classList.contains('small') ? 8.5 : 10));
  },
  clientWidth: () => 100,
  scrollHeight: () => 16,
  clientHeight: () => 16,
};

beforeAll(() => {
  for (const [name, get] of Object.entries(sizes)) {
    saved.set(name, Object.getOwnPropertyDescriptor(HTMLElement.prototype, name));
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get() { return get(this as HTMLElement); } });
  }
});
afterAll(() => {
  for (const [name, d] of saved) if (d) Object.defineProperty(HTMLElement.prototype, name, d);
});
beforeEach(() => {
  reads = 0;
});

const box = (container: HTMLElement) => container.querySelector('span.steady') as HTMLSpanElement;

describe('SteadyText', () => {
  it('shows its text in a box of at least `ch` characters that grows with a longer text', async () => {
    const view = render(SteadyText, { props: { text: '290', ch: 6 } });
    flushSync();
    expect(box(view.container).textContent).toBe('290');
    expect(box(view.container).style.width).toBe('6ch');
    await view.rerender({ text: '1.234.567', ch: 6 });
    flushSync();
    expect(box(view.container).style.width).toBe('10ch');
  });

  it('fills its parent when no width is given', () => {
    const view = render(SteadyText, { props: { text: '5.165.401 kr.' } });
    flushSync();
    expect(box(view.container).style.width).toBe('');
  });

  it('a text that does not fit is set smaller, then flows; it returns to its box when it fits again', async () => {
    const view = render(SteadyText, { props: { text: '12.345 kr.' } }); // 100 px: fits
    flushSync();
    const el = box(view.container);
    expect([...el.classList].filter((c) => c === 'small' || c === 'flow')).toEqual([]);
    await view.rerender({ text: '1.234.567 kr.' }); // 130 px, 111 px smaller: flows
    flushSync();
    expect(el.classList.contains('small') && el.classList.contains('flow')).toBe(true);
    await view.rerender({ text: '123.456 kr.' }); // 110 px, 94 px smaller: smaller only
    flushSync();
    expect(el.classList.contains('small')).toBe(true);
    expect(el.classList.contains('flow')).toBe(false);
    await view.rerender({ text: '-12 kr.' });
    flushSync();
    expect(el.classList.contains('small') || el.classList.contains('flow')).toBe(false);
    expect(el.textContent).toBe('-12 kr.');
  });

  it('is not measured again while its text stays the same', async () => {
    const view = render(SteadyText, { props: { text: '4.971.375', ch: 10 } });
    flushSync();
    const after = reads;
    expect(after).toBeGreaterThan(0);
    await view.rerender({ text: '4.971.375', ch: 10 });
    flushSync();
    expect(reads).toBe(after);
    await view.rerender({ text: '4.971.376', ch: 10 });
    flushSync();
    expect(reads).toBeGreaterThan(after);
  });
});
