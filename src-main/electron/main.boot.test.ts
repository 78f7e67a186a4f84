/**
 * Boots the real main process (main.ts, unchanged, with its real handlers, stores and databases)
 * under Node against the fake `electron` module in test/fake-electron.ts, and drives it as Electron
 * would: 'ready', protocol requests, IPC from frames, navigations, permission and network requests,
 * menu clicks, a second launch. The _electron Playwright specs (e2e/electron) do the same against
 * the real binary where it exists.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, appendFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CSP } from '../../shared/csp';
import { channelNames } from '../../shared/ipc';
import { HOST_EVENT_READY_CHANNEL, hostEventChannel } from '../../shared/host-events';
import { sha256File } from '../knowledge/integrity';
import { parseSom } from '../../shared/som/io';
import { createSomp, serializeSomp } from '../../shared/som/somp';
import { resolveBasis } from '../../shared/engine/compare-basis';
import { KNOWLEDGE_SHA256_DEFINE } from './build-constants';
import { FORBIDDEN } from './ipc-registry';
import { APP_ENTRY_URL } from './protocol';
import { createFakeElectron, FakeWebContents, type FakeBrowserWindow, type FakeElectron, type FakeMenuItem } from './test/fake-electron';

const projectRoot = path.resolve(import.meta.dirname, '..', '..');
const INDEX_HTML = '<!doctype html><html lang="da"><title>SØM Desktop</title><script type="module" src="./assets/app.js"></script></html>';
const SECRET = 'hemmeligt indhold uden for rendererens mappe';

const REFUSED = [
  'app://som/../secret.txt',
  'app://som/../../secret.txt',
  'app://som/%2e%2e/secret.txt',
  'app://som/..%2fsecret.txt',
  'app://som/%252e%252e%252fsecret.txt',
  'app://som/assets/..%5c..%5csecret.txt',
  'app://som/%2e%2e%2f%2e%2e%2fsecret.txt',
  'app://som/%2e%2e%2fsecret.txt',
  'app://other/index.html',
  'app://som:99/index.html',
];

/** Lets every pending promise chain run (no timer: one turn of the event loop). */
const flushMicrotasks = (): Promise<void> => new Promise((r) => setImmediate(r));

interface Boot {
  fake: FakeElectron;
  tmp: string;
  logs: string[];
}

let current: Boot | null = null;
const saved = { argv: process.argv, resourcesPath: (process as { resourcesPath?: string }).resourcesPath };

function layout(): { tmp: string; appPath: string; resources: string; userData: string; documents: string } {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'som-main-boot-'));
  const appPath = path.join(tmp, 'app');
  mkdirSync(path.join(appPath, 'dist', 'renderer', 'assets'), { recursive: true });
  writeFileSync(path.join(appPath, 'dist', 'renderer', 'index.html'), INDEX_HTML);
  writeFileSync(path.join(appPath, 'dist', 'renderer', 'assets', 'app.js'), 'console.log("app");');
  writeFileSync(path.join(appPath, 'dist', 'secret.txt'), SECRET);
  writeFileSync(path.join(appPath, 'secret.txt'), SECRET);
  const resources = path.join(tmp, 'resources');
  mkdirSync(path.join(resources, 'examples'), { recursive: true });
  copyFileSync(path.join(projectRoot, 'knowledge.sqlite'), path.join(resources, 'knowledge.sqlite'));
  for (const f of readdirSync(path.join(projectRoot, 'data', 'examples')).filter((f) => f.endsWith('.som'))) {
    copyFileSync(path.join(projectRoot, 'data', 'examples', f), path.join(resources, 'examples', f));
  }
  return { tmp, appPath, resources, userData: path.join(tmp, 'userData'), documents: path.join(tmp, 'Documents') };
}

/** A .som the user double-clicked: one of the examples, outside every app folder. */
function somOutside(tmp: string, name: string): string {
  const dir = path.join(tmp, 'Skrivebord');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  copyFileSync(path.join(projectRoot, 'data', 'examples', 'icm-hjemloese.som'), file);
  return file;
}

/** A .somp (saved comparison of two examples) the user double-clicked, outside every app folder. */
function sompOutside(tmp: string, name: string): string {
  const dir = path.join(tmp, 'Skrivebord');
  mkdirSync(dir, { recursive: true });
  const members = readdirSync(path.join(projectRoot, 'data', 'examples'))
    .filter((f) => f.endsWith('.som'))
    .slice(0, 2)
    .map((f) => parseSom(readFileSync(path.join(projectRoot, 'data', 'examples', f), 'utf8')));
  const file = path.join(dir, name);
  writeFileSync(file, serializeSomp(createSomp({ name: 'To eksempler', basis: resolveBasis(members), members })));
  return file;
}

