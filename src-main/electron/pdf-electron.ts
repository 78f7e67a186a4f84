/**
 * ReportDeps.pdf for the Electron shell: the report HTML (shared/report/html.ts, with its own CSS and
 * inline SVG) is loaded as a data: URL into a hidden, sandboxed window with JavaScript disabled and
 * printed with webContents.printToPDF. No Chromium download, no network (the session filter applies).
 */
import type { BrowserWindow, BrowserWindowConstructorOptions, PrintToPDFOptions, WebContentsPrintOptions } from 'electron';
import { AppError } from '../../shared/errors';
import { REPORT_PDF_OPTIONS, reportFooterTemplate } from '../../shared/report/html';
import type { PdfRenderer, PdfRenderOptions, ReportPrinter } from '../report/pdf';
import { secureWebPreferences } from './windows';

/** Chromium refuses navigations to URLs longer than 2 MiB. */
export const MAX_DATA_URL_CHARS = 2 * 1024 * 1024 - 1024;

const MM_PER_INCH = 25.4;

function mmToInches(v: string): number {
  const m = /^(\d+(?:\.\d+)?)mm$/.exec(v);
  if (!m) throw new Error(`Ukendt mål: ${v}`);
  return Number(m[1]) / MM_PER_INCH;
}

/** Playwright-style REPORT_PDF_OPTIONS → Electron's printToPDF options (margins in inches). */
export function electronPdfOptions(opts: PdfRenderOptions): PrintToPDFOptions {
  const m = REPORT_PDF_OPTIONS.margin;
  return {
    pageSize: REPORT_PDF_OPTIONS.format,
    printBackground: REPORT_PDF_OPTIONS.printBackground,
    displayHeaderFooter: REPORT_PDF_OPTIONS.displayHeaderFooter,
    headerTemplate: REPORT_PDF_OPTIONS.headerTemplate,
    footerTemplate: reportFooterTemplate(opts.fileName, opts.title),
    margins: { top: mmToInches(m.top), bottom: mmToInches(m.bottom), left: mmToInches(m.left), right: mmToInches(m.right) },
    preferCSSPageSize: false,
    generateTaggedPDF: REPORT_PDF_OPTIONS.tagged,
    generateDocumentOutline: REPORT_PDF_OPTIONS.outline,
  };
}

/** The hidden print window: no preload, no JavaScript, every security flag on. */
export function printWindowOptions(): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 794,
    height: 1123,
    webPreferences: { ...secureWebPreferences(null), javascript: false },
  };
}

export function reportDataUrl(html: string): string {
  const url = `data:text/html;charset=utf-8;base64,${Buffer.from(html, 'utf8').toString('base64')}`;
  if (url.length > MAX_DATA_URL_CHARS) {
    throw new AppError('unavailable', 'Rapporten er for stor til at blive lavet som PDF i programmet. Prøv med færre diagrammer.');
  }
  return url;
}

/** Options of the OS print dialog for the report (A4, backgrounds, the file name in the footer). */
export function electronPrintOptions(opts: PdfRenderOptions): WebContentsPrintOptions {
  return { silent: false, printBackground: true, pageSize: 'A4', footer: opts.fileName ?? opts.title ?? 'SØM-rapport' };
}

/** Udskriv rapport: the report in the same hidden, JavaScript-free window, sent to the OS print dialog. */
export function createElectronReportPrinter(createWindow: (opts: BrowserWindowConstructorOptions) => BrowserWindow): ReportPrinter {
  return {
    async print(html, opts) {
      const win = createWindow(printWindowOptions());
      try {
        await win.loadURL(reportDataUrl(html));
        return await new Promise<boolean>((resolve) => win.webContents.print(electronPrintOptions(opts), (success) => resolve(success)));
      } finally {
        if (!win.isDestroyed()) win.destroy();
      }
    },
  };
}

export function createElectronPdfRenderer(createWindow: (opts: BrowserWindowConstructorOptions) => BrowserWindow): PdfRenderer {
  const open = new Set<BrowserWindow>();
  return {
    async render(html, opts) {
      const url = reportDataUrl(html);
      const win = createWindow(printWindowOptions());
      open.add(win);
      try {
        await win.loadURL(url);
        const pdf = await win.webContents.printToPDF(electronPdfOptions(opts));
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } finally {
        open.delete(win);
        if (!win.isDestroyed()) win.destroy();
      }
    },
    async close() {
      for (const w of open) if (!w.isDestroyed()) w.destroy();
      open.clear();
    },
  };
}
