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

async function openIcm(page: Page) {
  await page.getByRole('button', { name: 'Indlæs alle eksempelberegninger' }).click();
  await page.getByRole('link', { name: 'ICM til hjemløse (kursuscase 1)' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Om indsatsen' })).toBeVisible();
}

/** Course case 3: yearly costs typed in (no cost model), two years from 2024. */
async function openPsykiatri(page: Page) {
  await page.getByRole('button', { name: 'Indlæs alle eksempelberegninger' }).click();
  await page.getByRole('link', { name: 'Fælles handleplan: psykiatri og alkohol (kursuscase 3)' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Om indsatsen' })).toBeVisible();
}

const stepbar = (page: Page) => page.getByRole('navigation', { name: 'Trin i beregningen' });

test.describe('Keyboard', () => {
  test('skip link, every step from the top of the page, focus on the new step, jump links in Konsekvenser 2', async ({ app }) => {
    await openIcm(app);
    // From the top of the page: the first Tab reaches the skip link, Enter moves focus to the content.
    await app.reload();
    await expect(app.getByRole('heading', { level: 2, name: 'Om indsatsen' })).toBeVisible();
    await app.keyboard.press('Tab');
    const skip = app.getByRole('link', { name: 'Gå til indholdet' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await app.keyboard.press('Enter');
    await expect(app.locator('main#indhold')).toBeFocused();
    await expect(app).toHaveURL(/\/om$/);

    // Resultater is a link in the step bar, reached in a handful of presses from the top.
    await app.reload();
    await expect(app.getByRole('heading', { level: 2, name: 'Om indsatsen' })).toBeVisible();
    let presses = 0;
    const results = stepbar(app).getByRole('link', { name: /Resultater/ });
    for (; presses < 25; presses++) {
      if (await results.evaluate((el) => el === document.activeElement)) break;
      await app.keyboard.press('Tab');
    }
    expect(presses).toBeLessThanOrEqual(20);
    await app.keyboard.press('Enter');
    await expect(app).toHaveURL(/\/resultater$/);
    await expect(app.getByRole('heading', { level: 2, name: 'Resultater', exact: true })).toBeFocused();

    // Konsekvenser 2 through the step bar: focus on its heading; jump links per area and to Resultater.
    await stepbar(app).getByRole('link', { name: /Konsekvenser 2/ }).click();
    await expect(app.getByRole('heading', { level: 2, name: 'Vælg konsekvenser og priser' })).toBeFocused();
    const jump = app.getByRole('navigation', { name: 'Gå til et område' });
    await jump.getByRole('link', { name: 'Sociale serviceydelser' }).click();
    await expect(app.locator('#area-sociale-serviceydelser > summary')).toBeFocused();
    await expect(app).toHaveURL(/\/konsekvenser-2$/);
    await jump.getByRole('link', { name: 'Til Resultater ›' }).press('Enter');
    await expect(app.getByRole('heading', { level: 2, name: 'Resultater', exact: true })).toBeFocused();
  });
});

test.describe('Errors that block Gem', () => {
  test('the list names each field with its step and leads to it; the step bar marks the step; the list goes when fixed', async ({ app }) => {
    await openPsykiatri(app);
    await stepbar(app).getByRole('link', { name: /Omkostninger/ }).click();
    const cell = app.getByRole('table', { name: /^Samlede omkostninger/ }).getByRole('textbox', { name: 'Kommune 2024', exact: true });
    await cell.fill('mange');
    await stepbar(app).getByRole('link', { name: /Effekt/ }).click();
    await expect(stepbar(app).getByRole('link', { name: /Omkostninger/ })).toHaveAccessibleName(/1 felt skal rettes/);
    const headerLink = app.getByRole('link', { name: '1 felt skal rettes', exact: true });
    await expect(headerLink).toBeVisible();
    await app.getByRole('button', { name: 'Gem', exact: true }).click();
    const list = app.getByRole('region', { name: /Beregningen kan ikke gemmes/ });
    await expect(list).toBeVisible();
    await expect(list).toBeFocused();
    await expect(list.getByRole('listitem')).toHaveText(/^Samlede omkostninger i alt, kr\. 2024-priser: Kommune, 2024 \(trin 2: Omkostninger\): «mange» er ikke et tal/, { useInnerText: true });
    await list.getByRole('link', { name: /Kommune, 2024/ }).click();
    await expect(app).toHaveURL(/\/omkostninger$/);
    await expect(cell).toBeFocused();
    await expect(cell).toHaveValue('mange');
    await expect(cell).toHaveAttribute('aria-invalid', 'true');
    await cell.fill('1.200.000');
    await expect(list).toHaveCount(0);
    await expect(headerLink).toHaveCount(0);
    await expect(stepbar(app).getByRole('link', { name: /Omkostninger/ })).not.toHaveAccessibleName(/skal rettes/);
  });
});

test.describe('Pasting from a spreadsheet', () => {
  test('a column copied from Excel fills the cells below in the browser; an ambiguous value is refused', async ({ app }) => {
    await openPsykiatri(app);
    await stepbar(app).getByRole('link', { name: /Omkostninger/ }).click();
    const costs = app.getByRole('table', { name: /^Samlede omkostninger/ });
    const kommune = costs.getByRole('textbox', { name: 'Kommune 2025', exact: true });
    const paste = (text: string) =>
      kommune.evaluate((el, t) => {
        const dt = new DataTransfer();
        dt.setData('text/plain', t);
        el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
      }, text);
    await kommune.focus();
    await paste('150\r\n250\r\n300\r\n');
    await expect(kommune).toHaveValue('150');
    await expect(costs.getByRole('textbox', { name: 'Region 2025', exact: true })).toHaveValue('250');
    await expect(costs.getByRole('textbox', { name: 'Stat 2025', exact: true })).toHaveValue('300');
    await expect(costs.getByRole('textbox', { name: 'Kommune 2024', exact: true })).not.toHaveValue('150');
    await kommune.focus();
    await kommune.selectText();
    await paste('1,234.5');
    await expect(kommune).toHaveValue('150');
    await expect(app.getByRole('alert').filter({ hasText: 'Ikke indsat' })).toContainText('ligner engelsk notation');
  });
});
