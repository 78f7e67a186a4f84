import { test, expect } from './fixtures';

test('the app frame shows the Danish navigation and app.info from the real handler', async ({ app, host }) => {
  const nav = app.getByRole('navigation', { name: 'Hovedmenu' });
  await expect(nav.getByRole('link', { name: 'Oversigt' })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: 'Ny beregning' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Vidensdatabase' })).toBeVisible();
  const info = host.deps.knowledge.release();
  const footer = app.getByTestId('app-info').first();
  await expect(footer).toContainText('SØM Desktop');
  await expect(footer).toContainText('webvært');
  if (info) await expect(footer).toContainText(info.release);
  await nav.getByRole('link', { name: 'Vidensdatabase' }).click();
  await expect(nav.getByRole('link', { name: 'Vidensdatabase' })).toHaveAttribute('aria-current', 'page');
  await expect(app).toHaveURL(/#\/viden\//);
});

test('bridge calls without the token are refused by the web host', async ({ app, host, allowedConsoleErrors }) => {
  allowedConsoleErrors.push(/status of 401 \(Unauthorized\)/);
  const status = await app.evaluate(async (origin) => {
    const res = await fetch(`${origin}/api/app.info`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    return res.status;
  }, host.origin);
  expect(status).toBe(401);
});

test('no page is wider than the window at 1366 and 1093 px (125 %): wide tables scroll in their own box', async ({ app, host }) => {
  const routes = ['oversigt', 'viden/maalgrupper', 'viden/effektstudier', 'viden/konsekvenser', 'viden/priser', 'viden/anden-viden', 'sammenligning', 'beregning/ny/omkostninger', 'beregning/ny/konsekvenser-2'];
  const wider: string[] = [];
  for (const width of [1366, 1093]) {
    await app.setViewportSize({ width, height: 900 });
    for (const r of routes) {
      await app.goto(`${host.url}#/${r}`);
      await expect(app.locator('main h1, main h2').first()).toBeVisible();
      await app.waitForTimeout(300); // charts and tables settle after the first heading
      const w = await app.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (w > 0) wider.push(`${r} at ${width}: ${w} px`);
    }
  }
  expect(wider).toEqual([]);
});

test('no tab of Resultater is wider than the window at 1093 px (hidden cell texts stay in their table box)', async ({ app, host }) => {
  const e = host.deps.store.createFromExample('icm-hjemloese');
  await app.setViewportSize({ width: 1093, height: 900 });
  await app.goto(`${host.url}#/beregning/${encodeURIComponent(e.id)}/resultater`);
  await app.getByRole('button', { name: 'Behold filens værdier' }).click();
  const wider: string[] = [];
  for (const tab of ['Resultater', 'Detaljerede resultater', 'Følsomhed og scenarier', 'Monte Carlo', 'Forudsætninger', 'Opfølgning', 'Udskriv rapport (pdf)']) {
    await app.getByRole('tab', { name: tab, exact: true }).click();
    await expect(app.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
    await app.waitForTimeout(300);
    const w = await app.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    if (w > 0) wider.push(`${tab}: ${w} px`);
  }
  expect(wider).toEqual([]);
});
