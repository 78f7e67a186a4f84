import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { parseSom } from '../../shared/som/io';
import { calculate } from '../../shared/engine/calc';
import { formatNumber } from '../../shared/format';
import { setApi } from '../lib/api';
import { createFakeApi } from '../test/fake-api';
import { AppError } from '../../shared/errors';
import ResultsView from './ResultsView.svelte';
import { HarnessCalculation } from './harness/harness-calc.svelte';
// The golden fixtures live outside the renderer root (vite's fs.allow refuses ?raw imports there),
// so this test (not app code) reads them from disk through the test helper.
import { goldenExpected, readGolden } from '../../test-support/golden';

const ACTORS = ['kommune', 'region', 'stat', 'alle'] as const;
const icmText = readGolden('icm-hjemloese.som');
const expectedIcm = goldenExpected<{ actors: Record<(typeof ACTORS)[number], { pvNet: number }> }>('icm-hjemloese');

function setup() {
  const calc = new HarnessCalculation(parseSom(icmText), 'abc', 'ICM hjemløse.som');
  const setView = vi.spyOn(calc, 'setView');
  const setReportText = vi.spyOn(calc, 'setReportText');
  const api = createFakeApi();
  setApi(api);
  render(ResultsView, { props: { calc } });
  return { calc, setView, setReportText, api };
}

describe('ResultsView', () => {
  it('shows Figur 1a with the golden figures rounded to whole kroner', () => {
    setup();
    expect(screen.getByText('Figur 1a: Nettogevinst for perioden 2018-2023, nutidsværdi 2018, kr.')).toBeTruthy();
    const cells = within(screen.getByTestId('figur-1a-tabel')).getAllByRole('cell').map((c) => c.textContent);
    expect(cells).toEqual(ACTORS.map((a) => formatNumber(expectedIcm.actors[a].pvNet)));
  });

  it('changing the period end goes through calc.setView and the figures follow the engine', async () => {
    const { calc, setView } = setup();
    await fireEvent.change(screen.getByLabelText('Slutår'), { target: { value: '2025' } });
    expect(setView).toHaveBeenCalledWith({ periodStart: 2018, periodEnd: 2025, actor: 'alle' });
    const r = calculate(calc.doc);
    await waitFor(() => {
      const cells = within(screen.getByTestId('figur-1a-tabel')).getAllByRole('cell').map((c) => c.textContent);
      expect(cells).toEqual(ACTORS.map((a) => formatNumber(r.actors[a].pvNet)));
    });
    expect(r.period.end).toBe(2025);
  });

  it('the tabs work with the arrow keys', async () => {
    setup();
    const first = screen.getByRole('tab', { name: 'Resultater' });
    first.focus();
    await fireEvent.keyDown(first, { key: 'ArrowRight' });
    const second = screen.getByRole('tab', { name: 'Detaljerede resultater' });
    expect(second.getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(second);
  });

  it('the report text is saved and the PDF is fetched through calc.reportPdf and downloaded', async () => {
    const { setReportText, api } = setup();
    const create = vi.fn(() => 'blob:x');
    const revoke = vi.fn();
    Object.assign(URL, { createObjectURL: create, revokeObjectURL: revoke });
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    await fireEvent.click(screen.getByRole('tab', { name: 'Udskriv rapport (pdf)' }));
    await fireEvent.input(screen.getByLabelText('Forklarende tekst til rapporten'), { target: { value: 'Til byrådet.' } });
    expect(setReportText).toHaveBeenLastCalledWith('Til byrådet.');
    await fireEvent.click(screen.getByRole('button', { name: 'Udskriv rapport (pdf)' }));
    await waitFor(() => expect(screen.getByText(/Rapporten er hentet: Beregning\.pdf/)).toBeTruthy());
    const call = api.calls.find((c) => c.channel === 'calc.reportPdf');
    expect(call?.args).toMatchObject({ fileName: 'ICM hjemløse.som', doc: { report: { text: 'Til byrådet.' } } });
    expect(click).toHaveBeenCalled();
    expect(create).toHaveBeenCalled();
    click.mockRestore();
  });

  it('a failing PDF shows the Danish message in an alert', async () => {
    setup();
    setApi(
      createFakeApi({
        'calc.reportPdf': () => {
          throw new AppError('unavailable', 'PDF kan ikke laves: Chromium blev ikke fundet.');
        },
      }),
    );
    await fireEvent.click(screen.getByRole('tab', { name: 'Udskriv rapport (pdf)' }));
    await fireEvent.click(screen.getByRole('button', { name: 'Udskriv rapport (pdf)' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Chromium blev ikke fundet'));
  });

  it('Monte Carlo without Worker (jsdom) still runs, saves the seed in the file and shows P(>0)', async () => {
    const { calc } = setup();
    await fireEvent.click(screen.getByRole('tab', { name: 'Monte Carlo' }));
    await fireEvent.input(screen.getByLabelText('Antal træk'), { target: { value: '500' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Kør Monte Carlo' }));
    await waitFor(() => expect(screen.getByTestId('mc-p-positive').textContent).toMatch(/%$/), { timeout: 5000 });
    expect(calc.doc.analysis).toMatchObject({ monteCarlo: { seed: 2018, draws: 500 } });
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('500');
  });

  it('scenarios are edited and saved in the file through calc.setAnalysis; a bad value is refused', async () => {
    const { calc } = setup();
    await fireEvent.click(screen.getByRole('tab', { name: 'Følsomhed og scenarier' }));
    const table = screen.getByTestId('scenarie-tabel');
    expect(within(table).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Aktør', 'Forsigtig', 'Basis', 'Optimistisk']);
    await fireEvent.input(screen.getByLabelText('Navn', { selector: '#scen-forsigtig-name' }), { target: { value: 'Meget forsigtig' } });
    await fireEvent.input(screen.getByLabelText('Værdi for ændring 1 (faktor)', { selector: '#scen-forsigtig-val-0' }), { target: { value: 'abc' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Gem scenarier' }));
    expect(screen.getByRole('alert').textContent).toContain('«abc» er ikke et tal');
    expect(calc.doc.analysis).toBeUndefined();
    await fireEvent.input(screen.getByLabelText('Værdi for ændring 1 (faktor)', { selector: '#scen-forsigtig-val-0' }), { target: { value: '0,25' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Gem scenarier' }));
    expect(calc.doc.analysis?.scenarios?.[0]).toMatchObject({ id: 'forsigtig', name: 'Meget forsigtig' });
    expect(calc.doc.analysis?.scenarios?.[0].changes[0]).toEqual({ input: 'successRate', value: 0.25 });
    expect(calc.doc.analysis?.scenarios).toHaveLength(3);
    await waitFor(() => expect(within(screen.getByTestId('scenarie-tabel')).getAllByRole('columnheader')[1].textContent).toBe('Meget forsigtig'));
  });
});
