/**
 * The app:// protocol: the renderer is served from dist/renderer as app://som/…, never from file://.
 * Everything here except registerAppProtocol is plain and testable without Electron.
 * Every response carries the strict CSP from shared/csp.ts.
 */
import { promises as fsp } from 'node:fs';
import path from 'node:path';
import type { Protocol } from 'electron';
import { SECURITY_HEADERS } from '../../shared/csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'som';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** For protocol.registerSchemesAsPrivileged (must run before app 'ready'). */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  // corsEnabled: module scripts (vite emits <script type="module" crossorigin>) are fetched in CORS mode.
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
} as const;

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function mimeFor(filePath: string): string {
  return MIME[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps an app:// URL to a file below root, or null when the URL is not ours or tries to leave root
 * (.., encoded ../%2e%2e/%2f, backslashes, NUL, drive letters). Pure: no file-system access.
 */
export function resolveAppPath(rawUrl: string, root: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.hostname !== APP_HOST || url.port !== '' || url.username !== '' || url.password !== '') return null;
  // Look at the raw path too: WHATWG URL parsing already folds "/../" away, which would
  // silently turn app://som/../../etc/passwd into app://som/etc/passwd; refuse such URLs outright.
  const rawPath = rawUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '').split(/[?#]/)[0] ?? '';
  if (hasTraversal(rawPath)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (hasTraversal(decoded) || decoded.includes('\\') || decoded.includes('\0') || /^\/?[a-zA-Z]:/.test(decoded)) return null;
  const rel = decoded.replace(/^\/+/, '') || 'index.html';
  const rootAbs = path.resolve(root);
  const full = path.resolve(rootAbs, rel);
  const within = path.relative(rootAbs, full);
  if (within === '' || within.startsWith('..') || path.isAbsolute(within)) return null;
  return full;
}

function hasTraversal(p: string): boolean {
  let s = p;
  // Decode repeatedly (bounded) so double-encoded dots/slashes are seen as well.
  for (let i = 0; i < 3; i++) {
    const segments = s.split(/[/\\]/);
    if (segments.some((seg) => seg === '..' || seg === '.')) return true;
    let next: string;
    try {
      next = decodeURIComponent(s);
    } catch {
      return true;
    }
    if (next === s) return false;
    s = next;
  }
  return true;
}

export interface AppResponse {
  status: number;
  headers: Record<string, string>;
  body: Uint8Array | null;
}

/** Serves one app:// request from root: GET/HEAD only, real files only (no symlinks out of root). */
export async function serveAppRequest(rawUrl: string, method: string, root: string): Promise<AppResponse> {
  const base = { ...SECURITY_HEADERS, 'Cache-Control': 'no-cache' };
  const text = (status: number, msg: string): AppResponse => ({
    status,
    headers: { ...base, 'Content-Type': 'text/plain; charset=utf-8' },
    body: new TextEncoder().encode(msg),
  });
  if (method !== 'GET' && method !== 'HEAD') return text(405, 'Metoden er ikke tilladt.');
  const file = resolveAppPath(rawUrl, root);
  if (file === null) return text(403, 'Adgang nægtet.');
  try {
    const [realRoot, realFile] = await Promise.all([fsp.realpath(root), fsp.realpath(file)]);
    const within = path.relative(realRoot, realFile);
    if (within === '' || within.startsWith('..') || path.isAbsolute(within)) return text(403, 'Adgang nægtet.');
    const stat = await fsp.stat(realFile);
    if (!stat.isFile()) return text(404, 'Ikke fundet.');
    const body = method === 'HEAD' ? null : new Uint8Array(await fsp.readFile(realFile));
    return { status: 200, headers: { ...base, 'Content-Type': mimeFor(realFile), 'Content-Length': String(stat.size) }, body };
  } catch {
    return text(404, 'Ikke fundet.');
  }
}

/** Wires app:// to serveAppRequest (call after 'ready', before the first window loads). */
export function registerAppProtocol(protocol: Protocol, root: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const r = await serveAppRequest(request.url, request.method, root);
    return new Response(r.body as BodyInit | null, { status: r.status, headers: r.headers });
  });
}
