import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import type { BrowserWindow } from 'electron';
import { createElectronPdfRenderer, createElectronReportPrinter, electronPdfOptions, electronPrintOptions, MAX_DATA_URL_CHARS, printWindowOptions, reportDataUrl } from './pdf-electron';

describe('electron PDF options', () => {
  it('converts the report options to printToPDF options (A4, mm → inches, footer)', () => {
    const o = electronPdfOptions({ fileName: 'Min beregning.som', title: 'T' });
    expect(o.pageSize).toBe('A4');
    expect(o.printBackground).toBe(true);
    expect(o.displayHeaderFooter).toBe(true);
    expect(o.margins!.top).toBeCloseTo(16 / 25.4, 6);
    expect(o.margins!.bottom).toBeCloseTo(18 / 25.4, 6);
    expect(o.footerTemplate).toContain('Min beregning.som');
    expect(o.footerTemplate).toContain('pageNumber');
  });

  it('prints in a hidden window without JavaScript, preload or node', () => {
    const o = printWindowOptions();
    expect(o.show).toBe(false);
    expect(o.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    expect(o.webPreferences).not.toHaveProperty('preload');
  });

  it('encodes the HTML as a UTF-8 data URL and refuses one Chromium would not load', () => {
    const url = reportDataUrl('<p>Æblegrød – 1.234,5 kr.</p>');
    expect(url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    expect(Buffer.from(url.split(',')[1]!, 'base64').toString('utf8')).toBe('<p>Æblegrød – 1.234,5 kr.</p>');
    expect(() => reportDataUrl('x'.repeat(MAX_DATA_URL_CHARS))).toThrow(AppError);
  });
});

describe('electron PDF renderer', () => {
  it('asks printToPDF for a tagged PDF with bookmarks, in the hardened window, and destroys the window', async () => {
    const seen: unknown[] = [];
    let destroyed = false;
    const fakeWindow = {
      loadURL: async () => {},
      webContents: {
        printToPDF: async (o: unknown) => {
          seen.push(o);
          return Buffer.from('%PDF-1.7 fake');
        },
      },
      isDestroyed: () => destroyed,
      destroy: () => void (destroyed = true),
    };
    const renderer = createElectronPdfRenderer(() => fakeWindow as unknown as BrowserWindow);
    const bytes = await renderer.render('<p>Rapport</p>', { fileName: 'ICM.som' });
    expect(Buffer.from(bytes).toString('latin1')).toBe('%PDF-1.7 fake');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ generateTaggedPDF: true, generateDocumentOutline: true, pageSize: 'A4', preferCSSPageSize: false });
    expect(destroyed).toBe(true);
  });
});

describe('electron report printer', () => {
  it('loads the report in the hardened print window, opens the OS dialog (not silent) and destroys the window', async () => {
    const calls: string[] = [];
    let destroyed = false;
    const fakeWindow = {
      loadURL: async (url: string) => void calls.push(`load:${url.slice(0, 22)}`),
      webContents: {
        print: (o: { silent: boolean; pageSize: string; footer: string }, cb: (ok: boolean) => void) => {
          calls.push(`print:${o.silent}:${o.pageSize}:${o.footer}`);
          cb(false);
        },
      },
      isDestroyed: () => destroyed,
      destroy: () => void (destroyed = true),
    };
    let options: unknown;
    const printer = createElectronReportPrinter((o) => ((options = o), fakeWindow as unknown as BrowserWindow));
    expect(await printer.print('<p>Rapport</p>', { fileName: 'ICM.som' })).toBe(false);
    expect(calls).toEqual(['load:data:text/html;charset', 'print:false:A4:ICM.som']);
    expect(destroyed).toBe(true);
    expect(options).toEqual(printWindowOptions());
    expect(electronPrintOptions({ fileName: null, title: 'T' }).footer).toBe('T');
  });
});
