/**
 * The web host: serves the built renderer and answers window.api calls with the real handlers
 * over HTTP. For development, screenshots and Playwright; never packaged into the installer.
 * Bound to 127.0.0.1 only; every bridge call needs the per-run token; Host and Origin are checked.
 */
import http from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { channelNames } from '../../shared/ipc';
import { CSP } from '../../shared/csp';
import { dispatch } from '../dispatch';
import { handlers as defaultHandlers } from '../handlers';
import type { HandlerMap } from '../handlers/types';
import type { Deps } from '../deps';
import { rendererDir as defaultRendererDir } from '../paths';
import { createWebDeps } from './deps-web';

/** Large enough for a 50 MB workbook sent as base64 (the import checks its own limit). */
export const MAX_BODY_BYTES = 72 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

export interface WebHostOptions {
  port?: number;
  deps?: Deps;
  handlers?: HandlerMap;
  rendererDir?: string;
  userDataDir?: string;
  documentsDir?: string;
  knowledgePath?: string;
  token?: string;
  log?: (msg: string, err?: unknown) => void;
}

export interface WebHost {
  url: string;
  origin: string;
  port: number;
  token: string;
  deps: Deps;
  close(): Promise<void>;
}

/** The bridge script: defines window.api with one function per channel, like the preload does. */
export function bridgeScript(): string {
  return `(() => {
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) sessionStorage.setItem('som-token', fromUrl);
  const token = fromUrl || sessionStorage.getItem('som-token') || '';
  const names = ${JSON.stringify(channelNames)};
  const call = async (name, args) => {
    try {
      const res = await fetch('/api/' + encodeURIComponent(name), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-som-token': token },
        body: JSON.stringify(args === undefined ? {} : args),
      });
      if (!res.ok && res.status !== 200) {
        return { ok: false, error: { code: res.status === 401 || res.status === 403 ? 'forbidden' : 'internal', message: 'Forbindelsen til SØM Desktop blev afvist (' + res.status + ').' } };
      }
      return await res.json();
    } catch (e) {
      return { ok: false, error: { code: 'unavailable', message: 'SØM Desktop svarer ikke. Er programmet lukket?' } };
    }
  };
  const api = {};
  for (const n of names) api[n] = (args) => call(n, args);
  Object.defineProperty(window, 'api', { value: Object.freeze(api), writable: false, configurable: false });
})();
`;
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** Host header must name this loopback server; Origin, when sent, must be this server's origin. */
export function checkHostAndOrigin(headers: http.IncomingHttpHeaders, port: number): 'ok' | 'bad-host' | 'bad-origin' {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!headers.host || !allowedHosts.includes(headers.host)) return 'bad-host';
  const origin = headers.origin;
  if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) return 'bad-origin';
  return 'ok';
}

function send(res: http.ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, {
    'content-type': type,
    'content-security-policy': CSP,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  });
  res.end(body);
}

async function readBody(req: http.IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** Resolves a URL path inside root, or null when it would escape it. */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0]);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rel = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = path.resolve(root, rel);
  if (full !== root && !full.startsWith(root + path.sep)) return null;
  return full;
}

