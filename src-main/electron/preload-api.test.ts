import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { channelNames } from '../../shared/ipc';
import { HOST_EVENT_NAMES, hostEventChannel } from '../../shared/host-events';
import { buildApi, buildHostEvents } from './preload-api';

const here = path.dirname(fileURLToPath(import.meta.url));

describe('buildApi', () => {
  it('has exactly one function per channel of shared/ipc.ts', () => {
    const api = buildApi(async () => null, channelNames);
    expect(Object.keys(api).sort()).toEqual([...channelNames].sort());
    for (const name of channelNames) expect(typeof api[name]).toBe('function');
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('invokes the channel with the arguments and returns the result', async () => {
    const calls: [string, unknown][] = [];
    const api = buildApi(async (channel, args) => {
      calls.push([channel, args]);
      return { ok: true, value: channel };
    }, channelNames);
    await expect(api['app.info']({})).resolves.toEqual({ ok: true, value: 'app.info' });
    await api['app.info'](undefined as never);
    expect(calls).toEqual([['app.info', {}], ['app.info', {}]]);
  });

  it('turns a failed invoke into an error value instead of throwing', async () => {
    const api = buildApi(async () => {
      throw new Error('No handler registered');
    }, channelNames);
    const r = await api['app.info']({});
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.code).toBe('internal');
  });
});

describe('buildHostEvents', () => {
  function bus() {
    const listeners = new Map<string, Set<(e: unknown, p: unknown) => void>>();
    const ready: string[] = [];
    const events = buildHostEvents(
      (c, l) => listeners.set(c, (listeners.get(c) ?? new Set()).add(l)),
      (c, l) => listeners.get(c)?.delete(l),
      (n) => ready.push(n),
    );
    const emit = (c: string, p: unknown) => listeners.get(c)?.forEach((l) => l({ sender: 'ipcRenderer!' }, p));
    return { events, emit, ready, listeners };
  }

  it('forwards only the payload of allow-listed events and signals readiness', () => {
    const { events, emit, ready } = bus();
    const got: unknown[] = [];
    events.on('open-file', (p) => got.push(p));
    emit(hostEventChannel('open-file'), { ok: true, id: 'a1', name: 'x.som' });
    expect(got).toEqual([{ ok: true, id: 'a1', name: 'x.som' }]);
    expect(ready).toEqual(['open-file']);
  });

  it('ignores names outside the allow-list', () => {
    const { events, listeners, ready } = bus();
    const off = events.on('ipc-secret' as never, () => {});
    expect(listeners.size).toBe(0);
    expect(ready).toEqual([]);
    expect(typeof off).toBe('function');
  });

  it('unsubscribes', () => {
    const { events, emit } = bus();
    const got: unknown[] = [];
    const off = events.on('menu', (p) => got.push(p));
    off();
    emit(hostEventChannel('menu'), { command: 'file.save' });
    expect(got).toEqual([]);
  });

  it('uses prefixed channels that never collide with invoke channels', () => {
    for (const n of HOST_EVENT_NAMES) expect(channelNames as readonly string[]).not.toContain(hostEventChannel(n));
  });
});

describe('preload.ts source', () => {
  const src = readFileSync(path.join(here, 'preload.ts'), 'utf8');
  it('exposes only api and hostEvents, never ipcRenderer itself', () => {
    const exposed = [...src.matchAll(/exposeInMainWorld\(\s*'([^']+)'/g)].map((m) => m[1]);
    expect(exposed).toEqual(['api', 'hostEvents']);
    expect(src).not.toMatch(/exposeInMainWorld\([^)]*,\s*ipcRenderer\s*\)/);
    expect(src).toMatch(/buildApi\([^;]*channelNames\)/);
  });
});
