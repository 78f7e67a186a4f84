/**
 * The Electron main process (bundled to dist/main/main.cjs). Owns disk and database; the renderer
 * runs sandboxed on app://som/ and reaches main only through the typed channels (ipc-registry.ts).
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session } from 'electron';
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { AppError } from '../../shared/errors';
import { HOST_EVENT_READY_CHANNEL } from '../../shared/host-events';
import type { AppInfo } from '../../shared/ipc/app';
import { dispatch } from '../dispatch';
import { handlers } from '../handlers';
import { checkKnowledgeFile } from '../knowledge/integrity';
import { atomicWriteFile } from '../store/atomic';
import { embeddedKnowledgeSha256 } from './build-constants';
import { createElectronDeps, type ElectronDeps } from './deps-electron';
import { resolveDataLocations } from './data-locations';
import { leavesWithoutSaving, showChooseFolder, showOpenSom, showSavePdf, unsavedChangesDialogOptions } from './dialogs';
import { HostEventQueue } from './host-event-queue';
import { isTrustedSenderInfo, registerIpc, senderInfoOf } from './ipc-registry';
import { aboutText, buildMenuTemplate } from './menu';
import { missingBindingMessage, selectNativeBinding, useElectronSqliteBinding, type RequireLike } from './native-binding';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, registerAppProtocol } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { createElectronPdfRenderer, createElectronReportPrinter } from './pdf-electron';
import { findSomPathInArgv, setupSingleInstance } from './single-instance';
import { createMainWindowOptions } from './windows';
import { loadWindowState, restoreBounds, saveWindowState, WINDOW_STATE_FILE } from './window-state';

const log = (msg: string, err?: unknown): void => console.error(`[som] ${msg}`, err ?? '');
const isDev = !app.isPackaged;
const appRoot = app.getAppPath();

// Must happen before 'ready'.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();
// Chromium's own texts (form validation, print preview) and navigator.language in Danish.
app.commandLine.appendSwitch('lang', 'da');
if (process.platform === 'win32') app.setAppUserModelId('dk.som.desktop');

// Development/test only: isolated folders (Playwright runs several instances side by side).
if (isDev && process.env.SOM_USER_DATA_DIR) app.setPath('userData', path.resolve(process.env.SOM_USER_DATA_DIR));
if (isDev && process.env.SOM_DOCUMENTS_DIR) app.setPath('documents', path.resolve(process.env.SOM_DOCUMENTS_DIR));

const locations = resolveDataLocations({
  userData: app.getPath('userData'),
  documents: app.getPath('documents'),
  exeDir: process.env.PORTABLE_EXECUTABLE_DIR ?? path.dirname(process.execPath),
  isPackaged: app.isPackaged,
  isDirectory: (p) => existsSync(p) && statSync(p).isDirectory(),
});
if (locations.portable) app.setPath('userData', locations.userDataDir);

let mainWindow: BrowserWindow | null = null;
let services: ElectronDeps | null = null;
let events: HostEventQueue | null = null;
const trustedWebContents = new Set<number>();
/** .som paths that arrived before the window and deps were ready (command line, macOS open-file). */
const pendingOpens: string[] = [];

const firstInstance = setupSingleInstance(app, (argv, cwd) => {
  if (mainWindow) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }
  const file = findSomPathInArgv(argv, cwd);
  if (file) void openSomPath(file);
});

// macOS: files opened from Finder / the Dock (may arrive before 'ready').
app.on('open-file', (event, file) => {
  event.preventDefault();
  void openSomPath(file);
});

app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, log));

if (!firstInstance) {
  app.quit();
} else {
  const initial = findSomPathInArgv(process.argv.slice(1), process.cwd());
  if (initial) pendingOpens.push(initial);
  app.whenReady().then(start, (e) => fatal('SØM Desktop kunne ikke starte.', e));
}

app.on('window-all-closed', () => app.quit());
app.on('will-quit', () => {
  services?.close();
  services = null;
});

function fatal(message: string, err?: unknown): void {
  log(message, err);
  const detail = err instanceof AppError ? err.message : err instanceof Error ? err.message : '';
  dialog.showErrorBox('SØM Desktop', detail ? `${message}\n\n${detail}` : message);
  app.exit(1);
}

