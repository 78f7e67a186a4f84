import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { ObjectText } from './object-text.svelte';

/** A value JSON writes through toJSON, counting how often it is written. */
function counted(value: unknown): { toJSON: () => unknown; calls: number } {
  const c = {
    calls: 0,
    toJSON() {
      c.calls++;
      return value;
    },
  };
  return c;
}

describe('ObjectText', () => {
  it('is exactly JSON.stringify of the object, in key order, with unnamed and left-out members', () => {
    const state = $state<{ v: unknown }>({
      v: { b: [1, 2.5, -0], a: { x: 'æøå "q"' }, skip: undefined, fn: () => 1, extra: { n: null }, z: 'slut' },
    });
    const t = new ObjectText(() => state.v, ['a', 'b', 'skip', 'fn', 'missing']);
    const check = () => expect(t.text).toBe(JSON.stringify(state.v));
    check();
    (state.v as Record<string, unknown>).a = { x: 'ny' };
    check();
    (state.v as Record<string, unknown>).skip = 3;
    check();
    delete (state.v as Record<string, unknown>).b;
    check();
    (state.v as Record<string, unknown>).missing = [];
    check();
    for (const v of [null, 7, 'tekst', [1, { a: 2 }], undefined, {}, { a: undefined }]) {
      state.v = v;
      check();
    }
  });

  it('writes again only the member that changed', () => {
    const costs = counted({ kommune: 100 });
    const state = $state({ iv: { participants: [10, 20], costs } as Record<string, unknown> });
    const t = new ObjectText(() => state.iv, ['participants', 'costs']);
    const cleanup = $effect.root(() => {
      $effect(() => {
        void t.text;
      });
    });
    flushSync();
    expect(t.text).toBe('{"participants":[10,20],"costs":{"kommune":100}}');
    const before = costs.calls;
    (state.iv.participants as number[])[1] = 21;
    flushSync();
    expect(t.text).toBe('{"participants":[10,21],"costs":{"kommune":100}}');
    expect(costs.calls).toBe(before);
    state.iv.costs = counted({ kommune: 5 });
    flushSync();
    expect(t.text).toBe('{"participants":[10,21],"costs":{"kommune":5}}');
    cleanup();
  });
});