interface BootOptions {
  argv?: (tmp: string) => string[];
  embedded?: 'match' | 'none';
  tamper?: boolean;
  gotSingleInstanceLock?: boolean;
}

/** Imports main.ts afresh against a new fake, then emits 'ready'. */
async function boot(o: BootOptions = {}): Promise<Boot> {
  const l = layout();
  const fake = createFakeElectron({
    appPath: l.appPath,
    paths: { userData: l.userData, documents: l.documents },
    isPackaged: true,
    version: '1.2.3',
    gotSingleInstanceLock: o.gotSingleInstanceLock ?? true,
  });
  const logs: string[] = [];
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void logs.push(a.map(String).join(' ')));
  const knowledge = path.join(l.resources, 'knowledge.sqlite');
  if ((o.embedded ?? 'match') === 'match') vi.stubGlobal(KNOWLEDGE_SHA256_DEFINE, await sha256File(knowledge));
  if (o.tamper) appendFileSync(knowledge, Buffer.from([0]));
  (process as { resourcesPath?: string }).resourcesPath = l.resources;
  process.argv = [process.execPath, ...(o.argv?.(l.tmp) ?? [])];
  vi.resetModules();
  vi.doMock('electron', () => fake.module);
  await import('./main');
  current = { fake, tmp: l.tmp, logs };
  return current;
}

async function bootReady(o: BootOptions = {}): Promise<Boot & { win: FakeBrowserWindow }> {
  const b = await boot(o);
  b.fake.ready();
  const win = await b.fake.firstLoadedWindow;
  return { ...b, win };
}

beforeEach(() => {
  current = null;
});

afterEach(() => {
  // Quitting closes main's databases (will-quit), as in the real app.
  current?.fake.app.quit();
  if (current) rmSync(current.tmp, { recursive: true, force: true });
  process.argv = saved.argv;
  (process as { resourcesPath?: string }).resourcesPath = saved.resourcesPath;
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  vi.doUnmock('electron');
});

describe('before ready', () => {
  it('registers app:// as a privileged standard scheme, enables the sandbox and Danish, and waits for ready', async () => {
    const { fake } = await boot();
    expect(fake.protocol.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }) },
    ]);
    expect(fake.app.sandboxEnabled).toBe(true);
    expect(fake.app.switches.get('lang')).toBe('da');
    expect(fake.windows).toHaveLength(0);
    expect(fake.ipcMain.channels()).toEqual([]);
  });

  it('a second instance (no single-instance lock) quits without starting', async () => {
    const { fake } = await boot({ gotSingleInstanceLock: false });
    expect(fake.app.quitCalls).toBe(1);
    expect(fake.app.whenReadyCalls).toBe(0);
  });
});

