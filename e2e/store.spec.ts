/**
 * The overview's file store actions with the real handlers: examples, open, duplicate, rename,
 * delete to the trash and restore, export (download), search and sort; axe on the overview.
 */
import AxeBuilder from '@axe-core/playwright';
import { readdirSync, readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { parseSom } from '../shared/som/io';

const somFiles = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.som')).sort();
/** The notice on opening a copy of a course example (it names no knowledge release). */
const EXAMPLE_NOTICE = 'Eksemplet bruger kursusmaterialets tal';

test('examples, duplicate, rename, delete and restore, export', async ({ app, host }) => {
  await app.getByRole('button', { name: 'Indlæs alle eksempelberegninger' }).click();
  await expect(app.getByText('3 af 3 gemte beregninger')).toBeVisible();
  expect(somFiles(host.documentsDir)).toHaveLength(3);
  const axe = await new AxeBuilder({ page: app }).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  // search
  await app.getByLabel('Søg').fill('psykiatri');
  await expect(app.getByText('1 af 3 gemte beregninger')).toBeVisible();
  await app.getByLabel('Søg').fill('');

  // duplicate
  await app.getByRole('button', { name: 'Dupliker ICM til hjemløse (kursuscase 1)' }).click();
  await expect(app.getByRole('status')).toContainText('Kopi oprettet: «ICM til hjemløse (kursuscase 1) (kopi)»');
  expect(somFiles(host.documentsDir)).toContain('ICM til hjemløse (kursuscase 1) (kopi).som');

  // rename
  await app.getByRole('button', { name: 'Omdøb ICM til hjemløse (kursuscase 1) (kopi)' }).click();
  await app.getByLabel('Nyt navn for «ICM til hjemløse (kursuscase 1) (kopi)»').fill('ICM Aarhus');
  await app.getByRole('button', { name: 'Gem navn' }).click();
  await expect(app.getByRole('status')).toContainText('Omdøbt til «ICM Aarhus»');
  expect(somFiles(host.documentsDir)).toContain('ICM Aarhus.som');
  expect(parseSom(readFileSync(`${host.documentsDir}/ICM Aarhus.som`, 'utf8')).intervention.name).toBe('ICM Aarhus');

  // delete → trash → restore
  await app.getByRole('button', { name: 'Slet ICM Aarhus' }).click();
  await expect(app.getByRole('status')).toContainText('«ICM Aarhus» er flyttet til papirkurven.');
  expect(somFiles(host.documentsDir)).not.toContain('ICM Aarhus.som');
  await app.getByText('Papirkurv (1)').click();
  await app.getByRole('button', { name: 'Gendan ICM Aarhus' }).click();
  await expect(app.getByRole('status')).toContainText('«ICM Aarhus» er gendannet.');
  expect(somFiles(host.documentsDir)).toContain('ICM Aarhus.som');

  // sort by name (ascending)
  await app.getByRole('button', { name: 'Navn' }).click();
  await expect(app.locator('table.list tbody tr').first()).toContainText('Fælles handleplan');

  // export: a download with the file's text
  const download = app.waitForEvent('download');
  await app.getByRole('button', { name: 'Eksportér ICM Aarhus' }).click();
  const d = await download;
  expect(d.suggestedFilename()).toBe('ICM Aarhus.som');
  const p = await d.path();
  expect(parseSom(readFileSync(p, 'utf8')).intervention.name).toBe('ICM Aarhus');

  // open
  await app.getByRole('button', { name: 'Åbn ICM Aarhus' }).click();
  await expect(app.getByLabel('Indsatsens navn')).toHaveValue('ICM Aarhus');
  await expect(app.getByRole('heading', { name: EXAMPLE_NOTICE })).toBeVisible();
  await app.getByRole('button', { name: 'Behold filens værdier' }).click();
  await expect(app.getByRole('heading', { name: EXAMPLE_NOTICE })).toHaveCount(0);
});

test('an opened course example can be updated to the current knowledge line by line', async ({ app, host }) => {
  host.deps.store.createFromExample('icm-hjemloese');
  await app.reload();
  await app.getByRole('button', { name: 'Åbn ICM til hjemløse (kursuscase 1)' }).click();
  await expect(app.getByRole('heading', { name: EXAMPLE_NOTICE })).toBeVisible();
  await expect(app.getByText(/hvor de afviger fra den aktuelle vidensdatabase/)).toContainText(host.deps.knowledge.release()?.release ?? '');
  await app.getByRole('navigation', { name: 'Trin i beregningen' }).getByRole('link', { name: /Konsekvenser 2/ }).click();
  const before = await app.getByTestId('preview-alle').textContent();
  await app.getByRole('checkbox', { name: 'Opdatér Kontanthjælp' }).check();
  await app.getByRole('button', { name: 'Opdatér de valgte' }).click();
  await expect(app.getByRole('heading', { name: EXAMPLE_NOTICE })).toHaveCount(0);
  // the knowledge price of Kontanthjælp is now the current one (2.174 kr. for kommune), and the result moved
  await expect(app.getByTestId('preview-alle')).not.toHaveText(before ?? '');
  await expect(app.getByText('Ændringer er ikke gemt')).toBeVisible();
});

test('the overview works with the keyboard: Tilføj ny indsats, Næste and the step bar', async ({ app }) => {
  await app.getByRole('button', { name: 'Tilføj ny indsats' }).focus();
  await app.keyboard.press('Enter');
  await expect(app.getByLabel('Indsatsens navn')).toBeVisible();
  await app.getByLabel('Indsatsens navn').focus();
  await app.keyboard.press('Control+A');
  await app.keyboard.type('Tastaturindsats');
  await app.getByRole('button', { name: 'Næste ›' }).focus();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('heading', { level: 2, name: 'Deltagere og omkostninger' })).toBeVisible();
  // back to the first step through the step bar, by keyboard
  await app.getByRole('navigation', { name: 'Trin i beregningen' }).getByRole('link', { name: /Om indsatsen/ }).focus();
  await app.keyboard.press('Enter');
  await expect(app.getByLabel('Indsatsens navn')).toHaveValue('Tastaturindsats');
  // the ⓘ help opens with the keyboard and says what the field is
  const help = app.getByRole('button', { name: 'Hjælp til Indsatsens navn' });
  await help.focus();
  await app.keyboard.press('Space');
  await expect(help).toHaveAttribute('aria-expanded', 'true');
  await expect(app.getByRole('note').filter({ hasText: 'Navnet bruges også som filnavn' })).toBeVisible();
});

test('opening an unknown id shows a Danish error and changes nothing', async ({ app, host }) => {
  await app.goto(`${host.url.replace(/#.*$/, '')}#/beregning/${'0'.repeat(32)}/om`);
  await expect(app.getByRole('alert')).toContainText('Beregningen findes ikke');
  await app.goto(`${host.url.replace(/#.*$/, '')}#/beregning/..%2F..%2Fetc%2Fpasswd/om`);
  await expect(app.getByRole('alert')).toContainText('Ugyldigt id');
  expect(somFiles(host.documentsDir)).toEqual([]);
});

test('Skift mappe is offered on Oversigt; the web host explains in Danish that only the desktop app can change it', async ({ app }) => {
  await app.getByRole('link', { name: 'Oversigt' }).click();
  await app.getByRole('button', { name: 'Skift mappe …' }).click();
  await expect(app.getByRole('alert')).toContainText('Mappen kan kun skiftes i skrivebordsprogrammet');
  await expect(app.getByRole('button', { name: 'Brug standardmappen' })).toHaveCount(0);
});
