import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import ConsequencesSection from './ConsequencesSection.svelte';
import { setApi } from '../lib/api';
import { createFakeApi } from '../test/fake-api';
import { fakeConsequenceLines } from '../test/fakes/knowledge';

describe('ConsequencesSection', () => {
  it('shows År 1–20 per area with one colour class per kind, the register rows, legend, warning and sources', async () => {
    const api = createFakeApi();
    setApi(api);
    render(ConsequencesSection);
    expect((screen.getByLabelText('Vælg målgruppe') as HTMLSelectElement).tagName).toBe('SELECT');
    const table = await screen.findByRole('table', { name: /Indkomstoverførsler/ });
    const row = within(table).getByRole('rowheader', { name: /Kontanthjælp/ }).closest('tr')!;
    const cells = [...row.querySelectorAll('td.num')];
    expect(cells).toHaveLength(20);
    const line = fakeConsequenceLines()[0];
    cells.forEach((td, i) => {
      const expected = line.values[i] === null || line.kinds[i] === null ? 'kind-blank' : `kind-${line.kinds[i]}`;
      expect(td.classList.contains(expected), `År ${i + 1}`).toBe(true);
    });
    expect(cells[0].textContent).toBe('-2,9');
    expect(cells[0].className).toContain('kind-estimate');
    expect(cells[6].className).toContain('kind-forecast');
    // Succesgruppe / Andre / Justering rows (seed: Hjemløse kontanthjælp).
    expect(within(table).getByRole('rowheader', { name: 'Succesgruppe' }).closest('tr')!.textContent).toContain('17,8');
    expect(within(table).getByRole('rowheader', { name: 'Andre' }).closest('tr')!.textContent).toContain('21,8');
    expect(within(table).getByRole('rowheader', { name: 'Justering' }).closest('tr')!.textContent).toContain('-1,1');

    // The herberg line has blank (not estimated) years.
    const herberg = within(await screen.findByRole('table', { name: /Sociale serviceydelser/ })).getByRole('rowheader', { name: /Herberg og forsorg/ }).closest('tr')!;
    const hb = [...herberg.querySelectorAll('td.num')];
    expect(hb[3].className).toContain('kind-blank');
    expect(hb[3].textContent).toBe('');

    expect(screen.getByText('Estimat')).toBeTruthy();
    expect(screen.getByText(/Fremskrevet \(forecast\)/)).toBeTruthy();
    expect(screen.getByText(/Ikke estimeret \(blankt felt\)/)).toBeTruthy();
    expect(screen.getByRole('note').textContent).toContain('sociale serviceydelser');
    expect(screen.getAllByText('Eksempeldata').length).toBeGreaterThan(0);
    expect(document.body.textContent).toContain('Seed 003/000: Beregning af konsekvenser i 3 trin');
  });

  it('counts the consequences shown out of those of the chosen group and measure', async () => {
    const api = createFakeApi();
    setApi(api);
    render(ConsequencesSection);
    await screen.findByRole('table', { name: /Indkomstoverførsler/ });
    const lines = fakeConsequenceLines();
    const counter = () => screen.getByTestId('consequence-counter').textContent;
    expect(counter()).toBe(`Antal valgte konsekvenser: ${lines.length} ud af ${lines.length}`);
    await fireEvent.change(screen.getByLabelText('Tallenes kilde'), { target: { value: 'eksempel' } });
    const examples = lines.filter((l) => l.illustrative).length;
    expect(examples).toBeLessThan(lines.length);
    await waitFor(() => expect(counter()).toBe(`Antal valgte konsekvenser: ${examples} ud af ${lines.length}`));
  });

  it('changing målgruppe loads its succesmål and consequences', async () => {
    const api = createFakeApi();
    setApi(api);
    render(ConsequencesSection);
    await screen.findByRole('table', { name: /Indkomstoverførsler/ });
    await fireEvent.change(screen.getByLabelText('Vælg målgruppe'), { target: { value: 'alkohol-18-65' } });
    await waitFor(() => expect((screen.getByLabelText('Vælg succesmål') as HTMLSelectElement).value).toBe('afsluttet-behandling'));
    await screen.findByText('Der er ingen konsekvensestimater for den valgte målgruppe og det valgte succesmål.');
    expect(api.calls.filter((c) => c.channel === 'knowledge.consequences').at(-1)?.args).toEqual({ targetGroupId: 'alkohol-18-65', successMeasureId: 'afsluttet-behandling' });
  });
});
