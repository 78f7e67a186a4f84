import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
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
