import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, beforeEach, afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import type { Deps } from '../deps';
import { knowledgeHandlers } from './knowledge';
import { handlers } from './index';
import { buildKnowledgeDb, knowledgeDataHash, loadSources } from '../knowledge/build';
import { createKnowledgeDeps } from '../knowledge/service';
import { openKnowledgeDb } from '../knowledge/db';
import type { Result } from '../../shared/errors';
import type { ChannelName, Req, Res } from '../../shared/ipc';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let tmp: string;
let shippedPath: string;
let shippedHash: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'som-kh-'));
  shippedPath = path.join(tmp, 'knowledge.sqlite');
  shippedHash = buildKnowledgeDb(loadSources(path.join(root, 'data', 'knowledge')), shippedPath).sha256;
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

let userDataDir: string;
let deps: Deps;
let kd: ReturnType<typeof createKnowledgeDeps>;

beforeEach(() => {
  userDataDir = fs.mkdtempSync(path.join(tmp, 'user-'));
  kd = createKnowledgeDeps({ shippedPath, userDataDir });
  deps = { appName: 'SØM Desktop', appVersion: '0.0.0', host: 'web', userDataDir, ...kd } as unknown as Deps;
});
afterEach(() => {
  kd.knowledge.close();
  kd.userDb.close();
});

async function call<C extends ChannelName>(name: C, args: Req<C>): Promise<Result<Res<C>>> {
  return (await dispatch(handlers, deps, name, args, () => undefined)) as Result<Res<C>>;
}
async function ok<C extends ChannelName>(name: C, args: Req<C>): Promise<Res<C>> {
  const r = await call(name, args);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}

async function readXlsx(base64: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ArrayBuffer);
  return wb;
}

function sheetRows(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow((row) => {
    const vals = row.values as unknown[];
    out.push(vals.slice(1));
  });
  return out;
}

