/** «Tilføj til sammenligning» on the Beregning page adds the open calculation to the kept comparison. */
import { beforeEach, describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { comparison } from './comparison.svelte';
import ComparePage from './ComparePage.svelte';
import Wizard from '../wizard/Wizard.svelte';
import { Calculation } from '../wizard/calculation.svelte';
import { session } from '../wizard/session.svelte';
import { setApi } from '../lib/api';
import { createFakeApi } from '../test/fake-api';
import { syntheticDoc } from '../../shared/engine/synthetic';
import { MAX_COMPARE_MEMBERS } from '../../shared/engine/compare-basis';

beforeEach(() => {
  comparison.members = [];
  comparison.error = null;
  comparison.status = null;
  comparison.dirty = false;
  session.current = null;
});

describe('Tilføj til sammenligning (Beregning page)', () => {
  it('adds the calculation as it is now, says so with a link, and the Sammenligning page shows it', async () => {
    setApi(createFakeApi());
    const doc = syntheticDoc({ seed: 3, startYear: 2021, lines: 3 });
    doc.intervention.name = 'Mentorordning';
    const calc = new Calculation(doc, { autosaveMs: 0 });
    render(Wizard, { props: { calc, step: 'om' } });
    calc.update((d) => (d.intervention.name = 'Mentorordning, ændret'));
    await fireEvent.click(screen.getByRole('button', { name: 'Tilføj til sammenligning' }));
    expect(comparison.members.map((m) => m.intervention.name)).toEqual(['Mentorordning, ændret']);
    expect(comparison.dirty).toBe(true);
    const note = screen.getByRole('status');
    expect(note.textContent).toMatch(/«Mentorordning, ændret» er tilføjet sammenligningen\. Den har nu 1 beregning\./);
    expect(screen.getByRole('link', { name: 'Gå til Sammenligning' }).getAttribute('href')).toBe('#/sammenligning');

    // A snapshot: later edits in the wizard do not change the member.
    calc.update((d) => (d.intervention.name = 'Senere navn'));
    expect(comparison.members[0].intervention.name).toBe('Mentorordning, ændret');

    await fireEvent.click(screen.getByRole('button', { name: 'Tilføj til sammenligning' }));
    expect(comparison.members).toHaveLength(2);
    expect(screen.getByRole('status').textContent).toMatch(/Den har nu 2 beregninger\./);

    render(ComparePage);
    expect(screen.getByRole('heading', { name: 'Beregninger (2)' })).toBeTruthy();
  });

  it('is disabled when the comparison is full, and adds nothing', async () => {
    setApi(createFakeApi());
    const full = syntheticDoc({ seed: 4, startYear: 2020, lines: 2 });
    comparison.members = Array.from({ length: MAX_COMPARE_MEMBERS }, () => structuredClone(full));
    const calc = new Calculation(syntheticDoc({ seed: 5, startYear: 2020, lines: 2 }), { autosaveMs: 0 });
    render(Wizard, { props: { calc, step: 'om' } });
    const btn = screen.getByRole('button', { name: 'Tilføj til sammenligning' }) as HTMLButtonElement;
    expect(btn.disabled).toBe(true);
    expect(comparison.addOpenCalculation(calc)).toBe(false);
    expect(comparison.members).toHaveLength(MAX_COMPARE_MEMBERS);
    expect(comparison.error).toMatch(/højst sammenlignes/);
  });
});
