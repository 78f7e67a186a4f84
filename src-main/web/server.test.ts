import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { checkHostAndOrigin, resolveStatic, startWebHost, type WebHost } from './server';
import { channelNames } from '../../shared/ipc';
import { handlers as realHandlers } from '../handlers';
import type { HandlerMap } from '../handlers/types';

function tmp(prefix: string): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A small real knowledge database with a release row. */
function makeKnowledge(dir: string): string {
  const file = path.join(dir, 'knowledge.sqlite');
  const db = new Database(file);
  db.exec(`CREATE TABLE release (id TEXT, date TEXT, sha256 TEXT); INSERT INTO release VALUES ('test-1', '2026-01-02', 'abc');
           CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT); INSERT INTO meta VALUES ('schema_version', '3');`);
  db.close();
  return file;
}

/** Raw request so the test controls Host and Origin headers exactly. */
function request(port: number, opts: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
    });
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

describe('web host', () => {
  let host: WebHost;
  let rendererDir: string;

  beforeAll(async () => {
    const dir = tmp('som-webtest-');
    rendererDir = path.join(dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
    writeFileSync(path.join(dir, 'secret.txt'), 'do not serve');
    host = await startWebHost({ rendererDir, userDataDir: tmp('som-ud-'), documentsDir: tmp('som-docs-'), knowledgePath: makeKnowledge(dir) });
  });
  afterAll(async () => {
    await host.close();
  });

  const json = (extra: Record<string, string> = {}) => ({ 'content-type': 'application/json', host: `127.0.0.1:${host.port}`, ...extra });

  it('binds to 127.0.0.1 and prints a URL with the token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
  });

  it('answers a bridge call with the real handler when the token is given', async () => {
    const res = await request(host.port, { method: 'POST', path: '/api/app.info', headers: json({ 'x-som-token': host.token }), body: '{}' });
    expect(res.status).toBe(200);
    const body = JSON.parse(res.body);
    expect(body.ok).toBe(true);
    expect(body.value.host).toBe('web');
    expect(body.value.knowledge).toEqual({ release: 'test-1', date: '2026-01-02', sha256: 'abc' });
  });

  it('refuses a bridge call without or with a wrong token (401)', async () => {
    expect((await request(host.port, { method: 'POST', path: '/api/app.info', headers: json(), body: '{}' })).status).toBe(401);
    expect((await request(host.port, { method: 'POST', path: '/api/app.info', headers: json({ 'x-som-token': 'wrong' }), body: '{}' })).status).toBe(401);
  });

  it('refuses another Origin and another Host (403)', async () => {
    const other = await request(host.port, { method: 'POST', path: '/api/app.info', headers: json({ 'x-som-token': host.token, origin: 'http://evil.example' }), body: '{}' });
    expect(other.status).toBe(403);
    const rebinding = await request(host.port, { method: 'POST', path: '/api/app.info', headers: { ...json({ 'x-som-token': host.token }), host: `evil.example:${host.port}` }, body: '{}' });
    expect(rebinding.status).toBe(403);
  });

  it('validates payloads and returns errors as values', async () => {
    const res = await request(host.port, { method: 'POST', path: '/api/app.info', headers: json({ 'x-som-token': host.token }), body: '{"x":1}' });
    const body = JSON.parse(res.body);
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('invalid-request');
    const unknown = JSON.parse((await request(host.port, { method: 'POST', path: '/api/fs.readAnything', headers: json({ 'x-som-token': host.token }), body: '{}' })).body);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('serves index.html with the bridge script and a strict CSP, and refuses traversal', async () => {
    const res = await request(host.port, { path: '/', headers: { host: `127.0.0.1:${host.port}` } });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<script src="/__bridge.js"></script>');
    expect(String(res.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(String(res.headers['content-security-policy'])).not.toContain('unsafe');
    const bridge = await request(host.port, { path: '/__bridge.js', headers: { host: `127.0.0.1:${host.port}` } });
    for (const name of channelNames) expect(bridge.body).toContain(JSON.stringify(name));
    const trav = await request(host.port, { path: '/..%2fsecret.txt', headers: { host: `127.0.0.1:${host.port}` } });
    expect([400, 404]).toContain(trav.status);
    expect(trav.body).not.toContain('do not serve');
  });
});

describe('web host serves requests concurrently', () => {
  it('answers a cheap request while a slow one is still pending, then the slow one', async () => {
    const dir = tmp('som-webconc-');
    const rendererDir = path.join(dir, 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><html><head></head><body></body></html>');
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    let slowStarted = false;
    // A slow query (as a large option count would be on the query worker): it waits for the gate.
    const handlers: HandlerMap = {
      ...realHandlers,
      'knowledge.studyFacets': async () => {
        slowStarted = true;
        await gate;
        return { themes: [], targetGroups: [], interventions: [], measures: [], designs: [], qualities: [], countries: [] };
      },
    };
    const host = await startWebHost({ rendererDir, handlers, userDataDir: tmp('som-ud-'), documentsDir: tmp('som-docs-'), knowledgePath: makeKnowledge(dir) });
    try {
      const headers = { 'content-type': 'application/json', host: `127.0.0.1:${host.port}`, 'x-som-token': host.token };
      let slowDone = false;
      const slow = request(host.port, { method: 'POST', path: '/api/knowledge.studyFacets', headers, body: '{}' }).then((r) => {
        slowDone = true;
        return r;
      });
      await expect.poll(() => slowStarted).toBe(true);
      const quick = await request(host.port, { method: 'POST', path: '/api/app.info', headers, body: '{}' });
      expect(JSON.parse(quick.body)).toMatchObject({ ok: true, value: { host: 'web' } });
      expect(slowDone).toBe(false);
      release();
      const slowRes = await slow;
      expect(JSON.parse(slowRes.body)).toMatchObject({ ok: true, value: { designs: [] } });
    } finally {
      release();
      await host.close();
    }
  });
});

describe('checks', () => {
  it('checkHostAndOrigin', () => {
    expect(checkHostAndOrigin({ host: '127.0.0.1:5199' }, 5199)).toBe('ok');
    expect(checkHostAndOrigin({ host: 'localhost:5199', origin: 'http://localhost:5199' }, 5199)).toBe('ok');
    expect(checkHostAndOrigin({ host: '127.0.0.1:5199', origin: 'null' }, 5199)).toBe('bad-origin');
    expect(checkHostAndOrigin({ host: '127.0.0.1:5200' }, 5199)).toBe('bad-host');
    expect(checkHostAndOrigin({}, 5199)).toBe('bad-host');
  });
  it('resolveStatic stays inside the root', () => {
    const root = path.resolve('/srv/r');
    expect(resolveStatic(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStatic(root, '/assets/a.js?x=1')).toBe(path.join(root, 'assets/a.js'));
    expect(resolveStatic(root, '/../etc/passwd')).toBeNull();
    expect(resolveStatic(root, '/%2e%2e/%2e%2e/etc/passwd')).toBeNull();
    expect(resolveStatic(root, '/%E0%A4%A')).toBeNull();
    expect(resolveStatic(root, '/a%00.js')).toBeNull();
  });
});
