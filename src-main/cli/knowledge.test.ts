import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './som';
import { sampleSomWorkbook } from '../knowledge/workbook-import/sample-workbooks';

let tmp: string;
beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'som-cli-kn-'));
  fs.writeFileSync(path.join(tmp, 'SØM.xlsm'), await sampleSomWorkbook({ vba: true }));
  fs.writeFileSync(path.join(tmp, 'gammel.xls'), 'x');
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

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
    expect(fs.readdirSync(path.join(tmp, 'data2', 'knowledge'))).toEqual([`release-${j.release.sha256.slice(0, 24)}.sqlite`]);
  });

  it('a refused file: exit 2 and one Danish line', async () => {
    const r = await cli('knowledge', 'import', 'gammel.xls', '--data-dir', 'data3', '--json');
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(r.err).toContain('Excel-projektmappe (.xlsx)');
  });
});