describe('the main window', () => {
  it('is created hidden with the hardened webPreferences and loads app://som/index.html', async () => {
    const { win, fake } = await bootReady();
    expect(fake.windows).toEqual([win]);
    const o = win.options as { show: boolean; title: string; webPreferences: Record<string, unknown> };
    expect(o.show).toBe(false);
    expect(o.title).toBe('SØM Desktop');
    expect(o.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
    expect(String(o.webPreferences.preload)).toMatch(/preload\.cjs$/);
    expect(win.loadedUrls).toEqual([APP_ENTRY_URL]);
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });

  it('asks in Danish before closing with unsaved work, and remembers its bounds', async () => {
    const { win, fake, tmp } = await bootReady();
    const ask = (answer: number): boolean => {
      fake.dialogs.messageBoxSyncAnswer = answer;
      let prevented = false;
      win.webContents.emit('will-prevent-unload', { preventDefault: () => (prevented = true) });
      return prevented;
    };
    expect(ask(1)).toBe(false); // Annullér: the unload stays prevented by the page
    expect(ask(0)).toBe(true); // Luk uden at gemme
    expect(fake.dialogs.messageBoxes.at(-1)).toMatchObject({ title: 'Ændringer er ikke gemt', buttons: ['Luk uden at gemme', 'Annullér'] });
    win.close();
    const state = JSON.parse(readFileSync(path.join(tmp, 'userData', 'window-state.json'), 'utf8'));
    expect(state).toMatchObject({ x: 10, y: 20, width: 1200, height: 800, maximized: false });
  });
});

describe('app:// protocol', () => {
  it('serves the renderer with the CSP header', async () => {
    const { fake } = await bootReady();
    const r = await fake.protocol.request('app://som/index.html');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-security-policy')).toBe(CSP);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await r.text()).toBe(INDEX_HTML);
    const js = await fake.protocol.request('app://som/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('content-security-policy')).toBe(CSP);
  });

  it('refuses traversal and foreign hosts', async () => {
    const { fake } = await bootReady();
    for (const url of REFUSED) {
      const r = await fake.protocol.request(url);
      expect([403, 404], url).toContain(r.status);
      expect(r.headers.get('content-security-policy'), url).toBe(CSP);
      expect(await r.text(), url).not.toContain(SECRET);
    }
  });

  it('answers only GET and HEAD', async () => {
    const { fake } = await bootReady();
    expect((await fake.protocol.request('app://som/index.html', { method: 'POST', body: 'x' })).status).toBe(405);
    const head = await fake.protocol.request('app://som/index.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
  });
});

describe('IPC', () => {
  it('registers exactly the channels of the contract', async () => {
    const { fake } = await bootReady();
    expect(fake.ipcMain.channels().sort()).toEqual([...channelNames].sort());
  });

  it('every channel refuses a foreign sender, a subframe and a page not on app://som/', async () => {
    const { fake, win } = await bootReady();
    const stranger = new FakeWebContents(9999);
    stranger.url = 'app://som/index.html';
    for (const name of channelNames) {
      expect(await fake.ipcMain.invoke(name, stranger, {}), name).toEqual(FORBIDDEN);
      expect(await fake.ipcMain.invoke(name, win.webContents, {}, { url: 'app://som/index.html', parent: {} }), name).toEqual(FORBIDDEN);
      expect(await fake.ipcMain.invoke(name, win.webContents, {}, { url: 'https://example.com/', parent: null }), name).toEqual(FORBIDDEN);
      expect(await fake.ipcMain.invoke(name, win.webContents, {}, null), name).toEqual(FORBIDDEN);
    }
  });

  it('every channel answers the main window (validation first, then the real handler)', async () => {
    const { fake, win } = await bootReady();
    for (const name of channelNames) {
      const r = (await fake.ipcMain.invoke(name, win.webContents, 'ikke et objekt')) as { ok: boolean; error?: { code: string } };
      expect(r, name).toEqual({ ok: false, error: expect.objectContaining({ code: 'invalid-request' }) });
    }
    expect(await fake.ipcMain.invoke('app.info', win.webContents, {})).toMatchObject({
      ok: true,
      value: { name: 'SØM Desktop', version: '1.2.3', host: 'electron', knowledge: expect.objectContaining({ release: expect.any(String) }) },
    });
    expect(await fake.ipcMain.invoke('store.examples', win.webContents, {})).toMatchObject({ ok: true, value: expect.arrayContaining([expect.any(Object)]) });
  });
});

describe('opening a .som from the operating system', () => {
  it('a .som on the command line is opened and sent once the renderer listens', async () => {
    const { fake, win } = await bootReady({ argv: (tmp) => ['--some-switch', somOutside(tmp, 'fra kommandolinjen.som')] });
    const channel = hostEventChannel('open-file');
    expect(win.webContents.sent.filter((s) => s.channel === channel)).toEqual([]);
    fake.ipcMain.sendFrom(HOST_EVENT_READY_CHANNEL, win.webContents, 'open-file');
    const payload = (await win.webContents.nthSend(channel, 1)) as { ok: boolean; id: string; name: string };
    expect(payload).toMatchObject({ ok: true, id: expect.any(String), name: expect.any(String) });
    expect(await fake.ipcMain.invoke('store.open', win.webContents, { id: payload.id })).toMatchObject({ ok: true });
  });

  it('a second launch with a .som focuses the window and opens the file', async () => {
    const { fake, win, tmp } = await bootReady();
    fake.ipcMain.sendFrom(HOST_EVENT_READY_CHANNEL, win.webContents, 'open-file');
    win.minimized = true;
    const other = somOutside(tmp, 'anden start.som');
    fake.app.emit('second-instance', {}, ['SØM Desktop.exe', '--allow-file-access-from-files', other], tmp, {});
    expect(win.minimized).toBe(false);
    expect(win.focused).toBe(true);
    const payload = (await win.webContents.nthSend(hostEventChannel('open-file'), 1)) as { ok: boolean; id: string };
    expect(payload).toMatchObject({ ok: true, id: expect.any(String) });
    // A broken file gives a Danish message, not a crash.
    const broken = path.join(tmp, 'Skrivebord', 'ødelagt.som');
    writeFileSync(broken, '{"format": "som"');
    fake.app.emit('second-instance', {}, ['SØM Desktop.exe', broken], tmp, {});
    expect(await win.webContents.nthSend(hostEventChannel('open-file'), 2)).toMatchObject({ ok: false, message: expect.stringMatching(/[æøå]|fil/i) });
  });

  it('a .somp on the command line is imported as a comparison and sent as one', async () => {
    const { fake, win, tmp } = await bootReady({ argv: (t) => ['--some-switch', sompOutside(t, 'fra kommandolinjen.somp')] });
    fake.ipcMain.sendFrom(HOST_EVENT_READY_CHANNEL, win.webContents, 'open-file');
    const payload = (await win.webContents.nthSend(hostEventChannel('open-file'), 1)) as { ok: boolean; id: string; name: string; kind: string };
    expect(payload).toMatchObject({ ok: true, kind: 'comparison', name: 'To eksempler' });
    const opened = (await fake.ipcMain.invoke('compare.open', win.webContents, { id: payload.id })) as { ok: boolean; value: { doc: { members: unknown[] } } };
    expect(opened.ok).toBe(true);
    expect(opened.value.doc.members).toHaveLength(2);
    // Not taken for a calculation.
    expect(await fake.ipcMain.invoke('store.open', win.webContents, { id: payload.id })).toMatchObject({ ok: false });

    // A second launch with another .somp, and a broken .somp: a Danish message, not a crash.
    fake.app.emit('second-instance', {}, ['SØM Desktop.exe', sompOutside(tmp, 'anden.somp')], tmp, {});
    expect(await win.webContents.nthSend(hostEventChannel('open-file'), 2)).toMatchObject({ ok: true, kind: 'comparison' });
    const broken = path.join(tmp, 'Skrivebord', 'ødelagt.somp');
    writeFileSync(broken, '{"format": "somp"');
    fake.app.emit('second-instance', {}, ['SØM Desktop.exe', broken], tmp, {});
    expect(await win.webContents.nthSend(hostEventChannel('open-file'), 3)).toMatchObject({ ok: false, message: expect.stringMatching(/ødelagt\.somp/) });
    const list = (await fake.ipcMain.invoke('compare.list', win.webContents, {})) as { ok: boolean; value: { fileName: string }[] };
    expect(list.value.map((e) => e.fileName).sort()).toEqual(['anden.somp', 'fra kommandolinjen.somp']);
  });

  it('a ready signal from a foreign sender does not release the queued file', async () => {
    const { fake, win } = await bootReady({ argv: (tmp) => [somOutside(tmp, 'kø.som')] });
    const stranger = new FakeWebContents(4242);
    stranger.url = 'app://som/index.html';
    fake.ipcMain.sendFrom(HOST_EVENT_READY_CHANNEL, stranger, 'open-file');
    // The import itself is asynchronous: wait for the queue to be flushed to the right window.
    fake.ipcMain.sendFrom(HOST_EVENT_READY_CHANNEL, win.webContents, 'open-file');
    await win.webContents.nthSend(hostEventChannel('open-file'), 1);
    expect(stranger.sent).toEqual([]);
  });
});

/** Electron's documented menu roles (MenuItemConstructorOptions.role). */
const ELECTRON_ROLES = new Set([
  'undo', 'redo', 'cut', 'copy', 'paste', 'pasteAndMatchStyle', 'delete', 'selectAll', 'reload', 'forceReload', 'toggleDevTools',
  'resetZoom', 'zoomIn', 'zoomOut', 'toggleSpellChecker', 'togglefullscreen', 'window', 'minimize', 'close', 'help', 'about',
  'services', 'hide', 'hideOthers', 'unhide', 'quit', 'showSubstitutions', 'toggleSmartQuotes', 'toggleSmartDashes',
  'toggleTextReplacement', 'startSpeaking', 'stopSpeaking', 'zoom', 'front', 'appMenu', 'fileMenu', 'editMenu', 'viewMenu',
  'shareMenu', 'recentDocuments', 'toggleTabBar', 'selectNextTab', 'selectPreviousTab', 'showAllTabs', 'mergeAllWindows',
  'clearRecentDocuments', 'moveTabToNewWindow', 'windowMenu',
]);

function flatten(items: FakeMenuItem[]): FakeMenuItem[] {
  return items.flatMap((i) => [i, ...(i.submenu ? flatten(i.submenu) : [])]);
}

/** The menu commands the renderer acts on: `command === '…'` in its sources. */
function rendererMenuCommands(): Set<string> {
  const found = new Set<string>();
  const walk = (dir: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|svelte)$/.test(e.name) && !/\.test\.ts$/.test(e.name)) {
        for (const m of readFileSync(p, 'utf8').matchAll(/command === '([a-zA-Z.]+)'/g)) found.add(m[1]!);
      }
    }
  };
  walk(path.join(projectRoot, 'src-renderer'));
  return found;
}

