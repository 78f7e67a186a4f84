import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import { parseSom } from '../../shared/som/io';
import { calculate } from '../../shared/engine/calc';
import AssumptionsSection from './AssumptionsSection.svelte';
import { readGolden } from '../../test-support/golden';

const doc = parseSom(readGolden('icm-hjemloese.som'));

describe('AssumptionsSection (Forudsætninger)', () => {
  it('a line whose estimates are deselected shows "Fravalgt" instead of its years; chosen lines show their yearly values', () => {
    const i = doc.lines.findIndex((l) => l.dimensionId !== null && l.useEstimates && l.estimate.some((v) => v !== null));
    const off = { ...doc, lines: doc.lines.map((l, k) => (k === i ? { ...l, useEstimates: false, own: l.own.map(() => null) } : l)) };
    render(AssumptionsSection, { props: { doc: off, result: calculate(off) } });
    const cells = screen.getAllByTestId('line-deselected');
    expect(cells).toHaveLength(1);
    expect(cells[0].textContent).toBe('Fravalgt (indgår ikke i beregningen)');
    expect(cells[0].getAttribute('colspan')).toBe('20');
    expect(cells[0].closest('tr')!.querySelector('th')!.textContent).toContain(doc.lines[i].label);
    // Another chosen line keeps its 20 year cells.
    const other = doc.lines.find((l, k) => k !== i && l.useEstimates && l.estimate.some((v) => v !== null))!;
    const row = [...document.querySelectorAll('table[aria-labelledby="years-caption"] tr')].find((tr) => tr.querySelector('th')?.textContent?.startsWith(`${other.label} (`))!;
    expect(row.querySelectorAll('td.num')).toHaveLength(20);
    // The Konsekvenser row says Fravalgt, not own values.
    const kons = [...document.querySelectorAll('[data-testid="forudsaetninger"] tr')].find((tr) => tr.querySelector('th')?.textContent?.startsWith(`${doc.lines[i].label} (`))!;
    expect(kons.textContent).toContain('Fravalgt');
    expect(kons.textContent).not.toMatch(/egne værdier/i);
  });
});
