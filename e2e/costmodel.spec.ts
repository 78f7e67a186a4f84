/**
 * The cost model in the Omkostninger step, in the real app (web host, real handlers): the ICM course
 * case opened with typed yearly costs, its cost model built by labels, the derived yearly costs seen
 * in the grids, the Resultater figure changed accordingly, the file saved with the derived costs.
 */
import AxeBuilder from '@axe-core/playwright';
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { parseSom } from '../shared/som/io';
import { calculate } from '../shared/engine/calc';
import { deriveCosts } from '../shared/engine/costmodel';
import { formatNumber } from '../shared/format';
import { importGolden } from './host-api';

const SHOTS = process.env.SOM_SHOTS_DIR;

async function figure1a(app: Page): Promise<string[]> {
  await expect(app.getByTestId('figur-1a-tabel')).toBeVisible();
  return app.getByTestId('figur-1a-tabel').locator('tbody td').allTextContents();
}

async function step(app: Page, name: RegExp) {
  await app.getByRole('navigation', { name: 'Trin i beregningen' }).getByRole('link', { name }).click();
}

/** The last row of an activity table (the one just added). */
function lastRow(table: Locator): Locator {
  return table.locator('tbody tr').last();
}

interface Row {
  label: string;
  kind: 'pr. deltager' | 'pr. år' | 'engangsudgift';
  amount?: string;
  hours?: string;
  rate?: string;
  quantity?: string;
  overhead: boolean;
}

async function addActivity(app: Page, tableName: string, r: Row) {
  const table = app.getByRole('table', { name: tableName, exact: true });
  await app.getByRole('button', { name: 'Tilføj aktivitet' }).nth(tableName === 'Indsatsens aktiviteter' ? 0 : 1).click();
  const row = lastRow(table);
  const name = row.getByRole('textbox', { name: 'Aktivitet', exact: true });
  await expect(name).toBeFocused();
  await name.fill(r.label);
  await row.getByRole('combobox', { name: `Type, ${r.label}` }).selectOption({ label: r.kind });
  if (r.hours) {
    await row.getByRole('combobox', { name: `Enhedspris, ${r.label}` }).selectOption({ label: 'Timer × timepris' });
    await row.getByRole('textbox', { name: `Timer, ${r.label}` }).fill(r.hours);
    await row.getByRole('textbox', { name: `Timepris, ${r.label}` }).fill(r.rate ?? '');
  } else {
    await row.getByRole('textbox', { name: `Beløb, ${r.label}` }).fill(r.amount ?? '');
  }
  if (r.quantity) await row.getByRole('textbox', { name: `Antal, ${r.label}` }).fill(r.quantity);
  await row.getByRole('checkbox', { name: `Overhead, ${r.label}` }).setChecked(r.overhead);
}

