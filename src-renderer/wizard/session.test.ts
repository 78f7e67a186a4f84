import { describe, expect, it, vi } from 'vitest';
import type { HostEventName, HostEventPayloads, HostEvents } from '../../shared/host-events';
import { setApi } from '../lib/api';
import { router } from '../lib/router.svelte';
import { createFakeApi } from '../test/fake-api';
import { session } from './session.svelte';
import { comparison } from '../compare/comparison.svelte';
import { syntheticDoc } from '../../shared/engine/synthetic';
import { createSomp } from '../../shared/som/somp';
import { resolveBasis } from '../../shared/engine/compare-basis';

/** Installs a fake `window.hostEvents` and returns the listeners the session registers on it. */
function fakeHostEvents(): { [E in HostEventName]?: (p: HostEventPayloads[E]) => void } {
  const listeners: { [E in HostEventName]?: (p: HostEventPayloads[E]) => void } = {};
  const hostEvents: HostEvents = {
    on(name, listener) {
      (listeners as Record<string, unknown>)[name] = listener;
      return () => {};
    },
  };
  Object.defineProperty(window, 'hostEvents', { value: hostEvents, configurable: true });
  return listeners;
}

describe('wizard session: Electron menu and open-file events', () => {
  it('Filer → Ny / Gem and files opened by main reach the wizard', async () => {
    const listeners = fakeHostEvents();
    const api = createFakeApi();
    setApi(api);
    session.installHostEvents();
    session.installHostEvents(); // idempotent

    listeners['open-file']?.({ ok: false, message: 'Filen «x.som» kan ikke åbnes. Formatversion: skal være 1.' });
    expect(session.error).toBe('Filen «x.som» kan ikke åbnes. Formatversion: skal være 1.');

    listeners.menu?.({ command: 'file.new' });
    // The calculation module loads on first use, so wait for the outcome rather than a tick.
    await vi.waitFor(() => expect(session.current?.doc.intervention.name).toBe('Ny indsats'));
    expect(router.path).toBe('/beregning/ny/om');
    expect(session.error).toBeNull();

    session.current?.update((d) => (d.intervention.name = 'Fra menuen'));
    listeners.menu?.({ command: 'file.save' });
    await vi.waitFor(() => expect(session.current?.dirty).toBe(false));
    expect(api.calls.some((c) => c.channel === 'store.save')).toBe(true);
    expect(router.path).toBe('/beregning/0123456789abcdef0123456789abcdef/om');

    listeners['open-file']?.({ ok: true, id: 'f'.repeat(32), name: 'Anden' });
    await vi.waitFor(() => expect(session.current?.id).toBe('f'.repeat(32)));
    expect(api.calls.filter((c) => c.channel === 'store.open').map((c) => c.args)).toEqual([{ id: 'f'.repeat(32) }]);
    expect(session.current?.id).toBe('f'.repeat(32));
    session.current?.dispose();
  });

  it('a .somp opened by main (Filer → Åbn, command line) is shown on the Sammenligning page', async () => {
    const listeners = fakeHostEvents();
    const members = [syntheticDoc({ seed: 1, startYear: 2020, lines: 2 }), syntheticDoc({ seed: 2, startYear: 2021, lines: 2 })];
    const doc = createSomp({ name: 'Fra skrivebordet', basis: resolveBasis(members), members });
    const id = 'e'.repeat(32);
    const api = createFakeApi({ 'compare.open': (a) => ({ id: a.id, fileName: 'Fra skrivebordet.somp', doc }) });
    setApi(api);
    (session as unknown as { hostEventsInstalled: boolean }).hostEventsInstalled = false;
    session.installHostEvents();
    router.go('/oversigt');
    listeners['open-file']?.({ ok: true, id, name: 'Fra skrivebordet', kind: 'comparison' });
    await vi.waitFor(() => expect(router.path).toBe('/sammenligning'));
    expect(api.calls.filter((c) => c.channel === 'compare.open').map((c) => c.args)).toEqual([{ id }]);
    expect(api.calls.some((c) => c.channel === 'store.open')).toBe(false);
    expect(comparison.name).toBe('Fra skrivebordet');
    expect(comparison.members).toHaveLength(2);
    expect(comparison.id).toBe(id);
  });
});

describe('a new calculation', () => {
  it('takes the knowledge release’s price index, discount rate and tax rates', async () => {
    const base = await createFakeApi()['knowledge.other']({});
    if (!base.ok) throw new Error('the fake answers knowledge.other');
    // A release whose index reaches 2080 and whose discount rate is not the model's default.
    const rows = [...base.value.priceIndex.rows, { year: 2080, value: 3.5, change: null, publishedChange: 0.02, kind: 'projected' as const }];
    const api = createFakeApi({ 'knowledge.other': () => ({ ...base.value, priceIndex: { ...base.value.priceIndex, rows }, discountRate: { value: 0.035, source: 'test' } }) });
    setApi(api);
    const other = await api['knowledge.other']({});
    expect(await session.startNew()).toBe(true);
    const p = session.current!.doc.parameters;
    if (!other.ok) throw new Error('the fake answers knowledge.other');
    expect(p.priceIndex).toEqual(Object.fromEntries(other.value.priceIndex.rows.map((r) => [String(r.year), r.value])));
    expect(p.discountRate).toBe(other.value.discountRate.value);
    expect(session.current!.dirty).toBe(false);
  });
});
