/**
 * Resultater in the real app: a golden fixture imported through the file store and opened
 * at '#/beregning/<id>/resultater' (web host, real handlers, Debian Chromium).
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { calculate } from '../shared/engine/calc';
import { formatKr, formatNumber } from '../shared/format';
import { goldenExpected } from '../test-support/golden';
import { hostCall, importGolden } from './host-api';
import { syntheticDoc } from '../shared/engine/synthetic';
import { serializeSom } from '../shared/som/io';

const ACTORS = ['kommune', 'region', 'stat', 'alle'] as const;

async function openResults(app: Page, url: string, id: string) {
  await app.goto(`${url}#/beregning/${encodeURIComponent(id)}/resultater`);
  await expect(app.getByRole('heading', { name: 'Resultater', exact: true })).toBeVisible();
  await expect(app.getByTestId('figur-1a-tabel')).toBeVisible();
}

async function figure1a(app: Page): Promise<string[]> {
  return app.getByTestId('figur-1a-tabel').locator('tbody td').allTextContents();
}

test('Resultater shows the golden figures; period and actor changes give what the engine gives', async ({ app, host }) => {
  const { id, doc } = await importGolden(host, 'icm-hjemloese');
  const expected = goldenExpected('icm-hjemloese') as {
    actors: Record<(typeof ACTORS)[number], { pvNet: number; net: number[] }>;
  };
  await openResults(app, host.url, id);

  await expect(app.getByText('Figur 1a: Nettogevinst for perioden 2018-2023, nutidsværdi 2018, kr.')).toBeVisible();
  expect(await figure1a(app)).toEqual(ACTORS.map((a) => formatNumber(expected.actors[a].pvNet)));
  expect(await figure1a(app)).toContain('-2.130.279');
  // Tabel til Figur 2: I alt row = expected net per year 2018–2023.
  const iAlt = app.getByTestId('figur-2-tabel').getByRole('row', { name: /I alt/ }).getByRole('cell');
  await expect(iAlt).toHaveText(expected.actors.alle.net.slice(0, 6).map((v) => formatNumber(v)));
  await expect(app.getByText(/tjener indsatsen sig ikke ind inden 2040/)).toBeVisible();
  await expect(app.getByText(/Alle aktører tilsammen går først i nul ved en succesrate over 100 % \(111 %\)/)).toBeVisible();

  // Period end 2027: the engine's figures for that period.
  await app.getByLabel('Slutår', { exact: true }).selectOption('2027');
  const doc27 = { ...doc, view: { ...doc.view, periodEnd: 2027 } };
  const r27 = calculate(doc27);
  await expect(app.getByText('Figur 1a: Nettogevinst for perioden 2018-2027, nutidsværdi 2018, kr.')).toBeVisible();
  await expect(app.getByTestId('figur-1a-tabel').locator('tbody td')).toHaveText(ACTORS.map((a) => formatNumber(r27.actors[a].pvNet)));
  await expect(app.getByTestId('figur-2-tabel').getByRole('columnheader')).toHaveCount(1 + 10);

  // Actor Kommune: the key sentences follow.
  await app.getByLabel('Aktør', { exact: true }).selectOption('kommune');
  await expect(app.getByText(`Over perioden 2018–2027 giver indsatsen kommunen en nettogevinst på ${formatKr(r27.actors.kommune.pvNet)}`, { exact: false })).toBeVisible();
  await expect(app.getByRole('heading', { name: 'Nøgletal for kommune' })).toBeVisible();

  // Start year 2019: PV still discounted to 2018, over 2019–2027.
  await app.getByLabel('Startår', { exact: true }).selectOption('2019');
  const r1927 = calculate({ ...doc, view: { ...doc.view, periodStart: 2019, periodEnd: 2027, actor: 'kommune' } });
  await expect(app.getByText('Figur 1a: Nettogevinst for perioden 2019-2027, nutidsværdi 2018, kr.')).toBeVisible();
  await expect(app.getByTestId('figur-1a-tabel').locator('tbody td')).toHaveText(ACTORS.map((a) => formatNumber(r1927.actors[a].pvNet)));

  await expectNoSeriousAxe(app);
  for (const tab of ['Detaljerede resultater', 'Følsomhed og scenarier', 'Forudsætninger', 'Udskriv rapport (pdf)']) {
    await app.getByRole('tab', { name: tab, exact: true }).click();
    await expect(app.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
    await expectNoSeriousAxe(app);
  }
});

async function expectNoSeriousAxe(app: Page) {
  const axe = await new AxeBuilder({ page: app }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target.join(' ')})`)).toEqual([]);
}

test('Monte Carlo runs in a worker with a progress bar and shows P(>0); the PDF downloads', async ({ app, host }) => {
  const { id } = await importGolden(host, 'skole-angst');
  await openResults(app, host.url, id);

  await app.getByRole('tab', { name: 'Monte Carlo' }).click();
  await app.getByLabel('Antal træk').fill('5.000');
  await app.getByRole('button', { name: 'Kør Monte Carlo' }).click();
  const bar = app.getByRole('progressbar', { name: 'Monte Carlo-fremdrift' });
  await expect(bar).toHaveAttribute('aria-valuenow', '5000', { timeout: 30_000 });
  await expect(bar).toHaveAttribute('aria-valuemax', '5000');
  const p = app.getByTestId('mc-p-positive');
  await expect(p).toHaveText(/^\d{1,3} %$/);
  const first = await p.textContent();
  await expect(app.getByText('Færdig: 5.000 træk.')).toBeVisible();
  // Same seed → same numbers.
  await app.getByRole('button', { name: 'Kør Monte Carlo' }).click();
  await expect(app.getByText('Færdig: 5.000 træk.')).toBeVisible();
  await expect(p).toHaveText(first ?? '');
  await expectNoSeriousAxe(app);

  await app.getByRole('tab', { name: 'Udskriv rapport (pdf)' }).click();
  await app.getByLabel('Forklarende tekst til rapporten').fill('Beregningen er lavet til budgetseminaret.');
  const downloadPromise = app.waitForEvent('download', { timeout: 30_000 });
  await app.getByRole('button', { name: 'Udskriv rapport (pdf)' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const file = await download.path();
  const pdf = fs.readFileSync(file).toString('latin1');
  expect(pdf.slice(0, 5)).toBe('%PDF-');
  // A tagged PDF: the structure tree a screen reader reads.
  expect(pdf).toContain('/StructTreeRoot');
  await expect(app.getByText(/Rapporten er hentet/)).toBeVisible();

  const xlsxPromise = app.waitForEvent('download', { timeout: 30_000 });
  await app.getByRole('button', { name: 'Eksportér resultater (Excel)' }).click();
  const xlsx = await xlsxPromise;
  expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
  expect(fs.readFileSync(await xlsx.path()).subarray(0, 2).toString('latin1')).toBe('PK');
});

test('a long Monte Carlo run can be cancelled', async ({ app, host }) => {
  // Long enough on any machine to be cancelled before it ends: 100 000 draws of a 20-line case over
  // 61 years takes seconds (a small case with a 6-year period once ended before the click).
  const doc = syntheticDoc({ lines: 20, cohorts: 5, seed: 42 });
  doc.view = { ...doc.view, periodEnd: doc.view.periodStart + 60 };
  const { id } = await hostCall<{ id: string }>(host, 'store.importFile', { fileName: 'lang-monte-carlo.som', text: serializeSom(doc) });
  await openResults(app, host.url, id);
  await app.getByRole('tab', { name: 'Monte Carlo' }).click();
  await app.getByLabel('Antal træk').fill('100.000');
  await app.getByRole('button', { name: 'Kør Monte Carlo' }).click();
  await expect(app.getByRole('button', { name: 'Annullér' })).toBeVisible();
  await app.getByRole('button', { name: 'Annullér' }).click();
  await expect(app.getByText('Monte Carlo-beregningen blev annulleret.')).toBeVisible();
  await expect(app.getByRole('button', { name: 'Kør Monte Carlo' })).toBeEnabled();
  await expect(app.getByTestId('mc-p-positive')).toHaveCount(0);
});

test('Figur 2 split on the actors by keyboard; the legend follows; the Vejledning box opens and closes', async ({ app, host }) => {
  const { id } = await importGolden(host, 'icm-hjemloese');
  await openResults(app, host.url, id);
  await expect(app.locator('summary', { hasText: 'Vejledning' })).toBeVisible();
  await expect(app.getByText(/konsekvenser for de første seks år/)).toBeVisible();
  const legend2 = app.locator('figure', { has: app.getByTestId('figur-2-note') }).getByTestId('chart-legend').locator('li');
  await expect(legend2).toHaveText(['Nettogevinst pr. år (alle aktører)', 'Akkumuleret nettogevinst, ikke tilbagediskonteret', 'Akkumuleret nettogevinst, nutidsværdi (tilbagediskonteret)']);
  const shots = process.env.SHOTS_DIR;
  if (shots) await app.screenshot({ path: `${shots}/resultater-figur2.png`, fullPage: true });
  const box = app.getByRole('checkbox', { name: /Vis opdelt på aktører/ });
  await box.focus();
  await app.keyboard.press('Space');
  await expect(box).toBeChecked();
  await expect(app.getByText('Figur 2: Nettogevinst pr. år opdelt på aktører, kr.')).toBeVisible();
  await expect(legend2).toHaveText([
    'Nettogevinst pr. år, kommune',
    'Nettogevinst pr. år, region',
    'Nettogevinst pr. år, stat',
    'Akkumuleret nettogevinst for alle aktører, ikke tilbagediskonteret',
    'Akkumuleret nettogevinst for alle aktører, nutidsværdi (tilbagediskonteret)',
  ]);
  if (shots) await app.screenshot({ path: `${shots}/resultater-figur2-aktoerer.png`, fullPage: true });
  await app.locator('summary', { hasText: 'Vejledning' }).press('Enter');
  await expect(app.getByText(/konsekvenser for de første seks år/)).toBeHidden();
  if (shots) {
    await app.getByRole('tab', { name: 'Detaljerede resultater' }).click();
    await expect(app.getByText('Figur 3: Gevinster pr. område pr. år, kr.')).toBeVisible();
    await app.screenshot({ path: `${shots}/detaljer-figur3.png`, fullPage: true });
  }
});
