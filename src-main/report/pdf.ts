/**
 * PDF rendering of the report HTML with headless Chromium (Playwright's launcher, the system's
 * Chromium: /usr/bin/chromium, or $CHROMIUM_PATH). Offline: every network request is refused,
 * the HTML carries its own CSS and inline SVG, and the fonts are the system's (DejaVu/Liberation/Noto).
 * One browser is started on first use and reused; close() stops it.
 */
import { existsSync } from 'node:fs';
import { AppError } from '../../shared/errors';
import { REPORT_PDF_OPTIONS, reportFooterTemplate } from '../../shared/report/html';

export interface PdfRenderOptions {
  /** File name for the footer (left); null for an unsaved calculation. */
  fileName: string | null;
  title?: string;
}

export interface PdfRenderer {
  render(html: string, opts: PdfRenderOptions): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Sends the report HTML to the OS print dialog (desktop app). Resolves true when printed, false when cancelled. */
export interface ReportPrinter {
  print(html: string, opts: PdfRenderOptions): Promise<boolean>;
}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
}

interface BrowserLike {
  newContext(o: object): Promise<{
    newPage(): Promise<{
      route(url: string, handler: (route: { request(): { url(): string }; abort(): Promise<void>; continue(): Promise<void> }) => unknown): Promise<void>;
      setContent(html: string, o: object): Promise<void>;
      emulateMedia(o: object): Promise<void>;
      pdf(o: object): Promise<Buffer>;
    }>;
    close(): Promise<void>;
  }>;
  close(): Promise<void>;
}

/** A renderer using headless Chromium. The browser starts on the first render. */
export function createChromiumPdfRenderer(executablePath = chromiumPath(), idleMs = 60_000): PdfRenderer {
  let browser: Promise<BrowserLike> | null = null;
  let idle: ReturnType<typeof setTimeout> | null = null;
  const closeBrowser = async () => {
    const b = browser;
    browser = null;
    if (b) await (await b.catch(() => null))?.close().catch(() => {});
  };
  // The browser is stopped after a quiet minute so no Chromium outlives its host (timer unref'd).
  const armIdle = () => {
    if (idle) clearTimeout(idle);
    idle = setTimeout(() => void closeBrowser(), idleMs);
    idle.unref?.();
  };
  const launch = async (): Promise<BrowserLike> => {
    if (!existsSync(executablePath)) {
      throw new AppError('unavailable', `PDF kan ikke laves: Chromium blev ikke fundet (${executablePath}). Installér Chromium, eller angiv stien i CHROMIUM_PATH.`);
    }
    const { chromium } = await import('@playwright/test');
    return (await chromium.launch({
      executablePath,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    })) as unknown as BrowserLike;
  };
  return {
    async render(html, opts) {
      if (!browser) {
        browser = launch();
        browser.catch(() => {
          browser = null;
        });
      }
      const b = await browser;
      const ctx = await b.newContext({ javaScriptEnabled: false, offline: true, locale: 'da-DK' });
      try {
        const page = await ctx.newPage();
        await page.route('**/*', (route) => (route.request().url().startsWith('data:') ? route.continue() : route.abort()));
        await page.setContent(html, { waitUntil: 'load' });
        await page.emulateMedia({ media: 'print' });
        const pdf = await page.pdf({ ...REPORT_PDF_OPTIONS, footerTemplate: reportFooterTemplate(opts.fileName, opts.title), preferCSSPageSize: false });
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      } finally {
        await ctx.close();
        armIdle();
      }
    },
    async close() {
      if (idle) clearTimeout(idle);
      idle = null;
      await closeBrowser();
    },
  };
}
