/**
 * Sammenligning in the real app (web host, real handlers, Debian Chromium): three saved
 * calculations chosen on Oversigt with the keyboard and the mouse, compared, the basis changed,
 * saved as .somp, reopened from Oversigt, and the comparison report printed to PDF.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { test, expect } from './fixtures';
import { parseSomp } from '../shared/som/somp';
import { compare } from '../shared/engine/compare';
import { formatNumber } from '../shared/format';
import { readGolden } from '../test-support/golden';
import { importGolden } from './host-api';

const NAMES = ['seed-kontanthjaelp', 'icm-hjemloese', 'skole-angst'];
const SHOTS = process.env.SOM_SHOTS_DIR;

test('select three calculations, compare, change the basis, save .somp, reopen, print', async ({ app, host }) => {
  test.setTimeout(120_000);
  const files = [];
  for (const n of NAMES) files.push(await importGolden(host, n));
  await app.goto(`${host.url}#/oversigt`);
  await app.reload();
  await expect(app.getByRole('heading', { name: 'Indsatser' })).toBeVisible();

  const sammenlign = app.getByRole('button', { name: /^Sammenlign/ });
  await expect(sammenlign).toBeDisabled();
  // keyboard: focus the first checkbox and press Space; the others by click
  const box = (name: string) => app.getByRole('checkbox', { name: `Vælg «${name}» til sammenligning` });
  await box(files[0].name).focus();
  await app.keyboard.press('Space');
  await expect(box(files[0].name)).toBeChecked();
  await expect(sammenlign).toBeDisabled();
  await box(files[1].name).check();
  await box(files[2].name).check();
  await expect(sammenlign).toHaveText('Sammenlign (3)');
  await sammenlign.click();

  await expect(app.getByRole('heading', { name: 'Sammenligning', level: 1 })).toBeVisible();
  await expect(app.getByRole('heading', { name: 'Beregninger (3)' })).toBeVisible();
  const docs = files.map((f) => f.doc);
  const def = compare(docs);
  await expect(app.getByText(`Alle beløb er omregnet til ${def.basis.priceYear}-priser`)).toBeVisible();
  const portfolioRow = app.locator('table.keys tr.portfolio');
  await expect(portfolioRow.locator('td').nth(3)).toHaveText(formatNumber(def.portfolio.actors.alle.pvNet));
  await expect(app.getByRole('heading', { name: 'Vær opmærksom på' })).toBeVisible();
  await expect(app.getByText(/har samme målgruppe fra vidensdatabasen/)).toBeVisible();
  await expect(app.locator('table.diff tr.differs').first()).toBeVisible();

  // change the basis: price year 2020, 3,5 %, period 2020–2029
  await app.getByLabel('Prisår (og nutidsværdi)').fill('2020');
  await app.getByLabel('Prisår (og nutidsværdi)').press('Tab');
  await app.getByLabel('Diskonteringsrente, %').fill('3,5');
  await app.getByLabel('Diskonteringsrente, %').press('Tab');
  await app.getByLabel('Periode, sidste år').fill('2029');
  await app.getByLabel('Periode, sidste år').press('Tab');
  const basis = { priceYear: 2020, discountRate: 0.035, periodStart: 2020, periodEnd: 2029 };
  const next = compare(docs, basis);
  await expect(app.getByText('Alle beløb er omregnet til 2020-priser med hver beregnings eget prisindeks og tilbagediskonteret til 2020 med 3,5 % om året; nutidsværdierne dækker årene 2020–2029.')).toBeVisible();
  await expect(portfolioRow.locator('td').nth(3)).toHaveText(formatNumber(next.portfolio.actors.alle.pvNet));
  await app.getByRole('radio', { name: 'Kommune' }).check();
  await expect(portfolioRow.locator('td').nth(3)).toHaveText(formatNumber(next.portfolio.actors.kommune.pvNet));
  await app.getByRole('radio', { name: 'Alle aktører' }).check();

  const axe = await new AxeBuilder({ page: app }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target.join(' ')})`)).toEqual([]);

  await app.getByLabel('Navn på sammenligningen').fill('Tre indsatser til udvalget');
  await app.getByLabel('Forklarende tekst til rapporten').fill('Samlet overblik til socialudvalget.');
  if (SHOTS) await app.screenshot({ path: path.join(SHOTS, 'sammenligning.png'), fullPage: true });
  await app.getByRole('button', { name: 'Gem sammenligning (.somp)' }).click();
  await expect(app.getByText('Sammenligningen er gemt som «Tre indsatser til udvalget.somp».')).toBeVisible();
  const saved = parseSomp(fs.readFileSync(path.join(host.documentsDir, 'Tre indsatser til udvalget.somp'), 'utf8'));
  expect(saved.basis).toEqual(basis);
  expect(saved.members.map((m) => m.intervention.name)).toEqual(files.map((f) => f.name));
  expect(saved.report?.text).toBe('Samlet overblik til socialudvalget.');

  // reopen from Oversigt: a fresh page, the list of saved comparisons
  await app.goto(`${host.url}#/oversigt`);
  await app.reload();
  await expect(app.getByRole('heading', { name: 'Sammenligninger' })).toBeVisible();
  await app.getByRole('button', { name: 'Åbn Tre indsatser til udvalget' }).click();
  await expect(app.getByRole('heading', { name: 'Sammenligning', level: 1 })).toBeVisible();
  await expect(app.getByLabel('Navn på sammenligningen')).toHaveValue('Tre indsatser til udvalget');
  await expect(app.getByLabel('Prisår (og nutidsværdi)')).toHaveValue('2020');
  await expect(app.locator('table.keys tr.portfolio td').nth(3)).toHaveText(formatNumber(next.portfolio.actors.alle.pvNet));

  // print: the A4 comparison report as PDF
  const dl = app.waitForEvent('download', { timeout: 60_000 });
  await app.getByRole('button', { name: 'Hent rapport (pdf)' }).click();
  const download = await dl;
  expect(download.suggestedFilename()).toBe('Tre indsatser til udvalget.pdf');
  const pdfPath = await download.path();
  const bytes = fs.readFileSync(pdfPath);
  expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
  expect(text).toContain('Tre indsatser til udvalget');
  expect(text).toContain('Nøgletal side om side');
  expect(text).toContain('Samlet overblik til socialudvalget.');
  expect(text).toContain(formatNumber(next.portfolio.actors.alle.pvNet));
  if (SHOTS) fs.copyFileSync(pdfPath, path.join(SHOTS, 'sammenligning-rapport.pdf'));

  // open one member as an ordinary calculation
  await app.getByRole('button', { name: `Åbn som beregning ${files[1].name}` }).click();
  await expect(app).toHaveURL(/#\/beregning\/ny\/resultater/);
  await expect(app.getByRole('heading', { name: 'Resultater', exact: true })).toBeVisible();
});

test('a bad .somp file is refused in Danish, naming the calculation, and nothing is written', async ({ app, host }) => {
  const good = readGolden('icm-hjemloese.som');
  const raw = {
    format: 'somp', formatVersion: 1, createdWith: 'x', savedAt: '2026-12-01T10:00:00Z', name: 'Ond',
    basis: { priceYear: 2018, discountRate: 0.04, periodStart: 2018, periodEnd: 2023 },
    members: [JSON.parse(good), { ...JSON.parse(good), lines: 'ingen' }],
  };
  const before = fs.readdirSync(host.documentsDir);
  await app.goto(`${host.url}#/oversigt`);
  await app.locator('#f-somp').setInputFiles({ name: 'ond.somp', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(raw)) });
  await expect(app.getByRole('alert').filter({ hasText: 'ond.somp' })).toContainText(/Beregning 2 \('ICM[^']*'\): Konsekvenslinjer/);
  expect(fs.readdirSync(host.documentsDir)).toEqual(before);
});
