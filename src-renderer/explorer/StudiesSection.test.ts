import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import StudiesSection from './StudiesSection.svelte';
import { setApi } from '../lib/api';
import { createFakeApi } from '../test/fake-api';
import { fakeStudies, filterFakeStudies, knowledgeFakes } from '../test/fakes/knowledge';
import { formatNumber } from '../../shared/format';
import { AppError } from '../../shared/errors';

const counter = () => screen.getByTestId('study-counter').textContent?.trim();

describe('StudiesSection', () => {
  it('shows the counter "N ud af M" (da-DK), filters by a slicer list and pages 200 rows at a time', async () => {
    const api = createFakeApi();
    setApi(api);
    render(StudiesSection);
    const total = formatNumber(fakeStudies.length);
    await waitFor(() => expect(counter()).toBe(`Antal valgte effektstudier: ${total} ud af ${total}`));
    expect(total).toBe('1.234');
    expect(screen.getByTestId('study-counter').getAttribute('aria-live')).toBe('polite');

    const first = api.calls.find((c) => c.channel === 'knowledge.studies');
    expect(first?.args).toMatchObject({ offset: 0, limit: 200 });

    const design = screen.getByRole('group', { name: 'Design' });
    await fireEvent.click(within(design).getByText('Metaanalyse'), { detail: 1 });
    const expected = filterFakeStudies({ designs: ['Metaanalyse'] }).length;
    await waitFor(() => expect(counter()).toBe(`Antal valgte effektstudier: ${formatNumber(expected)} ud af ${total}`));
    const last = api.calls.filter((c) => c.channel === 'knowledge.studies').at(-1);
    expect(last?.args).toMatchObject({ designs: ['Metaanalyse'], offset: 0 });
    // Rows first: the page for the new filter is asked for before its option counts.
    const asked = (channel: string) => api.calls.findIndex((c) => c.channel === channel && (c.args as { designs?: string[] }).designs?.[0] === 'Metaanalyse');
    expect(asked('knowledge.studyFacets')).toBeGreaterThan(asked('knowledge.studies'));

    // Only a window of rows is in the DOM.
    const table = screen.getByTestId('studies-table');
    expect(table.querySelectorAll('tbody tr.vt-row').length).toBeLessThan(40);

    // Scrolling far down fetches the page that holds those rows.
    await fireEvent.click(screen.getByRole('button', { name: 'Ryd filtre' }));
    await waitFor(() => expect(counter()).toBe(`Antal valgte effektstudier: ${total} ud af ${total}`));
    table.scrollTop = 34 * 1000;
    await fireEvent.scroll(table);
    await waitFor(() => expect(api.calls.some((c) => c.channel === 'knowledge.studies' && (c.args as { offset: number }).offset === 1000)).toBe(true));
    await waitFor(() => expect(table.querySelector('tr[data-index="1005"]')?.getAttribute('data-key')).toBe('es-1006'));
  });

  it('"Tallenes kilde" asks the back end for only Socialstyrelsen\'s figures or only example data; Ryd filtre resets it', async () => {
    const api = createFakeApi();
    setApi(api);
    render(StudiesSection);
    await waitFor(() => expect(counter()).toMatch(/ud af 1\.234$/));
    const select = screen.getByLabelText('Tallenes kilde') as HTMLSelectElement;
    await fireEvent.change(select, { target: { value: 'socialstyrelsen' } });
    const real = filterFakeStudies({ illustrative: false }).length;
    expect(real).toBeGreaterThan(0);
    expect(real).toBeLessThan(fakeStudies.length);
    await waitFor(() => expect(counter()).toBe(`Antal valgte effektstudier: ${formatNumber(real)} ud af 1.234`));
    const last = () => api.calls.filter((c) => c.channel === 'knowledge.studies').at(-1)?.args as { illustrative?: boolean; offset: number };
    expect(last()).toMatchObject({ illustrative: false, offset: 0 });
    await fireEvent.change(select, { target: { value: 'eksempel' } });
    await waitFor(() => expect(counter()).toBe(`Antal valgte effektstudier: ${formatNumber(fakeStudies.length - real)} ud af 1.234`));
    expect(last().illustrative).toBe(true);
    await fireEvent.click(screen.getByRole('button', { name: 'Ryd filtre' }));
    await waitFor(() => expect(counter()).toBe('Antal valgte effektstudier: 1.234 ud af 1.234'));
    expect(select.value).toBe('alle');
    expect('illustrative' in last()).toBe(false);
  });

  it('debounces the search box and shows the empty state', async () => {
    const api = createFakeApi();
    setApi(api);
    render(StudiesSection);
    await waitFor(() => expect(counter()).toMatch(/ud af 1\.234$/));
    const box = screen.getByLabelText('Søg i effektstudier');
    await fireEvent.input(box, { target: { value: 'Cool' } });
    await fireEvent.input(box, { target: { value: 'Cool Kids' } });
    const withText = () => api.calls.filter((c) => c.channel === 'knowledge.studies' && 'text' in (c.args as object));
    expect(withText()).toHaveLength(0);
    const expected = filterFakeStudies({ text: 'Cool Kids' }).length;
    await waitFor(() => expect(counter()).toBe(`Antal valgte effektstudier: ${formatNumber(expected)} ud af 1.234`));
    expect(withText().map((c) => (c.args as { text: string }).text)).toEqual(['Cool Kids']);

    await fireEvent.input(box, { target: { value: 'zzzz-ingen' } });
    await waitFor(() => expect(screen.getByText('Ingen effektstudier matcher filtrene.')).toBeTruthy());
    expect(counter()).toBe('Antal valgte effektstudier: 0 ud af 1.234');
  });

  it('sorts by a column header (aria-sort) and opens details with all fields and the source', async () => {
    const api = createFakeApi();
    setApi(api);
    render(StudiesSection);
    await waitFor(() => expect(counter()).toMatch(/1\.234 ud af/));
    await fireEvent.click(screen.getByRole('button', { name: /Land/ }));
    await waitFor(() => expect(screen.getByRole('columnheader', { name: /Land/ }).getAttribute('aria-sort')).toBe('ascending'));
    expect(api.calls.filter((c) => c.channel === 'knowledge.studies').at(-1)?.args).toMatchObject({ sort: { column: 'country', dir: 'asc' } });
    await fireEvent.click(screen.getByRole('button', { name: /Land/ }));
    await waitFor(() => expect(screen.getByRole('columnheader', { name: /Land/ }).getAttribute('aria-sort')).toBe('descending'));

    const firstDesc = (await knowledgeFakes['knowledge.studies']({ sort: { column: 'country', dir: 'desc' }, offset: 0, limit: 1 })).rows[0];
    expect(firstDesc.country).toBe('USA');
    const row = () => screen.getByTestId('studies-table').querySelector<HTMLElement>('tr[data-index="0"]')!;
    await waitFor(() => expect(row().getAttribute('data-key')).toBe(firstDesc.id));
    const id = firstDesc.id;
    row().focus();
    await fireEvent.keyDown(row(), { key: 'Enter' });
    const detail = await screen.findByTestId('study-detail');
    const study = fakeStudies.find((s) => s.id === id)!;
    expect(detail.textContent).toContain(study.title);
    expect(detail.textContent).toContain(`Kilde: ${study.source}`);
    expect(detail.textContent).toContain(study.controlGroup);
    expect(within(detail).getByRole('button', { name: 'Brug i beregning' })).toBeTruthy();
  });

  it('shows rows and the counter before the option counts arrive, and asks for the unfiltered counts once', async () => {
    let open: () => void = () => {};
    const gate = new Promise<void>((r) => (open = r));
    const api = createFakeApi({
      'knowledge.studyFacets': async (a) => {
        await gate;
        return knowledgeFakes['knowledge.studyFacets'](a);
      },
    });
    setApi(api);
    render(StudiesSection);
    await waitFor(() => expect(counter()).toBe('Antal valgte effektstudier: 1.234 ud af 1.234'));
    expect(screen.getByTestId('studies-table').querySelector('tr[data-index="0"]')).toBeTruthy();
    expect(within(screen.getByRole('group', { name: 'Design' })).queryByText('Metaanalyse')).toBeNull();
    open();
    await waitFor(() => expect(within(screen.getByRole('group', { name: 'Design' })).getByText('Metaanalyse')).toBeTruthy());
    expect(api.calls.filter((c) => c.channel === 'knowledge.studyFacets').map((c) => c.args)).toEqual([{}]);
    // The page is asked for before the option counts.
    expect(api.calls.map((c) => c.channel).filter((c) => c.startsWith('knowledge.stud')).slice(0, 2)).toEqual(['knowledge.studies', 'knowledge.studyFacets']);
  });

  it('shows a back-end error as an alert', async () => {
    setApi(createFakeApi({ 'knowledge.studyFacets': () => { throw new AppError('unavailable', 'Vidensdatabasen kunne ikke åbnes'); } }));
    render(StudiesSection);
    expect((await screen.findByRole('alert')).textContent).toContain('Vidensdatabasen kunne ikke åbnes');
  });
});
