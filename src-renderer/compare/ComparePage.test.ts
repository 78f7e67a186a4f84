import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import ComparePage from './ComparePage.svelte';
import CompareBar from './CompareBar.svelte';
import { comparison } from './comparison.svelte';
import { setApi } from '../lib/api';
import { createFakeApi } from '../test/fake-api';
import { syntheticDoc } from '../../shared/engine/synthetic';
import { compare } from '../../shared/engine/compare';
import { formatNumber } from '../../shared/format';
import { AppError } from '../../shared/errors';

const docs = [syntheticDoc({ seed: 1, startYear: 2020, lines: 4 }), syntheticDoc({ seed: 2, startYear: 2022, lines: 4 })];
docs[1].intervention.name = 'Anden indsats';

beforeEach(() => {
  comparison.members = [];
  comparison.selected = [];
  comparison.choice = {};
  comparison.error = null;
});

describe('Sammenligning (jsdom, fake bridge)', () => {
  it('Sammenlign is enabled for 2 calculations and opens them from the store', async () => {
    const api = createFakeApi({ 'store.open': ({ id }) => ({ id, fileName: `${id}.som`, doc: docs[id === 'a'.repeat(32) ? 0 : 1], stamp: { size: 1, mtimeMs: 1, sha256: 'a'.repeat(64) }, sizeWarning: null, knowledge: { file: null, current: null, differs: false } }) });
    setApi(api);
    render(CompareBar);
    const btn = screen.getByRole('button', { name: /^Sammenlign/ }) as HTMLButtonElement;
    expect(btn.disabled).toBe(true);
    comparison.toggle('a'.repeat(32), true);
    await waitFor(() => expect(btn.disabled).toBe(true));
    comparison.toggle('b'.repeat(32), true);
    await waitFor(() => expect(btn.disabled).toBe(false));
    await fireEvent.click(btn);
    await waitFor(() => expect(comparison.members).toHaveLength(2));
    expect(api.calls.filter((c) => c.channel === 'store.open')).toHaveLength(2);
    expect(comparison.selected).toEqual([]);
  });

  it('shows the portfolio on the default basis, follows the price year, and saves a .somp', async () => {
    const api = createFakeApi();
    setApi(api);
    comparison.members = structuredClone(docs);
    comparison.name = 'To indsatser';
    render(ComparePage);
    const r = compare(docs);
    await screen.findByText(/Alle beløb er omregnet til 2020-priser/);
    const cell = () => document.querySelector('table.keys tr.portfolio')!.querySelectorAll('td')[3].textContent;
    expect(cell()).toBe(formatNumber(r.portfolio.actors.alle.pvNet));
    const year = screen.getByLabelText('Prisår (og nutidsværdi)') as HTMLInputElement;
    await fireEvent.change(year, { target: { value: '2022' } });
    const r22 = compare(docs, { priceYear: 2022 });
    await waitFor(() => expect(cell()).toBe(formatNumber(r22.portfolio.actors.alle.pvNet)));
    expect(screen.getByText(/dækker årene 2022–2027/)).toBeTruthy();
    const rate = screen.getByLabelText('Diskonteringsrente, %') as HTMLInputElement;
    await fireEvent.change(rate, { target: { value: '99' } });
    expect(await screen.findByText('Skriv renten i procent mellem 0 og 20, fx 3,5.')).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Gem sammenligning (.somp)' }));
    await screen.findByText('Sammenligningen er gemt som «Sammenligning.somp».');
    const saved = api.calls.find((c) => c.channel === 'compare.save')!.args as { doc: { basis: unknown; members: unknown[]; name: string } };
    expect(saved.doc.basis).toEqual({ priceYear: 2022, discountRate: docs[0].parameters.discountRate, periodStart: 2022, periodEnd: 2027 });
    expect(saved.doc.members).toHaveLength(2);
    expect(saved.doc.name).toBe('To indsatser');
  });

  it('a refused save shows the Danish message in an alert', async () => {
    setApi(createFakeApi({ 'compare.save': () => { throw new AppError('invalid-file', "Beregning 2 ('Anden indsats'): Deltagere, år 2022: skal være et tal ≥ 0."); } }));
    comparison.members = structuredClone(docs);
    render(ComparePage);
    await fireEvent.click(await screen.findByRole('button', { name: 'Gem sammenligning (.somp)' }));
    expect((await screen.findByRole('alert')).textContent).toContain("Beregning 2 ('Anden indsats')");
  });
});
