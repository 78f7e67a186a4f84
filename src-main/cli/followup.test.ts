import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCalc } from './calc';
import { serializeSom } from '../../shared/som/io';
import { calculate, toResultsJson } from '../../shared/engine/calc';
import { calculateFollowUp } from '../../shared/engine/followup';
import type { SomDocument } from '../../shared/som/schema';
import { goldenPath, goldenSom } from '../../test-support/golden';
import { captureCli } from '../../test-support/cli';

const run = (argv: string[]) => captureCli(runCalc, argv);

function withActuals(): SomDocument {
  const doc = goldenSom('seed-kontanthjaelp');
  doc.followUp = {
    asOf: '2019-03-31',
    years: [
      {
        year: doc.intervention.startYear,
        participants: 8,
        successes: 1,
        costs: { kommune: 120_000, region: null, stat: null },
        savedCosts: { kommune: null, region: null, stat: null },
        note: 'Opgjort af økonomiafdelingen',
      },
    ],
  };
  return doc;
}

function file(doc: SomDocument): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'som-followup-'));
  const p = path.join(dir, 'opfølgning.som');
  fs.writeFileSync(p, serializeSom(doc));
  return p;
}

describe('som calc with a follow-up', () => {
  it('--json adds followUp (years, realised success rate, re-forecast per actor) after the forecast', async () => {
    const doc = withActuals();
    const r = await run([file(doc), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).at(-1)).toBe('followUp');
    expect(Object.keys(out.followUp)).toEqual(['years', 'realisedSuccessRate', 'reforecast']);
    expect(out.followUp.years).toEqual([2018]);
    expect(out.followUp.realisedSuccessRate).toBe(0.125);
    const f = calculateFollowUp(doc)!;
    expect(out.followUp.reforecast.actors).toEqual(JSON.parse(JSON.stringify(toResultsJson(f.reforecast).actors)));
    // The forecast part is unchanged by the follow-up.
    const { followUp: _omit, ...plain } = doc;
    void _omit;
    expect({ ...out, followUp: undefined }).toEqual({ ...JSON.parse(JSON.stringify(toResultsJson(calculate(plain)))), followUp: undefined });
    // One cost of 120.000 kr. instead of 100.000 kr. and 1 success instead of 2: kommune loses more.
    expect(out.followUp.reforecast.actors.kommune.pvNet).toBeLessThan(out.actors.kommune.pvNet - 20_000);
  });

  it('has no followUp without one', async () => {
    const r = await run([goldenPath('seed-kontanthjaelp.som'), '--json']);
    expect(JSON.parse(r.stdout).followUp).toBeUndefined();
  });

  it('prints a short follow-up section in the table', async () => {
    const doc = withActuals();
    const r = await run([file(doc)]);
    expect(r.code).toBe(0);
    const f = calculateFollowUp(doc)!;
    expect(r.stdout).toContain('Opfølgning: oprindelig beregning og genberegning med faktiske tal');
    expect(r.stdout).toContain(
      'Opgjort pr. 31. marts 2019, faktiske tal for 2018: Indtil nu 8 deltagere mod forventet 10; 1 med succes mod forventet 2; realiseret succesrate 12,5 % mod antaget 20 %;',
    );
    const line = r.stdout.split('\n').find((l) => l.startsWith('Kommune, nettogevinst'))!;
    const k = f.reforecast.actors.kommune.pvNet;
    expect(line).toContain(new Intl.NumberFormat('da-DK', { maximumFractionDigits: 0 }).format(Math.round(k)).replace(/\u2212/g, '-') + ' kr.');
    const plain = await run([goldenPath('seed-kontanthjaelp.som')]);
    expect(plain.stdout).not.toContain('Opfølgning');
  });
});
