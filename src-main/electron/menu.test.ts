import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { aboutText, buildMenuTemplate, formatDanishDate, type MenuActions } from './menu';

function actions(): MenuActions & { calls: string[] } {
  const calls: string[] = [];
  const rec = (name: string) => () => void calls.push(name);
  return {
    calls,
    newFile: rec('newFile'),
    openFile: rec('openFile'),
    save: rec('save'),
    saveAs: rec('saveAs'),
    printReport: rec('printReport'),
    exportPdf: rec('exportPdf'),
    about: rec('about'),
    quit: rec('quit'),
  };
}

const sub = (item: MenuItemConstructorOptions) => item.submenu as MenuItemConstructorOptions[];
const labels = (item: MenuItemConstructorOptions) => sub(item).filter((i) => i.type !== 'separator').map((i) => i.label);
const find = (tpl: MenuItemConstructorOptions[], id: string) => tpl.flatMap(sub).find((i) => i.id === id);

describe('buildMenuTemplate', () => {
  it('has the Danish top-level menus', () => {
    const tpl = buildMenuTemplate({ isDev: false, isMac: false, actions: actions() });
    expect(tpl.map((m) => m.label)).toEqual(['&Filer', '&Rediger', '&Vis', '&Hjælp']);
  });

  it('has a complete Filer menu', () => {
    const [file] = buildMenuTemplate({ isDev: false, isMac: false, actions: actions() });
    expect(labels(file!)).toEqual(['Ny', 'Åbn…', 'Gem', 'Gem som…', 'Udskriv rapport…', 'Gem rapport som PDF…', 'Afslut']);
  });

  it('gives every standard role a Danish label', () => {
    const tpl = buildMenuTemplate({ isDev: true, isMac: false, actions: actions() });
    const roles = tpl.flatMap(sub).filter((i) => i.role);
    expect(roles.length).toBeGreaterThan(8);
    for (const r of roles) {
      expect(r.label, String(r.role)).toBeTruthy();
      expect(r.label).not.toMatch(/^(Undo|Redo|Cut|Copy|Paste|Select All|Reload|Zoom In|Zoom Out|Toggle)/);
    }
    expect(labels(tpl[1]!)).toEqual(['Fortryd', 'Annuller fortryd', 'Klip', 'Kopiér', 'Sæt ind', 'Slet', 'Markér alt']);
  });

  it('offers Genindlæs and DevTools only in development', () => {
    const prod = buildMenuTemplate({ isDev: false, isMac: false, actions: actions() });
    const dev = buildMenuTemplate({ isDev: true, isMac: false, actions: actions() });
    expect(labels(prod[2]!)).toEqual(['Faktisk størrelse', 'Zoom ind', 'Zoom ud', 'Fuld skærm']);
    expect(labels(dev[2]!)).toEqual(['Genindlæs', 'Udviklerværktøjer', 'Faktisk størrelse', 'Zoom ind', 'Zoom ud', 'Fuld skærm']);
    expect(prod.flatMap(sub).some((i) => i.role === 'reload' || i.role === 'toggleDevTools' || i.role === 'forceReload')).toBe(false);
  });

  it('calls the right action for each item', () => {
    const a = actions();
    const tpl = buildMenuTemplate({ isDev: false, isMac: false, actions: a });
    for (const id of ['file.new', 'file.open', 'file.save', 'file.saveAs', 'report.print', 'report.pdf', 'app.about', 'app.quit']) {
      const item = find(tpl, id);
      expect(item, id).toBeDefined();
      (item!.click as () => void)();
    }
    expect(a.calls).toEqual(['newFile', 'openFile', 'save', 'saveAs', 'printReport', 'exportPdf', 'about', 'quit']);
  });

  it('has accelerators for the file commands', () => {
    const tpl = buildMenuTemplate({ isDev: false, isMac: false, actions: actions() });
    expect(find(tpl, 'file.open')!.accelerator).toBe('CmdOrCtrl+O');
    expect(find(tpl, 'file.save')!.accelerator).toBe('CmdOrCtrl+S');
    expect(find(tpl, 'report.print')!.accelerator).toBe('CmdOrCtrl+P');
  });

  it('adds the macOS application menu and moves Afslut there', () => {
    const tpl = buildMenuTemplate({ isDev: false, isMac: true, actions: actions() });
    expect(tpl[0]!.label).toBe('SØM Desktop');
    expect(labels(tpl[0]!)).toContain('Afslut SØM Desktop');
    expect(labels(tpl[1]!)).not.toContain('Afslut');
  });
});

describe('aboutText', () => {
  it('shows version and knowledge release with a Danish date', () => {
    const t = aboutText(
      { name: 'SØM Desktop', version: '0.1.0', host: 'electron', knowledge: { release: 'SØM 2024.2', date: '2024-05-01', sha256: 'ab' } },
      '45.4.1',
    );
    expect(t.title).toBe('Om SØM Desktop');
    expect(t.message).toBe('SØM Desktop');
    expect(t.detail).toContain('Version 0.1.0');
    expect(t.detail).toContain('Vidensgrundlag: SØM 2024.2 (1. maj 2024)');
    expect(t.detail).toContain('Electron 45.4.1');
  });
  it('says so when no knowledge release is available', () => {
    const t = aboutText({ name: 'SØM Desktop', version: '1.2.3', host: 'electron', knowledge: null });
    expect(t.detail).toContain('Vidensgrundlag: ikke tilgængeligt');
  });
  it('formats dates the Danish way and leaves non-dates alone', () => {
    expect(formatDanishDate('2023-12-24')).toBe('24. december 2023');
    expect(formatDanishDate('ukendt')).toBe('ukendt');
  });
  it('does not call actions while building', () => {
    const spy = vi.fn();
    buildMenuTemplate({ isDev: false, isMac: false, actions: { ...actions(), quit: spy } });
    expect(spy).not.toHaveBeenCalled();
  });
});
