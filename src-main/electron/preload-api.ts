/**
 * What the preload exposes, built from plain functions so it is testable without Electron:
 * window.api has exactly one function per channel in shared/ipc.ts, nothing else;
 * window.hostEvents forwards only allow-listed events and never the IPC event object.
 */
import type { Api, ChannelName } from '../../shared/ipc';
import type { Result } from '../../shared/errors';
import { HOST_EVENT_NAMES, hostEventChannel, type HostEventName, type HostEvents } from '../../shared/host-events';

export type Invoke = (channel: string, args: unknown) => Promise<unknown>;

const bridgeFailure: Result<never> = {
  ok: false,
  error: { code: 'internal', message: 'Forbindelsen til programmets hovedproces fejlede. Genstart programmet.' },
};

export function buildApi(invoke: Invoke, names: readonly ChannelName[]): Api {
  const api: Record<string, (args: unknown) => Promise<unknown>> = Object.create(null);
  for (const name of names) {
    api[name] = async (args: unknown) => {
      try {
        return await invoke(name, args ?? {});
      } catch {
        return bridgeFailure;
      }
    };
  }
  return Object.freeze(api) as unknown as Api;
}

type RawListener = (event: unknown, payload: unknown) => void;

/**
 * on/off subscribe to ipcRenderer; ready(name) tells main that the renderer listens for `name`
 * (main queues pushes until then, so a file opened at launch is never lost).
 */
export function buildHostEvents(
  on: (channel: string, l: RawListener) => void,
  off: (channel: string, l: RawListener) => void,
  ready: (name: HostEventName) => void,
): HostEvents {
  const events = {
    on(name: HostEventName, listener: (payload: never) => void): () => void {
      if (!HOST_EVENT_NAMES.includes(name) || typeof listener !== 'function') return () => {};
      const channel = hostEventChannel(name);
      // Only the payload crosses: the IPC event (which references ipcRenderer) stays in the preload.
      const wrapped: RawListener = (_event, payload) => listener(payload as never);
      on(channel, wrapped);
      ready(name);
      return () => off(channel, wrapped);
    },
  };
  return Object.freeze(events) as HostEvents;
}