async function start(): Promise<void> {
  const binding = selectNativeBinding({
    isPackaged: app.isPackaged,
    appRoot,
    abi: process.versions.modules,
    platform: process.platform,
    arch: process.arch,
    exists: existsSync,
  });
  if (binding.kind === 'missing') return fatal(missingBindingMessage(binding.expected));
  if (binding.kind === 'path') {
    try {
      useElectronSqliteBinding(createRequire(__filename) as unknown as RequireLike, binding.path);
      // Worker threads have their own module cache: they open their databases with this binding.
      process.env.SOM_SQLITE_BINDING = binding.path;
    } catch (e) {
      return fatal(missingBindingMessage(binding.path), e);
    }
  }

  const knowledgePath =
    isDev && process.env.SOM_KNOWLEDGE_PATH
      ? path.resolve(process.env.SOM_KNOWLEDGE_PATH)
      : app.isPackaged
        ? path.join(process.resourcesPath, 'knowledge.sqlite')
        : path.join(appRoot, 'knowledge.sqlite');
  // The shipped database lies outside the asar archive: it must be byte for byte the one built in.
  // Only a development run pointed at another file on purpose (SOM_KNOWLEDGE_PATH) skips this.
  if (isDev && process.env.SOM_KNOWLEDGE_PATH) {
    log(`vidensdatabase fra SOM_KNOWLEDGE_PATH (udvikling), kontrolsummen kontrolleres ikke: ${knowledgePath}`);
  } else {
    const integrity = await checkKnowledgeFile(knowledgePath, embeddedKnowledgeSha256());
    if (!integrity.ok) return fatal(integrity.message);
  }
  try {
    services = createElectronDeps({
      appName: 'SØM Desktop',
      appVersion: app.getVersion(),
      userDataDir: locations.userDataDir,
      fileStoreDir: locations.fileStoreDir,
      knowledgePath,
      pdf: createElectronPdfRenderer((opts) => new BrowserWindow(opts)),
      printer: createElectronReportPrinter((opts) => new BrowserWindow(opts)),
      chooseFolder: () => showChooseFolder(dialog, mainWindow, services?.deps.store.settings().folder),
      examplesDir: app.isPackaged ? path.join(process.resourcesPath, 'examples') : path.join(appRoot, 'data', 'examples'),
    });
  } catch (e) {
    return fatal('Programmets data kunne ikke åbnes.', e);
  }

  hardenSession(session.defaultSession, log);
  registerAppProtocol(protocol, path.join(appRoot, 'dist', 'renderer'));
  registerIpc(ipcMain, handlers, services.deps, (event) => isTrustedSenderInfo(senderInfoOf(event), trustedWebContents), log);
  ipcMain.on(HOST_EVENT_READY_CHANNEL, (event, name: unknown) => {
    if (mainWindow && event.sender.id === mainWindow.webContents.id && isTrustedSenderInfo(senderInfoOf(event), trustedWebContents)) {
      events?.markReady(name);
    }
  });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate({
        isDev,
        isMac: process.platform === 'darwin',
        actions: {
          newFile: () => events?.send('menu', { command: 'file.new' }),
          openFile: () => void openWithDialog(),
          save: () => events?.send('menu', { command: 'file.save' }),
          saveAs: () => events?.send('menu', { command: 'file.saveAs' }),
          printReport: () => (events?.isReady('menu') ? events.send('menu', { command: 'report.print' }) : printCurrentView()),
          exportPdf: () => (events?.isReady('menu') ? events.send('menu', { command: 'report.pdf' }) : void exportCurrentViewPdf()),
          about: () => void showAbout(),
          quit: () => app.quit(),
        },
      }),
    ),
  );

  createMainWindow();
  for (const file of pendingOpens.splice(0)) void openSomPath(file);
}

