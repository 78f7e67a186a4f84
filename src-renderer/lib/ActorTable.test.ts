import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/svelte';
import ActorTable from './ActorTable.svelte';

const values = { kommune: -1234.4, region: 0, stat: 5600, alle: 4366 };

describe('ActorTable', () => {
  it('one column per actor, row headings when asked for, Danish numbers, negatives marked', () => {
    render(ActorTable, { props: { rowHeader: 'Ændring', caption: 'Følsomhed', markNegative: true, testid: 't', rows: [{ label: 'Beregningen', values, strong: true }, { label: 'Succesrate -50 %', values: { ...values, stat: -10 } }] } });
    const table = screen.getByRole('table', { name: 'Følsomhed' });
    expect(within(table).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Ændring', 'Kommune', 'Region', 'Stat', 'Alle aktører']);
    const rows = within(table).getAllByRole('row').slice(1);
    const cells = (r: HTMLElement) => [...r.querySelectorAll('th, td')].map((c) => c.textContent);
    expect(rows.map(cells)).toEqual([
      ['Beregningen', '-1.234', '0', '5.600', '4.366'],
      ['Succesrate -50 %', '-1.234', '0', '-10', '4.366'],
    ]);
    expect(rows[0].classList.contains('strong')).toBe(true);
    expect([...rows[1].querySelectorAll('td.neg')].map((td) => td.getAttribute('data-actor'))).toEqual(['kommune', 'stat']);
  });

  it('without a row heading the table has only the actor columns', () => {
    render(ActorTable, { props: { testid: 'fig', rows: [{ values }] } });
    const table = screen.getByTestId('fig');
    expect(within(table).getAllByRole('columnheader')).toHaveLength(4);
    expect(table.querySelectorAll('th[scope="row"]')).toHaveLength(0);
    expect(table.querySelector('td[data-actor="alle"]')?.textContent).toBe('4.366');
    expect(table.querySelectorAll('td.neg')).toHaveLength(0);
  });
});
