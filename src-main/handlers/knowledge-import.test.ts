/**
 * The import of the SØM workbook through the channels, with the real import worker: preview,
 * confirm into a new active release, discard, cancel, progress; the shipped file never changes.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import type { Deps } from '../deps';
import { handlers } from './index';
import { createKnowledgeDeps } from '../knowledge/service';
import { largeWorkbook, sampleSomWorkbook } from '../knowledge/workbook-import/sample-workbooks';
import type { Result } from '../../shared/errors';
import type { ChannelName, Req, Res } from '../../shared/ipc';
import { compareKnowledge } from '../../shared/store/knowledge-diff';
import { goldenSom } from '../../test-support/golden';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The committed knowledge.sqlite itself: the import must leave it byte-identical. */
const shippedPath = path.join(root, 'knowledge.sqlite');
const sha = (p: string) => crypto.createHash('sha256').update(fs.readFileSync(p)).digest('hex');
let shippedBytes: string;
let tmp: string;
let sample: string;

beforeAll(async () => {
  shippedBytes = sha(shippedPath);
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'som-ki-'));
  sample = (await sampleSomWorkbook({ vba: true })).toString('base64');
});
afterAll(() => {
  expect(sha(shippedPath)).toBe(shippedBytes);
  fs.rmSync(tmp, { recursive: true, force: true });
});

let deps: Deps;
let kd: ReturnType<typeof createKnowledgeDeps>;
let userDataDir: string;
beforeEach(() => {
  userDataDir = fs.mkdtempSync(path.join(tmp, 'user-'));
  kd = createKnowledgeDeps({ shippedPath, userDataDir });
  deps = { appName: 'SØM Desktop', appVersion: '0.0.0', host: 'web', userDataDir, ...kd } as unknown as Deps;
});
afterEach(() => {
  kd.knowledge.close();
  kd.userDb.close();
});

async function call<C extends ChannelName>(name: C, args: Req<C>): Promise<Result<Res<C>>> {
  return (await dispatch(handlers, deps, name, args, () => undefined)) as Result<Res<C>>;
}
async function ok<C extends ChannelName>(name: C, args: Req<C>): Promise<Res<C>> {
  const r = await call(name, args);
  if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
  return r.value;
}
const releaseFiles = () => (fs.existsSync(path.join(userDataDir, 'knowledge')) ? fs.readdirSync(path.join(userDataDir, 'knowledge')).filter((f) => f.endsWith('.sqlite')) : []);

