import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { parseSom } from '../../shared/som/io';
import type { SomDocument } from '../../shared/som/schema';
import { setApi } from '../lib/api';
import { createFakeApi } from '../test/fake-api';
import { Calculation } from './calculation.svelte';
import StepOmkostninger from './steps/StepOmkostninger.svelte';
import StepKonsekvenser2 from './steps/StepKonsekvenser2.svelte';
import icmText from '../../data/examples/icm-hjemloese.som?raw';

/** The ICM example with typed yearly costs (its cost model removed), so that the cost grids are inputs. */
const icm = (): SomDocument => {
  const d = parseSom(icmText);
  delete d.intervention.costModel;
  return d;
};

/** A paste event as the browser sends it, with the copied text. */
function paste(el: HTMLElement, text: string): boolean {
  const e = new Event('paste', { bubbles: true, cancelable: true });
  Object.defineProperty(e, 'clipboardData', { value: { getData: (t: string) => (t === 'text/plain' ? text : '') } });
  const notPrevented = el.dispatchEvent(e);
  flushSync();
  return notPrevented;
}

describe('pasting from a spreadsheet into the wizard grids', () => {
  it('a column pasted into a cost cell fills the cells below it, one actor each', () => {
    const c = new Calculation(icm(), { autosaveMs: 0 });
    render(StepOmkostninger, { props: { calc: c } });
    const cell = document.getElementById('f-costs-kommune-0') as HTMLInputElement;
    const used = paste(cell, '150\r\n250\r\n300\r\n');
    expect(used).toBe(false);
    expect(c.doc.intervention.costs.kommune[0]).toBe(150);
    expect(c.doc.intervention.costs.region[0]).toBe(250);
    expect(c.doc.intervention.costs.stat[0]).toBe(300);
    expect(Object.keys(c.errors)).toEqual([]);
  });

  it('a row pasted into the participants fills the following years; what does not fit is named', () => {
    const c = new Calculation(icm(), { autosaveMs: 0 });
    render(StepOmkostninger, { props: { calc: c } });
    const years = c.doc.intervention.yearsWithIntervention;
    expect(years).toBe(3);
    const cell = screen.getByRole('textbox', { name: 'Antal personer 2019' });
    paste(cell, '11\t12\t13\t14');
    expect(c.doc.intervention.participants).toEqual([20, 11, 12]);
    expect(screen.getByRole('alert').textContent).toBe('2 værdier indsat. 2 værdier lå uden for tabellen og blev ikke indsat.');
  });

  it('a block with one unreadable value writes nothing and says which value', () => {
    const c = new Calculation(icm(), { autosaveMs: 0 });
    render(StepOmkostninger, { props: { calc: c } });
    const before = JSON.stringify(c.doc.intervention.costs);
    const cell = document.getElementById('f-costs-kommune-0') as HTMLInputElement;
    paste(cell, '150\n1,234.5\n300');
    expect(JSON.stringify(c.doc.intervention.costs)).toBe(before);
    expect(screen.getByRole('alert').textContent).toMatch(/^Intet er indsat: værdi nr\. 2 kan ikke læses\. «1,234\.5» ligner engelsk notation/);
  });

  it('one value with Danish separators is one number; an ambiguous one is refused and the field keeps its value', async () => {
    const c = new Calculation(icm(), { autosaveMs: 0 });
    render(StepOmkostninger, { props: { calc: c } });
    const cell = document.getElementById('f-costs-kommune-0') as HTMLInputElement;
    const old = cell.value;
    cell.select();
    expect(paste(cell, '1,234.5')).toBe(false);
    expect(cell.value).toBe(old);
    expect(screen.getByRole('alert').textContent).toMatch(/^Ikke indsat: /);
    // A readable value is left to the browser's own paste, then read as typed text.
    cell.select();
    expect(paste(cell, '650.000 kr.')).toBe(true);
    await fireEvent.input(cell, { target: { value: '650.000 kr.' } });
    expect(c.doc.intervention.costs.kommune[0]).toBe(650000);
    await fireEvent.input(cell, { target: { value: '650.000,-' } });
    expect(c.doc.intervention.costs.kommune[0]).toBe(650000);
  });

  it('own values År 1–20 take a pasted row, and a column goes down the lines', () => {
    setApi(createFakeApi({ 'knowledge.dimensions': () => [] }));
    const c = new Calculation(icm(), { autosaveMs: 0 });
    render(StepKonsekvenser2, { props: { calc: c } });
    (screen.getByRole('button', { name: 'Vis alle områder' }) as HTMLButtonElement).click();
    flushSync();
    const first = document.getElementById('f-own-kontanthjaelp-0') as HTMLInputElement;
    paste(first, '-1\t-2,5\t-3');
    expect(c.doc.lines[0].own.slice(0, 4)).toEqual([-1, -2.5, -3, null]);
    const alcohol = document.getElementById('f-own-alkoholbehandling-1') as HTMLInputElement;
    paste(alcohol, '-4\n-5');
    expect(c.doc.lines[2].own[1]).toBe(-4);
    expect(c.doc.lines[3].own[1]).toBe(-5);
    // Own prices: a row across kommune, region, stat.
    const price = document.getElementById('f-price-kontanthjaelp-kommune') as HTMLInputElement;
    paste(price, '1.000\t2.000\t3.000');
    expect(c.doc.lines[0].ownPrice).toEqual({ kommune: 1000, region: 2000, stat: 3000 });
  });
});

describe('totals while a cell is invalid', () => {
  it('"I alt" is blank (not the old sum) while a cell in its row or column does not hold a valid number', async () => {
    const c = new Calculation(icm(), { autosaveMs: 0 });
    render(StepOmkostninger, { props: { calc: c } });
    const row = () => document.getElementById('f-costs-kommune-0')!.closest('tr')!;
    const total = () => row().querySelector('td.total')!.textContent!.trim();
    const before = total();
    expect(before).toMatch(/^\d/);
    await fireEvent.input(document.getElementById('f-costs-kommune-0')!, { target: { value: '12x' } });
    expect(total()).toBe('–Ret feltet i rækken først');
    await fireEvent.input(document.getElementById('f-costs-kommune-0')!, { target: { value: '1.000' } });
    expect(total()).toMatch(/^\d/);
  });
});
