/**
 * What a caseworker trips over: filter checkboxes that show their state, keyboard routes through
 * the app (skip link, step bar, jump links), pasting from a spreadsheet, and errors that say where
 * they are. Real handlers through the web host.
 */
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

async function open(page: Page, hash: string) {
  await page.evaluate((s) => (location.hash = s), hash);
}

test.describe('Filter checkboxes', () => {
  for (const [slug, list] of [['maalgrupper', 'Tema'], ['effektstudier', 'Design']] as const) {
    test(`${slug}: the box shows its state whether clicked, toggled with Space or set through its label`, async ({ app }) => {
      await open(app, `#/viden/${slug}`);
      const group = app.getByRole('group', { name: list, exact: true });
      const boxes = group.getByRole('checkbox');
      await expect(boxes.first()).toBeVisible();
      const first = boxes.nth(0);
      const second = boxes.nth(1);
      // A click on the box itself.
      await first.click();
      await expect(first).toBeChecked();
      expect(await first.evaluate((el: HTMLInputElement) => el.checked)).toBe(true);
      // Space on the next box adds it (like ctrl+click).
      await second.focus();
      await app.keyboard.press('Space');
      await expect(second).toBeChecked();
      await expect(first).toBeChecked();
      // A plain click on a box that is already one of two selected keeps only it: still ticked.
      await first.click();
      await expect(first).toBeChecked();
      await expect(second).not.toBeChecked();
      // Space again clears it.
      await first.focus();
      await app.keyboard.press('Space');
      await expect(first).not.toBeChecked();
      // The label still works.
      await group.locator('label').nth(1).click();
      await expect(second).toBeChecked();
      await expect(first).not.toBeChecked();
    });
  }
});
