/**
 * A fake of the `electron` module for booting main.ts under Node (vitest `vi.doMock('electron')`).
 * It keeps the rules of the real module that main depends on, so a mistake there fails here too:
 * - before 'ready': protocol.registerSchemesAsPrivileged and app.enableSandbox only; after 'ready'
 *   they throw, and BrowserWindow, session.defaultSession, screen and protocol.handle throw before it;
 * - ipcMain.handle throws on a second handler for a channel; invoking an unregistered channel throws;
 * - every new webContents is announced with app 'web-contents-created' (as Electron does), and a
 *   navigation, window.open, permission request or network request with no handler installed is
 *   ALLOWED (Electron's default), so only main's own handlers can make them fail;
 * - app.quit() runs 'before-quit' → 'will-quit' → 'quit'; app.exit(code) ends without events.
 * Everything observable is recorded for the assertions, and the waits are promises, not timers.
 */
import { EventEmitter } from 'node:events';

export interface FakeElectronOptions {
  appPath: string;
  paths: { userData: string; documents: string };
  isPackaged: boolean;
  version?: string;
  /** requestSingleInstanceLock() answer: false = another instance holds the lock. */
  gotSingleInstanceLock?: boolean;
}


/** A promise with its resolver, for "wait until main did X". */
function signal<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export interface NavigationEvent {
  url: string;
  defaultPrevented: boolean;
  preventDefault(): void;
}

export class FakeWebContents extends EventEmitter {
  url = '';
  readonly sent: { channel: string; payload: unknown }[] = [];
  readonly printed: unknown[] = [];
  private windowOpenHandler: ((d: { url: string }) => { action: 'allow' | 'deny' }) | null = null;
  private readonly waiters = new Map<string, ((payload: unknown) => void)[]>();
  destroyed = false;

  constructor(readonly id: number) {
    super();
  }

  /** The top frame as ipcMain events carry it (senderFrame). */
  get mainFrame(): { url: string; parent: null } {
    return { url: this.url, parent: null };
  }