describe('the application menu', () => {
  it('every item is a separator, a submenu, a known Electron role or a click with a real effect', async () => {
    const { fake, win, tmp } = await bootReady();
    const items = flatten(fake.menu.template ?? []);
    expect(items.length).toBeGreaterThan(10);
    for (const i of items) {
      const kinds = [i.type === 'separator', i.submenu !== undefined, i.role !== undefined && i.submenu === undefined, typeof i.click === 'function'];
      expect(kinds.filter(Boolean).length, JSON.stringify(i)).toBeGreaterThanOrEqual(1);
      if (i.role) expect(ELECTRON_ROLES.has(i.role), i.role).toBe(true);
      if (i.type !== 'separator') expect(i.label, JSON.stringify(i)).toMatch(/\S/);
    }
    const clickable = items.filter((i) => typeof i.click === 'function');
    expect(clickable.map((i) => i.id).sort()).toEqual(['app.about', 'app.quit', 'file.new', 'file.open', 'file.save', 'file.saveAs', 'report.pdf', 'report.print']);
    const byId = (id: string): FakeMenuItem => clickable.find((i) => i.id === id)!;

    // Before the renderer listens for 'menu': print and PDF fall back to the current view.
    byId('report.print').click!();
    expect(win.webContents.printed).toHaveLength(1);
    fake.dialogs.saveAnswers.push(null);
    byId('report.pdf').click!();
    await flushMicrotasks();
    expect(fake.dialogs.saveDialogs[0]).toMatchObject({ title: 'Gem rapport som PDF' });

    // The renderer listens: the commands go to it, and it acts on each of them.
    fake.ipcMain.sendFrom(HOST_EVENT_READY_CHANNEL, win.webContents, 'menu');
    const handled = rendererMenuCommands();
    const menuChannel = hostEventChannel('menu');
    let n = 0;
    for (const id of ['file.new', 'file.save', 'file.saveAs', 'report.print', 'report.pdf']) {
      byId(id).click!();
      expect(await win.webContents.nthSend(menuChannel, ++n)).toEqual({ command: id });
      expect(handled.has(id), `renderer handles ${id}`).toBe(true);
    }

    // Filer → Åbn…: the native dialog, then the import.
    fake.ipcMain.sendFrom(HOST_EVENT_READY_CHANNEL, win.webContents, 'open-file');
    fake.dialogs.openAnswers.push([somOutside(tmp, 'valgt i dialogen.som')]);
    byId('file.open').click!();
    expect(await win.webContents.nthSend(hostEventChannel('open-file'), 1)).toMatchObject({ ok: true });
    expect(fake.dialogs.openDialogs[0]).toMatchObject({ title: 'Åbn SØM-beregning eller sammenligning' });
    expect((fake.dialogs.openDialogs[0] as { filters?: unknown[] }).filters?.[0]).toEqual({ name: 'SØM-filer (*.som, *.somp)', extensions: ['som', 'somp'] });
    // … and a .somp chosen there opens as a comparison.
    fake.dialogs.openAnswers.push([sompOutside(tmp, 'valgt i dialogen.somp')]);
    byId('file.open').click!();
    expect(await win.webContents.nthSend(hostEventChannel('open-file'), 2)).toMatchObject({ ok: true, kind: 'comparison', name: 'To eksempler' });

    byId('app.about').click!();
    await flushMicrotasks();
    expect(fake.dialogs.messageBoxes[0]).toMatchObject({ title: 'Om SØM Desktop', detail: expect.stringContaining('Version 1.2.3') });

    byId('app.quit').click!();
    expect(fake.app.quitCalls).toBe(1);
  });
});

