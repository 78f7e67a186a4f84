/**
 * Hostile .som files for tests (vitest and e2e/hostile-files.spec.ts): every one must be refused
 * with a Danish message, and the store folder must stay byte-for-byte unchanged.
 * Deterministic: built from the ICM example in data/examples.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MAX_SOM_BYTES } from '../../shared/som/io';
import { projectRoot } from '../paths';

export interface HostileFile {
  /** What is wrong (test title). */
  title: string;
  /** The file name as the user's file would have it. */
  fileName: string;
  bytes: Uint8Array;
}

export function validExampleText(): string {
  return readFileSync(path.join(projectRoot, 'data', 'examples', 'icm-hjemloese.som'), 'utf8');
}

const enc = (s: string) => new TextEncoder().encode(s);

/** Just under 5 MiB (in UTF-8 bytes): the example with ~1,75 million `participants` values (compact JSON). */
export function hugeParticipantsText(): string {
  const doc = JSON.parse(validExampleText()) as { intervention: Record<string, unknown> };
  doc.intervention.participants = '__P__';
  const shell = JSON.stringify(doc);
  const room = MAX_SOM_BYTES - (enc(shell).length - '"__P__"'.length) - 2;
  const count = Math.floor(room / 2);
  return shell.replace('"__P__"', `[${'0,'.repeat(count - 1)}0]`);
}

/** A million empty objects inside `extensions` (each valid JSON; together too many values). */
export function manyObjectsText(): string {
  const doc = JSON.parse(validExampleText()) as Record<string, unknown>;
  doc.extensions = { x: '__X__' };
  return JSON.stringify(doc).replace('"__X__"', `[${'{},'.repeat(999_999)}{}]`);
}

export function hostileFiles(): HostileFile[] {
  const text = validExampleText();
  const base = () => JSON.parse(text) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const json = (mutate: (d: Record<string, any>) => unknown): Uint8Array => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const d = base();
    const r = mutate(d);
    return enc(JSON.stringify(r === undefined ? d : r, null, 2));
  };
  const out: HostileFile[] = [];
  const add = (title: string, fileName: string, bytes: Uint8Array) => out.push({ title, fileName, bytes });

  add('afkortet JSON', 'afkortet.som', enc(text.slice(0, Math.floor(text.length / 2))));
  add('forkerte typer (deltagere som tekst)', 'typer.som', json((d) => { d.intervention.participants = ['tyve', 20, 20]; }));
  {
    // 6 MiB: a valid document padded with a long description in extensions.
    const d = base();
    d.extensions = { padding: 'x'.repeat(6 * 1024 * 1024) };
    add('6 MiB stor fil', 'stor.som', enc(JSON.stringify(d)));
  }
  add('5 MiB med 1,75 mio. deltagerværdier', 'deltagere.som', enc(hugeParticipantsText()));
  add('en million tomme objekter', 'objekter.som', enc(manyObjectsText()));
  add('nyere formatversion', 'nyere.som', json((d) => { d.formatVersion = 2; }));
  add('dublerede linje-id', 'dubletter.som', json((d) => { d.lines[1].id = d.lines[0].id; }));
  {
    const bin = new Uint8Array(4096);
    let s = 12345;
    for (let i = 0; i < bin.length; i++) {
      s = (s * 1103515245 + 12345) >>> 0;
      bin[i] = s >>> 24;
    }
    add('binære data (ikke JSON)', 'binaer.som', bin);
  }
  {
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16[0] = 0xff;
    utf16[1] = 0xfe;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      utf16[2 + 2 * i] = c & 0xff;
      utf16[3 + 2 * i] = c >> 8;
    }
    add('UTF-16 med BOM', 'utf16.som', utf16);
  }
  add('stilignende navn ../x.som (og ugyldigt indhold)', '../x.som', enc('{"format":"som"'));
  add('reserveret Windows-navn CON.som (og ugyldigt indhold)', 'CON.som', enc('{}'));
  add('navn med NUL og skråstreger (og ugyldigt indhold)', 'a\u0000b/c\\d.som', enc('[]'));
  add('dybt indlejret JSON', 'dyb.som', enc(text.replace(/\}\s*$/, `,"extensions":{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}}`)));
  add('__proto__-nøgle', 'proto.som', enc(text.replace('"format": "som",', '"__proto__": {"polluted": true},\n  "format": "som",')));
  add('kæmpestort tal (1e400)', 'kaempe.som', enc(text.replace(/"startYear": 2018/, '"startYear": 1e400')));
  add('NaN som tekst', 'nan.som', json((d) => { d.intervention.effect.successRate = 'NaN'; }));
  add('tom fil', 'tom.som', new Uint8Array(0));
  add('forkert antal deltagere (listens længde)', 'laengde.som', json((d) => { d.intervention.participants = [20, 20]; }));
  add('estimat med 19 værdier', 'estimat19.som', json((d) => { d.lines[0].estimate = d.lines[0].estimate.slice(0, 19); }));
  add('feltet format mangler', 'format.som', json((d) => { delete d.format; }));
  add('andet format (xlsx)', 'xlsx.som', json((d) => { d.format = 'xlsx'; }));
  add('negativt antal deltagere', 'negativ.som', json((d) => { d.intervention.participants[0] = -5; }));
  add('succesrate over 100 %', 'succes.som', json((d) => { d.intervention.effect.successRate = 1.5; }));
  add('ukendt felt på øverste niveau', 'ukendt.som', json((d) => { d.virus = 'ja'; }));
  add('JSON-liste i stedet for objekt', 'liste.som', json((d) => [d]));
  add('JSON null', 'null.som', enc('null'));
  add('startår 1800', 'aar.som', json((d) => { d.intervention.startYear = 1800; }));
  add('ugyldig retning på linje', 'retning.som', json((d) => { d.lines[0].direction = 'up'; }));
  add('periode slutter før start', 'periode.som', json((d) => { d.view.periodEnd = 2010; }));
  add('ugyldigt årstal i prisindeks', 'indeks.som', json((d) => { d.parameters.priceIndex['20x8'] = 1; }));
  add('kontrolsum er ikke hex', 'sha.som', json((d) => { d.knowledge = { release: '1', sha256: 'zz' }; }));
  add('ugyldig UTF-8', 'utf8.som', new Uint8Array([0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]));
  return out;
}
