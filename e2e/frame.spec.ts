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
