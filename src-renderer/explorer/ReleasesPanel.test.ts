import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import ReleasesPanel from './ReleasesPanel.svelte';
import { setApi } from '../lib/api';
import { createFakeApi } from '../test/fake-api';
import { AppError } from '../../shared/errors';

function pick(input: HTMLInputElement, file: File) {
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  return fireEvent.change(input);
}

describe('ReleasesPanel', () => {
  it('lists releases with the active one marked and imports a template as a new release', async () => {
    const api = createFakeApi();
    setApi(api);
    const onchanged = vi.fn();
    const { container } = render(ReleasesPanel, { props: { onchanged } });
    await screen.findByText('✓ I brug');
    expect(screen.getByText('2026.1-eksempel')).toBeTruthy();
    const input = container.querySelector<HTMLInputElement>('input[type=file]')!;
    expect(input.accept).toBe('.xlsx');
    await pick(input, new File([new Uint8Array([0x50, 0x4b, 3, 4])], 'ny-udgave.xlsx'));
    await screen.findByText('Udgave ny-udgave er importeret og i brug.');
    expect(api.calls.find((c) => c.channel === 'knowledge.importRelease')?.args).toEqual({ fileName: 'ny-udgave.xlsx', base64: 'UEsDBA==' });
    expect(onchanged).toHaveBeenCalledOnce();
  });

  it('shows the Danish import error in an alert and keeps the current release', async () => {
    const msg = "Arket 'Priser', række 7, kolonne 'Kommune': skal være et tal.";
    const api = createFakeApi({ 'knowledge.importRelease': () => { throw new AppError('invalid-file', msg); } });
    setApi(api);
    const onchanged = vi.fn();
    const { container } = render(ReleasesPanel, { props: { onchanged } });
    await screen.findByText('✓ I brug');
    await pick(container.querySelector<HTMLInputElement>('input[type=file]')!, new File(['x'], 'fejl.xlsx'));
    expect((await screen.findByRole('alert')).textContent).toBe(msg);
    expect(onchanged).not.toHaveBeenCalled();
    await waitFor(() => expect(screen.getByText('✓ I brug').closest('tr')?.dataset.release).toBe('2026.1-eksempel'));
  });

  it('refuses a file that is not .xlsx before sending it', async () => {
    const api = createFakeApi();
    setApi(api);
    const { container } = render(ReleasesPanel);
    await screen.findByText('✓ I brug');
    await pick(container.querySelector<HTMLInputElement>('input[type=file]')!, new File(['x'], 'data.csv'));
    expect((await screen.findByRole('alert')).textContent).toContain('ikke en Excel-fil');
    expect(api.calls.some((c) => c.channel === 'knowledge.importRelease')).toBe(false);
  });
});
