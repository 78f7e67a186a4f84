import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { runCompare, parseRate } from './compare';
import { runCli } from './som';
import { compare } from '../../shared/engine/compare';
import { toCompareJson } from '../../shared/engine/compare-json';
import { createSomp, serializeSomp } from '../../shared/som/somp';
import { goldenPath, goldenSom } from '../../test-support/golden';
import { captureCli, expectOneDanishLine } from '../../test-support/cli';

const run = (argv: string[]) => captureCli(runCompare, argv);
const g = (name: string) => goldenPath(`${name}.som`);
const doc = goldenSom;

function tmp(name: string, content: string | Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'som-compare-'));
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}


describe('som compare --json', () => {
  it('prints exactly the JSON of the engine for the files, defaults as §14', async () => {
    const r = await run([g('seed-kontanthjaelp'), g('skole-angst'), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const expected = toCompareJson(compare([doc('seed-kontanthjaelp'), doc('skole-angst')]));
    expect(JSON.parse(r.stdout)).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(JSON.parse(r.stdout).basis.priceYear).toBe(Math.min(2018, doc('skole-angst').intervention.startYear));
  });

  it('options set the basis', async () => {
    const r = await run(['compare', g('seed-kontanthjaelp'), g('icm-hjemloese'), '--price-year', '2020', '--discount', '0,035', '--period=2021-2030', '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.basis).toEqual({ priceYear: 2020, discountRate: 0.035, periodStart: 2021, periodEnd: 2030 });
    const e = toCompareJson(compare([doc('seed-kontanthjaelp'), doc('icm-hjemloese')], j.basis));
    expect(j.portfolio.actors.alle.pvNet).toBe(e.portfolio.actors.alle.pvNet);
    expect(parseRate('3,5%')).toBe(0.035);
    expect(parseRate('x')).toBeNull();
  });

  it('a .somp in place of the files: its basis is used, options override', async () => {
    const basis = { priceYear: 2019, discountRate: 0.03, periodStart: 2019, periodEnd: 2028 };
    const somp = createSomp({ name: 'Udvalget', basis, members: [doc('seed-kontanthjaelp'), doc('icm-hjemloese')], savedAt: '2026-12-01T10:00:00Z' });
    const file = tmp('udvalg.somp', serializeSomp(somp));
    const r = await run([file, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).basis).toEqual(basis);
    expect(JSON.parse(r.stdout).members.map((m: { name: string }) => m.name)).toEqual(somp.members.map((m) => m.intervention.name));
    const o = await run([file, '--discount', '0.05', '--json']);
    expect(JSON.parse(o.stdout).basis).toEqual({ ...basis, discountRate: 0.05 });
    const p = await run([file, '--price-year', '2021', '--json']);
    expect(JSON.parse(p.stdout).basis).toEqual({ priceYear: 2021, discountRate: 0.03, periodStart: 2021, periodEnd: 2026 });
  });
});

describe('som compare: readable table', () => {
  it('Danish table with each calculation, the portfolio, differences and warnings', async () => {
    const a = doc('icm-hjemloese');
    const b = structuredClone(a);
    b.intervention.name = 'ICM, kopi';
    b.intervention.effect.successRate = a.intervention.effect.successRate / 2;
    const fb = tmp('b.som', JSON.stringify(b));
    const r = await run([g('icm-hjemloese'), fb]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('SØM-sammenligning (2 beregninger)');
    expect(r.stdout).toMatch(/Fælles grundlag: kr\. i \d{4}-priser, nutidsværdi \d{4}, diskonteringsrente [\d,]+ %, periode \d{4}–\d{4}\./);
    expect(r.stdout).toContain('Samlet (portefølje)');
    expect(r.stdout).toContain('2. ICM, kopi');
    expect(r.stdout).toMatch(/Forskelle\n {2}Succesrate: 1\. /);
    if (a.intervention.targetGroup.id !== null) expect(r.stdout).toMatch(/Advarsel: .*samme målgruppe/);
    const res = compare([a, b]);
    const pv = Math.round(res.portfolio.actors.alle.pvNet).toString();
    expect(r.stdout.replace(/\./g, '')).toContain(pv);
  });
});

describe('som compare: bad input exits 2 with one Danish line', () => {
  it('no files, unknown options, bad option values', async () => {
    expectOneDanishLine(await run([]), /angiv mindst én/);
    expectOneDanishLine(await run([g('icm-hjemloese'), '--frob']), /ukendt valg '--frob'/);
    expectOneDanishLine(await run([g('icm-hjemloese'), '--price-year', '20x']), /--price-year/);
    expectOneDanishLine(await run([g('icm-hjemloese'), '--discount']), /--discount/);
    expectOneDanishLine(await run([g('icm-hjemloese'), '--period', '2020']), /--period/);
    expectOneDanishLine(await run([g('icm-hjemloese'), '--discount', '0,5']), /Diskonteringsrenten/);
    expectOneDanishLine(await run([g('icm-hjemloese'), '--period', '2030-2025']), /Perioden|sidste år/);
  });
  it('missing, invalid and hostile files, named', async () => {
    expectOneDanishLine(await run([g('icm-hjemloese'), '/nope/x.som']), /filen '\/nope\/x\.som' findes ikke/);
    const bad = tmp('bad.som', '{"format":"som","formatVersion":1}\n');
    expectOneDanishLine(await run([g('icm-hjemloese'), bad]), new RegExp(`${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: `));
    const raw = JSON.parse(serializeSomp(createSomp({
      name: 'X', basis: { priceYear: 2018, discountRate: 0.04, periodStart: 2018, periodEnd: 2023 },
      members: [doc('seed-kontanthjaelp'), doc('icm-hjemloese')], savedAt: '2026-12-01T10:00:00Z',
    })));
    raw.members[1].intervention.participants = 'mange\nlinjer';
    const badSomp = tmp('bad.somp', JSON.stringify(raw));
    expectOneDanishLine(await run([badSomp]), /bad\.somp: Beregning 2 \('[^']+'\): Deltagere/);
    expectOneDanishLine(await run([badSomp, g('icm-hjemloese')]), /bruges alene/);
    expectOneDanishLine(await run([tmp('bin.som', Buffer.from([0xff, 0xfe, 0x01]))]), /UTF-8/);
  });
  it('is wired into `som` (resolving relative paths)', async () => {
    let out = '';
    const code = await runCli(['compare', path.relative(process.cwd(), g('seed-kontanthjaelp')), '--json'], {
      stdout: (s) => (out += s),
      stderr: () => undefined,
      readFile: (p) => readFile(p),
      cwd: process.cwd(),
    });
    expect(code).toBe(0);
    expect(JSON.parse(out).members).toHaveLength(1);
  });
});
