/**
 * The main window's options: a plain factory, so the security flags are unit-tested without Electron.
 */
import type { BrowserWindowConstructorOptions } from 'electron';
import { DEFAULT_SIZE, MIN_SIZE, type Rect } from './window-state';

export const WINDOW_TITLE = 'SØM Desktop';

export interface MainWindowOptionsInput {
  /** Absolute path of dist/main/preload.cjs. */
  preloadPath: string;
  bounds?: Partial<Rect> & { width: number; height: number };
  iconPath?: string;
  /** Development build: allows DevTools. Never true in a packaged app. */
  isDev?: boolean;
}

/**
 * The web preferences every SØM window gets (the main window with its preload; the hidden print
 * window with none). Exported separately so tests and the security check can read them.
 */
export function secureWebPreferences(preloadPath: string | null, isDev = false) {
  return {
    ...(preloadPath ? { preload: preloadPath } : {}),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    webviewTag: false,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    enableWebSQL: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    devTools: isDev,
  } as const satisfies BrowserWindowConstructorOptions['webPreferences'];
}

export function createMainWindowOptions(opts: MainWindowOptionsInput): BrowserWindowConstructorOptions {
  const bounds = opts.bounds ?? { ...DEFAULT_SIZE };
  return {
    title: WINDOW_TITLE,
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    ...(opts.iconPath ? { icon: opts.iconPath } : {}),
    webPreferences: secureWebPreferences(opts.preloadPath, opts.isDev ?? false),
  };
}
