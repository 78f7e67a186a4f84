 
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AppError } from '../errors';
import {
  MAX_SOM_BYTES,
  SomFileError,
  parseSom,
  parseSomBytes,
  refusedFile,
  serializeSom,
  utf8ByteLength,
} from './io';
import { fieldLabel } from './labels';
import { createEmptySom, createEmptyLine } from './new-document';
import { somDocumentSchema } from './schema';
import { calculate } from '../engine/calc';
import { goldenNames, readGolden } from '../../test-support/golden';

const fixtureNames = goldenNames().map((n) => `${n}.som`);
const fixtureText = readGolden;
const seedText = fixtureText('seed-kontanthjaelp.som');

/** Parses `mutate(seed fixture)` and returns the SomFileError it must throw. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- mutations poke at arbitrary JSON
function rejection(mutate: (o: any) => void, base = seedText): SomFileError {
  const o = JSON.parse(base);
  mutate(o);
  return rejectionOfText(JSON.stringify(o, null, 2));
}
function rejectionOfText(text: string): SomFileError {
  try {
    parseSom(text);
  } catch (e) {
    expect(e).toBeInstanceOf(SomFileError);
    expect(e).toBeInstanceOf(AppError);
    expect((e as SomFileError).code).toBe('invalid-file');
    return e as SomFileError;
  }
  throw new Error('expected the file to be rejected');
}

describe('parseSom / serializeSom on the golden fixtures', () => {
  it('finds the fixtures', () => expect(fixtureNames.length).toBeGreaterThanOrEqual(4));
  for (const name of fixtureNames) {
    it(`${name}: loads, keeps every value, and round-trips byte for byte`, () => {
      const text = fixtureText(name);
      const doc = parseSom(text);
      expect(doc).toEqual(JSON.parse(text));
      const once = serializeSom(doc);
      const twice = serializeSom(parseSom(once));
      expect(twice).toBe(once);
      expect(once.endsWith('}\n')).toBe(true);
      expect(once.split('\n')[1]).toBe('  "format": "som",');
      // Same key order as the fixture (written in som-format.md order).
      expect(JSON.stringify(parseSom(once))).toBe(JSON.stringify(JSON.parse(text)));
    });
  }
  it('writes keys in som-format.md order even when the document was built in another order', () => {
    const doc = parseSom(seedText);
    const shuffled = Object.fromEntries(Object.entries(doc).reverse()) as typeof doc;
    shuffled.lines = doc.lines.map((l) => Object.fromEntries(Object.entries(l).reverse()) as typeof l);
    expect(serializeSom(shuffled)).toBe(serializeSom(doc));
  });
  it('preserves extensions, analysis, report and notes', () => {
    const o = JSON.parse(seedText);
    o.analysis = {
      monteCarlo: { draws: 10000, seed: 42 },
      scenarios: [{ id: 's1', name: 'Pessimistisk', changes: [{ input: 'successRate', value: 0.5 }] }],
    };
    o.report = { text: 'Forklaring til rapporten.' };
    o.notes = [{ at: '2026-11-23T10:00:00Z', text: 'Oprettet' }];
    o.extensions = { 'dk.kommune.x': { anything: [1, 'to', null, { deep: true }] }, zeta: 1, alpha: 2 };
    const doc = parseSom(JSON.stringify(o));
    const text = serializeSom(doc);
    const back = JSON.parse(text);
    expect(back.analysis).toEqual(o.analysis);
    // Written in the analysis schema's key order, whatever order it was built in.
    expect(Object.keys(back.analysis)).toEqual(['scenarios', 'monteCarlo']);
    expect(Object.keys(back.analysis.monteCarlo)).toEqual(['seed', 'draws']);
    expect(back.report).toEqual(o.report);
    expect(back.notes).toEqual(o.notes);
    expect(back.extensions).toEqual(o.extensions);
    expect(Object.keys(back.extensions)).toEqual(['dk.kommune.x', 'zeta', 'alpha']);
    expect(Object.keys(back).slice(-4)).toEqual(['analysis', 'report', 'notes', 'extensions']);
    expect(serializeSom(parseSom(text))).toBe(text);
  });
  it('accepts a UTF-8 BOM and reads raw bytes', () => {
    expect(parseSom('\ufeff' + seedText).intervention.startYear).toBe(2018);
    expect(parseSomBytes(new TextEncoder().encode(seedText)).intervention.name).toBe('Kontanthjælp, seedens tal');
    const bad = new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]);
    expect(() => parseSomBytes(bad)).toThrow(/UTF-8/);
  });
  it('round-trips any generated document (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1990, max: 2100 }),
        fc.integer({ min: 1, max: 20 }),
        fc.string({ minLength: 1, maxLength: 200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (startYear, n, name, rate) => {
          const doc = createEmptySom({ startYear, yearsWithIntervention: n, name, savedAt: '2026-11-23T00:00:00.000Z' });
          doc.intervention.effect.successRate = rate;
          doc.lines = [createEmptyLine({ id: 'x', label: name, area: 'A', unit: 'dage', priceYear: startYear })];
          const text = serializeSom(doc);
          const back = parseSom(text);
          expect(back).toEqual(doc);
          expect(serializeSom(back)).toBe(text);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('createEmptySom', () => {
  it('is a valid document with the model defaults', () => {
    const doc = createEmptySom({ startYear: 2026, yearsWithIntervention: 3 });
    expect(somDocumentSchema.safeParse(doc).success).toBe(true);
    expect(doc.parameters.discountRate).toBe(0.04);
    expect(doc.parameters.taxRates).toEqual({ kommune: 0.264, region: 0, stat: 0.121 });
    expect(Object.keys(doc.parameters.priceIndex)).toHaveLength(26);
    expect(doc.parameters.priceIndex['2018']).toBe(1);
    expect(doc.parameters.priceIndex['2023']).toBe(1.11);
    expect(doc.view).toEqual({ periodStart: 2026, periodEnd: 2031, actor: 'alle' });
    expect(doc.intervention.participants).toEqual([0, 0, 0]);
    expect(doc.intervention.costs.region).toEqual([0, 0, 0]);
    expect(parseSom(serializeSom(doc))).toEqual(doc);
    expect(calculate(doc).actors.alle.pvNet).toBe(0);
  });
});

describe('rejections name the field in Danish', () => {
  it('a refused file says in plain words what is wrong, then the field detail on its own line', () => {
    const unknown = rejection((o) => (o.colour = 'red'));
    expect(refusedFile(unknown, 'x.som', 'åbnes').message).toBe(
      "Filen «x.som» kan ikke åbnes. Filen er beskadiget eller lavet med en nyere version af SØM Desktop.\nFilen: ukendt felt 'colour' (findes ikke i formatversion 1).",
    );
    expect(refusedFile(rejectionOfText('{"format": "som",'), 'x.som', 'importeres').message.split('\n')).toEqual([
      'Filen «x.som» kan ikke importeres. Filen er beskadiget eller lavet med en nyere version af SØM Desktop.',
      'Filen er ikke en gyldig SØM-fil: indholdet er ikke gyldig JSON.',
    ]);
    expect(refusedFile(rejection((o) => (o.formatVersion = 3)), 'x.som', 'åbnes').message.split('\n')[0]).toBe(
      'Filen «x.som» kan ikke åbnes. Filen er lavet med en nyere version af SØM Desktop.',
    );
    expect(refusedFile(rejection((o) => (o.format = 'excel')), 'x.som', 'åbnes').message.split('\n')[0]).toBe(
      'Filen «x.som» kan ikke åbnes. Filen er ikke en SØM-beregning, eller den er beskadiget.',
    );
    // Too large: the summary is the whole message.
    expect(refusedFile(rejectionOfText(' '.repeat(MAX_SOM_BYTES + 1)), 'x.som', 'åbnes').message).toBe(
      'Filen «x.som» kan ikke åbnes. Filen er for stor (over 5 MiB) til at være en SØM-beregning.',
    );
  });
  it('invalid JSON', () => {
    expect(rejectionOfText('{"format": "som",').message).toMatch(/ikke gyldig JSON/);
    expect(rejectionOfText('').message).toMatch(/ikke gyldig JSON/);
    expect(rejectionOfText('[1,2]').message).toMatch(/ét JSON-objekt/);
    expect(rejectionOfText('null').message).toMatch(/ét JSON-objekt/);
  });
  it('wrong or missing format', () => {
    expect(rejection((o) => (o.format = 'excel')).message).toMatch(/ikke en SØM-fil/);
    expect(rejection((o) => delete o.format).message).toMatch(/ikke en SØM-fil/);
  });
  it('newer format version', () => {
    expect(rejection((o) => (o.formatVersion = 3)).message).toBe(
      'Filen er gemt med en nyere version af SØM Desktop (formatversion 3). Opdatér programmet for at åbne den.',
    );
    expect(rejection((o) => (o.formatVersion = '1')).message).toBe('Formatversion: skal være 1.');
    expect(rejection((o) => (o.formatVersion = 0)).message).toBe('Formatversion: skal være 1.');
  });
  it('unknown keys (but not inside extensions)', () => {
    expect(rejection((o) => (o.colour = 'red')).message).toBe("Filen: ukendt felt 'colour' (findes ikke i formatversion 1).");
    expect(rejection((o) => (o.lines[0].colour = 'red')).message).toBe(
      "Konsekvenslinje 'Kontanthjælp': ukendt felt 'colour' (findes ikke i formatversion 1).",
    );
    expect(rejection((o) => (o.intervention.effect.p = 1)).message).toMatch(/^Effekt: ukendt felt 'p'/);
    expect(() => parseSom(JSON.stringify({ ...JSON.parse(seedText), extensions: { colour: 'red' } }))).not.toThrow();
  });
  it('wrong types', () => {
    expect(rejection((o) => (o.intervention.participants[0] = 'ti')).message).toBe('Deltagere, år 2018: skal være et tal ≥ 0.');
    expect(rejection((o) => (o.lines[0].own[2] = 'x')).message).toBe(
      "Konsekvenslinje 'Kontanthjælp', År 3 (egne værdier): skal være et tal eller tom.",
    );
    expect(rejection((o) => (o.lines[0].taxableTransfer = 'ja')).message).toMatch(
      /^Konsekvenslinje 'Kontanthjælp', skattepligtig overførsel: skal være sand eller falsk/,
    );
    expect(rejection((o) => (o.parameters = [])).message).toMatch(/^Parametre: skal være et objekt/);
    expect(rejection((o) => (o.intervention.costs.kommune[0] = null)).message).toBe(
      'Samlede omkostninger, kommune, år 2018: skal være et tal ≥ 0.',
    );
    expect(rejection((o) => (o.lines[0].price.stat = '544')).message).toMatch(/^Konsekvenslinje 'Kontanthjælp', pris, stat: skal være et tal/);
  });
  it('missing fields', () => {
    expect(rejection((o) => delete o.intervention.startYear).message).toBe(
      'Startår: mangler (skal være et helt tal mellem 1990 og 2100).',
    );
    expect(rejection((o) => delete o.parameters.discountRate).message).toMatch(/^Diskonteringsrente: mangler/);
    expect(rejection((o) => delete o.view).message).toMatch(/^Visning: mangler/);
  });
  it('values out of range', () => {
    expect(rejection((o) => (o.intervention.participants[0] = -1)).message).toBe('Deltagere, år 2018: skal være et tal ≥ 0.');
    expect(rejection((o) => (o.parameters.discountRate = 0.25)).message).toBe('Diskonteringsrente: skal være et tal mellem 0 og 0,2.');
    expect(rejection((o) => (o.intervention.effect.successRate = 1.5)).message).toBe('Succesrate: skal være et tal mellem 0 og 1.');
    expect(rejection((o) => (o.intervention.courseDurationMonths = 0)).message).toMatch(/^Forløbets varighed \(måneder\): skal være et helt tal mellem 1 og 120/);
    expect(rejection((o) => (o.intervention.startYear = 2018.5)).message).toMatch(/^Startår: skal være et helt tal/);
    expect(rejection((o) => (o.parameters.taxRates.stat = 2)).message).toMatch(/^Skattesats, stat: /);
    expect(rejection((o) => (o.parameters.priceIndex['2019'] = 0)).message).toBe('Prisindeks, 2019: skal være et tal > 0.');
    expect(rejection((o) => (o.parameters.priceIndex = {})).message).toBe('Prisindeks: skal have mindst ét år.');
    for (const key of ['0500', '1899', '2101', '20x8']) {
      expect(rejection((o) => (o.parameters.priceIndex[key] = 1)).message).toBe(
        `Prisindeks: ugyldigt årstal '${key}' (skal være et årstal fra 1900 til 2100, skrevet med fire cifre).`,
      );
    }
    expect(rejection((o) => (o.intervention.name = '')).message).toMatch(/^Indsatsens navn: skal være en tekst på 1–200 tegn/);
    expect(rejection((o) => (o.intervention.participants[0] = 1e300)).message).toMatch(/^Deltagere, år 2018: skal være et tal mellem 0 og/);
  });
  it('view constraints', () => {
    expect(rejection((o) => (o.view.periodStart = 2017)).message).toBe('Periode, første år: må ikke ligge før startåret 2018.');
    expect(rejection((o) => (o.view.periodEnd = 2017)).message).toMatch(/^Periode, sidste år: må ikke ligge før/);
    expect(rejection((o) => (o.view.periodEnd = 2079)).message).toMatch(/^Periode, sidste år: må højst ligge 60 år efter startåret/);
    expect(() => parseSom(JSON.stringify({ ...JSON.parse(seedText), view: { periodStart: 2018, periodEnd: 2078, actor: 'stat' } }))).not.toThrow();
    expect(rejection((o) => (o.view.actor = 'borger')).message).toMatch(/^Visning, aktør: skal være alle, kommune, region eller stat/);
  });
  it('wrong array lengths', () => {
    expect(rejection((o) => o.intervention.participants.push(5)).message).toBe(
      'Deltagere: skal have præcis 1 værdi (én pr. år med indsats).',
    );
    expect(rejection((o) => (o.intervention.savedCosts.region = [])).message).toMatch(
      /^Sparede omkostninger \(erstattede indsatser\), region: skal have præcis 1 værdi/,
    );
    expect(rejection((o) => o.lines[0].estimate.pop()).message).toBe(
      "Konsekvenslinje 'Kontanthjælp', vidensdatabasens skøn: skal have præcis 20 værdier (År 1–20).",
    );
    expect(rejection((o) => o.lines[0].estimateKind.push(null)).message).toMatch(/skønstype: har mere end 20 værdier, men skal have præcis 20 værdier/);
  });
  it('the analysis section is validated strictly (shape of issue 7)', () => {
    expect(rejection((o) => (o.analysis = { colour: 1 })).message).toMatch(/^Analyse: ukendt felt 'colour'/);
    expect(
      rejection((o) => (o.analysis = { scenarios: [{ id: 'a', name: 'Optimistisk', changes: [{ input: 'costs', value: -1 }] }] })).message,
    ).toMatch(/^Scenarie 'Optimistisk', ændring nr\. 1, værdi: /);
    expect(rejection((o) => (o.analysis = { monteCarlo: { seed: -1, draws: 1000 } })).message).toMatch(/^Monte Carlo, startværdi \(seed\): /);
    expect(rejection((o) => (o.analysis = [])).message).toMatch(/^Analyse: skal være et objekt/);
  });
  it('duplicate line ids', () => {
    const e = rejection((o) => {
      o.lines.push({ ...o.lines[0], label: 'Kopi' });
    });
    expect(e.message).toBe("Konsekvenslinje 'Kopi', id: 'kontanthjaelp' er brugt af en anden linje; id skal være unikt.");
    expect(e.path).toEqual(['lines', 1, 'id']);
  });
  it('files over 5 MiB (measured in UTF-8 bytes)', () => {
    const o = JSON.parse(seedText);
    o.extensions = { pad: 'x'.repeat(MAX_SOM_BYTES) };
    expect(rejectionOfText(JSON.stringify(o)).message).toMatch(/for stor/);
    // Under the cap in UTF-16 code units but over it in UTF-8 bytes (æ is two bytes).
    o.extensions = { pad: 'æ'.repeat(MAX_SOM_BYTES / 2 + 10) };
    const text = JSON.stringify(o);
    expect(text.length).toBeLessThan(MAX_SOM_BYTES);
    expect(rejectionOfText(text).message).toMatch(/for stor/);
    expect(() => parseSomBytes(new Uint8Array(MAX_SOM_BYTES + 1))).toThrow(SomFileError);
  });
  it('deep nesting', () => {
    const o = JSON.parse(seedText);
    let deep: unknown = 1;
    for (let i = 0; i < 200; i++) deep = [deep];
    o.extensions = { deep };
    expect(rejectionOfText(JSON.stringify(o)).message).toMatch(/indlejret/);
  });
  it('utf8ByteLength counts like TextEncoder', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => utf8ByteLength(s) === new TextEncoder().encode(s).length));
  });
  it('labels paths of a raw document', () => {
    const raw = JSON.parse(seedText);
    expect(fieldLabel(['intervention', 'participants', 3], raw)).toBe('Deltagere, år 2021');
    expect(fieldLabel(['intervention', 'costs', 'kommune', 1], raw)).toBe('Samlede omkostninger, kommune, år 2019');
    expect(fieldLabel(['lines', 0, 'own', 2], raw)).toBe("Konsekvenslinje 'Kontanthjælp', År 3 (egne værdier)");
    expect(fieldLabel(['lines', 5, 'label'], raw)).toBe('Konsekvenslinje nr. 6, navn');
    expect(fieldLabel(['parameters', 'discountRate'], raw)).toBe('Diskonteringsrente');
    expect(fieldLabel(['intervention', 'participants', 0], { intervention: { startYear: 'x' } })).toBe('Deltagere, indsatsår nr. 1');
    expect(fieldLabel(['lines', 0, 'ownPrice', 'region'], raw)).toBe("Konsekvenslinje 'Kontanthjælp', egen pris, region");
  });
});
