/**
 * The hardened Electron shell, end to end: launch, webPreferences, CSP on app://, navigation,
 * popups and permissions denied, zero network, .som from the command line and a second launch.
 * Runs where the Electron binary exists; skips with a reason here.
 */
import { expect, test } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { CSP } from '../../shared/csp';
import { channelNames } from '../../shared/ipc';
import type { HostEventPayloads } from '../../shared/host-events';
import { electronBinaryPath } from '../../scripts/electron-binary.mjs';
import { chromiumArgs, electronAvailable, goldenSom, launchApp, prepareElectron, projectRoot, SKIP_REASON, type LaunchedApp } from './electron-app';

test.skip(!electronAvailable(), SKIP_REASON);

test.beforeAll(async () => {
  test.setTimeout(600_000);
  await prepareElectron();
});

let launched: LaunchedApp | null = null;
test.afterEach(async () => {
  await launched?.app.close().catch(() => {});
  launched = null;
});

type OpenFilePayload = HostEventPayloads['open-file'];

test('launches on app://som/ with a typed, minimal bridge', async () => {
  launched = await launchApp();
  const { page } = launched;
  await expect(page).toHaveTitle(/SØM/);
  expect(page.url()).toBe('app://som/index.html');
  const bridge = await page.evaluate(() => ({
    api: Object.keys(window.api).sort(),
    hostEvents: typeof window.hostEvents,
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    ipcRenderer: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
  }));
  expect(bridge).toEqual({ api: [...channelNames].sort(), hostEvents: 'object', require: 'undefined', process: 'undefined', ipcRenderer: 'undefined' });
  const info = await page.evaluate(() => window.api['app.info']({}));
  expect(info).toMatchObject({ ok: true, value: { name: 'SØM Desktop', host: 'electron' } });
});

test('every window runs with the hardened webPreferences', async () => {
  launched = await launchApp();
  const prefs = await launched.app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((w) => {
      // getLastWebPreferences is Electron's (untyped) accessor used by its own test-suite.
      const wc = w.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> | null };
      if (typeof wc.getLastWebPreferences !== 'function') throw new Error('webContents.getLastWebPreferences findes ikke i denne Electron-version');
      const p = wc.getLastWebPreferences() ?? {};
      return {
        contextIsolation: p.contextIsolation,
        sandbox: p.sandbox,
        nodeIntegration: p.nodeIntegration,
        nodeIntegrationInWorker: p.nodeIntegrationInWorker,
        webSecurity: p.webSecurity,
        webviewTag: p.webviewTag,
        allowRunningInsecureContent: p.allowRunningInsecureContent,
        title: w.getTitle(),
      };
    }),
  );
  expect(prefs).toHaveLength(1);
  expect(prefs[0]).toMatchObject({
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    webviewTag: false,
    allowRunningInsecureContent: false,
  });
});

test('app:// responses carry the strict CSP and refuse traversal', async () => {
  launched = await launchApp();
  const r = await launched.page.evaluate(async () => {
    const ok = await fetch('app://som/index.html');
    const bad = await fetch('app://som/%2e%2e/%2e%2e/package.json');
    return { status: ok.status, csp: ok.headers.get('content-security-policy'), type: ok.headers.get('content-type'), badStatus: bad.status, badCsp: bad.headers.get('content-security-policy') };
  });
  expect(r).toEqual({ status: 200, csp: CSP, type: 'text/html; charset=utf-8', badStatus: 403, badCsp: CSP });
});

test('navigation away, popups and webviews are denied', async () => {
  launched = await launchApp();
  const { app, page } = launched;
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe('app://som/index.html');
  const popup = await page.evaluate(() => window.open('app://som/index.html') === null && window.open('https://example.com/') === null);
  expect(popup).toBe(true);
  await page.evaluate(() => {
    const w = document.createElement('webview');
    w.setAttribute('src', 'https://example.com/');
    document.body.appendChild(w);
  });
  await page.waitForTimeout(300);
  expect(app.windows()).toHaveLength(1);
  const contents = await app.evaluate(({ webContents }) => webContents.getAllWebContents().map((w) => w.getType()));
  expect(contents).not.toContain('webview');
  expect(contents.filter((t) => t === 'window')).toHaveLength(1);
});

