/** The shared modal dialog: named by its title, focus inside while open and back after, Escape asks to close. */
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { createRawSnippet, flushSync, tick } from 'svelte';
import Dialog from './Dialog.svelte';

const body = createRawSnippet(() => ({ render: () => '<div><p id="d-msg">Vil du gemme først?</p><input aria-label="Navn" /></div>' }));
const actions = createRawSnippet(() => ({ render: () => '<span><button type="button">Gem</button><button type="button">Annullér</button></span>' }));

async function opened(onclose = vi.fn()) {
  const opener = document.createElement('button');
  opener.textContent = 'Åbn';
  document.body.appendChild(opener);
  opener.focus();
  const view = render(Dialog, { props: { open: false, onclose, titleId: 'd-title', title: 'Ikke-gemte ændringer', describedby: 'd-msg', children: body, actions } });
  await view.rerender({ open: true });
  flushSync();
  await tick();
  const dialog = screen.getByRole('dialog', { name: 'Ikke-gemte ændringer', hidden: true });
  return { view, dialog, opener, onclose };
}

describe('Dialog', () => {
  it('is named by its title and described by the body; the first field gets the focus on open', async () => {
    const { dialog } = await opened();
    expect(dialog.getAttribute('aria-describedby')).toBe('d-msg');
    expect(screen.getByRole('heading', { name: 'Ikke-gemte ændringer', hidden: true }).id).toBe('d-title');
    expect(document.activeElement).toBe(screen.getByLabelText('Navn'));
  });

  it('Escape asks the caller to close it, once, even when the browser also sends its cancel event', async () => {
    const { dialog, onclose } = await opened();
    await fireEvent.keyDown(screen.getByLabelText('Navn'), { key: 'Escape' });
    expect(onclose).toHaveBeenCalledTimes(1);
    await fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(onclose).toHaveBeenCalledTimes(1);
    // A close request of the browser's own (without a key) is passed on as well.
    await fireEvent(dialog, new Event('cancel', { cancelable: true }));
    expect(onclose).toHaveBeenCalledTimes(2);
  });

  it('Tab from the last button goes to the first field, Shift+Tab from the first field to the last button', async () => {
    const { dialog } = await opened();
    const field = screen.getByLabelText('Navn');
    const last = screen.getByRole('button', { name: 'Annullér', hidden: true });
    last.focus();
    const tab = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    last.dispatchEvent(tab);
    expect(tab.defaultPrevented).toBe(true);
    expect(document.activeElement).toBe(field);
    const back = new KeyboardEvent('keydown', { key: 'Tab', shiftKey: true, bubbles: true, cancelable: true });
    field.dispatchEvent(back);
    expect(document.activeElement).toBe(last);
    // Between the first and the last, Tab is left to the browser.
    const middle = screen.getByRole('button', { name: 'Gem', hidden: true });
    middle.focus();
    const inside = new KeyboardEvent('keydown', { key: 'Tab', bubbles: true, cancelable: true });
    middle.dispatchEvent(inside);
    expect(inside.defaultPrevented).toBe(false);
    expect(dialog.contains(document.activeElement)).toBe(true);
  });

  it('closing gives the focus back to the element that opened it, and the body leaves the page', async () => {
    const { view, dialog, opener } = await opened();
    expect(dialog.hasAttribute('open')).toBe(true);
    await view.rerender({ open: false });
    flushSync();
    expect(dialog.hasAttribute('open')).toBe(false);
    expect(screen.queryByLabelText('Navn')).toBeNull();
    expect(document.activeElement).toBe(opener);
    opener.remove();
  });
});
