import type { Api } from '../shared/ipc';
import type { HostEvents } from '../shared/host-events';

declare global {
  interface Window {
    /** The bridge to the main process (preload in Electron, bridge script in the web host). */
    readonly api: Api;
    /** Main → renderer pushes (menu commands, files opened by the OS). Only in Electron. */
    readonly hostEvents?: HostEvents;
  }
}
export {};