describe('hardening', () => {
  it('navigation away from app://som/, window.open and webviews are denied', async () => {
    const { win } = await bootReady();
    const wc = win.webContents;
    expect(wc.navigate('will-navigate', 'app://som/index.html#/oversigt')).toBe(true);
    for (const url of ['https://example.com/', 'http://127.0.0.1:5173/', 'file:///etc/passwd', 'app://other/index.html', 'javascript:alert(1)']) {
      expect(wc.navigate('will-navigate', url), url).toBe(false);
      expect(wc.navigate('will-redirect', url), url).toBe(false);
      expect(wc.navigate('will-frame-navigate', url), url).toBe(false);
    }
    for (const url of ['https://example.com/', 'app://som/index.html', 'about:blank']) expect(wc.windowOpen(url)).toEqual({ action: 'deny' });
    expect(wc.attachWebview()).toBe(false);
  });

  it('every later window (the hidden print window) is hardened too', async () => {
    const { fake } = await bootReady();
    const BrowserWindow = fake.module.BrowserWindow as new (o: object) => FakeBrowserWindow;
    const print = new BrowserWindow({ show: false });
    expect(print.webContents.navigate('will-navigate', 'https://example.com/')).toBe(false);
    expect(print.webContents.windowOpen('https://example.com/')).toEqual({ action: 'deny' });
  });

  it('permission requests and checks are denied', async () => {
    const { fake } = await bootReady();
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal', 'midi']) {
      expect(await fake.session.requestPermission(p), p).toBe(false);
      expect(fake.session.checkPermission(p), p).toBe(false);
    }
    expect(fake.session.devicePermissionHandler?.()).toBe(false);
    expect(fake.session.spellChecker).toBe(false);
  });

  it('network requests are blocked; app://som/, data: and blob:app://som/ are not', async () => {
    const { fake, logs } = await bootReady();
    for (const url of ['https://example.com/x.js', 'http://localhost:8080/', 'ws://127.0.0.1:1/', 'file:///etc/passwd', 'ftp://x/', 'app://evil/x', 'blob:https://example.com/1']) {
      expect(await fake.session.request(url), url).toBe(true);
    }
    for (const url of ['app://som/index.html', 'data:image/png;base64,AA==', 'blob:app://som/4f1c']) {
      expect(await fake.session.request(url), url).toBe(false);
    }
    expect(logs.some((l) => l.includes('netværksforespørgsel blokeret: https://example.com/x.js'))).toBe(true);
    expect(fake.session.download('https://example.com/a.exe').cancelled).toBe(true);
    expect(fake.session.download('blob:app://som/1')).toEqual({ cancelled: false, dialog: expect.objectContaining({ title: 'Gem fil' }) });
  });
});

