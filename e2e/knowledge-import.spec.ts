/**
 * Socialstyrelsen's SØM workbook (generated here with exceljs) imported through the web host with
 * the real handlers and the real import worker: preview, confirm, a real price in Priser without
 * the "Eksempeldata" badge, and a calculation built on it.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { sampleSomWorkbook } from '../src-main/knowledge/workbook-import/sample-workbooks';
import { parseSom } from '../shared/som/io';
import { calculate, toResultsJson } from '../shared/engine/calc';

const SHOTS = process.env.SOM_SHOTS_DIR;

async function next(page: Page, heading: string) {
  await page.getByRole('navigation', { name: 'Skift trin' }).getByRole('button', { name: /Næste|Resultater/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: heading, exact: true })).toBeVisible();
}

test('import the SØM workbook: preview, "Brug disse tal", a real price in Priser, a calculation on it', async ({ app, host }) => {
  test.setTimeout(240_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'som-e2e-import-'));
  const file = path.join(dir, 'SØM.xlsm');
  writeFileSync(file, await sampleSomWorkbook({ vba: true }));
  const shipped = host.deps.knowledge.release()!.release;

  await app.evaluate(() => (location.hash = '#/viden/anden-viden'));
  const panel = app.getByTestId('releases');
  await panel.getByRole('button', { name: 'Indlæs tal fra SØM-regnearket' }).click();
  const dialog = app.getByTestId('workbook-import');
  await expect(dialog.getByRole('heading', { name: 'Indlæs tal fra SØM-regnearket' })).toBeVisible();
  const [chooser] = await Promise.all([app.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Vælg regneark…' }).click()]);
  await chooser.setFiles(file);

  const preview = dialog.getByTestId('import-preview');
  await expect(preview).toBeVisible({ timeout: 120_000 });
  await expect(preview.getByRole('heading', { name: 'Fundet i SØM.xlsm' })).toBeVisible();
  await expect(preview.getByRole('row', { name: 'Priser 7 6 1' })).toBeVisible();
  await expect(preview.getByRole('row', { name: 'Effektstudier 3 0 3' })).toBeVisible();
  await expect(preview).toContainText('Nye konsekvenser (1): Tandpleje (Sundhedsydelser)');
  await expect(preview.getByRole('row', { name: /Priser 10 Kommune "x" er ikke et tal/ })).toBeVisible();
  // Nothing has changed before the user confirms.
  expect(host.deps.knowledge.release()!.release).toBe(shipped);
  if (SHOTS) {
    mkdirSync(SHOTS, { recursive: true });
    await dialog.screenshot({ path: path.join(SHOTS, 'import-preview.png') });
  }

  await dialog.getByRole('button', { name: 'Brug disse tal' }).click();
  await expect(dialog.getByText(/Tallene er indlæst\. Udgivelsen som-regneark-\d{8}-[0-9a-f]{8} er nu i brug\./)).toBeVisible({ timeout: 120_000 });
  const imported = host.deps.knowledge.release()!.release;
  expect(imported).toMatch(/^som-regneark-/);
  await dialog.getByRole('button', { name: 'Luk' }).click();
  await expect(panel.locator(`tr[data-release="${imported}"]`)).toContainText('✓ I brug');

  // Priser: the imported price is Socialstyrelsen's, with the workbook as its source and no badge.
  await app.evaluate(() => (location.hash = '#/viden/priser'));
  await app.getByLabel('Tallenes kilde', { exact: true }).selectOption({ label: 'Kun Socialstyrelsens tal' });
  const row = app.getByTestId('prices-table').getByRole('row').filter({ hasText: 'Somatisk sygehusindlæggelse' }).filter({ hasText: 'Hjemløse (18-65 år)' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("SØM.xlsm, ark 'Priser', række 8");
  await expect(row).toContainText('4.900');
  await expect(row.locator('.badge-example')).toHaveCount(0);
  if (SHOTS) await app.screenshot({ path: path.join(SHOTS, 'priser-after-import.png') });
  await app.getByLabel('Tallenes kilde', { exact: true }).selectOption({ label: 'Kun eksempeldata' });
  await expect(app.getByTestId('prices-table').getByRole('row').filter({ hasText: "SØM.xlsm, ark 'Priser'" })).toHaveCount(0);

  // A calculation on the imported figures.
  await app.evaluate(() => (location.hash = '#/'));
  await app.getByRole('button', { name: 'Tilføj ny indsats' }).click();
  await app.getByLabel('Indsatsens navn').fill('ICM med Socialstyrelsens tal');
  await app.getByLabel('Hovedkategori').selectOption({ label: 'Udsatte voksne' });
  await app.getByLabel('Målgruppe', { exact: true }).selectOption({ label: 'Hjemløse' });
  await app.getByLabel('Startår for indsatsen').fill('2018');
  await next(app, 'Deltagere og omkostninger');
  await app.getByLabel('Antal år med indsatsen').fill('1');
  await app.getByLabel('Varigheden af et forløb (måneder)').fill('12');
  await app.getByRole('textbox', { name: 'Antal personer 2018', exact: true }).fill('20');
  await app.getByRole('table', { name: /^Samlede omkostninger/ }).getByRole('textbox', { name: 'Kommune 2018', exact: true }).fill('100.000');
  await next(app, 'Effekt');
  await app.getByLabel('Effektmål', { exact: true }).fill('Bolig');
  await app.getByLabel('Succesrate (%)').fill('50');
  await next(app, 'Konsekvenser og priser');
  await app.getByLabel('SØM-succesmål', { exact: true }).selectOption('ophoer-hjemloeshed');
  await expect(app.getByText(/konsekvenser fra SØM er hentet/)).toBeVisible();
  await next(app, 'Vælg konsekvenser og priser');
  await app.getByLabel('Tilvælg SØM-estimater for alle konsekvenser', { exact: true }).uncheck();
  // The areas start folded; open them to reach the line.
  await app.getByRole('button', { name: 'Vis alle områder' }).click();
  await app.getByRole('checkbox', { name: "Tilvælg SØM's estimater Somatisk sygehusindlæggelse", exact: true }).check();
  await app.getByRole('button', { name: 'Gem', exact: true }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Gemt som «ICM med Socialstyrelsens tal.som»' })).toBeVisible();
  await next(app, 'Resultater');

  // The saved calculation carries the imported price and release; Resultater shows the line without the badge.
  const saved = readdirSync(host.documentsDir).find((n) => n.endsWith('.som'))!;
  const doc = parseSom(readFileSync(path.join(host.documentsDir, saved), 'utf8'));
  const line = doc.lines.find((l) => l.dimensionId === 'somatisk-indl')!;
  expect(line.price).toMatchObject({ kommune: 310, region: 4900, stat: 0, source: "SØM.xlsm, ark 'Priser', række 8" });
  expect(doc.lines.filter((l) => l.useEstimates).map((l) => l.dimensionId)).toEqual(['somatisk-indl']);
  // The figure in Resultater is the engine's result on that document: the region's gain comes from the imported 4.900 kr.
  const region = (toResultsJson(calculate(doc)) as { actors: Record<string, { pvNet: number }> }).actors.region.pvNet;
  expect(region).toBeGreaterThan(0);
  await expect(app.getByText(`Fordelt på aktører: kommune`)).toContainText(`region ${Math.round(region).toLocaleString('da-DK')} kr.`);
  await expect(app.getByText('Nutidsværdi 2018 med en diskonteringsrente på 3,5 %.')).toBeVisible();
  await app.getByRole('tab', { name: 'Detaljerede resultater' }).click();
  const lineRow = app.getByRole('row').filter({ has: app.getByRole('rowheader', { name: 'Somatisk sygehusindlæggelse' }) }).first();
  await expect(lineRow).toBeVisible();
  await expect(lineRow.locator('.badge-example')).toHaveCount(0);
  if (SHOTS) await app.screenshot({ path: path.join(SHOTS, 'resultater-after-import.png'), fullPage: true });
});
