import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { createRawSnippet, tick } from 'svelte';
import VirtualTable from './VirtualTable.svelte';
import type { VtColumn } from './virtual-range';

interface Row {
  id: number;
  name: string;
}

const columns: VtColumn[] = [
  { key: 'id', label: 'Nr.', width: '5rem', numeric: true, sortable: true },
  { key: 'name', label: 'Navn', width: '10rem' },
];
const cell = createRawSnippet((row: () => unknown, col: () => VtColumn) => ({
  render: () => {
    const r = row() as Row;
    return `<span>${col().key === 'id' ? r.id : r.name}</span>`;
  },
}));

function setup(extra: Record<string, unknown> = {}) {
  const rows: Row[] = Array.from({ length: 10_000 }, (_, i) => ({ id: i + 1, name: `Række ${i + 1}` }));
  const onrange = vi.fn();
  const onactivate = vi.fn();
  const onsort = vi.fn();
  const r = render(VirtualTable, {
    props: { caption: 'Test', columns, rowCount: rows.length, getRow: (i: number) => rows[i], cell, rowHeight: 30, height: 300, overscan: 5, onrange, onactivate, onsort, testid: 'vt', ...extra },
  });
  const scroller = screen.getByTestId('vt');
  const bodyRows = () => [...scroller.querySelectorAll<HTMLTableRowElement>('tbody tr.vt-row')];
  return { ...r, rows, onrange, onactivate, onsort, scroller, bodyRows };
}

describe('VirtualTable', () => {
  it('renders only a window of rows (visible + overscan) out of 10.000, with aria-rowcount/rowindex', () => {
    const { bodyRows, onrange } = setup();
    const rendered = bodyRows();
    // 300 px / 30 px = 10 visible (+1 partial) + 5 overscan below.
    expect(rendered.length).toBe(16);
    expect(rendered[0].getAttribute('aria-rowindex')).toBe('2');
    expect(screen.getByRole('table').getAttribute('aria-rowcount')).toBe('10001');
    expect(screen.queryByText('Række 100')).toBeNull();
    expect(onrange).toHaveBeenLastCalledWith(0, 16);
  });

  it('scrolling moves the window and asks for the new range', async () => {
    const { scroller, bodyRows, onrange } = setup();
    scroller.scrollTop = 30 * 5000;
    await fireEvent.scroll(scroller);
    const rendered = bodyRows();
    expect(rendered.length).toBe(5 + 11 + 5);
    expect(rendered[0].dataset.index).toBe('4995');
    expect(screen.getByText('Række 5001')).toBeTruthy();
    expect(screen.queryByText('Række 1')).toBeNull();
    expect(onrange).toHaveBeenLastCalledWith(4995, 5016);
  });

  it('arrow keys move row focus (roving tabindex) and Enter activates the row', async () => {
    const { bodyRows, onactivate } = setup();
    const first = bodyRows()[0];
    expect(first.tabIndex).toBe(0);
    expect(bodyRows()[1].tabIndex).toBe(-1);
    first.focus();
    await fireEvent.keyDown(first, { key: 'ArrowDown' });
    await tick();
    const second = bodyRows()[1];
    expect(document.activeElement).toBe(second);
    expect(second.tabIndex).toBe(0);
    await fireEvent.keyDown(second, { key: 'Enter' });
    expect(onactivate).toHaveBeenCalledWith({ id: 2, name: 'Række 2' }, 1);
  });

  it('rows not fetched yet show "Henter…"', () => {
    setup({ getRow: (i: number) => (i < 3 ? { id: i + 1, name: `Række ${i + 1}` } : undefined) });
    expect(screen.getAllByText('Henter…').length).toBe(13);
  });

  it('sortable headers are buttons with aria-sort on the header cell', async () => {
    const { onsort } = setup({ sort: { key: 'id', dir: 'desc' } });
    const header = screen.getByRole('columnheader', { name: /Nr\./ });
    expect(header.getAttribute('aria-sort')).toBe('descending');
    expect(screen.getByRole('columnheader', { name: 'Navn' }).getAttribute('aria-sort')).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: /Nr\./ }));
    expect(onsort).toHaveBeenCalledWith('id');
  });
});
