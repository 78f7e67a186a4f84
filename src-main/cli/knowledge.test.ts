import crypto from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './som';
import { minimalXlsx, sampleSomWorkbook, writeZip } from '../knowledge/workbook-import/sample-workbooks';
import { projectRoot, shippedKnowledgePath } from '../paths';
import { expectOneDanishLine } from '../../test-support/cli';
import { EXIT_WITHIN_MS, runBounded } from '../../test-support/spawn';

const sha = (p: string) => crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');
let shippedSha: string;

/** Runs the command line from source through tsx, as `npm run som` does; `hung` when it did not exit in time. */
function runFromSource(args: string[]) {
  const env = { ...process.env };
  delete env.INIT_CWD;
  return runBounded(process.execPath, [path.join(projectRoot, 'node_modules/tsx/dist/cli.mjs'), path.join(projectRoot, 'src-main/cli/som.ts'), ...args], { cwd: tmp, env });
}

let tmp: string;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'som-cli-kn-'));
  fs.writeFileSync(path.join(tmp, 'SØM.xlsm'), await sampleSomWorkbook({ vba: true }));
  fs.writeFileSync(path.join(tmp, 'gammel.xls'), 'x');
  fs.writeFileSync(path.join(tmp, 'binær.xlsb'), 'x');
  fs.writeFileSync(path.join(tmp, 'tekst.xlsx'), 'Målgruppe;Pris\nHjemløse;1\n');
  fs.writeFileSync(path.join(tmp, 'zip.xlsx'), writeZip([{ name: 'a.txt', data: Buffer.from('hej') }]));
  const bomb = minimalXlsx({ data: Buffer.alloc(0), raw: { compressed: zlib.deflateRawSync(Buffer.alloc(1)), size: 400 * 1024 * 1024, crc: 0 } });
  fs.writeFileSync(path.join(tmp, 'bombe.xlsx'), bomb);
  shippedSha = sha(shippedKnowledgePath);
});
afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
  // The imports above build on the shipped release and never write to it.
  expect(sha(shippedKnowledgePath)).toBe(shippedSha);
});

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(argv, { stdout: (s) => (out += s), stderr: (s) => (err += s), readFile: async (p) => fs.readFileSync(p), cwd: tmp });
  return { code, out, err };
}

describe('som knowledge import', () => {
  it('--dry-run --json prints the counts and changes nothing', async () => {
    const r = await cli('knowledge', 'import', 'SØM.xlsm', '--data-dir', 'data', '--dry-run', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['found', 'replaced', 'new', 'skipped', 'release', 'warnings']);
    expect(j.found).toEqual({ prices: 7, consequenceRows: 7, studies: 3, characteristics: 12, priceIndexYears: 8, discountRate: true, taxRates: true });
    expect(Object.keys(j.replaced)).toEqual(Object.keys(j.found));
    expect(Object.keys(j.new)).toEqual(['targetGroups', 'successMeasures', 'dimensions']);
    for (const k of j.skipped) expect(Object.keys(k)).toEqual(['sheet', 'row', 'column', 'why']);
    expect(j.new.dimensions).toEqual(['Tandpleje (Sundhedsydelser)']);
    expect(j.skipped[0]).toEqual({ sheet: 'Priser', row: 10, column: 'Kommune', why: '"x" er ikke et tal' });
    expect(j.release).toBeNull();
    expect(fs.existsSync(path.join(tmp, 'data', 'knowledge'))).toBe(false);
  });

  it('without --dry-run builds and activates the release in the data folder', async () => {
    const r = await cli('knowledge', 'import', 'SØM.xlsm', '--data-dir', 'data2', '--json');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.release.id).toMatch(/^som-regneark-/);
    expect(Object.keys(j.release)).toEqual(['id', 'sha256']);
    expect(j.release.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.readdirSync(path.join(tmp, 'data2', 'knowledge'))).toEqual([`release-${j.release.sha256.slice(0, 24)}.sqlite`]);
    // Active: the next import builds on it, so the same workbook now replaces rows instead of adding labels.
    const again = JSON.parse((await cli('knowledge', 'import', 'SØM.xlsm', '--data-dir', 'data2', '--dry-run', '--json')).out);
    expect(j.new.dimensions).toEqual(['Tandpleje (Sundhedsydelser)']);
    expect(again.new.dimensions).toEqual([]);
    expect(again.replaced.prices).toBe(again.found.prices);
  });

  it('a refused file: exit 2 and one Danish line', async () => {
    const r = await cli('knowledge', 'import', 'gammel.xls', '--data-dir', 'data3', '--json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('Excel-projektmappe (.xlsx)');
  });

  it.each([
    ['an .xlsb', 'binær.xlsb', /Excel-projektmappe \(\.xlsx\)/],
    ['text named .xlsx', 'tekst.xlsx', /ikke et Excel-regneark/],
    ['a zip that is not a workbook', 'zip.xlsx', /ikke et Excel-regneark/],
    ['a zip bomb', 'bombe.xlsx', /fylder for meget udpakket/],
  ])('%s: exit 2, one Danish line, nothing built', async (_what, file, re) => {
    const r = await cli('knowledge', 'import', file, '--data-dir', 'data-refused', '--json');
    expectOneDanishLine({ code: r.code, stdout: r.out, stderr: r.err }, re);
    expect(r.err.startsWith(`Fejl: ${file}: `)).toBe(true);
    expect(fs.existsSync(path.join(tmp, 'data-refused', 'knowledge'))).toBe(false);
  });

  it('run from source through tsx (npm run som), --dry-run --json prints its JSON and the process exits', async () => {
    const r = await runFromSource(['knowledge', 'import', path.join(tmp, 'SØM.xlsm'), '--data-dir', path.join(tmp, 'data-proc'), '--dry-run', '--json']);
    expect(r.hung, 'the process did not exit').toBe(false);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.found.prices).toBe(7);
    expect(j.release).toBeNull();
    expect(fs.existsSync(path.join(tmp, 'data-proc', 'knowledge'))).toBe(false);
  }, EXIT_WITHIN_MS + 30_000);
});
