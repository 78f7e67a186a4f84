import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startWebHost, type WebHost } from '../src-main/web/server';

export interface AppFixtures {
  /** A fresh web host with the real handlers, its own temp user-data and documents folders. */
  host: WebHost & { userDataDir: string; documentsDir: string };
  /** A page with the app open (token in the URL) and the frame rendered. */
  app: Page;
  /** Console errors a test expects (e.g. a deliberately refused request); anything else fails the test. */
  allowedConsoleErrors: RegExp[];
}

export const test = base.extend<AppFixtures>({
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'som-e2e-data-'));
    const documentsDir = mkdtempSync(path.join(os.tmpdir(), 'som-e2e-docs-'));
    const host = await startWebHost({ userDataDir, documentsDir, log: () => {} });
    await use(Object.assign(host, { userDataDir, documentsDir }));
    await host.close();
  },
  // eslint-disable-next-line no-empty-pattern
  allowedConsoleErrors: async ({}, use) => {
    await use([]);
  },
  app: async ({ page, host, allowedConsoleErrors }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(host.url);
    await expect(page.getByRole('navigation', { name: 'Hovedmenu' })).toBeVisible();
    await use(page);
    const unexpected = errors.filter((e) => !allowedConsoleErrors.some((re) => re.test(e)));
    expect(unexpected, 'no page errors or console errors (CSP violations show up here)').toEqual([]);
  },
});

export { expect };
