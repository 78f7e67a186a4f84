import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { SomFileError, describeFileError, parseSom, refusedFile } from '../../shared/som/io';
import type { SomDocument } from '../../shared/som/schema';
import type { LinesForResult } from '../../shared/knowledge/types';
import { AppError } from '../../shared/errors';
import { setApi } from '../lib/api';
import { createFakeApi } from '../test/fake-api';
import { Calculation } from './calculation.svelte';
import { checkNumber, numberToText } from './number-text';
import StepOmkostninger from './steps/StepOmkostninger.svelte';
import StepKonsekvenser2 from './steps/StepKonsekvenser2.svelte';
import Overview from './overview/Overview.svelte';
import icmText from '../../data/examples/icm-hjemloese.som?raw';

const icm = (): SomDocument => parseSom(icmText);

describe('Danish number input rules', () => {
  it('parses Danish numbers and names the problem in Danish', () => {
    expect(checkNumber('1.234,5', {})).toEqual({ ok: true, value: 1234.5 });
    expect(checkNumber('20', { scale: 100 })).toEqual({ ok: true, value: 0.2 });
    expect(checkNumber('', { allowEmpty: true })).toEqual({ ok: true, value: null });
    expect(checkNumber('', {})).toEqual({ ok: false, message: 'Skal udfyldes.' });
    expect(checkNumber('1.5', {})).toEqual({ ok: false, message: '«1.5» kan læses på to måder. Brug komma før decimaler (fx 1,5), og punktum kun mellem tusinder (fx 1.234).' });
    expect(checkNumber('650.000 kr.', {})).toEqual({ ok: true, value: 650000 });
    expect(checkNumber('20 %', { scale: 100, unit: '%' })).toEqual({ ok: true, value: 0.2 });
    expect(checkNumber('20%', { scale: 100, unit: '%' })).toEqual({ ok: true, value: 0.2 });
    expect(checkNumber('99.999.999.999.999', { min: -1e12, max: 1e12 })).toEqual({ ok: false, message: 'Skal være mellem -1.000.000.000.000 og 1.000.000.000.000.' });
    expect(checkNumber('2.000.000.000.000', { min: 0, max: 1e12 })).toEqual({ ok: false, message: 'Skal være mellem 0 og 1.000.000.000.000.' });
    expect(checkNumber('0,5', { scale: 100, unit: '%' })).toEqual({ ok: true, value: 0.005, hint: 'Feltet er i procent. Mente du 50 %?' });
    expect(checkNumber('2,5', { persons: true })).toMatchObject({ ok: true, value: 2.5, hint: expect.stringMatching(/helt tal/) });
    expect(checkNumber('2,5', { integer: true })).toEqual({ ok: false, message: 'Skal være et helt tal.' });
    expect(checkNumber('18', { min: 1990, max: 2100, plain: true })).toEqual({ ok: false, message: 'Skal være mellem 1990 og 2100.' });
    expect(checkNumber('20x6', { min: 1990, max: 2100, integer: true, plain: true })).toEqual({ ok: false, message: 'Skriv et årstal med fire cifre, fx 2024.' });
    expect(checkNumber('-1', { min: 0, max: 1e6 })).toEqual({ ok: false, message: 'Skal være mellem 0 og 1.000.000.' });
    expect(numberToText(1200000)).toBe('1.200.000');
    expect(numberToText(-2.9)).toBe('-2,9');
    expect(numberToText(null)).toBe('');
  });
});