describe('knowledge.importWorkbook → importConfirm', () => {
  it('previews without changing anything, then builds and activates the release', async () => {
    const preview = await ok('knowledge.importWorkbook', { jobId: 'job-00000001', fileName: 'SØM.xlsm', base64: sample });
    expect(preview.summary.found.prices).toBe(7);
    expect(preview.summary.new.dimensions).toEqual(['Tandpleje (Sundhedsydelser)']);
    expect(preview.summary.release).toBeNull();
    expect((await ok('knowledge.importProgress', { jobId: 'job-00000001' }))?.done).toBe(true);
    // Nothing changed yet.
    expect((await ok('app.info', {})).knowledge?.release).toBe('2026.1-eksempel');
    expect(releaseFiles()).toEqual([]);

    const { release, summary } = await ok('knowledge.importConfirm', { token: preview.token });
    expect(release).toMatchObject({ kind: 'imported', active: true });
    expect(release.id).toMatch(/^som-regneark-\d{8}-[0-9a-f]{8}$/);
    expect(summary.release).toEqual({ id: release.id, sha256: release.sha256 });
    expect((await ok('app.info', {})).knowledge?.release).toBe(release.id);
    expect(releaseFiles()).toEqual([`release-${release.sha256.slice(0, 24)}.sqlite`]);

    const [p] = await ok('knowledge.prices', { targetGroupIds: ['hjemloese-18-65'], dimensions: ['somatisk-indl'] });
    expect(p).toMatchObject({ kommune: 310, region: 4900, stat: 0, illustrative: false, source: "SØM.xlsm, ark 'Priser', række 8" });
    // Rows the workbook does not give keep their flags.
    const [other] = await ok('knowledge.prices', { targetGroupIds: ['hjemloese-18-65'], dimensions: ['psyk-indl'] });
    expect(other?.illustrative).toBe(true);
    const lines = await ok('knowledge.linesFor', { targetGroupId: 'hjemloese-18-65', successMeasureId: 'ophoer-hjemloeshed' });
    expect(lines.knowledge?.release).toBe(release.id);
    expect(lines.lines.find((l) => l.dimensionId === 'somatisk-indl')?.price).toMatchObject({ kommune: 310, region: 4900, source: "SØM.xlsm, ark 'Priser', række 8" });
    expect(lines.parameters.discountRate).toBe(0.035);

    // A token is used once.
    expect(await call('knowledge.importConfirm', { token: preview.token })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    // The same file again on the same base gives the same release id: refused, nothing built.
    const again = await ok('knowledge.selectRelease', { id: '2026.1-eksempel' });
    expect(again.active).toBe(true);
    const p2 = await ok('knowledge.importWorkbook', { fileName: 'SØM.xlsm', base64: sample });
    expect(await call('knowledge.importConfirm', { token: p2.token })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(releaseFiles().length).toBe(1);
  });

  it('a calculation made with the shipped release shows what the import changed (knowledge comparison)', async () => {
    const doc = goldenSom('icm-hjemloese');
    const preview = await ok('knowledge.importWorkbook', { fileName: 'SØM.xlsm', base64: sample });
    await ok('knowledge.importConfirm', { token: preview.token });
    const tg = doc.intervention.targetGroup as { id: string; successMeasureId: string };
    const current = await ok('knowledge.linesFor', { targetGroupId: tg.id, successMeasureId: tg.successMeasureId });
    const diff = compareKnowledge(doc, current);
    expect(diff.hasDifferences).toBe(true);
    expect(diff.parameters.discountRate).toEqual({ file: doc.parameters.discountRate, current: 0.035 });
    expect(diff.parameters.taxRates).toContainEqual({ actor: 'kommune', file: doc.parameters.taxRates.kommune, current: 0.25 });
    // Kontanthjælp: the workbook's effect row (År 1–6) replaces the release's; År 7–20 follow the taper.
    const kh = diff.lines.find((l) => l.dimensionId === 'kontanthjaelp');
    expect(kh?.status).toBe('changed');
  });

  it('Annullér forgets the preview; nothing is built', async () => {
    const preview = await ok('knowledge.importWorkbook', { fileName: 'SØM.xlsx', base64: sample });
    expect(await ok('knowledge.importDiscard', { token: preview.token })).toEqual({ discarded: true });
    expect(await call('knowledge.importConfirm', { token: preview.token })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(releaseFiles()).toEqual([]);
    expect((await ok('knowledge.releases', {})).length).toBe(1);
  });

  it('a preview made on another release is not confirmed', async () => {
    const preview = await ok('knowledge.importWorkbook', { fileName: 'SØM.xlsx', base64: sample });
    const other = await ok('knowledge.importPaste', { text: 'Målgruppe\tIndsats\tMål\tEffektstørrelse\nHjemløse (18-65 år)\tICM\tBolig\t0,4\n' });
    expect(other.summary.found.studies).toBe(1);
    await ok('knowledge.importConfirm', { token: other.token });
    expect(await call('knowledge.importConfirm', { token: preview.token })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('refuses .xls and hostile files with a Danish sentence and changes nothing', async () => {
    const xls = await call('knowledge.importWorkbook', { fileName: 'SØM.xls', base64: 'AAAA' });
    expect(xls).toMatchObject({ ok: false, error: { code: 'invalid-file', message: expect.stringContaining('Excel-projektmappe (.xlsx)') } });
    const junk = await call('knowledge.importWorkbook', { fileName: 'SØM.xlsx', base64: Buffer.from('ikke et regneark').toString('base64') });
    expect(junk).toMatchObject({ ok: false, error: { code: 'invalid-file' } });
    expect(releaseFiles()).toEqual([]);
    expect((await ok('app.info', {})).knowledge?.release).toBe('2026.1-eksempel');
  });

  it('cancel stops a running import; nothing changes', async () => {
    const big = (await largeWorkbook({ studies: 8_000, prices: 500, consequences: 200 })).toString('base64');
    const running = call('knowledge.importWorkbook', { jobId: 'job-cancel-1', fileName: 'stor.xlsx', base64: big });
    // Cancel once the worker reports progress.
    for (let i = 0; i < 600; i++) {
      const p = await ok('knowledge.importProgress', { jobId: 'job-cancel-1' });
      if (p && p.fraction > 0) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await ok('knowledge.importCancel', { jobId: 'job-cancel-1' })).toEqual({ cancelled: true });
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(releaseFiles()).toEqual([]);
    // The next import starts a fresh worker and works.
    const after = await ok('knowledge.importPaste', { text: 'Rente (diskonteringsrate)\t3 %\n' });
    expect(after.summary.found.discountRate).toBe(true);
  }, 180_000);
});
