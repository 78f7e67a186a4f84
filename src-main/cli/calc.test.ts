import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCalc } from './calc';
import { goldenExpected, goldenNames, goldenPath, readGolden } from '../../test-support/golden';
import { captureCli, expectOneDanishLine } from '../../test-support/cli';

const run = (argv: string[]) => captureCli(runCalc, argv);
const names = goldenNames();

function within(actual: unknown, expected: unknown, at = '$'): string | null {
  if (typeof expected === 'number') return typeof actual === 'number' && Math.abs(actual - expected) <= 0.01 ? null : `${at}: ${String(actual)} ≠ ${expected}`;
  if (expected === null || typeof expected !== 'object') return actual === expected ? null : `${at}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`;
  if (typeof actual !== 'object' || actual === null) return `${at}: missing`;
  const ek = Object.keys(expected);
  if (Object.keys(actual).join() !== ek.join()) return `${at}: keys differ`;
  for (const k of ek) {
    const d = within((actual as Record<string, unknown>)[k], (expected as Record<string, unknown>)[k], `${at}.${k}`);
    if (d) return d;
  }
  return null;
}

function tmpFile(name: string, content: string | Buffer): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'som-calc-'));
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

describe('som calc --json', () => {
  for (const name of names) {
    it(`${name}: prints exactly the expected results object`, async () => {
      const r = await run([goldenPath(`${name}.som`), '--json']);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const expected = goldenExpected(name);
      expect(within(JSON.parse(r.stdout), expected)).toBeNull();
    });
  }
  it('accepts the flag before the file and a leading "calc"', async () => {
    const r = await run(['calc', '--json', goldenPath('seed-kontanthjaelp.som')]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).priceYear).toBe(2018);
  });
});

describe('som calc with a cost model (the ICM example)', () => {
  const example = path.resolve(import.meta.dirname, '../../data/examples/icm-hjemloese.som');
  it('--json adds costModel: cost per forløb and each activity\'s PV per actor', async () => {
    const r = await run([example, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(Object.keys(j)).toEqual(['priceYear', 'period', 'years', 'actors', 'warnings', 'costModel']);
    // (1.290.000 + 1.200.000 + 1.200.000) kr. / 60 deltagere
    expect(j.costModel.costPerForloeb).toBeCloseTo(61_500, 9);
    const byId = Object.fromEntries(j.costModel.activities.map((a: { id: string; pv: Record<string, number> }) => [a.id, a.pv]));
    expect(Object.keys(byId)).toEqual(['stoetteperson', 'teamleder', 'supervision', 'opkvalificering', 'bostoette']);
    expect(byId.opkvalificering).toEqual({ kommune: 90_000, region: 0, stat: 0, alle: 90_000 });
    expect(byId.bostoette.kommune).toBeCloseTo(300_000 * (1 + 1 / 1.04 + 1 / 1.04 ** 2), 6);
    expect(j.actors.kommune.costs.slice(0, 3)).toEqual([990_000, 900_000, 900_000]);
  });
  it('the table shows the cost per forløb and the activities', async () => {
    const r = await run([example]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Omkostningsmodel: omkostning pr. forløb 61.500 kr. (alle aktører, ikke tilbagediskonteret), overhead 10,0 %.');
    expect(r.stdout).toMatch(/Opkvalificering i ICM-metoden \(kursus pr\. medarbejder\)\s+engangsudgift\s+90\.000\s+0\s+0\s+90\.000/);
    expect(r.stdout).toMatch(/Socialpædagogisk bostøtte, som ICM erstatter \(bortfalder\)/);
  });
});

describe('som calc (table)', () => {
  it('prints a Danish table with da-DK numbers and the break-even figures', async () => {
    const r = await run([goldenPath('seed-kontanthjaelp.som')]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Kontanthjælp, seedens tal');
    expect(r.stdout).toContain('2018-priser');
    expect(r.stdout).toMatch(/2019\s+8\.447\s+0\s+1\.248\s+9\.695/);
    expect(r.stdout).toMatch(/Nettogevinst\s+-78\.522\s+0\s+3\.172\s+-75\.349/);
    expect(r.stdout).not.toMatch(/Break-even/);
    expect(r.stdout).toMatch(/Går i nul ved succesrate\s+93,1 %\s+0,0 %\s+0,0 %\s+81,1 %/);
    expect(r.stdout).toMatch(/Tjener sig ind \(år, nutidsværdi\)\s+nås ikke\s+2018\s+2018\s+nås ikke/);
    expect(r.stdout).toContain('Afkast pr. krone');
  });
  it('shows warnings and "over 100 %"', async () => {
    const r = await run([goldenPath('psykiatri-alkohol.som')]);
    expect(r.stdout).toContain('Advarsel: prisindeks mangler for 2024; 2023 anvendt');
    expect(r.stdout).toContain('192,4 % (over 100 %)');
  });
});

describe('som calc errors: exit 2 and one Danish line on stderr', () => {
  const expectOneLine = expectOneDanishLine;
  it('missing file', async () => expectOneLine(await run([path.join(os.tmpdir(), 'findes-ikke-42.som')]), /findes ikke/));
  it('a folder', async () => expectOneLine(await run([os.tmpdir()]), /mappe/));
  it('invalid JSON', async () => expectOneLine(await run([tmpFile('a.som', '{"format": "som",')]), /ikke gyldig JSON/));
  it('schema error names the field', async () => {
    const o = JSON.parse(readGolden('seed-kontanthjaelp.som'));
    o.intervention.participants = [-3];
    expectOneLine(await run([tmpFile('b.som', JSON.stringify(o))]), /Deltagere, år 2018: skal være et tal ≥ 0/);
  });
  it('a label with a line break still gives one line', async () => {
    const o = JSON.parse(readGolden('seed-kontanthjaelp.som'));
    o.lines[0].label = 'To\nlinjer';
    o.lines[0].own[0] = 'x';
    expectOneLine(await run([tmpFile('c.som', JSON.stringify(o))]), /Konsekvenslinje 'To linjer', År 1/);
  });
  it('binary garbage', async () => expectOneLine(await run([tmpFile('d.som', Buffer.from([0xff, 0xfe, 0x00, 0x01]))]), /UTF-8/));
  it('no file / two files / unknown option', async () => {
    expectOneLine(await run([]), /angiv en \.som-fil/);
    expectOneLine(await run(['a.som', 'b.som']), /kun én/);
    expectOneLine(await run(['--pdf', 'a.som']), /ukendt valg '--pdf'/);
  });
});