describe('Calculation state', () => {
  it('resizes the yearly rows with the number of years and moves the period with the start year', () => {
    const c = new Calculation(icm(), { autosaveMs: 0 });
    c.setYears(5);
    expect(c.doc.intervention.participants).toEqual([20, 20, 20, 0, 0]);
    expect(c.doc.intervention.costs.kommune).toHaveLength(5);
    expect(c.doc.intervention.savedCosts.stat).toHaveLength(5);
    c.setYears(2);
    expect(c.doc.intervention.participants).toEqual([20, 20]);
    c.setStartYear(2020);
    expect(c.doc.view).toMatchObject({ periodStart: 2020, periodEnd: 2025 });
    expect(c.dirty).toBe(true);
    expect(c.problem).toBeNull();
  });

  it('computes the live preview from the document and stops when it is invalid', () => {
    const c = new Calculation(icm(), { autosaveMs: 0 });
    // The course case's −2.130.279 kr. less the example's one-off training of 90.000 kr. in the start year.
    expect(c.result?.actors.alle.pvNet).toBeCloseTo(-2130279.0427 - 90_000, 3);
    c.update((d) => (d.intervention.effect.successRate = 0.3));
    expect(c.result?.actors.alle.pvNet).toBeGreaterThan(-2220279);
    c.update((d) => (d.view.periodEnd = 2000));
    expect(c.problem).toMatch(/Periode, sidste år/);
    expect(c.result).toBeNull();
    c.update((d) => (d.view.periodEnd = 2023));
    c.setError('f-x', 'Skal udfyldes.');
    expect(c.result).toBeNull();
    expect(c.canSave).toBe(false);
  });

  it('shows in the preview the present values of the full result, and nothing while the result is withheld', () => {
    const c = new Calculation(icm(), { autosaveMs: 0 });
    for (const rate of [0.3, 0.55, 1]) {
      c.update((d) => (d.intervention.effect.successRate = rate));
      for (const a of ['kommune', 'region', 'stat', 'alle'] as const) expect(c.preview?.actors[a].pvNet).toBe(c.result?.actors[a].pvNet);
      expect(c.preview?.period).toEqual(c.result?.period);
      expect(c.preview?.warnings).toEqual(c.result?.warnings);
    }
    c.update((d) => (d.view.periodEnd = 2000));
    expect(c.preview).toBeNull();
    c.update((d) => (d.view.periodEnd = 2023));
    expect(c.preview).not.toBeNull();
    c.setError('f-x', 'Skal udfyldes.');
    expect(c.preview).toBeNull();
  });

  it('saves through store.save, then discards its recovery copy', async () => {
    const api = createFakeApi();
    setApi(api);
    const c = new Calculation(icm(), { autosaveMs: 0 });
    c.update((d) => (d.intervention.name = 'Gemt'));
    expect(await c.save()).toBe(true);
    expect(c.id).toBe('0123456789abcdef0123456789abcdef');
    expect(c.fileName).toBe('Gemt.som');
    expect(c.dirty).toBe(false);
    expect(api.calls.map((x) => x.channel)).toEqual(['store.save', 'store.recoveryDiscard']);
    expect((api.calls[0].args as { id: string | null; doc: SomDocument }).id).toBeNull();
    expect((api.calls[0].args as { doc: SomDocument }).doc.intervention.name).toBe('Gemt');
  });

  it('shows the Danish message when saving fails and stays dirty', async () => {
    setApi(createFakeApi({ 'store.save': () => { throw new AppError('invalid-file', 'Beregningen kan ikke gemmes: Deltagere: skal være et tal ≥ 0.'); } }));
    const c = new Calculation(icm(), { autosaveMs: 0 });
    c.touch();
    expect(await c.save()).toBe(false);
    expect(c.saveError).toBe('Beregningen kan ikke gemmes: Deltagere: skal være et tal ≥ 0.');
    expect(c.dirty).toBe(true);
  });

  it('autosaves unsaved work to the recovery area', async () => {
    const api = createFakeApi();
    setApi(api);
    const c = new Calculation(icm(), { autosaveMs: 0, id: '0123456789abcdef0123456789abcdef' });
    await c.autosave();
    expect(api.calls).toEqual([]); // nothing changed
    c.touch();
    await c.autosave();
    expect(api.calls.map((x) => x.channel)).toEqual(['store.recoverySave']);
    expect(api.calls[0].args).toMatchObject({ key: c.recoveryKey, fileId: '0123456789abcdef0123456789abcdef' });
    expect(c.lastAutosave).toBe('2026-01-02T00:00:00.000Z');
  });

  it('takes the lines of a success measure and keeps the user\'s own values for the same dimension', () => {
    const c = new Calculation(icm(), { autosaveMs: 0 });
    c.update((d) => {
      d.lines[0].own[0] = -7;
      d.lines[0].ownPrice.kommune = 2000;
    });
    const custom = c.addCustomLine('Egen ydelse', 'Brugerdefinerede ydelser', 'timer');
    const fresh = icm().lines.map((l) => ({ ...l, estimate: l.estimate.map((v) => (v === null ? null : v * 2)) }));
    const r: LinesForResult = {
      targetGroup: { id: 'hjemloese-18-65', label: 'Hjemløse (18-65 år)', successMeasureId: 'ophoer', successMeasureLabel: 'Ophør' },
      lines: fresh,
      parameters: icm().parameters,
      knowledge: { release: '2026.1', sha256: 'a'.repeat(64) },
      uncertainDimensionIds: [],
      notes: [],
    };
    c.applyLinesFor(r);
    expect(c.doc.lines).toHaveLength(5);
    expect(c.doc.lines[0].estimate[0]).toBeCloseTo(-5.8);
    expect(c.doc.lines[0].own[0]).toBe(-7);
    expect(c.doc.lines[0].ownPrice.kommune).toBe(2000);
    expect(c.doc.lines[4].id).toBe(custom.id);
    expect(c.doc.knowledge?.release).toBe('2026.1');
    expect(c.doc.intervention.targetGroup.successMeasureLabel).toBe('Ophør');
    expect(c.problem).toBeNull();
  });
});

