import { describe, expect, it } from 'vitest';
import type { HostEventName, HostEventPayloads, HostEvents } from '../../shared/host-events';
import { setApi } from '../lib/api';
import { router } from '../lib/router.svelte';
import { createFakeApi } from '../test/fake-api';
import { session } from './session.svelte';

describe('wizard session: Electron menu and open-file events', () => {
  it('Filer → Ny / Gem and files opened by main reach the wizard', async () => {
    const listeners: { [E in HostEventName]?: (p: HostEventPayloads[E]) => void } = {};
    const hostEvents: HostEvents = {
      on(name, listener) {
        (listeners as Record<string, unknown>)[name] = listener;
        return () => {};
      },
    };
    Object.defineProperty(window, 'hostEvents', { value: hostEvents, configurable: true });
    const api = createFakeApi();
    setApi(api);
    session.installHostEvents();
    session.installHostEvents(); // idempotent

    listeners['open-file']?.({ ok: false, message: 'Filen «x.som» kan ikke åbnes. Formatversion: skal være 1.' });
    expect(session.error).toBe('Filen «x.som» kan ikke åbnes. Formatversion: skal være 1.');

    listeners.menu?.({ command: 'file.new' });
    await new Promise((r) => setTimeout(r, 0));
    expect(session.current?.doc.intervention.name).toBe('Ny indsats');
    expect(router.path).toBe('/beregning/ny/om');
    expect(session.error).toBeNull();

    session.current?.update((d) => (d.intervention.name = 'Fra menuen'));
    listeners.menu?.({ command: 'file.save' });
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    expect(api.calls.some((c) => c.channel === 'store.save')).toBe(true);
    expect(session.current?.dirty).toBe(false);
    expect(router.path).toBe('/beregning/0123456789abcdef0123456789abcdef/om');

    listeners['open-file']?.({ ok: true, id: 'f'.repeat(32), name: 'Anden' });
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => setTimeout(r, 0));
    expect(api.calls.filter((c) => c.channel === 'store.open').map((c) => c.args)).toEqual([{ id: 'f'.repeat(32) }]);
    expect(session.current?.id).toBe('f'.repeat(32));
    session.current?.dispose();
  });
});