  send(channel: string, payload: unknown): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.sent.push({ channel, payload });
    const list = this.waiters.get(channel) ?? [];
    this.waiters.delete(channel);
    for (const w of list) w(payload);
  }

  /** Resolves with the n-th payload (1-based) sent on channel, already sent or still to come. */
  nthSend(channel: string, n: number): Promise<unknown> {
    const done = this.sent.filter((s) => s.channel === channel);
    if (done.length >= n) return Promise.resolve(done[n - 1]!.payload);
    return new Promise((resolve) => {
      const wait = (): void => {
        const now = this.sent.filter((s) => s.channel === channel);
        if (now.length >= n) resolve(now[n - 1]!.payload);
        else this.waiters.set(channel, [...(this.waiters.get(channel) ?? []), wait]);
      };
      wait();
    });
  }

  setWindowOpenHandler(handler: (d: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  /** What a window.open(url) in the page would get. No handler installed: Electron allows it. */
  windowOpen(url: string): { action: 'allow' | 'deny' } {
    return this.windowOpenHandler ? this.windowOpenHandler({ url }) : { action: 'allow' };
  }

  /** Emits a navigation event as Electron does; returns whether the navigation may go ahead. */
  navigate(kind: 'will-navigate' | 'will-redirect' | 'will-frame-navigate', url: string): boolean {
    const event: NavigationEvent = {
      url,
      defaultPrevented: false,
      preventDefault() {
        this.defaultPrevented = true;
      },
    };
    this.emit(kind, event, url);
    return !event.defaultPrevented;
  }

  attachWebview(): boolean {
    let prevented = false;
    this.emit('will-attach-webview', { preventDefault: () => (prevented = true) }, {}, {});
    return !prevented;
  }

  print(options: unknown, callback?: (success: boolean, reason: string) => void): void {
    this.printed.push(options);
    callback?.(false, 'cancelled');
  }

  async printToPDF(): Promise<Buffer> {
    return Buffer.from('%PDF-1.4 fake');
  }

  getURL(): string {
    return this.url;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export interface FakeMenuItem {
  id?: string;
  label?: string;
  role?: string;
  type?: string;
  accelerator?: string;
  click?: () => void;
  submenu?: FakeMenuItem[];
}

export interface FakeElectron {
  /** The object vi.doMock('electron') returns. */
  module: Record<string, unknown>;
  app: FakeApp;
  /** Resolves 'ready' (and app.whenReady()). */
  ready(): void;
  windows: FakeBrowserWindow[];
  /** Resolves with the first window that called loadURL. */
  firstLoadedWindow: Promise<FakeBrowserWindow>;
  /** Resolves when app.exit(code) is called. */
  exited: Promise<number>;
  protocol: FakeProtocol;
  ipcMain: FakeIpcMain;
  session: FakeSession;
  menu: { template: FakeMenuItem[] | null };
  dialogs: FakeDialog;
}

export class FakeApp extends EventEmitter {
  isReadyFlag = false;
  sandboxEnabled = false;
  readonly switches = new Map<string, string | undefined>();
  quitCalls = 0;
  exitCode: number | null = null;
  private readonly pathMap = new Map<string, string>();
  readonly readySignal = signal<void>();
  readonly exitSignal = signal<number>();

  constructor(private readonly opts: FakeElectronOptions) {
    super();
    this.pathMap.set('userData', opts.paths.userData);
    this.pathMap.set('documents', opts.paths.documents);
    this.pathMap.set('temp', opts.paths.userData);
  }

  get isPackaged(): boolean {
    return this.opts.isPackaged;
  }

  readonly commandLine = {
    appendSwitch: (name: string, value?: string): void => void this.switches.set(name, value),
  };

  enableSandbox(): void {
    if (this.isReadyFlag) throw new Error('app.enableSandbox() can only be called before app is ready');
    this.sandboxEnabled = true;
  }

  setAppUserModelId(_id: string): void {}

  getAppPath(): string {
    return this.opts.appPath;
  }

  getVersion(): string {
    return this.opts.version ?? '0.0.0-test';
  }

  getPath(name: string): string {
    const p = this.pathMap.get(name);
    if (p === undefined) throw new Error(`Failed to get '${name}' path`);
    return p;
  }

  setPath(name: string, p: string): void {
    this.pathMap.set(name, p);
  }

  requestSingleInstanceLock(): boolean {
    return this.opts.gotSingleInstanceLock ?? true;
  }

  whenReadyCalls = 0;
  whenReady(): Promise<void> {
    this.whenReadyCalls++;
    return this.readySignal.promise;
  }

  isReady(): boolean {
    return this.isReadyFlag;
  }

  quit(): void {
    this.quitCalls++;
    let prevented = false;
    this.emit('before-quit', { preventDefault: () => (prevented = true) });
    if (prevented) return;
    this.emit('will-quit', { preventDefault: () => {} });
    this.emit('quit', {}, 0);
  }

  exit(code = 0): void {
    this.exitCode = code;
    this.exitSignal.resolve(code);
  }
}

let nextContentsId = 1;

export class FakeBrowserWindow extends EventEmitter {
  static app: FakeApp;
  static all: FakeBrowserWindow[] = [];
  static onLoad: (w: FakeBrowserWindow) => void = () => {};
  readonly webContents: FakeWebContents;
  readonly loadedUrls: string[] = [];
  shown = false;
  focused = false;
  maximized = false;
  minimized = false;
  destroyed = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    if (!FakeBrowserWindow.app.isReadyFlag) throw new Error('Cannot create BrowserWindow before app is ready');
    this.webContents = new FakeWebContents(nextContentsId++);
    FakeBrowserWindow.all.push(this);
    FakeBrowserWindow.app.emit('web-contents-created', {}, this.webContents);
    FakeBrowserWindow.app.emit('browser-window-created', {}, this);
  }

  static getAllWindows(): FakeBrowserWindow[] {
    return FakeBrowserWindow.all.filter((w) => !w.destroyed);
  }

  async loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.webContents.url = url;
    this.webContents.emit('did-start-loading');
    FakeBrowserWindow.onLoad(this);
  }

  show(): void {
    this.shown = true;
  }
  focus(): void {
    this.focused = true;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  isFullScreen(): boolean {
    return false;
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return { x: 10, y: 20, width: 1200, height: 800 };
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.emit('closed');
  }
  close(): void {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (!prevented) this.destroy();
  }
}

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

export class FakeProtocol {
  readonly privileged: { scheme: string; privileges: Record<string, boolean> }[] = [];
  private readonly handlers = new Map<string, ProtocolHandler>();
  constructor(private readonly app: FakeApp) {}

  registerSchemesAsPrivileged(schemes: { scheme: string; privileges: Record<string, boolean> }[]): void {
    if (this.app.isReadyFlag) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    this.privileged.push(...schemes);
  }

  handle(scheme: string, handler: ProtocolHandler): void {
    if (!this.app.isReadyFlag) throw new Error('protocol.handle can only be used after app is ready');
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    this.handlers.set(scheme, handler);
  }

  isProtocolHandled(scheme: string): boolean {
    return this.handlers.has(scheme);
  }

  /** A request from the page to url, answered by the registered handler (no handler: an error, as in Chromium). */
  async request(url: string, init?: RequestInit): Promise<Response> {
    const scheme = url.slice(0, url.indexOf(':'));
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME (${scheme})`);
    return handler(new Request(url, init));
  }
}

interface IpcEvent {
  sender: FakeWebContents;
  senderFrame: { url: string; parent: unknown } | null;
}

export class FakeIpcMain extends EventEmitter {
  private readonly handlers = new Map<string, (event: IpcEvent, ...args: unknown[]) => unknown>();

  handle(channel: string, fn: (event: IpcEvent, ...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, fn);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  channels(): string[] {
    return [...this.handlers.keys()];
  }

  /** ipcRenderer.invoke(channel, ...args) from the given sender (frame defaults to its top frame). */
  async invoke(channel: string, sender: FakeWebContents, args: unknown, frame?: IpcEvent['senderFrame']): Promise<unknown> {
    const fn = this.handlers.get(channel);
    if (!fn) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    return fn({ sender, senderFrame: frame === undefined ? sender.mainFrame : frame }, args);
  }

  /** ipcRenderer.send(channel, ...args). */
  sendFrom(channel: string, sender: FakeWebContents, ...args: unknown[]): void {
    this.emit(channel, { sender, senderFrame: sender.mainFrame }, ...args);
  }
}

type PermissionHandler = (wc: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string }) => void;
type BeforeRequest = (details: { url: string }, callback: (r: { cancel?: boolean }) => void) => void;

export class FakeSession extends EventEmitter {
  permissionRequestHandler: PermissionHandler | null = null;
  permissionCheckHandler: ((wc: unknown, permission: string, origin: string) => boolean) | null = null;
  devicePermissionHandler: (() => boolean) | null = null;
  displayMediaHandler: ((req: unknown, cb: (streams: unknown) => void) => void) | null = null;
  spellChecker = true;
  private beforeRequest: BeforeRequest | null = null;

  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequest): void => void (this.beforeRequest = listener),
  };

  setPermissionRequestHandler(h: PermissionHandler): void {
    this.permissionRequestHandler = h;
  }
  setPermissionCheckHandler(h: (wc: unknown, permission: string, origin: string) => boolean): void {
    this.permissionCheckHandler = h;
  }
  setDevicePermissionHandler(h: () => boolean): void {
    this.devicePermissionHandler = h;
  }
  setDisplayMediaRequestHandler(h: (req: unknown, cb: (streams: unknown) => void) => void): void {
    this.displayMediaHandler = h;
  }
  setSpellCheckerEnabled(on: boolean): void {
    this.spellChecker = on;
  }

  /** A page asks for a permission; Electron grants it when no handler is installed. */
  requestPermission(permission: string, requestingUrl = 'app://som/index.html'): Promise<boolean> {
    const h = this.permissionRequestHandler;
    if (!h) return Promise.resolve(true);
    return new Promise((resolve) => h({}, permission, resolve, { requestingUrl }));
  }

  checkPermission(permission: string, origin = 'app://som'): boolean {
    return this.permissionCheckHandler ? this.permissionCheckHandler({}, permission, origin) : true;
  }

  /** A network request of the page: true = cancelled. No listener: it goes out. */
  request(url: string): Promise<boolean> {
    const l = this.beforeRequest;
    if (!l) return Promise.resolve(false);
    return new Promise((resolve) => l({ url }, (r) => resolve(r.cancel === true)));
  }

  /** A download of url; returns whether it was cancelled and the dialog options it got. */
  download(url: string): { cancelled: boolean; dialog: unknown } {
    let cancelled = false;
    let dialog: unknown = null;
    const item = {
      getURL: () => url,
      getFilename: () => 'rapport.pdf',
      cancel: () => void (cancelled = true),
      setSaveDialogOptions: (o: unknown) => void (dialog = o),
    };
    this.emit('will-download', {}, item, {});
    return { cancelled, dialog };
  }
}

export class FakeDialog {
  readonly errorBoxes: { title: string; content: string }[] = [];
  readonly openDialogs: unknown[] = [];
  readonly saveDialogs: unknown[] = [];
  readonly messageBoxes: unknown[] = [];
  /** Next answers of showOpenDialog (file paths); empty = cancelled. */
  openAnswers: string[][] = [];
  saveAnswers: (string | null)[] = [];
  messageBoxSyncAnswer = 1;

  showErrorBox(title: string, content: string): void {
    this.errorBoxes.push({ title, content });
  }
  async showOpenDialog(...args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> {
    this.openDialogs.push(args.at(-1));
    const paths = this.openAnswers.shift() ?? [];
    return { canceled: paths.length === 0, filePaths: paths };
  }
  async showSaveDialog(...args: unknown[]): Promise<{ canceled: boolean; filePath: string }> {
    this.saveDialogs.push(args.at(-1));
    const p = this.saveAnswers.shift() ?? null;
    return { canceled: p === null, filePath: p ?? '' };
  }
  async showMessageBox(...args: unknown[]): Promise<{ response: number; checkboxChecked: boolean }> {
    this.messageBoxes.push(args.at(-1));
    return { response: 0, checkboxChecked: false };
  }
  showMessageBoxSync(...args: unknown[]): number {
    this.messageBoxes.push(args.at(-1));
    return this.messageBoxSyncAnswer;
  }
}

function toItems(template: FakeMenuItem[]): FakeMenuItem[] {
  return template.map((t) => ({ ...t, ...(t.submenu ? { submenu: toItems(t.submenu) } : {}) }));
}

export function createFakeElectron(opts: FakeElectronOptions): FakeElectron {
  const app = new FakeApp(opts);
  FakeBrowserWindow.app = app;
  FakeBrowserWindow.all = [];
  const loaded = signal<FakeBrowserWindow>();
  FakeBrowserWindow.onLoad = (w) => loaded.resolve(w);
  const protocol = new FakeProtocol(app);
  const ipcMain = new FakeIpcMain();
  const defaultSession = new FakeSession();
  const dialogs = new FakeDialog();
  const menu: { template: FakeMenuItem[] | null } = { template: null };
  const requireReady = (what: string): void => {
    if (!app.isReadyFlag) throw new Error(`${what} can only be used after app is ready`);
  };
  const module: Record<string, unknown> = {
    app,
    BrowserWindow: FakeBrowserWindow,
    protocol,
    ipcMain,
    dialog: dialogs,
    session: {
      get defaultSession(): FakeSession {
        requireReady('session');
        return defaultSession;
      },
    },
    screen: {
      getAllDisplays: () => {
        requireReady("The 'screen' module");
        return [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 }, bounds: { x: 0, y: 0, width: 1920, height: 1080 } }];
      },
    },
    Menu: {
      buildFromTemplate: (template: FakeMenuItem[]) => ({ items: toItems(template) }),
      setApplicationMenu: (m: { items: FakeMenuItem[] } | null) => {
        menu.template = m ? m.items : null;
      },
    },
  };
  module.default = module;
  return {
    module,
    app,
    ready() {
      app.isReadyFlag = true;
      app.emit('ready', {}, {});
      app.readySignal.resolve();
    },
    get windows() {
      return FakeBrowserWindow.all;
    },
    firstLoadedWindow: loaded.promise,
    exited: app.exitSignal.promise,
    protocol,
    ipcMain,
    session: defaultSession,
    menu,
    dialogs,
  };
}

