/**
 * The Danish application menu, built by a plain function from callbacks (tested without Electron);
 * main.ts passes the result to Menu.buildFromTemplate.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { AppInfo } from '../../shared/ipc/app';

export interface MenuActions {
  newFile(): void;
  openFile(): void;
  save(): void;
  saveAs(): void;
  printReport(): void;
  exportPdf(): void;
  about(): void;
  quit(): void;
}

export interface MenuOptions {
  isDev: boolean;
  isMac: boolean;
  actions: MenuActions;
}

export function buildMenuTemplate({ isDev, isMac, actions }: MenuOptions): MenuItemConstructorOptions[] {
  const sep: MenuItemConstructorOptions = { type: 'separator' };
  const file: MenuItemConstructorOptions = {
    label: '&Filer',
    submenu: [
      { id: 'file.new', label: 'Ny', accelerator: 'CmdOrCtrl+N', click: () => actions.newFile() },
      { id: 'file.open', label: 'Åbn…', accelerator: 'CmdOrCtrl+O', click: () => actions.openFile() },
      sep,
      { id: 'file.save', label: 'Gem', accelerator: 'CmdOrCtrl+S', click: () => actions.save() },
      { id: 'file.saveAs', label: 'Gem som…', accelerator: 'CmdOrCtrl+Shift+S', click: () => actions.saveAs() },
      sep,
      { id: 'report.print', label: 'Udskriv rapport…', accelerator: 'CmdOrCtrl+P', click: () => actions.printReport() },
      { id: 'report.pdf', label: 'Gem rapport som PDF…', click: () => actions.exportPdf() },
      ...(isMac ? [] : [sep, { id: 'app.quit', label: 'Afslut', accelerator: 'CmdOrCtrl+Q', click: () => actions.quit() }]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Rediger',
    submenu: [
      { role: 'undo', label: 'Fortryd' },
      { role: 'redo', label: 'Annuller fortryd' },
      sep,
      { role: 'cut', label: 'Klip' },
      { role: 'copy', label: 'Kopiér' },
      { role: 'paste', label: 'Sæt ind' },
      { role: 'delete', label: 'Slet' },
      sep,
      { role: 'selectAll', label: 'Markér alt' },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&Vis',
    submenu: [
      ...(isDev
        ? [
            { role: 'reload', label: 'Genindlæs' } as MenuItemConstructorOptions,
            { role: 'toggleDevTools', label: 'Udviklerværktøjer' } as MenuItemConstructorOptions,
            sep,
          ]
        : []),
      { role: 'resetZoom', label: 'Faktisk størrelse' },
      { role: 'zoomIn', label: 'Zoom ind' },
      { role: 'zoomOut', label: 'Zoom ud' },
      sep,
      { role: 'togglefullscreen', label: 'Fuld skærm' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    label: '&Hjælp',
    role: 'help',
    submenu: [{ id: 'app.about', label: 'Om SØM Desktop', click: () => actions.about() }],
  };
  const macApp: MenuItemConstructorOptions = {
    label: 'SØM Desktop',
    submenu: [
      { id: 'app.about', label: 'Om SØM Desktop', click: () => actions.about() },
      sep,
      { role: 'hide', label: 'Skjul SØM Desktop' },
      { role: 'hideOthers', label: 'Skjul andre' },
      { role: 'unhide', label: 'Vis alle' },
      sep,
      { id: 'app.quit', label: 'Afslut SØM Desktop', accelerator: 'Cmd+Q', click: () => actions.quit() },
    ],
  };
  return [...(isMac ? [macApp] : []), file, edit, view, help];
}

/** Text of Hjælp → Om SØM Desktop, from the app.info handler's answer. */
export function aboutText(info: AppInfo, electronVersion?: string): { title: string; message: string; detail: string } {
  const lines = [`Version ${info.version}`];
  if (info.knowledge) {
    lines.push(`Vidensgrundlag: ${info.knowledge.release} (${formatDanishDate(info.knowledge.date)})`);
  } else {
    lines.push('Vidensgrundlag: ikke tilgængeligt');
  }
  if (electronVersion) lines.push(`Electron ${electronVersion}`);
  lines.push('Socialøkonomisk Investeringsmodel – offline beregning af omkostninger og gevinster for kommune, region og stat.');
  return { title: 'Om SØM Desktop', message: info.name, detail: lines.join('\n') };
}

/** "2024-05-01" → "1. maj 2024"; anything not an ISO date is shown unchanged. */
export function formatDanishDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
}
