/**
 * Hardening of sessions and web contents. The decisions are plain functions (tested without
 * Electron); hardenSession/hardenWebContents only wire them to Electron events.
 */
import type { Session, WebContents } from 'electron';
import { APP_HOST, APP_SCHEME } from './protocol';

/** Schemes the renderer may load at all. Everything else (http, https, ws, file, ftp, …) is cancelled. */
const ALLOWED_REQUEST_SCHEMES: ReadonlySet<string> = new Set([`${APP_SCHEME}:`, 'devtools:', 'data:', 'blob:']);

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True only for our own app://som/ pages (reload, in-app links). */
export function isAppUrl(url: string): boolean {
  const u = parse(url);
  return u !== null && u.protocol === `${APP_SCHEME}:` && u.hostname === APP_HOST && u.port === '' && u.username === '' && u.password === '';
}

/** will-navigate / will-redirect / will-frame-navigate: stay inside app://som/. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

/** session.webRequest.onBeforeRequest: true = cancel. Zero network: only app:, devtools:, data:, blob:. */
export function shouldBlockRequest(url: string): boolean {
  const u = parse(url);
  if (u === null) return true;
  if (!ALLOWED_REQUEST_SCHEMES.has(u.protocol)) return true;
  if (u.protocol === `${APP_SCHEME}:`) return !isAppUrl(url);
  if (u.protocol === 'blob:') return !isAppUrl(url.slice('blob:'.length));
  return false;
}

/** Permission requests and checks: every permission is denied (no camera, notifications, clipboard-read, …). */
export function permissionDecision(_permission: string, _requestingUrl?: string): boolean {
  return false;
}

/** setWindowOpenHandler: no popups, ever. */
export function windowOpenDecision(_url: string): { action: 'deny' } {
  return { action: 'deny' };
}

/**
 * Downloads: only the app's own exports (blob:app://som/… or data:) get a save dialog.
 * Anything else is cancelled.
 */
export function isAllowedDownload(url: string): boolean {
  if (url.startsWith('data:')) return true;
  return url.startsWith('blob:') && isAppUrl(url.slice('blob:'.length));
}

/**
 * External links: none. SØM Desktop opens no URL in the OS browser; if a help link is ever needed,
 * add its exact URL here (exact string match, https only) and call shell.openExternal with a literal.
 */
export const EXTERNAL_URL_ALLOWLIST: readonly string[] = [];

export function isAllowedExternalUrl(url: string): boolean {
  return EXTERNAL_URL_ALLOWLIST.includes(url) && url.startsWith('https://');
}

export interface DownloadDialogText {
  title: string;
  buttonLabel: string;
}

export const DOWNLOAD_DIALOG: DownloadDialogText = { title: 'Gem fil', buttonLabel: 'Gem' };

/** Session-wide: permissions denied, network cancelled, downloads only via a save dialog. */
export function hardenSession(ses: Session, log: (msg: string) => void = () => {}): void {
  ses.setPermissionRequestHandler((_wc, permission, callback, details) => {
    const allowed = permissionDecision(permission, details.requestingUrl);
    if (!allowed) log(`tilladelse afvist: ${permission}`);
    callback(allowed);
  });
  ses.setPermissionCheckHandler((_wc, permission, requestingOrigin) => permissionDecision(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
  // No spell-checking: it would download dictionaries (network) and is off in every window anyway.
  ses.setSpellCheckerEnabled(false);
  ses.setDisplayMediaRequestHandler((_request, callback) => callback({}));
  ses.webRequest.onBeforeRequest((details, callback) => {
    const cancel = shouldBlockRequest(details.url);
    if (cancel) log(`netværksforespørgsel blokeret: ${details.url.slice(0, 200)}`);
    callback({ cancel });
  });
  ses.on('will-download', (_event, item) => {
    if (!isAllowedDownload(item.getURL())) {
      log(`download blokeret: ${item.getURL().slice(0, 200)}`);
      item.cancel();
      return;
    }
    // No savePath set: Electron shows the OS save dialog with these options.
    item.setSaveDialogOptions({ title: DOWNLOAD_DIALOG.title, buttonLabel: DOWNLOAD_DIALOG.buttonLabel, defaultPath: item.getFilename() });
  });
}

/** Per web contents: no navigation away from app://som/, no popups, no webviews. */
export function hardenWebContents(contents: WebContents, log: (msg: string) => void = () => {}): void {
  const guard = (event: { preventDefault(): void }, url: string): void => {
    if (!isAllowedNavigation(url)) {
      event.preventDefault();
      log(`navigation afvist: ${url.slice(0, 200)}`);
    }
  };
  contents.on('will-navigate', (event) => guard(event, event.url));
  contents.on('will-redirect', (event) => guard(event, event.url));
  contents.on('will-frame-navigate', (event) => guard(event, event.url));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('webview afvist');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`popup afvist: ${url.slice(0, 200)}`);
    return windowOpenDecision(url);
  });
}