describe('knowledge read channels', () => {
  it('registers a handler for every knowledge channel', () => {
    expect(Object.keys(knowledgeHandlers).length).toBeGreaterThanOrEqual(20);
    for (const k of Object.keys(knowledgeHandlers)) expect(handlers).toHaveProperty(k);
  });

  it('knowledge.themes and knowledge.targetGroups (filtered by theme, with characteristics)', async () => {
    const themes = await ok('knowledge.themes', {});
    expect(themes.map((t) => t.id)).toEqual(['udsatte-voksne', 'voksne-handicap', 'udsatte-boern-unge', 'handicap']);
    const all = await ok('knowledge.targetGroups', {});
    expect(themes.reduce((s, t) => s + t.targetGroupCount, 0)).toBe(all.length);
    const handicap = await ok('knowledge.targetGroups', { themeIds: ['voksne-handicap'] });
    expect(handicap.map((g) => g.id)).toEqual(['adhd-18-65', 'autisme-18-65', 'udviklingshaemning-18-65', 'hjerneskade-18-65']);
    const hj = all.find((g) => g.id === 'hjemloese-18-65');
    expect(hj?.hasConsequences).toBe(true);
    expect(hj?.characteristics.find((c) => c.key === 'antal-personer')?.value).toBe(90488);
    expect(all.find((g) => g.id === 'stammen')?.literatureOnly).toBe(true);
    const found = await ok('knowledge.targetGroups', { text: 'plejefamilie' });
    expect(found.map((g) => g.id).sort()).toEqual(['plejefamilie-0-5', 'plejefamilie-14-17', 'plejefamilie-6-13']);
    const sub = await ok('knowledge.targetGroups', { text: 'substitutionsbehandling' });
    expect(sub.map((g) => g.id)).toContain('stofmisbrug-ikke-subst-18-25');
  });

  it('knowledge.characteristics gives a side-by-side table and a Danish not-found error', async () => {
    const t = await ok('knowledge.characteristics', { targetGroupIds: ['alkohol-18-65', 'hjemloese-18-65'] });
    expect(t.targetGroups.map((g) => g.id)).toEqual(['alkohol-18-65', 'hjemloese-18-65']);
    expect(t.rows.find((r) => r.key === 'gennemsnitsalder')?.values).toEqual([46, 41]);
    const bad = await call('knowledge.characteristics', { targetGroupIds: ['findes-ikke'] });
    expect(bad).toEqual({ ok: false, error: { code: 'not-found', message: 'Målgruppen findes ikke: findes-ikke' } });
  });

  it('knowledge.studies counts "N ud af M", filters, searches, sorts and pages', async () => {
    const all = await ok('knowledge.studies', { offset: 0, limit: 1000 });
    expect(all.total).toBe(all.count);
    expect(all.rows).toHaveLength(all.total);

    const tg = await ok('knowledge.studies', { targetGroupIds: ['hjemloese-18-65'], limit: 1000 });
    expect(tg.total).toBe(all.total);
    expect(tg.count).toBe(all.rows.filter((r) => r.targetGroupId === 'hjemloese-18-65').length);
    expect(tg.rows.every((r) => r.targetGroupId === 'hjemloese-18-65')).toBe(true);

    const combo = await ok('knowledge.studies', { themeIds: ['udsatte-boern-unge'], designs: ['Metaanalyse', 'Kontrolgruppe med lodtrækning'], qualities: ['Høj'], limit: 1000 });
    const expected = all.rows.filter((r) => r.themeId === 'udsatte-boern-unge' && ['Metaanalyse', 'Kontrolgruppe med lodtrækning'].includes(r.design) && r.quality === 'Høj');
    expect(combo.count).toBe(expected.length);
    expect(combo.rows.map((r) => r.id)).toEqual(expected.map((r) => r.id));

    const text = await ok('knowledge.studies', { text: 'Cool Kids', limit: 1000 });
    expect(text.count).toBeGreaterThan(0);
    expect(text.rows.every((r) => /cool kids/i.test(`${r.title} ${r.intervention}`))).toBe(true);
    const prefix = await ok('knowledge.studies', { text: 'kogn', limit: 1000 });
    expect(prefix.rows.every((r) => /kogn/i.test(`${r.title} ${r.intervention} ${r.measure}`))).toBe(true);
    const both = await ok('knowledge.studies', { text: 'kognitiv', themeIds: ['udsatte-voksne'], sort: { column: 'year', dir: 'asc' }, limit: 1000 });
    const bothExpected = (await ok('knowledge.studies', { text: 'kognitiv', limit: 1000 })).rows.filter((r) => r.themeId === 'udsatte-voksne');
    expect(both.count).toBe(bothExpected.length);
    expect(both.rows.map((r) => r.id).sort()).toEqual(bothExpected.map((r) => r.id).sort());
    const years = both.rows.map((r) => r.year ?? 0);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    const textPage = await ok('knowledge.studies', { text: 'kognitiv', offset: 2, limit: 3 });
    expect(textPage.rows.map((r) => r.id)).toEqual((await ok('knowledge.studies', { text: 'kognitiv', limit: 1000 })).rows.slice(2, 5).map((r) => r.id));
    const odd = await ok('knowledge.studies', { text: '"(*', limit: 10 });
    expect(odd.count).toBe(all.total);

    const sorted = await ok('knowledge.studies', { sort: { column: 'effectSize', dir: 'desc' }, limit: 1000 });
    const es = sorted.rows.map((r) => r.effectSize ?? -Infinity);
    expect(es).toEqual([...es].sort((a, b) => b - a));

    const byHorizon = await ok('knowledge.studies', { sort: { column: 'horizonMonths', dir: 'asc' }, limit: 1000 });
    const hs = byHorizon.rows.filter((r) => r.horizonMonths !== null).map((r) => r.horizonMonths!);
    expect(hs.length).toBeGreaterThan(0);
    expect(hs).toEqual([...hs].sort((a, b) => a - b));
    const detail = await ok('knowledge.study', { id: byHorizon.rows[0].id });
    expect({ nControl: byHorizon.rows[0].nControl, horizonMonths: byHorizon.rows[0].horizonMonths }).toEqual({ nControl: detail.nControl, horizonMonths: detail.horizonMonths });

    const page2 = await ok('knowledge.studies', { offset: 10, limit: 10 });
    expect(page2.rows.map((r) => r.id)).toEqual(all.rows.slice(10, 20).map((r) => r.id));

    const bad = await call('knowledge.studies', { limit: 0 } as never);
    expect(bad.ok).toBe(false);
  });

  it('knowledge.studyFacets counts values constrained by the other filters', async () => {
    const f = await ok('knowledge.studyFacets', { themeIds: ['handicap'] });
    // The theme facet ignores its own filter; the others are limited to the theme.
    expect(f.themes.length).toBe(4);
    expect(f.targetGroups.map((g) => g.value).sort()).toEqual(['mobilitetshjaelpemidler', 'stammen']);
    const total = (await ok('knowledge.studies', { themeIds: ['handicap'] })).count;
    expect(f.qualities.reduce((s, q) => s + q.count, 0)).toBe(total);
  });

  it('knowledge.study returns details or a Danish not-found error', async () => {
    const s = await ok('knowledge.study', { id: 'es-0001' });
    expect(s.id).toBe('es-0001');
    expect(s).toHaveProperty('controlGroup');
    expect(s.illustrative).toBe(true);
    const bad = await call('knowledge.study', { id: 'nope' });
    expect(bad.ok ? null : bad.error.message).toBe('Effektstudiet findes ikke: nope');
  });

  it('knowledge.successMeasures, knowledge.dimensions and knowledge.consequences', async () => {
    const ms = await ok('knowledge.successMeasures', { targetGroupId: 'hjemloese-18-65' });
    expect(ms[0]).toMatchObject({ id: 'ophoer-hjemloeshed', label: 'Ophør af hjemløshed', illustrative: false });
    expect(ms[0].lineCount).toBeGreaterThan(4);
    const dims = await ok('knowledge.dimensions', {});
    const kh = dims.find((d) => d.id === 'kontanthjaelp');
    expect(kh).toMatchObject({ area: 'Indkomstoverførsler', unit: 'uger', direction: 'expense', taxableTransfer: true });
    expect(dims.find((d) => d.id === 'skat-indkomst')?.direction).toBe('revenue');
    expect(dims.filter((d) => d.area === 'Sociale serviceydelser').every((d) => d.uncertainSocialService)).toBe(true);
    const c = await ok('knowledge.consequences', { targetGroupId: 'hjemloese-18-65', successMeasureId: 'ophoer-hjemloeshed' });
    expect(c.lines.every((l) => l.values.length === 20 && l.kinds.length === 20)).toBe(true);
    const bad = await call('knowledge.consequences', { targetGroupId: 'hjemloese-18-65', successMeasureId: 'x' });
    expect(bad.ok).toBe(false);
  });

  it('knowledge.prices filters and knowledge.other', async () => {
    const p = await ok('knowledge.prices', { targetGroupIds: ['hjemloese-18-65'], areas: ['Sociale serviceydelser'] });
    expect(p.length).toBeGreaterThan(0);
    expect(p.every((r) => r.area === 'Sociale serviceydelser' && r.targetGroupId === 'hjemloese-18-65' && r.local === null)).toBe(true);
    expect(p.every((r) => r.total === r.kommune + r.region + r.stat)).toBe(true);
    const o = await ok('knowledge.other', {});
    expect(o.priceIndex.rows.find((r) => r.year === 2022)?.value).toBe(1.1065);
    expect(o.discountRate.value).toBe(0.04);
    // Chained years keep the yearly change SØM v2.0 prints (1999: 2 %); Danmarks Statistik's years have none
    // stated (the change is computed from the index); projected years state the projection rate.
    const y1999 = o.priceIndex.rows.find((r) => r.year === 1999)!;
    expect(y1999.publishedChange).toBe(0.02);
    expect(y1999.change).toBeCloseTo(0.7034 / 0.6896 - 1, 12);
    const changes = (from: number, to: number) => o.priceIndex.rows.filter((r) => r.year >= from && r.year <= to).map((r) => (r.publishedChange === null ? '–' : Math.round(r.publishedChange * 100)));
    expect(changes(1998, 2014).join(' ')).toBe('1 2 3 2 3 2 1 2 2 2 4 2 2 3 2 1 1');
    expect(changes(2015, 2023).every((c) => c === '–')).toBe(true);
    expect(changes(2024, 2080).every((c) => c === 2)).toBe(true);
  });
});

