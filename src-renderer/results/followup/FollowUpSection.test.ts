import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { calculateFollowUp } from '../../../shared/engine/followup';
import { formatKr } from '../../../shared/format';
import { setApi } from '../../lib/api';
import { createFakeApi } from '../../test/fake-api';
import ResultsView from '../ResultsView.svelte';
import FollowUpSection from './FollowUpSection.svelte';
import { calculate } from '../../../shared/engine/calc';
import { HarnessCalculation } from '../harness/harness-calc.svelte';
import { requestResultsTab } from '../tab-request';
import { netSuccessesFromShare } from './followup-editor.svelte';
import { goldenSom } from '../../../test-support/golden';

const icm = () => goldenSom('icm-hjemloese');

/** The section alone (the results view around it is tested once, below). */
function setup(doc = icm()) {
  const calc = new HarnessCalculation(doc, 'abc', 'ICM hjemløse.som');
  render(FollowUpSection, { props: { calc, doc: calc.doc, result: calculate(doc), actor: 'alle' } });
  return calc;
}
const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value } });

describe('Opfølgning', { timeout: 30_000 }, () => {
  it('shows the passed years and writes the actuals into the calculation', async () => {
    const calc = setup();
    await fireEvent.input(screen.getByLabelText('Opgjort pr.'), { target: { value: '2019-06-30' } });
    // ICM: 2018–2020; by 30 June 2019 the years 2018 and 2019 have (partly) passed.
    expect(screen.getByLabelText('Antal deltagere, der startede 2018')).toBeTruthy();
    expect(screen.getByLabelText('Antal deltagere, der startede 2019')).toBeTruthy();
    expect(screen.queryByLabelText('Antal deltagere, der startede 2020')).toBeNull();
    await type('Antal deltagere, der startede 2018', '16');
    await type('Antal med succes 2018', '5');
    await type('Faktiske omkostninger, kommune 2018', '1.100.000');
    expect(calc.doc.followUp).toMatchObject({ asOf: '2019-06-30', years: [{ year: 2018, participants: 16, successes: 5, costs: { kommune: 1_100_000, region: null, stat: null } }] });
    const f = calculateFollowUp(calc.doc)!;
    await waitFor(() => expect(screen.getByTestId('followup-summary').textContent).toContain('Indtil nu 16 deltagere mod forventet 20'));
    expect(screen.getByTestId('realised-rate').textContent).toBe('31,3 %');
    expect(screen.getByTestId('reforecast-kommune-pvNet').textContent).toBe(formatKr(f.reforecast.actors.kommune.pvNet));
    expect(screen.getByTestId('followup-summary').textContent).toContain(`ændres fra ${formatKr(f.forecast.actors.alle.pvNet)} til ${formatKr(f.reforecast.actors.alle.pvNet)}`);
  });

  it('refuses more successes than participants in Danish, keeps what was typed and blocks saving', async () => {
    const calc = setup();
    await fireEvent.input(screen.getByLabelText('Opgjort pr.'), { target: { value: '2019-06-30' } });
    await type('Antal deltagere, der startede 2018', '16');
    const before = JSON.parse(JSON.stringify(calc.doc.followUp));
    await type('Antal med succes 2018', '30');
    expect(screen.getByRole('alert').textContent).toBe('Må ikke være større end antal deltagere, der startede (16).');
    expect((screen.getByLabelText('Antal med succes 2018') as HTMLInputElement).value).toBe('30');
    expect(calc.doc.followUp).toEqual(before);
    expect(Object.keys(calc.errors)).toEqual(['followUp:2018:successes']);
    // Fixing the participants makes the same successes valid: written, error gone.
    await type('Antal deltagere, der startede 2018', '40');
    expect(calc.doc.followUp?.years[0]).toMatchObject({ participants: 40, successes: 30 });
    expect(calc.errors).toEqual({});
  });

  it('an invalid number stays in its field with a Danish message; an empty field means not known yet', async () => {
    const calc = setup();
    await fireEvent.input(screen.getByLabelText('Opgjort pr.'), { target: { value: '2019-06-30' } });
    await type('Antal deltagere, der startede 2018', '-3');
    expect(screen.getByText('Skal være mellem 0 og 10.000.000.')).toBeTruthy();
    expect((screen.getByLabelText('Antal deltagere, der startede 2018') as HTMLInputElement).value).toBe('-3');
    await type('Antal deltagere, der startede 2018', '');
    await type('Note 2018', 'Tal fra jobcentret');
    expect(calc.doc.followUp?.years).toEqual([expect.objectContaining({ year: 2018, participants: null, note: 'Tal fra jobcentret' })]);
    expect(screen.getByTestId('followup-summary').textContent).toContain('Der er endnu ingen faktiske tal');
  });

  it('turns a measured share into net successes with the baseline of the Effekt step', async () => {
    const doc = icm();
    doc.intervention.effect.conversion = { kind: 'rd', value: 0.2, baseline: 0.1, studyId: null };
    const calc = setup(doc);
    await fireEvent.input(screen.getByLabelText('Opgjort pr.'), { target: { value: '2018-12-31' } });
    await type('Antal deltagere, der startede 2018', '20');
    await fireEvent.click(screen.getByText('Beregn antal med succes ud fra en målt andel'));
    expect((screen.getByLabelText('Andel uden indsatsen (%)') as HTMLInputElement).value).toBe('10');
    await type('Målt andel, der nåede effektmålet (%)', '35');
    expect(screen.getByText(/20 × \(35 % − 10 %\) = 5,0 med succes/)).toBeTruthy();
    await fireEvent.click(screen.getByRole('button', { name: 'Brug som antal med succes i 2018' }));
    expect(calc.doc.followUp?.years[0].successes).toBe(5);
    expect(netSuccessesFromShare(10, 0.05, 0.1)).toBe(0);
  });

  it('Fjern opfølgning removes the follow-up from the calculation', async () => {
    const doc = icm();
    doc.followUp = { asOf: '2019-01-31', years: [{ year: 2018, participants: 12, successes: null, costs: { kommune: null, region: null, stat: null }, savedCosts: { kommune: null, region: null, stat: null }, note: '' }] };
    const calc = setup(doc);
    expect((screen.getByLabelText('Antal deltagere, der startede 2018') as HTMLInputElement).value).toBe('12');
    await fireEvent.click(screen.getByRole('button', { name: 'Fjern opfølgning' }));
    expect(calc.doc.followUp).toBeUndefined();
  });

  it('is a tab of Resultater, opened directly when Oversigt asks for it (Følg op)', async () => {
    const calc = new HarnessCalculation(icm(), 'abc', 'ICM hjemløse.som');
    setApi(createFakeApi());
    requestResultsTab('opfoelgning');
    render(ResultsView, { props: { calc } });
    expect(screen.getByRole('tab', { name: 'Opfølgning' }).getAttribute('aria-selected')).toBe('true');
    expect(screen.getByRole('heading', { name: 'Opfølgning: forventet og faktisk' })).toBeTruthy();
  }, 30_000);
});
