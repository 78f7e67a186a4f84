import { describe, expect, it } from 'vitest';
import { parseSom, serializeSom, SomFileError } from './io';
import { createEmptySom } from './new-document';
import type { SomDocument } from './schema';
import { emptyFollowUpYear, isCalendarDate, isCoveredYear } from './followup';
import { followUpEntry as entry } from '../../test-support/followup';

function doc(years: unknown[], asOf: unknown = '2025-06-30'): SomDocument {
  const d = createEmptySom({ startYear: 2023, yearsWithIntervention: 4, savedAt: '2026-01-01T00:00:00Z' });
  return { ...d, followUp: { asOf, years } as SomDocument['followUp'] };
}

function errorOf(d: unknown): SomFileError {
  try {
    parseSom(JSON.stringify(d));
  } catch (e) {
    expect(e).toBeInstanceOf(SomFileError);
    return e as SomFileError;
  }
  throw new Error('expected the file to be refused');
}

describe('followUp in the .som file', () => {
  it('reads and writes a follow-up in format order, byte-stable', () => {
    const d = doc([
      entry(2023, { participants: 41, successes: 10, costs: { kommune: 1_200_000, region: null, stat: 0 }, note: 'Opgjort af økonomi' }),
      entry(2024, { participants: 12.5, savedCosts: { kommune: null, region: 50_000, stat: null } }),
    ]);
    // Keys given in another order are written in the format's order.
    const shuffled = { ...d, followUp: { years: d.followUp!.years.map((y) => Object.fromEntries(Object.entries(y).reverse())), asOf: d.followUp!.asOf } };
    const text = serializeSom(parseSom(JSON.stringify(shuffled)));
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed).slice(-2)).toEqual(['view', 'followUp']);
    expect(Object.keys(parsed.followUp)).toEqual(['asOf', 'years']);
    expect(Object.keys(parsed.followUp.years[0])).toEqual(['year', 'participants', 'successes', 'costs', 'savedCosts', 'note']);
    expect(parseSom(text).followUp).toEqual(d.followUp);
    expect(serializeSom(parseSom(text))).toBe(text);
  });

  it('is optional: a file without it has none, and is written without it', () => {
    const d = createEmptySom({ startYear: 2023, savedAt: '2026-01-01T00:00:00Z' });
    expect(parseSom(serializeSom(d)).followUp).toBeUndefined();
    expect(serializeSom(d)).not.toContain('followUp');
  });

  it.each([
    ['a year outside the intervention', [entry(2027)], 'Opfølgning, år 2027: skal være et af indsatsens år 2023–2026.'],
    ['a year before the start', [entry(2022)], 'Opfølgning, år 2022: skal være et af indsatsens år 2023–2026.'],
    [
      'a year after the year of "Opgjort pr."',
      [entry(2023), entry(2026)],
      'Opfølgning, år 2026: ligger efter opgørelsesdatoen (opgjort pr. 30. juni 2025) og kan ikke være gået endnu.',
    ],
    ['more successes than participants', [entry(2024, { participants: 10, successes: 11 })], 'Opfølgning, år 2024, antal med succes: må ikke være større end antal deltagere, der startede (10).'],
    ['negative participants', [entry(2024, { participants: -1 })], 'Opfølgning, år 2024, antal deltagere, der startede: skal være et tal ≥ 0 eller tom (ikke kendt endnu).'],
    ['negative successes', [entry(2024, { successes: -0.5 })], 'Opfølgning, år 2024, antal med succes: skal være et tal ≥ 0 eller tom (ikke kendt endnu).'],
    [
      'a negative cost',
      [entry(2024, { costs: { kommune: null, region: -5, stat: null } })],
      'Opfølgning, år 2024, faktiske omkostninger, region: skal være et beløb ≥ 0 eller tom (ikke kendt endnu).',
    ],
    [
      'a negative saved cost',
      [entry(2024, { savedCosts: { kommune: -5, region: null, stat: null } })],
      'Opfølgning, år 2024, faktiske sparede omkostninger, kommune: skal være et beløb ≥ 0 eller tom (ikke kendt endnu).',
    ],
    ['a note over 2.000 characters', [entry(2024, { note: 'x'.repeat(2001) })], 'Opfølgning, år 2024, note: skal være en tekst på højst 2.000 tegn.'],
    ['years out of order', [entry(2024), entry(2023)], 'Opfølgning, år 2023: årene skal stå i rækkefølge.'],
    ['a year twice', [entry(2024), entry(2024)], 'Opfølgning, år 2024: står to gange; hvert år må kun stå én gang.'],
    ['a year that is not whole', [entry(2024.5)], 'Opfølgning, opfølgningsår nr. 1: skal være et helt årstal mellem 1990 og 2200.'],
    ['text for a number', [{ ...entry(2024), participants: '12' }], 'Opfølgning, år 2024, antal deltagere, der startede: skal være et tal ≥ 0 eller tom (ikke kendt endnu).'],
    ['an unknown field', [{ ...entry(2024), forecast: 3 }], "Opfølgning, år 2024: ukendt felt 'forecast' (findes ikke i formatversion 1)."],
    ['a missing field', [{ year: 2024, participants: 3 }], 'Opfølgning, år 2024, antal med succes: mangler (skal være et tal ≥ 0 eller tom (ikke kendt endnu)).'],
  ])('refuses %s with a Danish message naming the field', (_what, years, message) => {
    expect(errorOf(doc(years)).message).toBe(message);
  });

  it.each(['2025-02-30', '30.06.2025', '2025-6-30', '', 12])('refuses the "Opgjort pr." date %j', (asOf) => {
    expect(errorOf(doc([], asOf)).message).toBe('Opfølgning, opgjort pr.: skal være en dato på formen ÅÅÅÅ-MM-DD (fx 2026-11-30).');
  });

  it('allows successes equal to participants, fractions, every value empty and a year in the "Opgjort pr." year', () => {
    const d = doc([entry(2023, { participants: 3.5, successes: 3.5 }), entry(2024), entry(2025, { note: 'æøå' })]);
    expect(parseSom(JSON.stringify(d)).followUp?.years).toHaveLength(3);
  });

  it('an empty year has every actual empty, is not covered and reads back as it was written', () => {
    const y = emptyFollowUpYear(2024);
    expect(isCoveredYear(y)).toBe(false);
    expect([y.participants, y.successes, ...Object.values(y.costs), ...Object.values(y.savedCosts), y.note]).toEqual([null, null, null, null, null, null, null, null, '']);
    expect(parseSom(JSON.stringify(doc([y]))).followUp?.years).toEqual([y]);
  });

  it('knows calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2023-02-29')).toBe(false);
    expect(isCalendarDate('2023-13-01')).toBe(false);
    expect(isCalendarDate('1989-12-31')).toBe(false);
  });
});