/** The exit code, or 'window' when main went on to open its window instead. */
const exitedOrWindow = (fake: FakeElectron): Promise<number | 'window'> => Promise.race([fake.exited, fake.firstLoadedWindow.then(() => 'window' as const)]);

describe('the shipped knowledge database', () => {
  it('starts when knowledge.sqlite has the SHA-256 built into the app', async () => {
    const { fake, win } = await bootReady();
    expect(win).toBeDefined();
    expect(fake.dialogs.errorBoxes).toEqual([]);
  });

  it('a changed knowledge.sqlite stops the start with a Danish explanation, before any window or channel', async () => {
    const { fake } = await boot({ tamper: true });
    fake.ready();
    expect(await exitedOrWindow(fake)).toBe(1);
    expect(fake.dialogs.errorBoxes).toHaveLength(1);
    expect(fake.dialogs.errorBoxes[0]!.content).toMatch(/Vidensdatabasen .* er ikke den, der fulgte med/);
    expect(fake.dialogs.errorBoxes[0]!.content).toContain('Installér SØM Desktop igen');
    expect(fake.windows).toEqual([]);
    expect(fake.ipcMain.channels()).toEqual([]);
  });

  it('a missing knowledge.sqlite stops the start', async () => {
    const b = await boot();
    rmSync(path.join(b.tmp, 'resources', 'knowledge.sqlite'));
    b.fake.ready();
    expect(await exitedOrWindow(b.fake)).toBe(1);
    expect(b.fake.dialogs.errorBoxes[0]!.content).toContain('mangler');
    expect(existsSync(path.join(b.tmp, 'resources', 'knowledge.sqlite'))).toBe(false);
  });

  it('an app built without the checksum does not run on an unchecked database', async () => {
    const { fake } = await boot({ embedded: 'none' });
    fake.ready();
    expect(await exitedOrWindow(fake)).toBe(1);
    expect(fake.dialogs.errorBoxes[0]!.content).toContain('kontrolsummen');
    expect(fake.windows).toEqual([]);
  });
});
