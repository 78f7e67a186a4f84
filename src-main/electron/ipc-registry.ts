/**
 * Wires every channel of shared/ipc.ts to ipcMain.handle. Each call: sender check, then
 * dispatch (zod validation, handler, errors as values). Nothing is ever thrown across IPC.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { channelNames, type ChannelName } from '../../shared/ipc';
import type { Result } from '../../shared/errors';
import { dispatch } from '../dispatch';
import type { Deps } from '../deps';
import type { HandlerMap } from '../handlers/types';
import { isAppUrl } from './security';

export interface SenderInfo {
  /** URL of the frame that sent the message ('' if the frame is gone). */
  frameUrl: string;
  /** True when the frame is the top-level frame of its page. */
  isMainFrame: boolean;
  /** webContents id of the sender. */
  webContentsId: number;
}

/** Plain decision: the sender must be the main frame of one of our windows, showing app://som/…. */
export function isTrustedSenderInfo(info: SenderInfo, trustedWebContentsIds: ReadonlySet<number>): boolean {
  return info.isMainFrame && trustedWebContentsIds.has(info.webContentsId) && isAppUrl(info.frameUrl);
}

/** Extracts SenderInfo from an Electron invoke event. */
export function senderInfoOf(event: Pick<IpcMainInvokeEvent, 'senderFrame' | 'sender'>): SenderInfo {
  const frame = event.senderFrame;
  return {
    frameUrl: frame?.url ?? '',
    isMainFrame: frame != null && frame.parent === null,
    webContentsId: event.sender.id,
  };
}

export const FORBIDDEN: Result<never> = { ok: false, error: { code: 'forbidden', message: 'Forespørgslen blev afvist (ukendt afsender).' } };

type Invoker = (event: IpcMainInvokeEvent, raw: unknown) => Promise<Result<unknown>>;

/** Registers all channels; returns a function removing them again. */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: HandlerMap,
  deps: Deps,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
  log: (msg: string, err?: unknown) => void = (m, e) => console.error(`[som] ${m}`, e ?? ''),
  names: readonly ChannelName[] = channelNames,
): () => void {
  for (const name of names) {
    const invoker: Invoker = async (event, raw) => {
      try {
        if (!isTrustedSender(event)) {
          log(`ipc ${name}: afsender afvist`);
          return FORBIDDEN;
        }
        return await dispatch(handlers, deps, name, raw, log);
      } catch (e) {
        log(`ipc ${name} failed`, e);
        return { ok: false, error: { code: 'internal', message: 'Der opstod en uventet fejl. Prøv igen, eller genstart programmet.' } };
      }
    };
    ipcMain.handle(name, invoker);
  }
  return () => {
    for (const name of names) ipcMain.removeHandler(name);
  };
}
