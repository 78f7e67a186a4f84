import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import MultiSelectList from './MultiSelectList.svelte';
import { MultiSelect } from './multi-select.svelte';

const opts = [
  { value: 'uv', label: 'Udsatte voksne', count: 42 },
  { value: 'vh', label: 'Voksne med handicap', count: 0 },
  { value: 'ub', label: 'Udsatte børn og unge', count: 1234 },
];

function setup() {
  const model = new MultiSelect(opts);
  const onchange = vi.fn();
  render(MultiSelectList, { props: { label: 'Tema', id: 't', model, showCounts: true, onchange } });
  return { model, onchange };
}

describe('MultiSelectList', () => {
  it('renders one labelled checkbox per option inside a named group, with da-DK counts', () => {
    setup();
    expect(screen.getByRole('group', { name: 'Tema' })).toBeTruthy();
    expect(screen.getAllByRole('checkbox')).toHaveLength(3);
    expect(screen.getByRole('checkbox', { name: /Udsatte børn og unge/ })).toBeTruthy();
    expect(screen.getByText('1.234')).toBeTruthy();
  });

  it('mouse clicks use the slicer modifiers (click, ctrl+click, shift+click)', async () => {
    const { model, onchange } = setup();
    // detail: 1 = a real mouse click.
    await fireEvent.click(screen.getByText('Udsatte voksne'), { detail: 1 });
    expect(model.selected).toEqual(['uv']);
    await fireEvent.click(screen.getByText('Udsatte børn og unge'), { detail: 1, ctrlKey: true });
    expect(model.selected).toEqual(['uv', 'ub']);
    await fireEvent.click(screen.getByText('Voksne med handicap'), { detail: 1 });
    expect(model.selected).toEqual(['vh']);
    await fireEvent.click(screen.getByText('Udsatte børn og unge'), { detail: 1, shiftKey: true });
    expect(model.selected).toEqual(['vh', 'ub']);
    expect(onchange).toHaveBeenCalledTimes(4);
    const boxes = screen.getAllByRole<HTMLInputElement>('checkbox');
    expect(boxes.map((b) => b.checked)).toEqual([false, true, true]);
  });

  it('keyboard: Space on a checkbox (click with detail 0) toggles without clearing others; arrows move focus', async () => {
    const { model } = setup();
    const boxes = screen.getAllByRole<HTMLInputElement>('checkbox');
    await fireEvent.click(boxes[0], { detail: 0 });
    await fireEvent.click(boxes[2], { detail: 0 });
    expect(model.selected).toEqual(['uv', 'ub']);
    expect(boxes.map((b) => b.checked)).toEqual([true, false, true]);
    await fireEvent.click(boxes[0], { detail: 0 });
    expect(model.selected).toEqual(['ub']);

    boxes[0].focus();
    await fireEvent.keyDown(boxes[0], { key: 'ArrowDown' });
    expect(document.activeElement).toBe(boxes[1]);
    await fireEvent.keyDown(boxes[1], { key: 'End' });
    expect(document.activeElement).toBe(boxes[2]);
    await fireEvent.keyDown(boxes[2], { key: 'ArrowUp' });
    expect(document.activeElement).toBe(boxes[1]);
  });

  it('the ✕ button clears the filter', async () => {
    const { model } = setup();
    await fireEvent.click(screen.getByText('Udsatte voksne'), { detail: 1 });
    await fireEvent.click(screen.getByRole('button', { name: 'Ryd filteret Tema' }));
    expect(model.selected).toEqual([]);
    expect(screen.queryByRole('button', { name: 'Ryd filteret Tema' })).toBeNull();
  });
});
