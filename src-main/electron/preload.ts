/**
 * The sandboxed preload (bundled to dist/main/preload.cjs). Exposes window.api (one function per
 * channel of shared/ipc.ts, each an ipcRenderer.invoke) and window.hostEvents (allow-listed pushes).
 * ipcRenderer itself is never exposed.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channelNames } from '../../shared/ipc';
import { HOST_EVENT_READY_CHANNEL } from '../../shared/host-events';
import { buildApi, buildHostEvents } from './preload-api';

contextBridge.exposeInMainWorld('api', buildApi((channel, args) => ipcRenderer.invoke(channel, args), channelNames));
contextBridge.exposeInMainWorld(
  'hostEvents',
  buildHostEvents(
    (channel, l) => ipcRenderer.on(channel, l),
    (channel, l) => ipcRenderer.removeListener(channel, l),
    (name) => ipcRenderer.send(HOST_EVENT_READY_CHANNEL, name),
  ),
);
