import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CSP } from '../../shared/csp';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, mimeFor, resolveAppPath, serveAppRequest } from './protocol';

let base: string;
let root: string;

beforeAll(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'som-proto-'));
  root = path.join(base, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>SØM</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'app.css'), 'body{}');
  writeFileSync(path.join(root, 'assets', 'fil med mellemrum.svg'), '<svg/>');
  writeFileSync(path.join(base, 'secret.txt'), 'hemmelig');
  symlinkSync(path.join(base, 'secret.txt'), path.join(root, 'link.txt'));
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveAppPath', () => {
  it('maps app://som/ URLs below the root', () => {
    expect(resolveAppPath('app://som/index.html', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://som/', root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppPath('app://som/assets/app.js?v=1#x', root)).toBe(path.join(root, 'assets', 'app.js'));
    expect(resolveAppPath('app://som/assets/fil%20med%20mellemrum.svg', root)).toBe(path.join(root, 'assets', 'fil med mellemrum.svg'));
  });

  it.each([
    'app://som/../../etc/passwd',
    'app://som/assets/../../../etc/passwd',
    'app://som/%2e%2e/%2e%2e/etc/passwd',
    'app://som/%2E%2E/secret.txt',
    'app://som/..%2f..%2fetc%2fpasswd',
    'app://som/..%5c..%5csecret.txt',
    'app://som/%252e%252e/%252e%252e/etc/passwd',
    'app://som/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://som/.%2e/secret.txt',
    'app://som/%00index.html',
    'app://som/C:/Windows/win.ini',
    'app://som/C%3A%5CWindows%5Cwin.ini',
    'app://other/index.html',
    'app://som:8080/index.html',
    'app://user@som/index.html',
    'file:///etc/passwd',
    'https://som/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(url, root)).toBeNull();
  });
});

describe('mimeFor', () => {
  it('maps the renderer file types', () => {
    expect(mimeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(mimeFor('a/b.JS')).toBe('text/javascript; charset=utf-8');
    expect(mimeFor('x.mjs')).toBe('text/javascript; charset=utf-8');
    expect(mimeFor('x.css')).toBe('text/css; charset=utf-8');
    expect(mimeFor('x.svg')).toBe('image/svg+xml');
    expect(mimeFor('x.woff2')).toBe('font/woff2');
    expect(mimeFor('x.png')).toBe('image/png');
    expect(mimeFor('x.wasm')).toBe('application/wasm');
    expect(mimeFor('x.unknown')).toBe('application/octet-stream');
    expect(mimeFor('noext')).toBe('application/octet-stream');
  });
});

describe('serveAppRequest', () => {
  it('serves files with MIME type and the CSP header', async () => {
    const r = await serveAppRequest(APP_ENTRY_URL, 'GET', root);
    expect(r.status).toBe(200);
    expect(r.headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(r.headers['Content-Security-Policy']).toBe(CSP);
    expect(r.headers['X-Content-Type-Options']).toBe('nosniff');
    expect(new TextDecoder().decode(r.body!)).toContain('<title>SØM</title>');
    const css = await serveAppRequest('app://som/assets/app.css', 'GET', root);
    expect(css.headers['Content-Type']).toBe('text/css; charset=utf-8');
  });

  it('answers HEAD without a body', async () => {
    const r = await serveAppRequest('app://som/assets/app.js', 'HEAD', root);
    expect(r.status).toBe(200);
    expect(r.body).toBeNull();
    expect(r.headers['Content-Length']).toBe('14');
  });

  it('refuses traversal (403), unknown files and folders (404), other methods (405) — always with CSP', async () => {
    const cases: [string, string, number][] = [
      ['app://som/../secret.txt', 'GET', 403],
      ['app://som/%2e%2e/secret.txt', 'GET', 403],
      ['app://som/link.txt', 'GET', 403],
      ['app://som/missing.js', 'GET', 404],
      ['app://som/assets', 'GET', 404],
      ['app://som/index.html', 'POST', 405],
    ];
    for (const [url, method, status] of cases) {
      const r = await serveAppRequest(url, method, root);
      expect(r.status, url).toBe(status);
      expect(r.headers['Content-Security-Policy'], url).toBe(CSP);
      expect(new TextDecoder().decode(r.body ?? new Uint8Array())).not.toContain('hemmelig');
    }
  });

  it('registers app: as a standard, secure, fetch-capable scheme', () => {
    expect(APP_SCHEME_PRIVILEGES).toMatchObject({ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } });
  });
});