describe('knowledge.linesFor', () => {
  it('builds .som lines, parameters and the knowledge stamp for the three course cases', async () => {
    const r = await ok('knowledge.linesFor', { targetGroupId: 'hjemloese-18-65', successMeasureId: 'ophoer-hjemloeshed' });
    expect(r.knowledge).toEqual({ release: '2026.1-eksempel', sha256: shippedHash });
    expect(r.parameters.discountRate).toBe(0.04);
    expect(r.parameters.taxRates).toEqual({ kommune: 0.264, region: 0, stat: 0.121 });
    expect(r.parameters.priceIndex['2018']).toBe(1);
    const kh = r.lines.find((l) => l.id === 'kontanthjaelp');
    expect(kh).toMatchObject({ dimensionId: 'kontanthjaelp', label: 'Kontanthjælp', area: 'Indkomstoverførsler', unit: 'uger', direction: 'expense', taxableTransfer: true, useEstimates: true });
    expect(kh?.estimate.slice(0, 4)).toEqual([-2.9, -2.4, -1.7, -1.0]);
    expect(kh?.own).toEqual(Array(20).fill(null));
    expect(kh?.ownPrice).toEqual({ kommune: null, region: null, stat: null });
    expect(kh?.price).toMatchObject({ priceYear: 2018, kommune: 2174, region: 0, stat: 544 });
    const skat = r.lines.find((l) => l.id === 'skat-indkomst');
    expect(skat?.estimate.slice(0, 7)).toEqual([12, 15, 16, 14, 12, 10, 9]);
    expect(skat?.price).toMatchObject({ kommune: 107, region: 0, stat: 193 });
    expect(r.uncertainDimensionIds).toContain('alkoholbehandling');
    expect(new Set(r.lines.map((l) => l.id)).size).toBe(r.lines.length);

    for (const [tg, sm] of [['angst-depression-6-13', 'ingen-kontakt-psykiatrien'], ['psyk-misbrug-alkohol-18-65', 'ingen-kontakt-psykiatrien'], ['alkohol-18-65', 'afsluttet-behandling']]) {
      const x = await ok('knowledge.linesFor', { targetGroupId: tg, successMeasureId: sm });
      expect(x.lines.length, tg).toBeGreaterThanOrEqual(4);
      expect(x.lines.every((l) => l.price.source !== 'Ingen pris i vidensdatabasen')).toBe(true);
    }
  });

  it('uses a local price as the line price with source "Lokal pris (…)", and falls back after reset', async () => {
    const set = await ok('knowledge.setLocalPrice', { dimensionId: 'kontanthjaelp', targetGroupId: 'hjemloese-18-65', kommune: 2500, region: null, stat: 620, priceYear: 2024, note: 'Egen opgørelse' });
    expect(set).toMatchObject({ dimensionId: 'kontanthjaelp', targetGroupId: 'hjemloese-18-65', kommune: 2500, region: null, stat: 620, priceYear: 2024 });
    const prices = await ok('knowledge.prices', { targetGroupIds: ['hjemloese-18-65'], dimensions: ['kontanthjaelp'] });
    expect(prices[0].local?.kommune).toBe(2500);
    expect(prices[0].kommune).toBe(2174);
    const r = await ok('knowledge.linesFor', { targetGroupId: 'hjemloese-18-65', successMeasureId: 'ophoer-hjemloeshed' });
    const kh = r.lines.find((l) => l.id === 'kontanthjaelp');
    expect(kh?.price).toMatchObject({ priceYear: 2024, kommune: 2500, region: 0, stat: 620 });
    expect(kh?.price.source).toMatch(/^Lokal pris \(/);
    expect(kh?.ownPrice).toEqual({ kommune: null, region: null, stat: null });
    expect(await ok('knowledge.localPrices', {})).toHaveLength(1);

    expect(await ok('knowledge.resetLocalPrice', { dimensionId: 'kontanthjaelp', targetGroupId: 'hjemloese-18-65' })).toEqual({ removed: true });
    expect(await ok('knowledge.resetLocalPrice', { dimensionId: 'kontanthjaelp', targetGroupId: 'hjemloese-18-65' })).toEqual({ removed: false });
    const after = await ok('knowledge.linesFor', { targetGroupId: 'hjemloese-18-65', successMeasureId: 'ophoer-hjemloeshed' });
    expect(after.lines.find((l) => l.id === 'kontanthjaelp')?.price.kommune).toBe(2174);
  });

  it('rejects local prices for unknown or derived dimensions and negative amounts', async () => {
    expect((await call('knowledge.setLocalPrice', { dimensionId: 'nope', kommune: 1, region: null, stat: null, priceYear: 2024 })).ok).toBe(false);
    const derived = await call('knowledge.setLocalPrice', { dimensionId: 'skat-overfoersler', kommune: 1, region: null, stat: null, priceYear: 2024 });
    expect(derived.ok ? '' : derived.error.message).toMatch(/beregnes af modellen/);
    expect((await call('knowledge.setLocalPrice', { dimensionId: 'kontanthjaelp', kommune: -1, region: null, stat: null, priceYear: 2024 })).ok).toBe(false);
  });

  it('persists local prices in the user database across restarts', async () => {
    await ok('knowledge.setLocalPrice', { dimensionId: 'herberg', kommune: 700, region: null, stat: 700, priceYear: 2023 });
    kd.knowledge.close();
    kd.userDb.close();
    kd = createKnowledgeDeps({ shippedPath, userDataDir });
    deps = { ...deps, ...kd } as Deps;
    expect((await ok('knowledge.localPrices', {})).map((p) => p.dimensionId)).toEqual(['herberg']);
  });

  it('still works with the minimal deps { knowledge: openKnowledgeDb(path) } (read-only, no user db)', async () => {
    const k = openKnowledgeDb(shippedPath);
    const minimal = { appName: 'x', appVersion: '1', host: 'web', userDataDir, knowledge: k } as unknown as Deps;
    const r = (await dispatch(handlers, minimal, 'knowledge.linesFor', { targetGroupId: 'hjemloese-18-65', successMeasureId: 'ophoer-hjemloeshed' })) as Result<Res<'knowledge.linesFor'>>;
    expect(r.ok).toBe(true);
    const set = await dispatch(handlers, minimal, 'knowledge.setLocalPrice', { dimensionId: 'kontanthjaelp', kommune: 1, region: null, stat: null, priceYear: 2024 });
    expect(set).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    k.close();
  });
});

describe('knowledge.export', () => {
  it('exports filtered studies as XLSX with numeric cells equal to the filtered rows', async () => {
    const filters = { themeIds: ['udsatte-voksne'], qualities: ['Høj' as const] };
    const page = await ok('knowledge.studies', { ...filters, limit: 1000 });
    const file = await ok('knowledge.export', { section: 'studies', format: 'xlsx', filters });
    expect(file.fileName).toMatch(/effektstudier\.xlsx$/);
    const wb = await readXlsx(file.base64);
    const rows = sheetRows(wb.worksheets[0]);
    expect(rows[0].slice(0, 3)).toEqual(['Id', 'Tema', 'Målgruppe']);
    expect(rows.length - 1).toBe(page.count);
    expect(rows.slice(1).map((r) => r[0])).toEqual(page.rows.map((r) => r.id));
    const esCol = (rows[0] as string[]).indexOf('Effektstørrelse');
    rows.slice(1).forEach((r, i) => {
      const v = r[esCol];
      if (page.rows[i].effectSize === null) expect(v ?? null).toBeNull();
      else {
        expect(typeof v).toBe('number');
        expect(v).toBe(page.rows[i].effectSize);
      }
    });
  });

  it('exports prices as da-DK CSV (BOM, semicolons, decimal comma)', async () => {
    await ok('knowledge.setLocalPrice', { dimensionId: 'kontanthjaelp', targetGroupId: 'hjemloese-18-65', kommune: 2300.5, region: null, stat: null, priceYear: 2024 });
    const file = await ok('knowledge.export', { section: 'prices', format: 'csv', filters: { targetGroupIds: ['hjemloese-18-65'], dimensions: ['kontanthjaelp', 'vejledning-opkvalificering'] } });
    expect(file.fileName).toMatch(/priser\.csv$/);
    const text = Buffer.from(file.base64, 'base64').toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('Målgruppe;Hoveddimension;Underdimension;Enhed;Pris i alt;Stat;Region;Kommune;Prisår;Lokal pris, kommune;Lokal pris, region;Lokal pris, stat;Lokal pris, prisår;Kilde;Illustrativ');
    const kh = lines.find((l) => l.includes(';Kontanthjælp;'))!.split(';');
    expect(kh.slice(0, 13)).toEqual(['Hjemløse (18-65 år)', 'Indkomstoverførsler', 'Kontanthjælp', 'Kr. pr. uge', '2.718', '544', '0', '2.174', '2018', '2.300,5', '', '', '2024']);
    expect(lines.find((l) => l.includes(';Kontanthjælp;'))!.endsWith(';Nej')).toBe(true);
    expect(lines.some((l) => l.includes(';Vejledning og opkvalificering;Kr. pr. uge;1.770;885;0;885;2018;'))).toBe(true);
  });

  it('exports the other sections', async () => {
    for (const section of ['targetGroups', 'consequences', 'other'] as const) {
      const file = await ok('knowledge.export', { section, format: 'xlsx', filters: { targetGroupIds: ['hjemloese-18-65'] } });
      const wb = await readXlsx(file.base64);
      expect(sheetRows(wb.worksheets[0]).length, section).toBeGreaterThan(1);
    }
    const cons = await ok('knowledge.export', { section: 'consequences', format: 'csv', filters: { targetGroupIds: ['hjemloese-18-65'], successMeasureId: 'ophoer-hjemloeshed' } });
    const text = Buffer.from(cons.base64, 'base64').toString('utf8');
    expect(text).toContain('Hjemløse (18-65 år);Ophør af hjemløshed;Indkomstoverførsler;Kontanthjælp;uger;Effekt;-2,9;-2,4;-1,7;-1;0;0;');
    expect(text).toContain(';Kontanthjælp;uger;Succesgruppe;17,8;16,1;14,8;13,6;12,6;11,8;');
  });
});

describe('release template, import and selection', () => {
  async function template(): Promise<ExcelJS.Workbook> {
    const t = await ok('knowledge.exportTemplate', {});
    expect(t.fileName).toMatch(/skabelon\.xlsx$/);
    return readXlsx(t.base64);
  }
  async function toBase64(wb: ExcelJS.Workbook): Promise<string> {
    return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
  }
  function setRelease(wb: ExcelJS.Workbook, id: string) {
    const ws = wb.getWorksheet('Udgivelse')!;
    ws.getRow(2).getCell(2).value = id;
  }
  function cellOf(ws: ExcelJS.Worksheet, header: string, row: number) {
    let col = 0;
    ws.getRow(1).eachCell((c, n) => {
      if (c.value === header) col = n;
    });
    expect(col).toBeGreaterThan(0);
    return ws.getRow(row).getCell(col);
  }

  it('has one sheet per section', async () => {
    const wb = await template();
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Udgivelse', 'Temaer', 'Målgrupper', 'Karakteristika', 'Succesmål', 'Dimensioner', 'Konsekvenser', 'Priser', 'Effektstudier', 'Prisindeks', 'Fakta', 'Parametre']);
  });

  it('imports a good template as a new, active release under userData, leaving the shipped file untouched', async () => {
    const before = fs.readFileSync(shippedPath);
    const wb = await template();
    setRelease(wb, '2026.2-test');
    const prices = wb.getWorksheet('Priser')!;
    cellOf(prices, 'Kommune', 2).value = 12345;
    const res = await ok('knowledge.importRelease', { fileName: 'ny.xlsx', base64: await toBase64(wb) });
    expect(res.release).toMatchObject({ id: '2026.2-test', kind: 'imported', active: true });
    expect(res.release.sha256).not.toBe(shippedHash);
    expect(res.counts.studies).toBe(120);
    expect(fs.existsSync(path.join(userDataDir, 'knowledge', `release-${res.release.sha256.slice(0, 24)}.sqlite`))).toBe(true);
    expect(fs.readFileSync(shippedPath).equals(before)).toBe(true);

    const info = await ok('app.info', {});
    expect(info.knowledge?.release).toBe('2026.2-test');
    const rels = await ok('knowledge.releases', {});
    expect(rels.map((r) => [r.id, r.kind, r.active])).toEqual([
      ['2026.1-eksempel', 'shipped', false],
      ['2026.2-test', 'imported', true],
    ]);
    const p = await ok('knowledge.prices', { targetGroupIds: ['hjemloese-18-65'], dimensions: ['vejledning-opkvalificering'] });
    expect(p[0].kommune).toBe(12345);

    // The choice survives a restart.
    kd.knowledge.close();
    kd.userDb.close();
    kd = createKnowledgeDeps({ shippedPath, userDataDir });
    deps = { ...deps, ...kd } as Deps;
    expect((await ok('app.info', {})).knowledge?.release).toBe('2026.2-test');

    const back = await ok('knowledge.selectRelease', { id: '2026.1-eksempel' });
    expect(back).toMatchObject({ id: '2026.1-eksempel', active: true, kind: 'shipped' });
    expect((await ok('knowledge.prices', { targetGroupIds: ['hjemloese-18-65'], dimensions: ['vejledning-opkvalificering'] }))[0].kommune).toBe(885);
    expect((await call('knowledge.selectRelease', { id: 'nope' })).ok).toBe(false);
  });

  it('a round trip through the template keeps the data (same content hash apart from the release)', async () => {
    const wb = await template();
    setRelease(wb, '2026.1-kopi');
    const res = await ok('knowledge.importRelease', { fileName: 'kopi.xlsx', base64: await toBase64(wb) });
    const shipped = loadSources(path.join(root, 'data', 'knowledge'));
    expect(res.release.sha256).toBe(knowledgeDataHash({ ...shipped, release: { ...shipped.release, id: '2026.1-kopi' } }));
  });

  it('rejects a broken template with sheet, row and column, and keeps the current release', async () => {
    const wb = await template();
    setRelease(wb, '2026.3-fejl');
    const prices = wb.getWorksheet('Priser')!;
    cellOf(prices, 'Kommune', 14).value = -5;
    cellOf(wb.getWorksheet('Konsekvenser')!, 'År 2', 3).value = 'mange';
    const r = await call('knowledge.importRelease', { fileName: 'fejl.xlsx', base64: await toBase64(wb) });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-file');
      expect(r.error.message).toContain("Ark 'Priser', række 14, kolonne 'Kommune': skal være et tal ≥ 0");
      expect(r.error.message).toContain("Ark 'Konsekvenser', række 3, kolonne 'År 2': skal være et tal");
    }
    expect((await ok('app.info', {})).knowledge?.release).toBe('2026.1-eksempel');
    expect(fs.existsSync(path.join(userDataDir, 'knowledge')) ? fs.readdirSync(path.join(userDataDir, 'knowledge')) : []).toEqual([]);
    expect((await ok('knowledge.releases', {})).length).toBe(1);
  });

  it('rejects unknown references, duplicate release ids and non-xlsx files in Danish', async () => {
    const wb = await template();
    setRelease(wb, '2026.4-ref');
    cellOf(wb.getWorksheet('Priser')!, 'Dimension-id', 5).value = 'ukendt-dimension';
    const r = await call('knowledge.importRelease', { fileName: 'ref.xlsx', base64: await toBase64(wb) });
    expect(r.ok ? '' : r.error.message).toContain("Ark 'Priser', række 5, kolonne 'Dimension-id': ukendt dimension \"ukendt-dimension\"");

    const same = await template();
    const dup = await call('knowledge.importRelease', { fileName: 'dup.xlsx', base64: await toBase64(same) });
    expect(dup).toMatchObject({ ok: false, error: { code: 'conflict' } });

    const notXlsx = await call('knowledge.importRelease', { fileName: 'x.xlsx', base64: Buffer.from('hej').toString('base64') });
    expect(notXlsx).toMatchObject({ ok: false, error: { code: 'invalid-file', message: 'Filen er ikke et Excel-regneark (.xlsx).' } });
    const wrongName = await call('knowledge.importRelease', { fileName: 'x.csv', base64: 'AAAA' });
    expect(wrongName.ok).toBe(false);

    const missingSheet = await template();
    missingSheet.removeWorksheet(missingSheet.getWorksheet('Priser')!.id);
    setRelease(missingSheet, '2026.5-mangler');
    const ms = await call('knowledge.importRelease', { fileName: 'm.xlsx', base64: await toBase64(missingSheet) });
    expect(ms.ok ? '' : ms.error.message).toContain("Ark 'Priser' mangler i regnearket");
  });
});
