import { describe, expect, it } from 'vitest';
import { render, screen } from '@testing-library/svelte';
import type { KnowledgeDiff } from '../../shared/store/knowledge-diff';
import KnowledgeNotice from './KnowledgeNotice.svelte';
import type { KnowledgeNotice as Notice } from './session.svelte';

const noParams: KnowledgeDiff['parameters'] = { discountRate: null, taxRates: [], priceIndex: [] };

function notice(diff: KnowledgeDiff): Notice {
  return { file: null, current: null, diff, lines: null, error: null };
}

describe('KnowledgeNotice', () => {
  it('only lists dimensions the file does not use, without offering an update that cannot do anything', () => {
    const diff: KnowledgeDiff = {
      lines: [],
      added: [
        { dimensionId: 'a', label: 'Fængselsdage', area: 'Politi' },
        { dimensionId: 'b', label: 'Herberg og forsorg', area: 'Sociale serviceydelser' },
      ],
      parameters: noParams,
      hasDifferences: true,
    };
    render(KnowledgeNotice, { props: { notice: notice(diff) } });
    expect(screen.getByText(/Ingen af filens konsekvenser, priser eller parametre har andre værdier/)).toBeTruthy();
    expect(screen.getByText(/2 konsekvenser for målgruppen, som filen ikke bruger: Fængselsdage, Herberg og forsorg/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Vælg alle konsekvenser' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Opdatér de valgte' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Behold filens værdier' })).toBeTruthy();
  });

  it('offers the update when a line has other values', () => {
    const diff: KnowledgeDiff = {
      lines: [
        {
          lineId: 'l1', dimensionId: 'kontanthjaelp', label: 'Kontanthjælp', area: 'Indkomstoverførsler', status: 'changed',
          estimates: [], prices: [{ actor: 'kommune', file: 2211, current: 2174 }], priceYear: null,
        },
      ],
      added: [],
      parameters: noParams,
      hasDifferences: true,
    };
    render(KnowledgeNotice, { props: { notice: notice(diff) } });
    expect(screen.queryByText(/Ingen af filens konsekvenser/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Vælg alle konsekvenser' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Opdatér de valgte' })).toBeTruthy();
    expect(screen.getByText(/Pris kommune: 2\.211 → 2\.174 kr\./)).toBeTruthy();
  });

  it('names where the values come from: the release of the file, a course example, or nothing said', () => {
    const diff: KnowledgeDiff = { lines: [], added: [], parameters: noParams, hasDifferences: false };
    const current = { release: '2026.1', sha256: 'a'.repeat(64), date: '2026-01-01' };
    const r1 = render(KnowledgeNotice, { props: { notice: { ...notice(diff), current, file: { release: '2017.2', sha256: 'b'.repeat(64) } } } });
    expect(screen.getByRole('heading', { name: 'Vidensdatabasen er en anden end da filen blev gemt' })).toBeTruthy();
    expect(screen.getByText(/Filen er beregnet med vidensdatabase/).textContent).toContain('2017.2');
    r1.unmount();
    const r2 = render(KnowledgeNotice, { props: { notice: { ...notice(diff), current, example: true } } });
    expect(screen.getByRole('heading', { name: 'Eksemplet bruger kursusmaterialets tal' })).toBeTruthy();
    expect(screen.getByText(/Tallene er fra SØM-kurset/).textContent).toContain('2026.1');
    expect(screen.queryByText(/ukendt/)).toBeNull();
    r2.unmount();
    render(KnowledgeNotice, { props: { notice: { ...notice(diff), current } } });
    expect(screen.getByRole('heading', { name: 'Filen angiver ikke, hvilken vidensdatabase tallene kommer fra' })).toBeTruthy();
    expect(screen.queryByText(/kursus/)).toBeNull();
  });
});
