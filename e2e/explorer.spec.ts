/**
 * The Vidensdatabase explorer in Chromium against the web host with the real handlers and the
 * real knowledge.sqlite. Expected numbers come from the same query functions the handlers use
 * (host.deps), never hard-coded.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import { test as base, expect } from './fixtures';
import { startWebHost } from '../src-main/web/server';
import { createWebDeps } from '../src-main/web/deps-web';
import { createKnowledgeDeps } from '../src-main/knowledge/service';
import { shippedKnowledgePath } from '../src-main/paths';
import * as q from '../src-main/knowledge/queries';
import type { Deps } from '../src-main/deps';

/**
 * Same host as the shared fixture; if the web deps do not (yet) include the user database and the
 * release manager, add them the way the Electron shell does (createKnowledgeDeps), so local prices
 * and release import can be tested through the real handlers.
 */
const test = base.extend({
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'som-e2e-data-'));
    const documentsDir = mkdtempSync(path.join(os.tmpdir(), 'som-e2e-docs-'));
    const web = createWebDeps({ userDataDir, documentsDir });
    let deps: Deps = web;
    let extra: { close(): void } | null = null;
    if (!web.knowledgeReleases || !web.userDb) {
      const k = createKnowledgeDeps({ shippedPath: shippedKnowledgePath, userDataDir });
      deps = { ...web, ...k };
      extra = { close: () => (k.knowledge.close(), k.userDb.close()) };
    }
    const host = await startWebHost({ deps, userDataDir, documentsDir, log: () => {} });
    await use(Object.assign(host, { userDataDir, documentsDir }));
    await host.close();
    extra?.close();
    web.close();
  },
});

const da = (n: number) => n.toLocaleString('da-DK');

async function open(page: Page, slug: string) {
  await page.evaluate((s) => (location.hash = `#/viden/${s}`), slug);
  await expect(page.locator(`nav[aria-label="Afsnit i vidensdatabasen"] a[href="#/viden/${slug}"]`)).toHaveAttribute('aria-current', 'page');
}

