import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { parseSom } from '../../../shared/som/io';
import { successRateFromEffect } from '../../../shared/engine/effect';
import { setApi } from '../../lib/api';
import { createFakeApi } from '../../test/fake-api';
import { filterFakeStudies } from '../../test/fakes/knowledge';
import { Calculation } from '../calculation.svelte';
import { numberToText } from '../number-text';
import StepEffekt from './StepEffekt.svelte';
import icmText from '../../../data/examples/icm-hjemloese.som?raw';

function calcFor(targetGroupId: string, label: string): Calculation {
  const doc = parseSom(icmText);
  doc.intervention.targetGroup.id = targetGroupId;
  doc.intervention.targetGroup.label = label;
  return new Calculation(doc, { autosaveMs: 0 });
}

describe('Effekt: the study search', () => {
  it('shows the calculation’s own target group’s studies first, a few at a time, and «Vis alle» shows the rest', async () => {
    setApi(createFakeApi());
    const label = 'Mennesker med alkoholmisbrug (18-65 år)';
    render(StepEffekt, { props: { calc: calcFor('alkohol-18-65', label) } });
    await fireEvent.input(screen.getByLabelText('Søg i effektstudier'), { target: { value: 'Cool Kids' } });
    const all = filterFakeStudies({ text: 'Cool Kids' });
    const own = all.filter((s) => s.targetGroupId === 'alkohol-18-65');
    expect(own.length).toBeGreaterThan(8);
    expect(all.length).toBeGreaterThan(200);
    const count = await screen.findByTestId('study-search-count');
    await waitFor(() => expect(count.textContent?.replace(/\s+/g, ' ').trim()).toBe(
      `${all.length} studier matcher, heraf ${own.length} for ${label} (vist først). Viser 8.`,
    ));
    const table = () => screen.getByRole('table');
    const groupsShown = () => within(table()).getAllByRole('row').slice(1).map((r) => r.querySelectorAll('td')[1].textContent);
    expect(groupsShown()).toEqual(Array(8).fill(label));
    await fireEvent.click(screen.getByRole('button', { name: `Vis alle (de første 200 af ${all.length})` }));
    const shown = groupsShown();
    expect(shown).toHaveLength(200);
    // Every study of the own group comes before any other.
    expect(shown.slice(0, own.length)).toEqual(Array(own.length).fill(label));
    expect(shown.slice(own.length).every((g) => g !== label)).toBe(true);
    expect(screen.getByText(/Der vises højst 200 studier/)).toBeTruthy();
  });

  it('the converter says the success rate with the rounding the Succesrate field shows', async () => {
    setApi(createFakeApi());
    const calc = calcFor('hjemloese-18-65', 'Hjemløse (18-65 år)');
    render(StepEffekt, { props: { calc } });
    await fireEvent.input(screen.getByLabelText('Effektstørrelse'), { target: { value: '0,37' } });
    await fireEvent.input(screen.getByLabelText(/Andel, der når målet uden indsatsen/), { target: { value: '23' } });
    const r = successRateFromEffect({ kind: 'smd', value: 0.37, baseline: 0.23 }).successRate;
    const expected = `${numberToText(r * 100, 2)} %`;
    // The rate has more than one decimal, so a one-decimal message would differ from the field.
    expect(numberToText(r * 100, 2)).toMatch(/,\d\d$/);
    expect(screen.getByText(/Implicit succesrate:/).querySelector('strong')?.textContent).toBe(expected);
    await fireEvent.click(screen.getByRole('button', { name: 'Anvend' }));
    expect(screen.getByRole('status').textContent).toMatch(new RegExp(`^Succesraten er sat til ${expected}\\.`));
    const field = screen.getByLabelText(/^Succesrate/) as HTMLInputElement;
    expect(`${field.value} %`).toBe(expected);
  });
});
