import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import PricesSection from './PricesSection.svelte';
import { setApi } from '../lib/api';
import { createFakeApi } from '../test/fake-api';
import { fakeLocalPrices, fakePrices } from '../test/fakes/knowledge';

beforeEach(() => fakeLocalPrices.clear());

describe('PricesSection', () => {
  it('filters by hoveddimension and narrows the underdimension list', async () => {
    const api = createFakeApi();
    setApi(api);
    render(PricesSection);
    const all = fakePrices({}).length;
    await waitFor(() => expect(screen.getByTestId('price-counter').textContent).toBe(`Antal valgte priser: ${all} ud af ${all}`));
    const areas = screen.getByRole('group', { name: 'Konsekvens: hoveddimension' });
    await fireEvent.click(within(areas).getByText('Indkomstoverførsler'), { detail: 1 });
    const n = fakePrices({ areas: ['Indkomstoverførsler'] }).length;
    expect(n).toBeLessThan(all);
    await waitFor(() => expect(screen.getByTestId('price-counter').textContent).toBe(`Antal valgte priser: ${n} ud af ${all}`));
    const under = screen.getByRole('group', { name: 'Konsekvens: underdimension' });
    expect(within(under).getAllByRole('checkbox').map((c) => c.nextElementSibling?.textContent?.trim())).toEqual(['Kontanthjælp']);
    // Prices are shown in whole kroner, da-DK: 1540.5 + 0 + 1540.5 = 3081 → "3.081", 1540.5 → "1.541".
    expect(screen.getByTestId('prices-table').textContent).toContain('3.081');
    expect(screen.getByTestId('prices-table').textContent).toContain('1.541');
  });

  it('sets a local price through the dialog with Danish validation, marks it "Lokal" and resets it', async () => {
    const api = createFakeApi();
    setApi(api);
    render(PricesSection);
    const btn = await screen.findByRole('button', { name: 'Angiv lokal pris for Vejledning og opkvalificering, Hjemløse (18-65 år)' });
    await fireEvent.click(btn);
    const dialog = await screen.findByRole('dialog', { hidden: true });
    const kommune = within(dialog).getByLabelText('Kommune (kr.)') as HTMLInputElement;
    expect(kommune.value).toBe('885');
    await fireEvent.input(kommune, { target: { value: '1,2,3' } });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Gem lokal pris' }));
    expect(await within(dialog).findByText(/Skriv et tal, fx 1\.234,5/)).toBeTruthy();
    expect(kommune.getAttribute('aria-invalid')).toBe('true');
    expect(api.calls.some((c) => c.channel === 'knowledge.setLocalPrice')).toBe(false);

    await fireEvent.input(kommune, { target: { value: '1.234,5' } });
    await fireEvent.input(within(dialog).getByLabelText('Note'), { target: { value: 'Egen takst' } });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Gem lokal pris' }));
    await waitFor(() => expect(api.calls.some((c) => c.channel === 'knowledge.setLocalPrice')).toBe(true));
    expect(api.calls.find((c) => c.channel === 'knowledge.setLocalPrice')?.args).toEqual({
      dimensionId: 'vejledning-opkvalificering', targetGroupId: 'hjemloese-18-65', kommune: 1234.5, region: 0, stat: 885, priceYear: 2018, note: 'Egen takst',
    });
    await screen.findByText('Lokal');

    await fireEvent.click(await screen.findByRole('button', { name: 'Ret lokal pris for Vejledning og opkvalificering, Hjemløse (18-65 år)' }));
    await fireEvent.click(await screen.findByRole('button', { name: "Nulstil til SØM's pris", hidden: true }));
    await waitFor(() => expect(screen.queryByText('Lokal')).toBeNull());
    expect(api.calls.find((c) => c.channel === 'knowledge.resetLocalPrice')?.args).toEqual({ dimensionId: 'vejledning-opkvalificering', targetGroupId: 'hjemloese-18-65' });
  });
});
