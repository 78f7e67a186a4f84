import type { Api } from '../shared/ipc';

declare global {
  interface Window {
    /** The bridge to the main process (preload in Electron, bridge script in the web host). */
    readonly api: Api;
    /** Main → renderer events (menu commands, files opened by the OS). Only in Electron. */
    readonly somEvents?: { on(listener: (event: { type: string; id?: string }) => void): () => void };
  }
}
export {};
