import { describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { channelNames } from '../../shared/ipc';
import { AppError } from '../../shared/errors';
import type { Deps } from '../deps';
import { handlers } from '../handlers';
import type { HandlerMap } from '../handlers/types';
import { FORBIDDEN, isTrustedSenderInfo, registerIpc, senderInfoOf } from './ipc-registry';

type Listener = (event: IpcMainInvokeEvent, raw: unknown) => Promise<unknown>;

/** A structural stand-in for ipcMain's handle/removeHandler (no Electron needed). */
function fakeIpcMain() {
  const registered = new Map<string, Listener>();
  return {
    registered,
    handle(channel: string, listener: Listener) {
      if (registered.has(channel)) throw new Error(`twice: ${channel}`);
      registered.set(channel, listener);
    },
    removeHandler(channel: string) {
      registered.delete(channel);
    },
  };
}

const deps = {
  appName: 'SØM Desktop',
  appVersion: '9.9.9',
  host: 'electron',
  userDataDir: '/tmp/x',
  knowledge: { release: () => ({ release: 'R1', date: '2024-01-02', sha256: 'abc' }) },
} as unknown as Deps;

const event = (frameUrl: string, id = 1, isMain = true) =>
  ({ sender: { id }, senderFrame: { url: frameUrl, parent: isMain ? null : {} } }) as unknown as IpcMainInvokeEvent;

describe('isTrustedSenderInfo', () => {
  const ours = new Set([1, 2]);
  it('trusts the main frame of our window on app://som/', () => {
    expect(isTrustedSenderInfo({ frameUrl: 'app://som/index.html', isMainFrame: true, webContentsId: 1 }, ours)).toBe(true);
    expect(isTrustedSenderInfo({ frameUrl: 'app://som/index.html#/x', isMainFrame: true, webContentsId: 2 }, ours)).toBe(true);
  });
  it.each([
    ['subframe', { frameUrl: 'app://som/index.html', isMainFrame: false, webContentsId: 1 }],
    ['foreign window', { frameUrl: 'app://som/index.html', isMainFrame: true, webContentsId: 3 }],
    ['remote page', { frameUrl: 'https://evil.dk/', isMainFrame: true, webContentsId: 1 }],
    ['other app host', { frameUrl: 'app://evil/index.html', isMainFrame: true, webContentsId: 1 }],
    ['file page', { frameUrl: 'file:///tmp/x.html', isMainFrame: true, webContentsId: 1 }],
    ['gone frame', { frameUrl: '', isMainFrame: true, webContentsId: 1 }],
  ])('rejects %s', (_name, info) => {
    expect(isTrustedSenderInfo(info, ours)).toBe(false);
  });
  it('reads sender info from an invoke event', () => {
    expect(senderInfoOf(event('app://som/index.html', 7))).toEqual({ frameUrl: 'app://som/index.html', isMainFrame: true, webContentsId: 7 });
    expect(senderInfoOf(event('app://som/index.html', 7, false)).isMainFrame).toBe(false);
    expect(senderInfoOf({ sender: { id: 1 }, senderFrame: null } as unknown as IpcMainInvokeEvent).frameUrl).toBe('');
  });
});

describe('registerIpc', () => {
  const trusted = (e: IpcMainInvokeEvent) => isTrustedSenderInfo(senderInfoOf(e), new Set([1]));

  it('registers exactly the channels of the contract and removes them again', () => {
    const ipc = fakeIpcMain();
    const dispose = registerIpc(ipc, handlers, deps, trusted, () => {});
    expect([...ipc.registered.keys()].sort()).toEqual([...channelNames].sort());
    dispose();
    expect(ipc.registered.size).toBe(0);
  });

  it('answers a trusted, valid call with the handler result', async () => {
    const ipc = fakeIpcMain();
    registerIpc(ipc, handlers, deps, trusted, () => {});
    const r = await ipc.registered.get('app.info')!(event('app://som/index.html'), {});
    expect(r).toEqual({ ok: true, value: { name: 'SØM Desktop', version: '9.9.9', host: 'electron', knowledge: { release: 'R1', date: '2024-01-02', sha256: 'abc' } } });
  });

  it('refuses untrusted senders without calling the handler', async () => {
    const ipc = fakeIpcMain();
    let called = 0;
    const h = { ...handlers, 'app.info': () => { called++; return null as never; } } as HandlerMap;
    registerIpc(ipc, h, deps, trusted, () => {});
    expect(await ipc.registered.get('app.info')!(event('https://evil.dk/'), {})).toEqual(FORBIDDEN);
    expect(await ipc.registered.get('app.info')!(event('app://som/index.html', 1, false), {})).toEqual(FORBIDDEN);
    expect(await ipc.registered.get('app.info')!(event('app://som/index.html', 99), {})).toEqual(FORBIDDEN);
    expect(called).toBe(0);
  });

  it('turns invalid payloads and thrown errors into values', async () => {
    const ipc = fakeIpcMain();
    const h = {
      ...handlers,
      'app.info': () => {
        throw new AppError('not-found', 'Ikke fundet.');
      },
      'knowledge.health': () => {
        throw new Error('boom');
      },
    } as HandlerMap;
    registerIpc(ipc, h, deps, trusted, () => {});
    const bad = (await ipc.registered.get('knowledge.health')!(event('app://som/'), { extra: 1 })) as { ok: boolean; error: { code: string } };
    expect(bad.ok).toBe(false);
    expect(bad.error.code).toBe('invalid-request');
    expect(await ipc.registered.get('app.info')!(event('app://som/'), {})).toEqual({ ok: false, error: { code: 'not-found', message: 'Ikke fundet.' } });
    const internal = (await ipc.registered.get('knowledge.health')!(event('app://som/'), {})) as { ok: boolean; error: { code: string; message: string } };
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(internal.error.message).not.toContain('boom');
  });

  it('never rejects even if the sender check itself throws', async () => {
    const ipc = fakeIpcMain();
    registerIpc(ipc, handlers, deps, () => { throw new Error('x'); }, () => {});
    await expect(ipc.registered.get('app.info')!(event('app://som/'), {})).resolves.toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
