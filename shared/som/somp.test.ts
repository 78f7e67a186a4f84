import { describe, expect, it } from 'vitest';
import { serializeSom, isSomFileError } from './io';
import { createSomp, looksLikeSomp, parseSomp, parseSompBytes, serializeSomp, MAX_SOMP_BYTES } from './somp';
import { goldenSom as golden } from '../../test-support/golden';


const basis = { priceYear: 2018, discountRate: 0.04, periodStart: 2018, periodEnd: 2023 };
const sample = () =>
  createSomp({
    name: 'Hjemløseindsatser',
    basis,
    members: [golden('seed-kontanthjaelp'), golden('icm-hjemloese')],
    createdWith: 'SØM Desktop test',
    savedAt: '2026-12-01T10:00:00.000Z',
    reportText: 'Til udvalget.',
  });

function refuse(text: string): string {
  try {
    parseSomp(text);
  } catch (e) {
    expect(isSomFileError(e)).toBe(true);
    return (e as Error).message;
  }
  throw new Error('accepted');
}

/** A sample file as raw JSON to break. */
const raw = () => JSON.parse(serializeSomp(sample())) as Record<string, unknown> & { members: Record<string, unknown>[] };

describe('.somp: writing and reading', () => {
  it('round-trips byte for byte with stable key order', () => {
    const text = serializeSomp(sample());
    const back = parseSomp(text);
    expect(serializeSomp(back)).toBe(text);
    expect(Object.keys(JSON.parse(text))).toEqual(['format', 'formatVersion', 'createdWith', 'savedAt', 'name', 'basis', 'members', 'report']);
    expect(Object.keys(JSON.parse(text).basis)).toEqual(['priceYear', 'discountRate', 'periodStart', 'periodEnd']);
    // every member is written exactly like a .som file of it
    expect(JSON.stringify(back.members[1], null, 2) + '\n').toBe(serializeSom(golden('icm-hjemloese')));
    expect(back.report).toEqual({ text: 'Til udvalget.' });
    expect(looksLikeSomp(text)).toBe(true);
    expect(looksLikeSomp(serializeSom(golden('icm-hjemloese')))).toBe(false);
    expect(parseSompBytes(new TextEncoder().encode('\uFEFF' + text)).name).toBe('Hjemløseindsatser');
  });
});

describe('.somp: refusing bad files in Danish', () => {
  it('not JSON, wrong format, a single .som, newer version', () => {
    expect(refuse('{')).toMatch(/ikke gyldig JSON/);
    expect(refuse('[]')).toMatch(/ét JSON-objekt/);
    expect(refuse(JSON.stringify({ ...raw(), format: 'xyz' }))).toMatch(/ikke en SØM-sammenligning/);
    expect(refuse(serializeSom(golden('icm-hjemloese')))).toMatch(/enkelt SØM-beregning/);
    expect(refuse(JSON.stringify({ ...raw(), formatVersion: 2 }))).toMatch(/nyere version/);
  });
  it('envelope fields', () => {
    const { name: _n, ...noName } = raw();
    expect(refuse(JSON.stringify(noName))).toMatch(/^Sammenligningens navn: mangler/);
    expect(refuse(JSON.stringify({ ...raw(), extra: 1 }))).toMatch(/ukendt felt 'extra'/);
    expect(refuse(JSON.stringify({ ...raw(), basis: { ...basis, discountRate: 4 } }))).toMatch(/^Fælles grundlag, diskonteringsrente/);
    expect(refuse(JSON.stringify({ ...raw(), basis: { ...basis, periodStart: 2017 } }))).toMatch(/^Fælles grundlag: Perioden må ikke begynde før prisåret/);
    expect(refuse(JSON.stringify({ ...raw(), members: [] }))).toMatch(/mindst én beregning/);
    const r = raw();
    expect(refuse(JSON.stringify({ ...r, members: Array.from({ length: 21 }, () => r.members[0]) }))).toMatch(/højst indeholde 20/);
  });
  it('every .som rule on each member, naming the member', () => {
    const r = raw();
    (r.members[1].intervention as { participants: number[] }).participants[0] = -5;
    const msg = refuse(JSON.stringify(r));
    expect(msg).toMatch(/^Beregning 2 \('[^']+'\): Deltagere, år \d{4}: /);

    const r2 = raw();
    delete (r2.members[0] as Record<string, unknown>).lines;
    expect(refuse(JSON.stringify(r2))).toMatch(/^Beregning 1 \('[^']+'\): Konsekvenslinjer: mangler/);

    const r3 = raw();
    r3.members[0].format = 'somp';
    expect(refuse(JSON.stringify(r3))).toMatch(/^Beregning 1 .*ikke en SØM-fil/);

    const r4 = raw();
    (r4.members as unknown[])[1] = 'tekst';
    expect(refuse(JSON.stringify(r4))).toBe('Beregning 2: skal være en SØM-beregning (et objekt).');

    const r5 = raw();
    (r5.members[0] as Record<string, unknown>).surprise = true;
    expect(refuse(JSON.stringify(r5))).toMatch(/^Beregning 1 .*ukendt felt 'surprise'/);

    const r6 = raw();
    const lines = r6.members[1].lines as { id: string }[];
    lines[1].id = lines[0].id;
    expect(refuse(JSON.stringify(r6))).toMatch(/^Beregning 2 .*unikt/);
  });
  it('size cap of 20 MiB', () => {
    const big = ' '.repeat(MAX_SOMP_BYTES + 1);
    expect(refuse(big)).toMatch(/for stor \(over 20 MiB\)/);
    expect(() => parseSompBytes(new Uint8Array(MAX_SOMP_BYTES + 1))).toThrow(/for stor/);
    expect(() => parseSompBytes(new Uint8Array([0xff, 0xfe, 0x00]))).toThrow(/UTF-8/);
  });
  it('deep nesting is refused before validation', () => {
    let deep = '1';
    for (let i = 0; i < 100; i++) deep = `[${deep}]`;
    expect(refuse(`{"format":"somp","x":${deep}}`)).toMatch(/indlejret/);
  });
});