test('permission requests are denied', async () => {
  launched = await launchApp();
  const r = await launched.page.evaluate(async () => {
    const notification = await Notification.requestPermission();
    const geo = (await navigator.permissions.query({ name: 'geolocation' })).state;
    const media = await navigator.mediaDevices
      .getUserMedia({ audio: true })
      .then(() => 'granted')
      .catch((e: Error) => e.name);
    return { notification, geo, media };
  });
  expect(r.notification).toBe('denied');
  expect(r.geo).toBe('denied');
  expect(r.media).not.toBe('granted');
});

test('zero network: a local server gets no request while the page tries', async () => {
  let hits = 0;
  const server = http.createServer((_req, res) => {
    hits++;
    res.end('x');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    launched = await launchApp();
    const outcome = await launched.page.evaluate(async (u) => {
      const results: string[] = [];
      await fetch(`${u}/fetch`).then(() => results.push('fetch ok'), () => results.push('fetch blocked'));
      await new Promise<void>((resolve) => {
        const img = new Image();
        img.onload = () => (results.push('img ok'), resolve());
        img.onerror = () => (results.push('img blocked'), resolve());
        img.src = `${u}/img.png`;
      });
      navigator.sendBeacon(`${u}/beacon`, 'x');
      try {
        new WebSocket(`${u.replace('http', 'ws')}/ws`);
      } catch {
        results.push('ws blocked');
      }
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = `${u}/style.css`;
      document.head.appendChild(link);
      window.open(`${u}/popup`);
      window.location.href = `${u}/navigate`;
      return results;
    }, url);
    await launched.page.waitForTimeout(1500);
    expect(outcome).toContain('fetch blocked');
    expect(outcome).toContain('img blocked');
    expect(hits).toBe(0);
    expect(launched.page.url()).toBe('app://som/index.html');
  } finally {
    server.close();
  }
});

test('has the Danish menu and remembers the window bounds', async () => {
  launched = await launchApp();
  const labels = await launched.app.evaluate(({ Menu }) =>
    (Menu.getApplicationMenu()?.items ?? []).map((i) => ({ label: i.label, items: (i.submenu?.items ?? []).filter((s) => s.type !== 'separator').map((s) => s.label) })),
  );
  const top = labels.map((l) => l.label.replace('&', ''));
  expect(top).toEqual(expect.arrayContaining(['Filer', 'Rediger', 'Vis', 'Hjælp']));
  expect(labels.find((l) => l.label.includes('Filer'))!.items).toEqual(expect.arrayContaining(['Ny', 'Åbn…', 'Gem', 'Gem som…', 'Udskriv rapport…']));
  expect(labels.find((l) => l.label.includes('Hjælp'))!.items).toContain('Om SØM Desktop');
  const { userDataDir } = launched;
  await launched.app.close();
  launched = null;
  expect(JSON.parse(readFileSync(path.join(userDataDir, 'window-state.json'), 'utf8'))).toMatchObject({ width: expect.any(Number), height: expect.any(Number) });
});

test('a .som given on the command line is imported into the store and its id sent to the renderer', async () => {
  launched = await launchApp([goldenSom]);
  const store = path.join(launched.documentsDir, 'SØM');
  // The renderer app may subscribe to 'open-file' before this test can, so check the store folder
  // (main imported the file) and, from main's side, that the renderer was told.
  await expect.poll(() => (existsSync(store) ? readdirSync(store).filter((n) => n.endsWith('.som')).length : 0), { timeout: 15_000 }).toBe(1);
  const imported = readdirSync(store).find((n) => n.endsWith('.som'))!;
  expect(readFileSync(path.join(store, imported), 'utf8')).toBe(readFileSync(goldenSom, 'utf8'));
});

test('a second launch with a .som hands it to the running instance and exits', async () => {
  launched = await launchApp();
  const { page, env } = launched;
  const received = page.evaluate(() => new Promise<OpenFilePayload>((resolve) => window.hostEvents!.on('open-file', resolve)));
  const second = spawn(electronBinaryPath()!, [...chromiumArgs(), projectRoot, goldenSom], { cwd: projectRoot, env, stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve) => second.on('exit', resolve));
  expect(code).toBe(0);
  const payload = await received;
  expect(payload).toMatchObject({ ok: true });
  if (payload.ok) expect(payload.id).toMatch(/^[0-9a-f]{32}$/);
  expect(launched.app.windows()).toHaveLength(1);
});
