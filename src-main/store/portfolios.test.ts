import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseSom } from '../../shared/som/io';
import { createSomp, parseSomp, serializeSomp } from '../../shared/som/somp';
import { validExampleText } from './hostile-files';
import { createFileStore, type FileStore } from './store';
import { BACKUP_DIR } from './files';
import { compareHandlers } from '../handlers/compare';
import type { Deps } from '../deps';

let docs: string;
let store: FileStore;

function somp(name = 'Udvalgets indsatser') {
  const a = parseSom(validExampleText());
  const b = structuredClone(a);
  b.intervention.name = 'Anden indsats';
  return createSomp({ name, basis: { priceYear: a.intervention.startYear, discountRate: 0.04, periodStart: a.intervention.startYear, periodEnd: a.intervention.startYear + 5 }, members: [a, b] });
}

beforeEach(() => {
  docs = mkdtempSync(path.join(os.tmpdir(), 'somp-docs-'));
  const data = mkdtempSync(path.join(os.tmpdir(), 'somp-data-'));
  let t = Date.parse('2026-12-01T10:00:00Z');
  store = createFileStore({ documentsDir: docs, userDataDir: data, appLabel: 'SØM Desktop test', now: () => new Date((t += 1000)) });
});

describe('portfolios in the file store', () => {
  it('save, list apart from .som files, open, overwrite with a backup', () => {
    store.save(null, parseSom(validExampleText()));
    const saved = store.portfolioSave(null, somp());
    expect(saved.fileName).toBe('Udvalgets indsatser.somp');
    expect(saved.doc.createdWith).toBe('SØM Desktop test');
    expect(store.list().map((e) => e.fileName).every((n) => n.endsWith('.som'))).toBe(true);
    const list = store.portfolioList();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ id: saved.id, name: 'Udvalgets indsatser', error: null });
    expect(list[0].members).toHaveLength(2);
    const opened = store.portfolioOpen(saved.id);
    expect(serializeSomp(opened.doc)).toBe(readFileSync(path.join(docs, saved.fileName), 'utf8'));
    const again = store.portfolioSave(saved.id, { ...opened.doc, report: { text: 'Ny tekst' } });
    expect(again.id).toBe(saved.id);
    expect(parseSomp(readFileSync(path.join(docs, saved.fileName), 'utf8')).report?.text).toBe('Ny tekst');
    expect(existsSync(path.join(docs, BACKUP_DIR, `${saved.fileName}.bak`))).toBe(true);
    // a second one with the same name gets its own file
    expect(store.portfolioSave(null, somp()).fileName).toBe('Udvalgets indsatser (2).somp');
    expect(readdirSync(docs).some((n) => n.endsWith('.tmp'))).toBe(false);
  });

  it('a bad file is refused in Danish naming the member, and nothing is written', () => {
    const raw = JSON.parse(serializeSomp(somp()));
    raw.members[1].intervention.startYear = 'snart';
    const before = readdirSync(docs).sort();
    expect(() => store.portfolioImport('ond.somp', JSON.stringify(raw))).toThrow(/^Filen «ond\.somp» kan ikke åbnes\. Filen er beskadiget eller lavet med en nyere version af SØM Desktop\.\nBeregning 2 \('Anden indsats'\): /);
    expect(readdirSync(docs).sort()).toEqual(before);
    // a bad file already in the folder is listed with its error, and not opened
    writeFileSync(path.join(docs, 'skadet.somp'), '{"format":"somp"');
    const e = store.portfolioList().find((x) => x.fileName === 'skadet.somp')!;
    expect(e.error).toMatch(/ikke gyldig JSON/);
    expect(() => store.portfolioOpen(e.id)).toThrow(/kan ikke åbnes/);
    expect(() => store.portfolioOpen('../../etc/passwd')).toThrow(/Ugyldigt id/);
  });

  it('the save handler validates the document like a file', async () => {
    const deps = { store } as unknown as Deps;
    const bad = { ...somp(), members: [] };
    expect(() => compareHandlers['compare.save'](deps, { id: null, doc: bad as never })).toThrow(/mindst én beregning/);
    const ok = await compareHandlers['compare.save'](deps, { id: null, doc: somp('Via handler') });
    expect(ok.fileName).toBe('Via handler.somp');
    const html = await compareHandlers['compare.reportHtml']({ ...deps, appName: 'SØM Desktop', appVersion: '0' } as Deps, { doc: ok.doc, fileName: ok.fileName, actor: 'alle' });
    expect(html.fileName).toBe('Via handler.html');
    expect(html.html).toContain('Nøgletal side om side');
    expect(html.html).toContain('Anden indsats');
    const x = await compareHandlers['compare.exportXlsx'](deps, { doc: ok.doc, fileName: ok.fileName });
    expect(Buffer.from(x.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  });
});
