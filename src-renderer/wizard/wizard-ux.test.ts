import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { parseSom } from '../../shared/som/io';
import type { SomDocument } from '../../shared/som/schema';
import { AppError } from '../../shared/errors';
import { setApi } from '../lib/api';
import { createFakeApi } from '../test/fake-api';
import { Calculation } from './calculation.svelte';
import Wizard from './Wizard.svelte';
import StepOm from './steps/StepOm.svelte';
import icmText from '../../data/examples/icm-hjemloese.som?raw';

const icm = (): SomDocument => parseSom(icmText);

describe('automatic backup is never silently off', () => {
  it('a backup that cannot be written is said plainly in the header, and goes when a backup works again', async () => {
    let fail = true;
    setApi(createFakeApi({
      'store.recoverySave': () => {
        if (fail) throw new AppError('unavailable', 'Mappen kan ikke skrives.');
        return { savedAt: '2026-01-02T00:00:00.000Z' };
      },
    }));
    const c = new Calculation(icm(), { autosaveMs: 0 });
    render(Wizard, { props: { calc: c, step: 'om' } });
    c.touch();
    await c.autosave();
    flushSync();
    const alert = screen.getByText(/Ingen sikkerhedskopi:/).closest('[role="alert"]');
    expect(alert?.textContent).toMatch(/Den automatiske sikkerhedskopi kunne ikke gemmes, så ændringerne er kun i vinduet, til du gemmer: Mappen kan ikke skrives\./);
    fail = false;
    await c.autosave();
    flushSync();
    expect(screen.queryByText(/Ingen sikkerhedskopi:/)).toBeNull();
  });

  it('a document with a problem gets no backup, and the header says why', async () => {
    const api = createFakeApi();
    setApi(api);
    const c = new Calculation(icm(), { autosaveMs: 0 });
    render(Wizard, { props: { calc: c, step: 'om' } });
    c.update((d) => (d.view.periodEnd = 2000));
    await c.autosave();
    flushSync();
    expect(api.calls.filter((x) => x.channel === 'store.recoverySave')).toEqual([]);
    expect(screen.getByText(/Ingen sikkerhedskopi:/).closest('[role="alert"]')?.textContent).toMatch(/før denne fejl er rettet: Periode, sidste år/);
  });
});

describe('text fields show their limit', () => {
  it('the name shows its limit, a counter near it, and a message when it is reached', async () => {
    setApi(createFakeApi());
    const c = new Calculation(icm(), { autosaveMs: 0 });
    render(StepOm, { props: { calc: c } });
    const name = screen.getByLabelText('Indsatsens navn') as HTMLInputElement;
    expect(name.maxLength).toBe(200);
    const limit = () => document.getElementById(name.getAttribute('aria-describedby')!.split(' ').find((x) => x.endsWith('-limit'))!)?.textContent?.trim();
    expect(limit()).toBe('Højst 200 tegn');
    await fireEvent.input(name, { target: { value: 'x'.repeat(170) } });
    expect(limit()).toBe('170 af højst 200 tegn');
    await fireEvent.input(name, { target: { value: 'x'.repeat(200) } });
    expect(limit()).toMatch(/^Grænsen på 200 tegn er nået\./);
    const desc = screen.getByLabelText('Beskrivelse af indsats') as HTMLTextAreaElement;
    expect(desc.maxLength).toBe(20000);
  });
});

describe('the save notice', () => {
  it('names the file of the last save: a new «Gem som» (button or menu) replaces the old «Gemt som», an edit removes it', async () => {
    setApi(createFakeApi({
      'store.saveAs': ({ doc, name }) => ({ id: 'b'.repeat(32), fileName: `${name ?? doc.intervention.name}.som`, savedAt: '2026-01-02T00:00:00.000Z', doc, stamp: { size: 1, mtimeMs: 1, sha256: 'b'.repeat(64) }, sizeWarning: null }),
    }));
    const c = new Calculation(icm(), { autosaveMs: 0 });
    render(Wizard, { props: { calc: c, step: 'om' } });
    const notices = () => screen.queryAllByRole('status').map((s) => s.textContent?.trim()).filter((t) => t?.startsWith('Gemt som'));
    await fireEvent.click(screen.getByRole('button', { name: 'Gem som …' }));
    await fireEvent.input(screen.getByLabelText('Navn på den nye fil'), { target: { value: 'Første' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Gem kopi' }));
    await screen.findByText('Gemt som «Første.som».');
    expect(notices()).toEqual(['Gemt som «Første.som».']);
    await waitFor(() => expect(screen.queryByLabelText('Navn på den nye fil')).toBeNull());
    await fireEvent.click(screen.getByRole('button', { name: 'Gem som …' }));
    await fireEvent.input(screen.getByLabelText('Navn på den nye fil'), { target: { value: 'Anden' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Gem kopi' }));
    await screen.findByText('Gemt som «Anden.som».');
    expect(notices()).toEqual(['Gemt som «Anden.som».']);
    // Filer → Gem som in the desktop app saves through the calculation, not the form.
    await c.saveAs('Tredje');
    flushSync();
    expect(notices()).toEqual(['Gemt som «Tredje.som».']);
    c.update((d) => (d.intervention.name = 'Ændret'));
    flushSync();
    expect(notices()).toEqual([]);
  });
});
