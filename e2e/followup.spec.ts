/**
 * Opfølgning in the real app: a saved calculation is followed up from Oversigt ("Følg op"), the
 * actuals are entered by their labels, and the summary and the re-forecast figure are what the
 * engine gives for the saved file (web host, real handlers, Debian Chromium).
 */
import { test, expect } from './fixtures';
import { parseSom } from '../shared/som/io';
import { calculateFollowUp } from '../shared/engine/followup';
import { followUpSummary } from '../shared/report/followup';
import { formatKr } from '../shared/format';
import { readGolden } from '../test-support/golden';
import { hostCall } from './host-api';


test('Følg op: actuals typed by label give the engine\'s re-forecast, summary and a saved followUp', async ({ app, host }) => {
  const text = readGolden('icm-hjemloese.som');
  const { id } = await hostCall<{ id: string }>(host, 'store.importFile', { fileName: 'icm-hjemloese.som', text });
  await app.goto(`${host.url}#/oversigt`);
  await app.reload();
  await app.getByRole('button', { name: /^Følg op/ }).first().click();
  await expect(app.getByRole('tab', { name: 'Opfølgning' })).toHaveAttribute('aria-selected', 'true');
  await expect(app.getByRole('heading', { name: 'Opfølgning: forventet og faktisk' })).toBeVisible();

  /** A cell of the follow-up table, by the name a screen reader gives it (row label and year). */
  const field = (name: string) => app.getByRole('textbox', { name, exact: true });
  await app.getByLabel('Opgjort pr.').fill('2019-06-30');
  await field('Antal deltagere, der startede 2018').fill('16');
  await field('Antal med succes 2018').fill('5');
  await field('Faktiske omkostninger, kommune 2018').fill('1.100.000');
  await field('Antal deltagere, der startede 2019').fill('25');
  await field('Note 2018').fill('Opgjort af jobcentret');

  // A rule broken on the way: shown in Danish next to the field, the text stays.
  await field('Antal med succes 2019').fill('30');
  await expect(app.getByText('Må ikke være større end antal deltagere, der startede (25).')).toBeVisible();
  await expect(field('Antal med succes 2019')).toHaveValue('30');
  await field('Antal med succes 2019').fill('');
  await expect(app.getByText('Må ikke være større end antal deltagere')).toHaveCount(0);

  await app.getByRole('button', { name: 'Gem', exact: true }).click();
  await expect(app.getByRole('status').filter({ hasText: 'Gemt som' })).toBeVisible();

  const saved = await hostCall<{ doc: unknown }>(host, 'store.open', { id });
  const doc = parseSom(JSON.stringify(saved.doc));
  expect(doc.followUp).toMatchObject({
    asOf: '2019-06-30',
    years: [
      { year: 2018, participants: 16, successes: 5, costs: { kommune: 1_100_000, region: null, stat: null }, note: 'Opgjort af jobcentret' },
      { year: 2019, participants: 25, successes: null },
    ],
  });
  const f = calculateFollowUp(doc)!;
  await expect(app.getByTestId('followup-summary')).toHaveText(followUpSummary(f, doc.view.actor));
  await expect(app.getByTestId('followup-summary')).toContainText('Indtil nu 41 deltagere mod forventet 40');
  await expect(app.getByTestId('realised-rate')).toHaveText('31,3 %');
  await expect(app.getByTestId('reforecast-alle-pvNet')).toHaveText(formatKr(f.reforecast.actors.alle.pvNet));
  await expect(app.getByTestId('reforecast-kommune-pvCosts')).toHaveText(formatKr(f.reforecast.actors.kommune.pvCosts));

  await app.setViewportSize({ width: 1280, height: 2200 });
  await app.screenshot({ path: '/work/shots/follow/opfoelgning.png', fullPage: true });
});
