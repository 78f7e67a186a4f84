import { defineConfig } from '@playwright/test';

/**
 * Tier 3: the built renderer in Debian Chromium, window.api answered by the real handlers
 * through the web host (one per test, temp folders). Tier 4: Playwright _electron where the
 * Electron binary exists (e2e/electron; those specs skip with a reason when it does not).
 */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'e2e',
  outputDir: '.cache/test-results',
  timeout: 60_000,
  // A web-first assertion waits for the UI; on a loaded 2-core machine a step can take seconds, a hang still fails.
  expect: { timeout: 20_000 },
  fullyParallel: true,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: [['list']],
  use: {
    trace: 'off',
    screenshot: 'only-on-failure',
    locale: 'da-DK',
    timezoneId: 'Europe/Copenhagen',
    viewport: { width: 1366, height: 900 },
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    },
  },
  projects: [
    { name: 'web', testIgnore: ['electron/**'] },
    { name: 'electron', testMatch: ['electron/**/*.spec.ts'] },
  ],
});