async function axe(page: Page) {
  const res = await new AxeBuilder({ page }).analyze();
  const bad = res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`)).toEqual([]);
}

async function save(download: Download, dir: string): Promise<string> {
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

/** Mouse click on a slicer option (the label), with optional modifiers. */
function option(page: Page, list: string, label: string) {
  return page.getByRole('group', { name: list, exact: true }).locator('label').filter({ hasText: label }).first();
}

test.describe('Vidensdatabase', () => {
  test('sub-navigation: five sections, keyboard reachable, each passes axe', async ({ app }) => {
    test.setTimeout(120_000);
    await app.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Vidensdatabase' }).click();
    const sub = app.getByRole('navigation', { name: 'Afsnit i vidensdatabasen' });
    await expect(sub.getByRole('link')).toHaveText(['Målgrupper', 'Effektstudier', 'Konsekvenser', 'Priser', 'Anden viden']);
    await expect(sub.getByRole('link', { name: 'Målgrupper' })).toHaveAttribute('aria-current', 'page');
    for (const [slug, heading] of [
      ['maalgrupper', 'Karakteristika for personer i målgrupperne'],
      ['effektstudier', 'Litteraturoversigt'],
      ['konsekvenser', null],
      ['priser', 'Priser, kr. pr. enhed'],
      ['anden-viden', 'Udviklingen i nettoprisindekset'],
    ] as const) {
      await open(app, slug);
      await expect(app).toHaveURL(new RegExp(`#/viden/${slug}$`));
      await expect(app.getByText('Vejledning', { exact: true })).toBeVisible();
      if (heading) await expect(app.getByRole('heading', { name: heading })).toBeVisible();
      if (slug === 'konsekvenser') await expect(app.getByRole('table').first()).toBeVisible();
      if (slug === 'effektstudier') await expect(app.getByTestId('study-counter')).toContainText(' ud af ');
      await axe(app);
    }
    // Keyboard: arrow keys move between the section links, Enter follows.
    await sub.getByRole('link', { name: 'Anden viden' }).focus();
    await app.keyboard.press('ArrowLeft');
    await expect(sub.getByRole('link', { name: 'Priser' })).toBeFocused();
    await app.keyboard.press('Enter');
    await expect(app).toHaveURL(/#\/viden\/priser$/);
  });

  test('Målgrupper: Tema and Målgruppe filters change the side-by-side table; source on focus', async ({ app, host }) => {
    const db = host.deps.knowledge.db;
    await open(app, 'maalgrupper');
    const table = app.getByRole('table', { name: /karakteristika/ });
    const all = q.targetGroups(db, {});
    await expect(table.getByRole('columnheader')).toHaveCount(all.length + 1);
    const theme = q.themes(db).find((t) => t.targetGroupCount > 1)!;
    await option(app, 'Tema', theme.label).click();
    const inTheme = q.targetGroups(db, { themeIds: [theme.id] });
    await expect(table.getByRole('columnheader')).toHaveCount(inTheme.length + 1);
    await expect(app.getByRole('group', { name: 'Målgruppe', exact: true }).getByRole('checkbox')).toHaveCount(inTheme.length);
    // Click one group, ctrl+click a second: two columns.
    await option(app, 'Målgruppe', inTheme[0].label).click();
    await option(app, 'Målgruppe', inTheme[1].label).click({ modifiers: ['ControlOrMeta'] });
    await expect(table.getByRole('columnheader')).toHaveText(['Generel info', new RegExp(escape(inTheme[0].label)), new RegExp(escape(inTheme[1].label))]);
    const chars = q.characteristicsTable(db, { targetGroupIds: [inTheme[0].id, inTheme[1].id] });
    await expect(table.locator('tbody tr')).toHaveCount(chars.rows.length);
    const r = chars.rows.findIndex((x) => x.values[0] !== null);
    const cell = table.locator('tbody tr').nth(r).locator('td').first();
    await cell.focus();
    await expect(app.getByTestId('mg-kilde')).toContainText(chars.rows[r].sources[0]!);
    await expect(cell).toHaveAttribute('title', `Kilde: ${chars.rows[r].sources[0]}`);
    await app.getByText('Afgrænsning af målgruppen').click();
    await expect(app.getByRole('definition').first()).toBeVisible();
    await app.getByRole('button', { name: 'Ryd filtre' }).click();
    await expect(table.getByRole('columnheader')).toHaveCount(all.length + 1);
  });

  test('Effektstudier: counter, slicers, search, sort, details and exports (XLSX + CSV)', async ({ app, host }) => {
    const db = host.deps.knowledge.db;
    await open(app, 'effektstudier');
    const counter = app.getByTestId('study-counter');
    const total = q.studies(db, {}).total;
    await expect(counter).toHaveText(`Antal valgte effektstudier: ${da(total)} ud af ${da(total)}`);
    await expect(counter).toHaveAttribute('aria-live', 'polite');
    // Virtualised: only a window of the rows is in the DOM.
    const rendered = await app.getByTestId('studies-table').locator('tr.vt-row').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(Math.min(total, 40));

    const designs = q.studyFacets(db, {}).designs.map((d) => d.value);
    await option(app, 'Design', designs[0]).click();
    const one = q.studies(db, { designs: [designs[0]] }).count;
    await expect(counter).toHaveText(`Antal valgte effektstudier: ${da(one)} ud af ${da(total)}`);
    await option(app, 'Design', designs[1]).click({ modifiers: ['ControlOrMeta'] });
    const two = q.studies(db, { designs: [designs[0], designs[1]] }).count;
    await expect(counter).toHaveText(`Antal valgte effektstudier: ${da(two)} ud af ${da(total)}`);

    // Keyboard: Space on a Kvalitet checkbox.
    await app.getByRole('group', { name: 'Kvalitet' }).getByRole('checkbox', { name: /Høj/ }).focus();
    await app.keyboard.press('Space');
    const filter = { designs: [designs[0], designs[1]], qualities: ['Høj' as const] };
    const filtered = q.studies(db, { ...filter, limit: 1000 });
    await expect(counter).toHaveText(`Antal valgte effektstudier: ${da(filtered.count)} ud af ${da(total)}`);
    const tableEl = app.getByTestId('studies-table');
    await expect(tableEl.locator('tr[data-index="0"]')).toHaveAttribute('data-key', filtered.rows[0].id);

    // Sort by effect size, descending (two clicks), compare with the query.
    const sortBtn = app.getByRole('button', { name: /effekt.*størrelse/i });
    await sortBtn.click();
    await sortBtn.click();
    await expect(app.getByRole('columnheader', { name: /effekt.*størrelse/i })).toHaveAttribute('aria-sort', 'descending');
    const sorted = q.studies(db, { ...filter, sort: { column: 'effectSize', dir: 'desc' }, limit: 1 });
    await expect(tableEl.locator('tr[data-index="0"]')).toHaveAttribute('data-key', sorted.rows[0].id);

    // Arrow keys + Enter open the details with all fields and the source.
    await tableEl.locator('tr[data-index="0"]').focus();
    await app.keyboard.press('ArrowDown');
    await app.keyboard.press('Enter');
    const secondId = q.studies(db, { ...filter, sort: { column: 'effectSize', dir: 'desc' }, offset: 1, limit: 1 }).rows[0].id;
    const detail = q.study(db, secondId);
    const panel = app.getByTestId('study-detail');
    await expect(panel.getByRole('heading', { name: detail.title })).toBeFocused();
    await expect(panel).toContainText(`Kilde: ${detail.source}`);
    await expect(panel).toContainText(detail.controlGroup || '–');
    await expect(panel.getByRole('button', { name: 'Brug i beregning' })).toBeVisible();
    await axe(app); // filtered state: dimmed options, open details
    await panel.getByRole('button', { name: 'Luk detaljer' }).click();

    // Export the filtered table as XLSX and read it back.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'som-e2e-export-'));
    const expectedRows = q.allStudies(db, filter);
    const [xlsx] = await Promise.all([app.waitForEvent('download'), app.getByRole('button', { name: 'Eksportér (Excel)' }).click()]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await save(xlsx, dir));
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const idCol = header.indexOf('Id') + 1;
    expect(idCol).toBeGreaterThan(0);
    const ids: string[] = [];
    ws.eachRow((row, n) => {
      if (n > 1) ids.push(String(row.getCell(idCol).value));
    });
    expect(ids).toEqual(expectedRows.map((s) => s.id));
    expect(ids.length).toBe(filtered.count);

    // CSV: ';' separated, da-DK decimal comma.
    const [csv] = await Promise.all([app.waitForEvent('download'), app.getByRole('button', { name: 'Eksportér (CSV)' }).click()]);
    const text = readFileSync(await save(csv, dir), 'utf8').replace(/^\uFEFF/, '');
    const lines = text.trim().split(/\r\n/);
    expect(lines.length).toBe(filtered.count + 1);
    const cols = lines[0].split(';');
    const esCol = cols.indexOf('Effektstørrelse');
    expect(esCol).toBeGreaterThan(0);
    const withDecimals = expectedRows.findIndex((s) => s.effectSize !== null && !Number.isInteger(s.effectSize));
    expect(withDecimals).toBeGreaterThanOrEqual(0);
    const cell = lines[withDecimals + 1].split(';')[esCol];
    expect(cell).toBe(String(expectedRows[withDecimals].effectSize).replace('.', ','));

    // Free-text search (debounced) and the empty state.
    await app.getByRole('button', { name: 'Ryd filtre' }).click();
    await expect(counter).toHaveText(`Antal valgte effektstudier: ${da(total)} ud af ${da(total)}`);
    const word = expectedRows[0].intervention.split(/\s+/)[0];
    await app.getByLabel('Søg i effektstudier').fill(word);
    await expect(counter).toHaveText(`Antal valgte effektstudier: ${da(q.studies(db, { text: word }).count)} ud af ${da(total)}`);
    await app.getByLabel('Søg i effektstudier').fill('qqqxyzzy');
    await expect(app.getByText('Ingen effektstudier matcher filtrene.')).toBeVisible();
    await expect(counter).toHaveText(`Antal valgte effektstudier: 0 ud af ${da(total)}`);
  });

  test('Konsekvenser: choosing målgruppe and succesmål shows År 1–20 with the colour code', async ({ app, host }) => {
    const db = host.deps.knowledge.db;
    await open(app, 'konsekvenser');
    const groups = q.targetGroups(db, {}).filter((g) => g.hasConsequences);
    // Pick a group other than the default (first) one, with consequences for its first measure.
    const pick = groups.slice(1).find((g) => q.successMeasures(db, g.id).some((m) => q.consequences(db, g.id, m.id).lines.length > 0))!;
    const measure = q.successMeasures(db, pick.id).find((m) => q.consequences(db, pick.id, m.id).lines.length > 0)!;
    await app.getByLabel('Vælg målgruppe').selectOption(pick.id);
    await app.getByLabel('Vælg succesmål').selectOption(measure.id);
    const c = q.consequences(db, pick.id, measure.id);
    await expect(app.getByTestId('consequence-counter')).toHaveText(`Antal valgte konsekvenser: ${da(c.lines.length)} ud af ${da(c.lines.length)}`);
    await expect(app.getByText(`for ${pick.label}, succesmål:`)).toBeVisible();
    await expect(app.locator('tr.main-row')).toHaveCount(c.lines.length);
    const line = c.lines[0];
    const row = app.locator('tr.main-row').first();
    await expect(row.getByRole('rowheader')).toContainText(line.label);
    const cells = row.locator('td.num');
    await expect(cells).toHaveCount(20);
    for (let i = 0; i < 20; i++) {
      const kind = line.values[i] === null || line.kinds[i] === null ? 'kind-blank' : `kind-${line.kinds[i]}`;
      await expect(cells.nth(i)).toHaveClass(new RegExp(kind));
    }
    await expect(app.getByTestId('kind-legend')).toContainText('Estimat');
    await expect(app.getByTestId('kind-legend')).toContainText('Fremskrevet (forecast)');
    await expect(app.getByTestId('kind-legend')).toContainText('Ikke estimeret (blankt felt)');
    if (c.lines.some((l) => l.uncertainSocialService)) await expect(app.getByRole('note')).toContainText('sociale serviceydelser');

    // The seed case: Hjemløse kontanthjælp with Succesgruppe / Andre / Justering rows.
    const hj = q.successMeasures(db, 'hjemloese-18-65')[0];
    await app.getByLabel('Vælg målgruppe').selectOption('hjemloese-18-65');
    await app.getByLabel('Vælg succesmål').selectOption(hj.id);
    const kh = q.consequences(db, 'hjemloese-18-65', hj.id).lines.find((l) => l.dimensionId === 'kontanthjaelp')!;
    const t = app.getByRole('table', { name: new RegExp(kh.area) });
    await expect(t.getByRole('rowheader', { name: 'Succesgruppe' })).toBeVisible();
    await expect(t.locator('tr', { has: app.getByRole('rowheader', { name: 'Andre' }) })).toContainText(kh.others![0]!.toLocaleString('da-DK', { minimumFractionDigits: 1 }));
  });

  test('Priser: filters, and a local price set through the dialog is marked "Lokal" and can be reset', async ({ app, host }) => {
    const db = host.deps.knowledge.db;
    await open(app, 'priser');
    const lookup = () => q.makeLocalLookup(host.deps.userDb?.localPrices() ?? []);
    const counter = app.getByTestId('price-counter');
    const all = da(q.prices(db, {}, lookup()).length);
    await expect(counter).toHaveText(`Antal valgte priser: ${all} ud af ${all}`);
    await option(app, 'Konsekvens: hoveddimension', 'Indkomstoverførsler').click();
    const inArea = q.prices(db, { areas: ['Indkomstoverførsler'] }, lookup());
    await expect(counter).toHaveText(`Antal valgte priser: ${da(inArea.length)} ud af ${all}`);
    const dims = q.dimensions(db).filter((d) => d.area === 'Indkomstoverførsler');
    await expect(app.getByRole('group', { name: 'Konsekvens: underdimension' }).getByRole('checkbox')).toHaveCount(dims.length);
    await option(app, 'Målgruppe', 'Hjemløse (18-65 år)').click();
    const rows = q.prices(db, { areas: ['Indkomstoverførsler'], targetGroupIds: ['hjemloese-18-65'] }, lookup());
    await expect(counter).toHaveText(`Antal valgte priser: ${da(rows.length)} ud af ${all}`);
    const row = rows.find((r) => r.dimensionId === 'kontanthjaelp') ?? rows[0];
    const table = app.getByTestId('prices-table');
    const tr = table.locator(`tr[data-key="${row.targetGroupId}|${row.dimensionId}"]`);
    await expect(tr).toContainText(row.total.toLocaleString('da-DK', { maximumFractionDigits: 0 }));

    await tr.getByRole('button', { name: `Angiv lokal pris for ${row.label}, ${row.targetGroupLabel}` }).click();
    const dialog = app.getByRole('dialog', { name: 'Angiv lokal pris' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Kommune (kr.)').fill('12,3,4');
    await dialog.getByRole('button', { name: 'Gem lokal pris' }).click();
    await expect(dialog.getByText('Skriv et tal, fx 1.234,5 (komma som decimaltegn).')).toBeVisible();
    await expect(dialog.getByLabel('Kommune (kr.)')).toHaveAttribute('aria-invalid', 'true');
    await axe(app);
    await dialog.getByLabel('Kommune (kr.)').fill('1.234,5');
    await dialog.getByLabel('Note').fill('Egen takst 2024');
    await dialog.getByRole('button', { name: 'Gem lokal pris' }).click();
    await expect(dialog).toBeHidden();
    await expect(tr.getByText('Lokal', { exact: true })).toBeVisible();
    const saved = host.deps.userDb!.localPrices();
    expect(saved).toMatchObject([{ dimensionId: row.dimensionId, targetGroupId: row.targetGroupId, kommune: 1234.5, note: 'Egen takst 2024' }]);

    await tr.getByRole('button', { name: `Ret lokal pris for ${row.label}, ${row.targetGroupLabel}` }).click();
    await dialog.getByRole('button', { name: "Nulstil til SØM's pris" }).click();
    await expect(tr.getByText('Lokal', { exact: true })).toHaveCount(0);
    expect(host.deps.userDb!.localPrices()).toEqual([]);
  });

  test('Anden viden: price index (table + chart), rente and skattesatser with sources', async ({ app, host }) => {
    const o = q.other(host.deps.knowledge.db);
    await open(app, 'anden-viden');
    const pi = app.getByRole('table', { name: 'Nettoprisindeks pr. år' });
    await expect(pi.getByRole('columnheader')).toHaveCount(o.priceIndex.rows.length + 1);
    const first = o.priceIndex.rows[0];
    // Rows: Type (faktisk/fremskrevet), Årlig ændring, Prisindeks (four decimals, as Danmarks Statistik's rebased values).
    await expect(pi.locator('tbody tr').nth(0).locator('td').first()).toHaveText(first.kind === 'projected' ? 'Fremskrevet' : 'Faktisk');
    await expect(pi.locator('tbody tr').nth(2).locator('td').first()).toHaveText(first.value.toLocaleString('da-DK', { minimumFractionDigits: 4, maximumFractionDigits: 4 }));
    await expect(app.getByRole('img', { name: /Linjediagram over nettoprisindekset/ })).toBeVisible();
    await expect(app.locator('canvas')).toHaveCount(1);
    await expect(app.getByTestId('discount-rate')).toHaveText(`${(o.discountRate.value * 100).toLocaleString('da-DK')} %`);
    const tax = app.getByRole('table', { name: /Skatteprocent/ });
    await expect(tax.locator('tbody td')).toHaveText([o.taxRates.stat, o.taxRates.region, o.taxRates.kommune].map((x) => `${(x * 100).toLocaleString('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`));
    await expect(app.getByText(`Kilde: ${o.taxRates.source}`)).toBeVisible();
    await expect(app.getByText(`Kilde: ${o.discountRate.source}`)).toBeVisible();
  });

  test('Releases: template export → import as a new release (selected); a broken template gives a Danish error and keeps the release', async ({ app, host }) => {
    await open(app, 'anden-viden');
    const panel = app.getByTestId('releases');
    const shipped = host.deps.knowledge.release()!.release;
    await expect(panel.locator(`tr[data-release="${shipped}"]`)).toContainText('✓ I brug');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'som-e2e-release-'));
    const [dl] = await Promise.all([app.waitForEvent('download'), panel.getByRole('button', { name: 'Hent skabelon (Excel)' }).click()]);
    const template = await save(dl, dir);

    async function variant(name: string, edit: (wb: ExcelJS.Workbook) => void): Promise<string> {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(template);
      edit(wb);
      const file = path.join(dir, name);
      await wb.xlsx.writeFile(file);
      return file;
    }
    const setReleaseId = (wb: ExcelJS.Workbook, id: string) => {
      const ws = wb.getWorksheet('Udgivelse')!;
      ws.eachRow((row) => {
        if (row.getCell(1).value === 'Udgivelses-id') row.getCell(2).value = id;
      });
    };
    async function importFile(file: string) {
      const [chooser] = await Promise.all([app.waitForEvent('filechooser'), panel.getByRole('button', { name: 'Importér udgave…' }).click()]);
      await chooser.setFiles(file);
    }

    // Broken: one price cell is not a number.
    const broken = await variant('broken.xlsx', (wb) => {
      setReleaseId(wb, '2099.1-fejl');
      const ws = wb.getWorksheet('Priser')!;
      const col = (ws.getRow(1).values as unknown[]).indexOf('Kommune');
      ws.getRow(3).getCell(col).value = 'mange penge';
    });
    await importFile(broken);
    const alert = panel.getByRole('alert');
    await expect(alert).toContainText("Ark 'Priser', række 3, kolonne 'Kommune'");
    await expect(panel.locator(`tr[data-release="${shipped}"]`)).toContainText('✓ I brug');
    expect(host.deps.knowledge.release()!.release).toBe(shipped);

    // Valid: the same template under a new id, with one changed source text to see the reload.
    const oldSource = q.other(host.deps.knowledge.db).discountRate.source;
    await expect(app.getByText(`Kilde: ${oldSource}`)).toBeVisible();
    const good = await variant('good.xlsx', (wb) => {
      setReleaseId(wb, '2099.1-test');
      wb.getWorksheet('Parametre')!.eachRow((row) => {
        if (row.getCell(2).value === oldSource) row.getCell(2).value = 'Testkilde for importeret udgave';
      });
    });
    await importFile(good);
    await expect(panel.getByText('Udgave 2099.1-test er importeret og i brug.')).toBeVisible();
    await expect(panel.locator('tr[data-release="2099.1-test"]')).toContainText('✓ I brug');
    await expect(panel.locator(`tr[data-release="${shipped}"]`).getByRole('button', { name: `Brug udgave ${shipped}` })).toBeVisible();
    expect(host.deps.knowledge.release()!.release).toBe('2099.1-test');
    await expect(panel.getByRole('alert')).toHaveCount(0);
    // The explorer reloaded its data from the new release.
    expect(q.other(host.deps.knowledge.db).discountRate.source).toBe('Testkilde for importeret udgave');
    await expect(app.getByText('Kilde: Testkilde for importeret udgave')).toBeVisible();

    // Switch back.
    await panel.getByRole('button', { name: `Brug udgave ${shipped}` }).click();
    await expect(panel.locator(`tr[data-release="${shipped}"]`)).toContainText('✓ I brug');
    expect(host.deps.knowledge.release()!.release).toBe(shipped);
    await expect(app.getByText(`Kilde: ${oldSource}`)).toBeVisible();
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
