import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { createEmptySom } from '../../../shared/som/new-document';
import type { SomDocument } from '../../../shared/som/schema';
import { Calculation } from '../calculation.svelte';
import StepOmkostninger from '../steps/StepOmkostninger.svelte';
import { moved, parseActivityRows, presetOf } from './activities';

function typedDoc(): SomDocument {
  const doc = createEmptySom({ startYear: 2024, yearsWithIntervention: 2, savedAt: '2026-01-01T00:00:00.000Z' });
  doc.intervention.participants = [10, 20];
  doc.intervention.costs.kommune = [500_000, 400_000];
  doc.intervention.savedCosts.region = [1_000, 2_000];
  return doc;
}

describe('rows pasted from a spreadsheet', () => {
  it('reads the columns of the table, with Danish numbers and defaults for missing columns; a header row is skipped', () => {
    const text =
      'Aktivitet\tType\tBeløb\tTimer\tTimepris\tAntal\tOverhead\tKommune %\tRegion %\tStat %\r\n' +
      'Støtteperson\tpr. deltager\t\t12\t425,50\t2\tja\t50\t50\t\r\n' +
      'Kursus\tengangsudgift\t15.000 kr.\r\n' +
      'Leder\tpr. år\t250.000\t\t\t1\tnej\t\t\t100\r\n';
    const r = parseActivityRows(text, ['aktivitet-1'], false);
    expect(r.errors).toEqual([]);
    expect(r.activities).toEqual([
      { id: 'aktivitet-2', label: 'Støtteperson', kind: 'perParticipant', unit: { hours: 12, hourlyRate: 425.5 }, quantity: 2, withOverhead: true, shares: { kommune: 0.5, region: 0.5, stat: 0 }, replaced: false },
      { id: 'aktivitet-3', label: 'Kursus', kind: 'oneOff', unit: { amount: 15_000 }, quantity: 1, withOverhead: false, shares: { kommune: 1, region: 0, stat: 0 }, replaced: false },
      { id: 'aktivitet-4', label: 'Leder', kind: 'perYear', unit: { amount: 250_000 }, quantity: 1, withOverhead: false, shares: { kommune: 0, region: 0, stat: 1 }, replaced: false },
    ]);
  });

  it('names every row it cannot read, in Danish, and adds nothing then', () => {
    const r = parseActivityRows('God\tpr. år\t100\nDårlig\tpr. måned\t-5\t\t\t\tmåske\n\tpr. år\t1.5\nDel\tpr. år\t10\t\t\t\t\t50\t40\t0', [], true);
    expect(r.activities).toEqual([]);
    expect(r.errors).toEqual([
      'Række 2: typen «pr. måned» kendes ikke (skriv pr. deltager, pr. år eller engangsudgift); beløb må ikke være negativ; overhead «måske» skal være ja eller nej.',
      expect.stringMatching(/^Række 3: mangler navnet på aktiviteten; beløb: «1\.5» kan læses på to måder/),
      'Række 4: andelene for kommune, region og stat skal tilsammen være 100 %.',
    ]);
  });

  it('quick choices and reordering', () => {
    expect(presetOf({ kommune: 0.5, region: 0.5, stat: 0 })).toBe('k50r50');
    expect(presetOf({ kommune: 0.6, region: 0.4, stat: 0 })).toBeNull();
    expect(moved(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moved(['a', 'b', 'c'], 2, -5)).toEqual(['c', 'a', 'b']);
  });
});

// Role queries over the whole step are slow in jsdom on a loaded machine.
describe('the cost model in the Omkostninger step (jsdom)', { timeout: 60_000 }, () => {
  it('switching on derives the yearly costs from the activities and shows them read-only with cost per forløb', async () => {
    const c = new Calculation(typedDoc(), { autosaveMs: 0 });
    render(StepOmkostninger, { props: { calc: c } });
    expect(screen.getByRole('table', { name: /^Samlede omkostninger/ }).querySelectorAll('input')).toHaveLength(6);
    await fireEvent.click(screen.getByLabelText('Beregn omkostningerne ud fra indsatsens aktiviteter'));
    flushSync();
    expect(c.doc.intervention.costModel).toEqual({ overheadRate: 0, activities: [] });
    expect(c.doc.intervention.costs.kommune).toEqual([0, 0]);
    expect(screen.getByText('De beløb, du havde tastet, er husket. Slår du omkostningsmodellen fra igen, kan du vælge at få dem tilbage.')).toBeTruthy();

    await fireEvent.input(screen.getByLabelText('Overheadsats (%)'), { target: { value: '25' } });
    await fireEvent.click(screen.getAllByRole('button', { name: 'Tilføj aktivitet' })[0]);
    flushSync();
    const table = screen.getByRole('table', { name: 'Indsatsens aktiviteter' });
    expect(document.activeElement).toBe(within(table).getByRole('textbox', { name: 'Aktivitet' }));
    await fireEvent.input(within(table).getByRole('textbox', { name: 'Aktivitet' }), { target: { value: 'Samtaler' } });
    flushSync();
    await fireEvent.change(within(table).getByRole('combobox', { name: 'Enhedspris, Samtaler' }), { target: { value: 'hours' } });
    flushSync();
    await fireEvent.input(within(table).getByRole('textbox', { name: 'Timer, Samtaler' }), { target: { value: '4' } });
    await fireEvent.input(within(table).getByRole('textbox', { name: 'Timepris, Samtaler' }), { target: { value: '500' } });
    flushSync();
    // 4 t × 500 kr. × participants × 1,25 overhead, kommune pays all.
    expect(c.doc.intervention.costs.kommune).toEqual([25_000, 50_000]);
    const grid = screen.getByRole('table', { name: /^Samlede omkostninger/ });
    expect(grid.querySelectorAll('input')).toHaveLength(0);
    expect(within(grid).getByTestId('derived-costs-kommune-1').textContent).toBe('50.000');
    expect(screen.getAllByText('Beregnet af omkostningsmodellen')).toHaveLength(2);
    expect(screen.getByTestId('cost-per-forloeb').textContent).toContain('2.500 kr.');

    // Who pays: a quick choice, then a split that does not add up, named next to the fields and blocking the results.
    await fireEvent.change(within(table).getByRole('combobox', { name: 'Betales af, hurtigvalg, Samtaler' }), { target: { value: 'k50r50' } });
    flushSync();
    expect(c.doc.intervention.costs.region).toEqual([12_500, 25_000]);
    await fireEvent.input(within(table).getByRole('textbox', { name: 'Region' }), { target: { value: '40' } });
    flushSync();
    expect(screen.getByRole('alert').textContent).toMatch(/Andelene skal tilsammen være 100 % \(nu 90 %\)\./);
    expect(c.result).toBeNull();
    await fireEvent.input(within(table).getByRole('textbox', { name: 'Stat' }), { target: { value: '10' } });
    flushSync();
    expect(screen.queryByText(/Andelene skal tilsammen/)).toBeNull();
    expect(c.result).not.toBeNull();

    // Negative hours are refused in the field; the document keeps the last valid value.
    const hours = within(table).getByRole('textbox', { name: 'Timer, Samtaler' });
    await fireEvent.input(hours, { target: { value: '-2' } });
    flushSync();
    expect(hours.getAttribute('aria-invalid')).toBe('true');
    expect(c.errors[hours.id]).toBe('Skal være mellem 0 og 1.000.000 timer.');
    await fireEvent.input(hours, { target: { value: '4' } });
  });

  it('copy, move, remove and paste rows; replaced activities become saved costs', async () => {
    const c = new Calculation(typedDoc(), { autosaveMs: 0 });
    c.costModel.enable();
    render(StepOmkostninger, { props: { calc: c } });
    const [addOwn, addDropped] = screen.getAllByRole('button', { name: 'Tilføj aktivitet' });
    await fireEvent.click(addOwn);
    flushSync();
    await fireEvent.input(screen.getByRole('textbox', { name: 'Beløb, Ny aktivitet' }), { target: { value: '1.000' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Kopiér Ny aktivitet' }));
    flushSync();
    expect(c.doc.intervention.costModel?.activities.map((a) => a.label)).toEqual(['Ny aktivitet', 'Ny aktivitet (kopi)']);
    await fireEvent.click(screen.getByRole('button', { name: 'Flyt Ny aktivitet ned' }));
    flushSync();
    expect(c.doc.intervention.costModel?.activities.map((a) => a.label)).toEqual(['Ny aktivitet (kopi)', 'Ny aktivitet']);
    await fireEvent.click(screen.getByRole('button', { name: 'Fjern Ny aktivitet (kopi)' }));
    flushSync();
    expect(c.doc.intervention.costModel?.activities.map((a) => a.label)).toEqual(['Ny aktivitet']);
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Fjern Ny aktivitet');

    await fireEvent.click(addDropped);
    flushSync();
    await fireEvent.input(screen.getByRole('textbox', { name: 'Beløb, Aktivitet, der bortfalder' }), { target: { value: '300' } });
    flushSync();
    expect(c.doc.intervention.savedCosts.kommune).toEqual([3_000, 6_000]);

    const pasteButtons = screen.getAllByRole('button', { name: 'Indsæt rækker fra regneark' });
    await fireEvent.click(pasteButtons[0]);
    flushSync();
    const area = screen.getByLabelText('Kopiér rækkerne i regnearket, og sæt dem ind her');
    await fireEvent.input(area, { target: { value: 'Kursus\tengangsudgift\t50.000\nLeder\tpr. år\t100.000\t\t\t1\tnej\t0\t100\t0\n' } });
    await fireEvent.click(screen.getByRole('button', { name: 'Tilføj rækkerne' }));
    flushSync();
    expect(screen.getByText('2 aktiviteter tilføjet.', { selector: '[role=status]' })).toBeTruthy();
    expect(c.doc.intervention.costs.kommune).toEqual([10_000 + 50_000, 20_000]);
    expect(c.doc.intervention.costs.region).toEqual([100_000, 100_000]);
    expect(c.problem).toBeNull();
  });

  it('switching off asks: keep the derived numbers, or go back to the typed ones; switching on again brings the activities back', async () => {
    const c = new Calculation(typedDoc(), { autosaveMs: 0 });
    c.costModel.enable();
    c.costModel.update((m) => m.activities.push({ id: 'a', label: 'Drift', kind: 'perYear', unit: { amount: 700 }, quantity: 1, withOverhead: false, shares: { kommune: 1, region: 0, stat: 0 }, replaced: false }));
    render(StepOmkostninger, { props: { calc: c } });
    const toggle = screen.getByLabelText('Beregn omkostningerne ud fra indsatsens aktiviteter') as HTMLInputElement;
    await fireEvent.click(toggle);
    flushSync();
    expect(toggle.checked).toBe(true);
    const dialog = screen.getByRole('dialog', { hidden: true });
    expect(within(dialog).getByText(/Aktiviteterne fjernes fra beregningen/)).toBeTruthy();
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Annullér', hidden: true }));
    flushSync();
    expect(c.doc.intervention.costModel).toBeDefined();

    await fireEvent.click(toggle);
    flushSync();
    await fireEvent.click(within(dialog).getByRole('button', { name: 'Behold de beregnede tal', hidden: true }));
    flushSync();
    expect(c.doc.intervention.costModel).toBeUndefined();
    expect(c.doc.intervention.costs.kommune).toEqual([700, 700]);
    const grid = screen.getByRole('table', { name: /^Samlede omkostninger/ });
    expect((within(grid).getByRole('textbox', { name: 'Kommune 2024' }) as HTMLInputElement).value).toBe('700');

    c.costModel.enable();
    expect(c.doc.intervention.costModel?.activities.map((a) => a.label)).toEqual(['Drift']);
    c.costModel.disable('typed');
    expect(c.doc.intervention.costs.kommune).toEqual([700, 700]); // typed values before this switch-on were 700
    c.costModel.enable();
    c.costModel.update((m) => (m.activities[0].unit = { amount: 1 }));
    c.costModel.disable('typed');
    expect(c.doc.intervention.costs.kommune).toEqual([700, 700]);

    // The amounts typed before the first switch-on come back when asked for.
    const d = new Calculation(typedDoc(), { autosaveMs: 0 });
    d.costModel.enable();
    expect(d.doc.intervention.costs.kommune).toEqual([0, 0]);
    d.costModel.disable('typed');
    expect(d.doc.intervention.costs.kommune).toEqual([500_000, 400_000]);
    expect(d.doc.intervention.savedCosts.region).toEqual([1_000, 2_000]);
  });
});