// Role queries over a whole step are slow in jsdom when the machine is busy.
describe('wizard steps (jsdom, fake bridge)', { timeout: 30_000 }, () => {
  it('Omkostninger: Danish numbers are written to the document, bad input is flagged next to the field', async () => {
    // Typed yearly costs (the cost model's own tests are in costmodel/costmodel.test.ts).
    const doc = icm();
    delete doc.intervention.costModel;
    const c = new Calculation(doc, { autosaveMs: 0 });
    render(StepOmkostninger, { props: { calc: c } });
    const cell = screen.getByRole('textbox', { name: 'Antal personer 2019' });
    await fireEvent.input(cell, { target: { value: '1.234,5' } });
    expect(c.doc.intervention.participants[1]).toBe(1234.5);
    await fireEvent.input(cell, { target: { value: 'mange' } });
    expect(cell.getAttribute('aria-invalid')).toBe('true');
    const msgId = cell.getAttribute('aria-describedby');
    expect(msgId && document.getElementById(msgId)?.textContent).toMatch(/^«mange» er ikke et tal\. Skriv tallet med dansk notation/);
    expect(c.doc.intervention.participants[1]).toBe(1234.5);
    expect(Object.keys(c.errors)).toEqual(['f-part-1']);
    await fireEvent.input(screen.getByLabelText('Antal år med indsatsen'), { target: { value: '4' } });
    flushSync();
    expect(c.doc.intervention.participants).toHaveLength(4);
    expect(screen.getByRole('textbox', { name: 'Antal personer 2021' })).toBeTruthy();
  });

  it('Konsekvenser 2: own values win, the row is marked changed, Tilvælg toggles the estimates', async () => {
    setApi(createFakeApi({ 'knowledge.dimensions': () => [] }));
    const c = new Calculation(icm(), { autosaveMs: 0 });
    render(StepKonsekvenser2, { props: { calc: c } });
    // Areas open on demand: no fields are built before.
    expect(screen.queryByRole('textbox', { name: 'Egne værdier Kontanthjælp År 1' })).toBeNull();
    await fireEvent.click(screen.getByRole('button', { name: 'Vis alle områder' }));
    flushSync();
    const own = screen.getByRole('textbox', { name: 'Egne værdier Kontanthjælp År 1' });
    await fireEvent.input(own, { target: { value: '-3,5' } });
    expect(c.doc.lines[0].own[0]).toBe(-3.5);
    flushSync();
    expect(screen.getAllByTitle('Du har ændret tal i denne række').length).toBeGreaterThan(0);
    const use = screen.getByRole('checkbox', { name: "Tilvælg SØM's estimater Kontanthjælp" }) as HTMLInputElement;
    expect(use.checked).toBe(true);
    await fireEvent.click(use);
    expect(c.doc.lines[0].useEstimates).toBe(false);
    const all = screen.getByLabelText('Tilvælg SØM-estimater for alle konsekvenser') as HTMLInputElement;
    expect(all.getAttribute('aria-checked')).toBe('mixed');
    await fireEvent.click(all);
    expect(c.doc.lines.every((l) => l.useEstimates)).toBe(true);
    expect(screen.getByText(/OBS!/)).toBeTruthy();
  });
});

describe('Oversigt', () => {
  it('lists saved calculations, warns about a bad file, and shows a Danish import error', async () => {
    const entry = {
      id: 'a'.repeat(32),
      fileName: 'ICM.som',
      name: 'ICM til hjemløse',
      targetGroup: 'Hjemløse (18-65 år)',
      startYear: 2018,
      savedAt: '2026-11-23T10:00:00.000Z',
      knowledgeRelease: '2026.1',
      size: 100,
      error: null,
    };
    const api = createFakeApi({
      'store.list': () => [entry, { ...entry, id: 'b'.repeat(32), fileName: 'Ødelagt.som', name: 'Ødelagt', error: describeFileError(new SomFileError('Filen er ikke en gyldig SØM-fil: indholdet er ikke gyldig JSON.')) }],
      'store.importFile': ({ fileName }) => {
        throw refusedFile(new SomFileError('Formatversion: skal være 1.', ['formatVersion']), fileName, 'importeres');
      },
    });
    setApi(api);
    render(Overview);
    expect(await screen.findByRole('link', { name: 'ICM til hjemløse' })).toBeTruthy();
    // The list says what is wrong in plain words first, then the detail.
    const bad = screen.getByText(/Kan ikke åbnes\./).closest('[role="note"]')!;
    expect([...bad.querySelectorAll('p')].map((p) => p.textContent)).toEqual([
      '⚠ Kan ikke åbnes. Filen er beskadiget eller lavet med en nyere version af SØM Desktop.',
      'Detaljer: Filen er ikke en gyldig SØM-fil: indholdet er ikke gyldig JSON.',
    ]);
    expect(screen.getByText('2 af 2 gemte beregninger')).toBeTruthy();
    const input = screen.getByLabelText('Importér .som-fil …') as HTMLInputElement;
    const file = new File(['{"format":"som","formatVersion":1}'], 'gammel.som');
    Object.defineProperty(input, 'files', { value: [file] });
    await fireEvent.change(input);
    const alert = await screen.findByRole('alert');
    expect(alert.querySelector('.summary')?.textContent).toBe('Filen «gammel.som» kan ikke importeres. Filen er beskadiget eller lavet med en nyere version af SØM Desktop.');
    expect(alert.querySelector('.detail')?.textContent).toBe('Detaljer: Formatversion: skal være 1.');
  });
});
