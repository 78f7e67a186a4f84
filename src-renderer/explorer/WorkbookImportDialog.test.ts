import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import ReleasesPanel from './ReleasesPanel.svelte';
import { setApi } from '../lib/api';
import { createFakeApi } from '../test/fake-api';
import { AppError } from '../../shared/errors';

const SAVE_AS_XLSX = 'Filen er i et ældre eller binært Excel-format, som ikke kan læses. Åbn den i Excel, og gem den som "Excel-projektmappe (.xlsx)".';

function pick(input: HTMLInputElement, file: File) {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  return fireEvent.change(input);
}

describe('Indlæs tal fra SØM-regnearket', () => {
  it('reads a workbook, shows found/replaced/new, new labels and unreadable cells, then "Brug disse tal"', async () => {
    const api = createFakeApi();
    setApi(api);
    const onchanged = vi.fn();
    render(ReleasesPanel, { props: { onchanged } });
    await fireEvent.click(await screen.findByRole('button', { name: 'Indlæs tal fra SØM-regnearket' }));
    const dialog = screen.getByTestId('workbook-import');
    const input = dialog.querySelector<HTMLInputElement>('input[type=file]')!;
    expect(input.accept).toBe('.xlsx,.xlsm,.xls,.xlsb');
    await pick(input, new File([new Uint8Array([0x50, 0x4b, 3, 4])], 'SØM.xlsm'));
    const preview = await within(dialog).findByTestId('import-preview');
    expect(api.calls.find((c) => c.channel === 'knowledge.importWorkbook')?.args).toMatchObject({ fileName: 'SØM.xlsm', base64: 'UEsDBA==', jobId: expect.stringMatching(/^imp-/) });
    const priceRow = within(preview).getByRole('row', { name: 'Priser 7 3 4' });
    expect(within(priceRow).getAllByRole('cell').map((c) => c.textContent)).toEqual(['7', '3', '4']);
    expect(preview.textContent).toContain('Nye målgrupper (1): Mennesker med ludomani (18-65 år)');
    expect(preview.textContent).toContain('Nye konsekvenser (1): Tandpleje (Sundhedsydelser)');
    const skipped = within(preview).getAllByRole('table')[1];
    expect(within(skipped).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Priser', '10', 'Kommune', '"x" er ikke et tal']);
    expect(api.calls.some((c) => c.channel === 'knowledge.importConfirm')).toBe(false);

    await fireEvent.click(within(dialog).getByRole('button', { name: 'Brug disse tal' }));
    await within(dialog).findByText(/Udgivelsen som-regneark-20261201-1a2b3c4d er nu i brug/);
    expect(api.calls.find((c) => c.channel === 'knowledge.importConfirm')?.args).toMatchObject({ token: 'c'.repeat(24) });
    await waitFor(() => expect(onchanged).toHaveBeenCalledOnce());
  });

  it('Annullér forgets the preview and changes nothing', async () => {
    const api = createFakeApi();
    setApi(api);
    const onchanged = vi.fn();
    render(ReleasesPanel, { props: { onchanged } });
    await fireEvent.click(await screen.findByRole('button', { name: 'Indlæs tal fra SØM-regnearket' }));
    const dialog = screen.getByTestId('workbook-import');
    await pick(dialog.querySelector<HTMLInputElement>('input[type=file]')!, new File([new Uint8Array([0x50, 0x4b, 3, 4])], 'SØM.xlsx'));
    await within(dialog).findByTestId('import-preview');
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Annullér' }));
    await waitFor(() => expect(api.calls.some((c) => c.channel === 'knowledge.importDiscard')).toBe(true));
    expect(api.calls.some((c) => c.channel === 'knowledge.importConfirm')).toBe(false);
    expect(onchanged).not.toHaveBeenCalled();
  });

  it('a pasted table goes through the same recognition', async () => {
    const api = createFakeApi();
    setApi(api);
    render(ReleasesPanel, { props: {} });
    await fireEvent.click(await screen.findByRole('button', { name: 'Indlæs tal fra SØM-regnearket' }));
    const dialog = screen.getByTestId('workbook-import');
    await fireEvent.input(within(dialog).getByLabelText('Tabel kopieret fra Excel'), { target: { value: 'Målgruppe\tIndsats\tMål\tEffektstørrelse\nHjemløse (18-65 år)\tICM\tBolig\t0,4' } });
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Læs den indsatte tabel' }));
    await within(dialog).findByTestId('import-preview');
    expect(api.calls.find((c) => c.channel === 'knowledge.importPaste')?.args).toMatchObject({ text: expect.stringContaining('Effektstørrelse') });
  });

  it('shows the Danish refusal of an .xls file', async () => {
    setApi(createFakeApi({ 'knowledge.importWorkbook': () => { throw new AppError('invalid-file', SAVE_AS_XLSX); } }));
    render(ReleasesPanel, { props: {} });
    await fireEvent.click(await screen.findByRole('button', { name: 'Indlæs tal fra SØM-regnearket' }));
    const dialog = screen.getByTestId('workbook-import');
    await pick(dialog.querySelector<HTMLInputElement>('input[type=file]')!, new File([new Uint8Array([1])], 'SØM.xls'));
    expect((await within(dialog).findByRole('alert')).textContent).toBe(SAVE_AS_XLSX);
  });
});
