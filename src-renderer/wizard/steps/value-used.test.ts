import { describe, expect, it } from 'vitest';
import { flushSync } from 'svelte';
import { render, screen } from '@testing-library/svelte';
import { parseSom } from '../../../shared/som/io';
import { setApi } from '../../lib/api';
import { createFakeApi } from '../../test/fake-api';
import { Calculation } from '../calculation.svelte';
import StepKonsekvenser2 from './StepKonsekvenser2.svelte';
import { valueUsed } from './value-used';
import icmText from '../../../data/examples/icm-hjemloese.som?raw';

describe('valueUsed: one wording for an own value over a knowledge value', () => {
  it('says which value is used for estimates and prices alike', () => {
    const e = valueUsed('estimate', -2.9, -3.5, 'vidensdatabasen');
    expect(e).toEqual({
      replaced: true,
      knowledgeTitle: 'SØM-estimat -2,90 (vidensdatabasen): erstattet af dit eget tal -3,50, som bruges i beregningen',
      ownTitle: 'Eget tal -3,50: bruges i beregningen i stedet for SØM-estimatet -2,90',
    });
    const p = valueUsed('price', 1800, 2500, '2018-priser, kilde');
    expect(p.replaced).toBe(true);
    expect(p.knowledgeTitle).toBe('SØM-pris 1.800 kr. (2018-priser, kilde): erstattet af din egen pris 2.500 kr., som bruges i beregningen');
    expect(p.ownTitle).toBe('Egen pris 2.500 kr.: bruges i beregningen i stedet for SØM-prisen 1.800 kr.');
    expect(valueUsed('price', 1800, null, 's')).toEqual({ replaced: false, knowledgeTitle: 'SØM-pris 1.800 kr. (s): bruges i beregningen', ownTitle: 'Beregningen bruger SØM-prisen 1.800 kr.' });
    expect(valueUsed('estimate', null, null, 's').ownTitle).toBe('Ingen værdi: tæller som 0');
  });
});

describe('Konsekvenser 2 marks an overridden estimate as an overridden price is marked', () => {
  it('the replaced estimate and the replaced SØM price are struck through, with the same words', () => {
    setApi(createFakeApi({ 'knowledge.dimensions': () => [] }));
    const d = parseSom(icmText);
    const i = d.lines.findIndex((l) => l.dimensionId !== null && l.useEstimates && l.estimate[0] !== null);
    d.lines[i].own[0] = -3.5;
    d.lines[i].ownPrice.kommune = 2500;
    const c = new Calculation(d, { autosaveMs: 0 });
    render(StepKonsekvenser2, { props: { calc: c } });
    (screen.getByRole('button', { name: 'Vis alle områder' }) as HTMLButtonElement).click();
    flushSync();
    const lid = d.lines[i].id.toLowerCase().replace(/[^a-z0-9æøå]+/g, '-');
    const own = document.getElementById(`f-own-${lid}-0`) as HTMLInputElement;
    const estRow = own.closest('tr')!.previousElementSibling as HTMLTableRowElement;
    const est = estRow.querySelectorAll('td')[0];
    expect(est.classList.contains('replaced')).toBe(true);
    expect(est.title).toMatch(/^SØM-estimat .*: erstattet af dit eget tal -3,50, som bruges i beregningen$/);
    expect(est.textContent).toContain('(erstattet af dit eget tal)');
    expect(own.title).toMatch(/^Eget tal -3,50: bruges i beregningen i stedet for SØM-estimatet /);
    // År 2 has no own value: the estimate is used and says so.
    const est2 = estRow.querySelectorAll('td')[1];
    expect(est2.classList.contains('replaced')).toBe(false);
    expect(est2.title).toMatch(/: bruges i beregningen$/);

    const price = document.getElementById(`f-price-${lid}-kommune`) as HTMLInputElement;
    const priceCell = price.closest('tr')!.querySelectorAll('td.num')[0] as HTMLTableCellElement;
    expect(priceCell.classList.contains('replaced')).toBe(true);
    expect(priceCell.title).toMatch(/^SØM-pris .* kr\. \(.*\): erstattet af din egen pris 2\.500 kr\., som bruges i beregningen$/);
    expect(price.title).toMatch(/^Egen pris 2\.500 kr\.: bruges i beregningen i stedet for SØM-prisen /);
    const regionCell = price.closest('tr')!.querySelectorAll('td.num')[1] as HTMLTableCellElement;
    expect(regionCell.classList.contains('replaced')).toBe(false);
  });
});
