import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import TargetGroupsSection from './TargetGroupsSection.svelte';
import { setApi } from '../lib/api';
import { createFakeApi } from '../test/fake-api';

describe('TargetGroupsSection', () => {
  it('shows characteristics side by side, narrows by Tema/Målgruppe, and shows the source of a focused value', async () => {
    const api = createFakeApi();
    setApi(api);
    render(TargetGroupsSection);
    const table = await screen.findByRole('table', { name: /karakteristika/ });
    await waitFor(() => expect(within(table).getAllByRole('columnheader')).toHaveLength(4));
    const counter = () => screen.getByTestId('group-counter').textContent;
    expect(counter()).toBe('Antal valgte målgrupper: 3 ud af 3');
    const themes = screen.getByRole('group', { name: 'Tema' });
    await fireEvent.click(within(themes).getByText('Udsatte voksne'), { detail: 1 });
    await waitFor(() => expect(within(screen.getByRole('table', { name: /karakteristika/ })).getAllByRole('columnheader')).toHaveLength(3));
    const groups = screen.getByRole('group', { name: 'Målgruppe' });
    expect(within(groups).getAllByRole('checkbox')).toHaveLength(2);
    expect(counter()).toBe('Antal valgte målgrupper: 2 ud af 3');
    await fireEvent.click(within(groups).getByText('Hjemløse (18-65 år)'), { detail: 1 });
    await waitFor(() => expect(api.calls.filter((c) => c.channel === 'knowledge.characteristics').at(-1)?.args).toEqual({ targetGroupIds: ['hjemloese-18-65'] }));
    await waitFor(() => expect(counter()).toBe('Antal valgte målgrupper: 1 ud af 3'));
    const t = screen.getByRole('table', { name: /karakteristika/ });
    const row = within(t).getByRole('rowheader', { name: 'Andel par' }).closest('tr')!;
    const cell = row.querySelector<HTMLElement>('td')!;
    expect(cell.textContent?.trim()).toBe('11 %');
    expect(cell.title).toMatch(/^Kilde: Seed 003/);
    await fireEvent.focus(cell);
    expect(screen.getByTestId('mg-kilde').textContent).toContain('Seed 003: Vidensdatabasen');
    expect(within(t).getByRole('rowheader', { name: 'Antal personer i målgruppen' }).closest('tr')!.textContent).toContain('90.488');
  });
});
