import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import AppInfoPanel from './AppInfoPanel.svelte';
import { AppInfoState } from '../lib/app-info.svelte';
import { setApi } from '../lib/api';
import { createFakeApi } from '../test/fake-api';
import { AppError } from '../../shared/errors';

describe('AppInfoPanel', () => {
  it('shows version and knowledge release from app.info', async () => {
    const api = createFakeApi({
      'app.info': () => ({ name: 'SØM Desktop', version: '9.8.7', host: 'electron', knowledge: { release: '2026.1', date: '2026-03-01', sha256: 'abc' } }),
    });
    setApi(api);
    const state = new AppInfoState();
    await state.load();
    render(AppInfoPanel, { props: { state } });
    expect(screen.getByTestId('app-info').textContent).toContain('9.8.7');
    expect(screen.getByTestId('app-info').textContent).toContain('2026.1, udgivet 2026-03-01');
    expect(screen.getByTestId('app-info').textContent).toContain('skrivebordsprogram');
    expect(api.calls.map((c) => c.channel)).toEqual(['app.info']);
  });

  it('shows the Danish error message when app.info fails', async () => {
    setApi(createFakeApi({ 'app.info': () => { throw new AppError('unavailable', 'Vidensdatabasen kunne ikke åbnes'); } }));
    const state = new AppInfoState();
    await state.load();
    render(AppInfoPanel, { props: { state, compact: true } });
    expect(screen.getByRole('alert').textContent).toContain('Vidensdatabasen kunne ikke åbnes');
  });
});
