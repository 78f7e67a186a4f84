/**
 * Main → renderer pushes in the Electron app (menu commands, a .som file opened from the OS).
 * A fixed allow-list: the preload forwards only these event names, and only their payload.
 * In the renderer: `window.hostEvents?.on('menu', (p) => …)` returns an unsubscribe function.
 * The web host has no window.hostEvents (optional chaining keeps the renderer host-agnostic).
 */
/**
 * Menu items whose work happens in the renderer:
 * - 'file.new' / 'file.save' / 'file.saveAs': the renderer uses the store channels.
 * - 'report.print': show the report and call window.print() (the OS print dialog).
 * - 'report.pdf': make the PDF with the report channel and download it as a Blob (main shows a save dialog).
 * Filer → Åbn… is handled by main (dialog + import, then an 'open-file' event). While the renderer has
 * not subscribed to 'menu', main falls back to webContents.print() / printToPDF of the current view.
 */
export type MenuCommand = 'file.new' | 'file.save' | 'file.saveAs' | 'report.print' | 'report.pdf';

export interface HostEventPayloads {
  /** A menu item whose work happens in the renderer. */
  menu: { command: MenuCommand };
  /**
   * A .som or .somp file was opened by main (command line, second launch, OS association, Filer → Åbn…).
   * `id` is the calculation's store id, or the comparison's when `kind` is 'comparison' (a .somp).
   */
  'open-file': { ok: true; id: string; name: string; kind?: 'calculation' | 'comparison' } | { ok: false; message: string };
}

export type HostEventName = keyof HostEventPayloads;

export const HOST_EVENT_NAMES: readonly HostEventName[] = ['menu', 'open-file'];

/** IPC channel names used for the pushes (prefixed so they can never collide with invoke channels). */
export const hostEventChannel = (name: HostEventName): string => `host-event:${name}`;

/** Renderer → main: "I now listen for this event" (flushes main's queue). */
export const HOST_EVENT_READY_CHANNEL = 'host-event-ready';

export interface HostEvents {
  on<E extends HostEventName>(name: E, listener: (payload: HostEventPayloads[E]) => void): () => void;
}