test('the ICM cost model built by labels gives the derived yearly costs and changes Resultater', async ({ app, host }) => {
  test.setTimeout(180_000);
  const { id } = await importGolden(host, 'icm-hjemloese');
  await app.goto(`${host.url}#/beregning/${id}/resultater`);
  const before = await figure1a(app);
  expect(before).toContain('-2.130.279');

  await step(app, /Omkostninger/);
  await expect(app.getByRole('heading', { level: 2, name: 'Deltagere og omkostninger' })).toBeVisible();
  await app.getByLabel('Beregn omkostningerne ud fra indsatsens aktiviteter').check();
  await expect(app.getByText('De beløb, du havde tastet, er husket.')).toBeVisible();
  await app.getByLabel('Overheadsats (%)').fill('10');

  await addActivity(app, 'Indsatsens aktiviteter', { label: 'Støtteperson, samtaler og støtte', kind: 'pr. deltager', hours: '120', rate: '350', overhead: true });
  await addActivity(app, 'Indsatsens aktiviteter', { label: 'Teamleder', kind: 'pr. år', hours: '600', rate: '400', overhead: true });
  await addActivity(app, 'Indsatsens aktiviteter', { label: 'Ekstern supervision', kind: 'pr. år', amount: '12.000', overhead: false });
  await addActivity(app, 'Indsatsens aktiviteter', { label: 'Opkvalificering i ICM-metoden', kind: 'engangsudgift', amount: '15.000', quantity: '6', overhead: false });
  await addActivity(app, 'Aktiviteter i indsatser, der bortfalder', { label: 'Socialpædagogisk bostøtte', kind: 'pr. deltager', hours: '50', rate: '300', overhead: false });

  // A wrong split of who pays is named in Danish and blocks nothing else.
  const team = lastRow(app.getByRole('table', { name: 'Indsatsens aktiviteter', exact: true })).locator('xpath=preceding-sibling::tr[2]');
  await team.getByRole('combobox', { name: 'Betales af, hurtigvalg, Teamleder' }).selectOption({ label: 'Kommune 50 % / Region 50 %' });
  await team.getByRole('textbox', { name: 'Region' }).fill('40');
  await expect(team.getByText('Andelene skal tilsammen være 100 % (nu 90 %).')).toBeVisible();
  await team.getByRole('combobox', { name: 'Betales af, hurtigvalg, Teamleder' }).selectOption({ label: 'Kommune 100 %' });
  await expect(team.getByText(/Andelene skal tilsammen/)).toHaveCount(0);

  // Negative hours are refused where they are typed.
  const support = app.getByRole('textbox', { name: 'Timer, Støtteperson, samtaler og støtte' });
  await support.fill('-5');
  await expect(support).toHaveAttribute('aria-invalid', 'true');
  await expect(app.getByText('Skal være mellem 0 og 1.000.000 timer.')).toBeVisible();
  await support.fill('120');

  // The derived yearly costs, read-only in the existing grids.
  const costs = app.getByRole('table', { name: /^Samlede omkostninger/ });
  await expect(app.getByText('Beregnet af omkostningsmodellen').first()).toBeVisible();
  await expect(costs.getByRole('textbox')).toHaveCount(0);
  await expect(costs.getByRole('row', { name: /^Kommune/ }).getByRole('cell')).toHaveText(['1.290.000', '1.200.000', '1.200.000', '3.690.000']);
  await expect(costs.getByRole('row', { name: /^I alt/ }).getByRole('cell')).toHaveText(['1.290.000', '1.200.000', '1.200.000', '3.690.000']);
  const saved = app.getByRole('table', { name: /^Sparede omkostninger/ });
  await expect(saved.getByRole('row', { name: /^Kommune/ }).getByRole('cell')).toHaveText(['300.000', '300.000', '300.000', '900.000']);
  await expect(app.getByTestId('cost-per-forloeb')).toContainText('61.500 kr.');
  const r = await new AxeBuilder({ page: app }).analyze();
  expect(r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);
  if (SHOTS) await app.screenshot({ path: path.join(SHOTS, 'omkostninger-costmodel.png'), fullPage: true });

  // Resultater: the one-off training adds 90.000 kr. in 2018 (not discounted).
  await step(app, /Resultater/);
  const after = await figure1a(app);
  expect(after).not.toEqual(before);
  expect(after[3]).toBe(formatNumber(-2130279.0427 - 90_000)); // all actors together
  await app.getByRole('tab', { name: 'Detaljerede resultater' }).click();
  const section = app.getByTestId('cost-section');
  await expect(section.getByRole('heading', { name: 'Omkostninger ud fra aktiviteterne' })).toBeVisible();
  await expect(section).toContainText('Omkostning pr. forløb61.500 kr.');
  await expect(section.getByRole('row', { name: /^Opkvalificering i ICM-metoden/ }).getByRole('cell')).toHaveText([
    'Engangsudgift', '15.000 kr. × 6', 'nej', '90.000', '0', '0', '90.000',
  ]);
  if (SHOTS) {
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: path.join(SHOTS, 'resultater-costmodel.png') });
  }

  // Saved: the file holds the cost model and the derived costs; the engine agrees with the app.
  await app.getByRole('button', { name: 'Gem', exact: true }).click();
  await expect(app.getByRole('status').filter({ hasText: /Gemt/ })).toBeVisible();
  const files = fs.readdirSync(host.documentsDir).filter((n) => n.endsWith('.som'));
  const doc = parseSom(fs.readFileSync(path.join(host.documentsDir, files[0]), 'utf8'));
  expect(doc.intervention.costModel?.activities.map((a) => a.label)).toEqual([
    'Støtteperson, samtaler og støtte', 'Teamleder', 'Ekstern supervision', 'Opkvalificering i ICM-metoden', 'Socialpædagogisk bostøtte',
  ]);
  const d = deriveCosts(doc.intervention.costModel!, doc.intervention.participants, 3);
  expect(doc.intervention.costs).toEqual(d.costs);
  expect(after).toEqual((['kommune', 'region', 'stat', 'alle'] as const).map((a) => formatNumber(calculate(doc).actors[a].pvNet)));

  // Switching off asks; keeping the numbers makes them typed values.
  await step(app, /Omkostninger/);
  // The switch stays on until the question is answered.
  await app.getByLabel('Beregn omkostningerne ud fra indsatsens aktiviteter').click();
  await expect(app.getByLabel('Beregn omkostningerne ud fra indsatsens aktiviteter')).toBeChecked();
  const dialog = app.getByRole('dialog', { name: 'Slå omkostningsmodellen fra?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Behold de beregnede tal' }).click();
  await expect(dialog).toBeHidden();
  await expect(costs.getByRole('textbox', { name: 'Kommune 2018', exact: true })).toHaveValue('1.290.000');
});