function createMainWindow(): void {
  const stateFile = path.join(locations.userDataDir, WINDOW_STATE_FILE);
  const restored = restoreBounds(loadWindowState(stateFile), screen.getAllDisplays().map((d) => d.workArea));
  const devIcon = path.join(appRoot, 'build', 'icon.png');
  const win = new BrowserWindow(
    createMainWindowOptions({
      preloadPath: path.join(__dirname, 'preload.cjs'),
      bounds: restored.bounds,
      isDev,
      ...(isDev && existsSync(devIcon) ? { iconPath: devIcon } : {}),
    }),
  );
  mainWindow = win;
  const contentsId = win.webContents.id;
  trustedWebContents.add(contentsId);
  events = new HostEventQueue((channel, payload) => {
    if (!win.isDestroyed()) win.webContents.send(channel, payload);
  });
  win.webContents.on('did-start-loading', () => events?.reset());
  // The renderer refuses to unload while it holds unsaved work: ask in Danish (sync, as Electron requires),
  // and let the window close only when the user chooses to leave.
  win.webContents.on('will-prevent-unload', (event) => {
    if (leavesWithoutSaving(dialog.showMessageBoxSync(win, unsavedChangesDialogOptions()))) event.preventDefault();
  });
  win.once('ready-to-show', () => {
    if (restored.maximized) win.maximize();
    win.show();
  });
  win.on('close', () => {
    try {
      const b = win.getNormalBounds();
      saveWindowState(stateFile, { ...b, maximized: win.isMaximized(), fullScreen: win.isFullScreen() });
    } catch (e) {
      log('vinduets placering kunne ikke gemmes', e);
    }
  });
  win.on('closed', () => {
    trustedWebContents.delete(contentsId);
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_ENTRY_URL);
}

async function openWithDialog(): Promise<void> {
  const file = await showOpenSom(dialog, mainWindow, locations.fileStoreDir);
  if (file) await openSomPath(file);
}

/**
 * Reads a .som (calculation) or .somp (comparison) through the store's import functions and tells
 * the renderer its id and which of the two it is.
 */
async function openSomPath(file: string): Promise<void> {
  if (!services || !events) {
    pendingOpens.push(file);
    return;
  }
  const name = path.basename(file);
  try {
    if (/\.somp$/i.test(file)) {
      const { id, name: docName } = await services.importSompFile(file);
      events.send('open-file', { ok: true, id, name: docName, kind: 'comparison' });
    } else {
      const { id, name: docName } = await services.importSomFile(file);
      events.send('open-file', { ok: true, id, name: docName, kind: 'calculation' });
    }
  } catch (e) {
    const message = e instanceof AppError ? e.message : `Filen ${name} kunne ikke åbnes.`;
    if (!(e instanceof AppError)) log(`import af ${file} fejlede`, e);
    events.send('open-file', { ok: false, message });
  }
}

/** Fallback when the renderer does not handle 'report.print': the OS print dialog for the current view. */
function printCurrentView(): void {
  if (!mainWindow) return;
  mainWindow.webContents.print({ silent: false, printBackground: true }, (success, reason) => {
    if (!success && reason !== 'cancelled') log(`udskrivning fejlede: ${reason}`);
  });
}

/** Fallback when the renderer does not handle 'report.pdf': printToPDF of the current view. */
async function exportCurrentViewPdf(): Promise<void> {
  if (!mainWindow) return;
  const target = await showSavePdf(dialog, mainWindow, path.join(locations.fileStoreDir, 'SØM-rapport.pdf'));
  if (!target) return;
  try {
    const pdf = await mainWindow.webContents.printToPDF({ printBackground: true, pageSize: 'A4', preferCSSPageSize: true, generateTaggedPDF: true });
    atomicWriteFile(target, pdf);
  } catch (e) {
    log('PDF-eksport fejlede', e);
    dialog.showErrorBox('SØM Desktop', 'Rapporten kunne ikke gemmes som PDF.');
  }
}

async function showAbout(): Promise<void> {
  if (!services) return;
  const r = await dispatch(handlers, services.deps, 'app.info', {}, log);
  const info: AppInfo = r.ok
    ? (r.value as AppInfo)
    : { name: 'SØM Desktop', version: app.getVersion(), host: 'electron', knowledge: null };
  const text = aboutText(info, process.versions.electron);
  const opts = { type: 'info' as const, title: text.title, message: text.message, detail: text.detail, buttons: ['OK'] };
  if (mainWindow) await dialog.showMessageBox(mainWindow, opts);
  else await dialog.showMessageBox(opts);
}