export async function startWebHost(opts: WebHostOptions = {}): Promise<WebHost> {
  const token = opts.token ?? randomBytes(24).toString('base64url');
  const log = opts.log ?? ((m: string, e?: unknown) => console.error(`[web] ${m}`, e ?? ''));
  const root = path.resolve(opts.rendererDir ?? defaultRendererDir);
  const ownedDeps = opts.deps
    ? null
    : createWebDeps({
        userDataDir: opts.userDataDir ?? mkdtempSync(path.join(os.tmpdir(), 'som-web-data-')),
        documentsDir: opts.documentsDir ?? mkdtempSync(path.join(os.tmpdir(), 'som-web-docs-')),
        knowledgePath: opts.knowledgePath,
      });
  const deps = opts.deps ?? ownedDeps!;
  const handlers = opts.handlers ?? defaultHandlers;
  const bridge = bridgeScript();
  let port = 0;

  const server = http.createServer((req, res) => {
    void (async () => {
      const hostCheck = checkHostAndOrigin(req.headers, port);
      if (hostCheck !== 'ok') return send(res, 403, 'Forbidden');
      const url = req.url ?? '/';
      if (url.startsWith('/api/')) {
        if (req.method !== 'POST') return send(res, 405, 'Method Not Allowed');
        const given = req.headers['x-som-token'];
        if (typeof given !== 'string' || !safeEqual(given, token)) return send(res, 401, 'Unauthorized');
        if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, 'Unsupported Media Type');
        const body = await readBody(req);
        if (body === null) return send(res, 413, 'Payload Too Large');
        let raw: unknown;
        try {
          raw = body.length ? JSON.parse(body) : {};
        } catch {
          return send(res, 400, JSON.stringify({ ok: false, error: { code: 'invalid-request', message: 'Ugyldig JSON i forespørgslen.' } }), 'application/json');
        }
        const name = decodeURIComponent(url.slice('/api/'.length).split('?')[0]);
        const result = await dispatch(handlers, deps, name, raw, log);
        return send(res, 200, JSON.stringify(result), 'application/json; charset=utf-8');
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method Not Allowed');
      if (url.split('?')[0] === '/__bridge.js') return send(res, 200, bridge, MIME['.js']);
      const file = resolveStatic(root, url);
      if (!file) return send(res, 400, 'Bad Request');
      if (!existsSync(file) || !statSync(file).isFile()) return send(res, 404, 'Not Found');
      const ext = path.extname(file).toLowerCase();
      if (ext === '.html') {
        const { readFileSync } = await import('node:fs');
        const html = readFileSync(file, 'utf8').replace('<head>', '<head>\n    <script src="/__bridge.js"></script>');
        return send(res, 200, html, MIME['.html']);
      }
      res.writeHead(200, {
        'content-type': MIME[ext] ?? 'application/octet-stream',
        'content-security-policy': CSP,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      if (req.method === 'HEAD') return res.end();
      createReadStream(file).pipe(res);
    })().catch((e) => {
      log('request failed', e);
      if (!res.headersSent) send(res, 500, 'Internal Server Error');
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as { port: number }).port;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    token,
    deps,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          (ownedDeps as { close?: () => void } | null)?.close?.();
          resolve();
        });
      }),
  };
}

function parseArgs(argv: string[]): { port?: number; dataDir?: string; documentsDir?: string; knowledge?: string } {
  const out: { port?: number; dataDir?: string; documentsDir?: string; knowledge?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => argv[++i];
    if (a === '--port') out.port = Number(next());
    else if (a.startsWith('--port=')) out.port = Number(a.slice(7));
    else if (a === '--data-dir') out.dataDir = next();
    else if (a === '--documents-dir') out.documentsDir = next();
    else if (a === '--knowledge') out.knowledge = next();
  }
  return out;
}

const isMain = import.meta.url === pathToFileURL(process.argv[1] ?? '').href;
if (isMain) {
  const args = parseArgs(process.argv.slice(2));
  if (args.port !== undefined && (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535)) {
    console.error('Fejl: --port skal være et heltal mellem 0 og 65535.');
    process.exit(2);
  }
  if (!existsSync(path.join(defaultRendererDir, 'index.html'))) {
    console.error("Fejl: brugerfladen er ikke bygget. Kør 'npm run web' (den bygger først).");
    process.exit(2);
  }
  const home = os.homedir();
  const host = await startWebHost({
    port: args.port,
    userDataDir: args.dataDir ?? path.join(home, '.som-desktop', 'web-data'),
    documentsDir: args.documentsDir ?? path.join(home, 'Documents', 'SØM'),
    knowledgePath: args.knowledge,
  });
  console.log('SØM Desktop (webvært, kun til udvikling og test) kører. Åbn:');
  console.log(host.url);
  const stop = () => void host.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
