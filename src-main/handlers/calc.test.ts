import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../dispatch';
import type { Deps } from '../deps';
import { calcHandlers } from './calc';
import { handlers } from './index';
import type { PdfRenderer, ReportPrinter } from '../report/pdf';
import { calculate } from '../../shared/engine/calc';
import { goldenSom } from '../../test-support/golden';

const doc = goldenSom('icm-hjemloese');

const rendered: string[] = [];
const fakePdf: PdfRenderer = {
  render: async (html) => {
    rendered.push(html);
    return new TextEncoder().encode('%PDF-1.4 fake');
  },
  close: async () => {},
};
const deps = { appName: 'SØM Desktop', appVersion: '9.9.9', host: 'web', userDataDir: '/nonexistent', pdf: fakePdf } as unknown as Deps;

describe('calc handlers', () => {
  it('are merged into the handler map', () => {
    expect(handlers['calc.reportPdf']).toBe(calcHandlers['calc.reportPdf']);
    expect(handlers['calc.exportXlsx']).toBe(calcHandlers['calc.exportXlsx']);
  });

  it('calc.reportPdf renders the report HTML and returns base64 with a safe file name', async () => {
    const res = await dispatch(handlers, deps, 'calc.reportPdf', { doc, fileName: 'ICM: hjemløse.som' });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const v = res.value as { fileName: string; base64: string };
    expect(v.fileName).toBe('ICM hjemløse.pdf');
    expect(Buffer.from(v.base64, 'base64').toString('latin1')).toBe('%PDF-1.4 fake');
    expect(rendered.at(-1)).toContain('ICM til hjemløse');
    expect(rendered.at(-1)).toContain('SØM Desktop 9.9.9');
  });

  it('calc.reportPdf without a renderer gives a Danish unavailable error', async () => {
    const res = await dispatch(handlers, { ...deps, pdf: undefined } as Deps, 'calc.reportPdf', { doc });
    expect(res).toEqual({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('PDF') } });
  });

  it('calc.reportPrint sends the same report HTML to the OS printer, and says so in Danish where there is none', async () => {
    const printed: { html: string; fileName: string | null }[] = [];
    const printer: ReportPrinter = { print: async (html, o) => (printed.push({ html, fileName: o.fileName }), true) };
    const res = await dispatch(handlers, { ...deps, printer } as Deps, 'calc.reportPrint', { doc, fileName: 'ICM.som' });
    expect(res).toEqual({ ok: true, value: { printed: true } });
    expect(printed).toHaveLength(1);
    expect(printed[0].fileName).toBe('ICM.som');
    expect(printed[0].html).toContain('ICM til hjemløse');
    const cancelled = await dispatch(handlers, { ...deps, printer: { print: async () => false } } as Deps, 'calc.reportPrint', { doc });
    expect(cancelled).toEqual({ ok: true, value: { printed: false } });
    const web = await dispatch(handlers, deps, 'calc.reportPrint', { doc });
    expect(web).toEqual({ ok: false, error: { code: 'unavailable', message: expect.stringContaining('kun i skrivebordsprogrammet') } });
  });

  it('an invalid document is refused with a Danish message naming the field', async () => {
    const bad = { ...doc, intervention: { ...doc.intervention, participants: [20, -1, 20] } };
    const res = await dispatch(handlers, deps, 'calc.reportHtml', { doc: bad });
    expect(res.ok).toBe(false);
    if (res.ok) return;
    expect(res.error.code).toBe('invalid-file');
    expect(res.error.message).toContain('Deltagere, år 2019');
    const res2 = await dispatch(handlers, deps, 'calc.reportHtml', { doc: 'nope' });
    expect(res2.ok).toBe(false);
  });

  it('names the report after the calculation when it is not saved: "/" and Windows-forbidden names are replaced, never cut', async () => {
    const named = (name: string) => ({ ...doc, intervention: { ...doc.intervention, name } });
    const a = await dispatch(handlers, deps, 'calc.reportHtml', { doc: named('Psykiatri/alkohol: 18+') });
    expect(a.ok && (a.value as { fileName: string }).fileName).toBe('Psykiatri-alkohol 18+.html');
    const b = await dispatch(handlers, deps, 'calc.exportXlsx', { doc: named('CON') });
    expect(b.ok && (b.value as { fileName: string }).fileName).toBe('CON_.xlsx');
  });

  it('calc.exportXlsx: the workbook reads back with numeric cells equal to the engine', async () => {
    const res = await dispatch(handlers, deps, 'calc.exportXlsx', { doc, fileName: 'icm.som' });
    expect(res.ok).toBe(true);
    if (!res.ok) return;
    const v = res.value as { fileName: string; base64: string };
    expect(v.fileName).toBe('icm.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(v.base64, 'base64') as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toEqual(expect.arrayContaining(['Nøgletal', 'Pr. år', 'Områder', 'Linjer', 'Følsomhed', 'Scenarier', 'Forudsætninger']));
    const r = calculate(doc);
    const key = wb.getWorksheet('Nøgletal')!;
    expect(key.getRow(1).getCell(5).value).toBe('Alle aktører');
    expect(key.getRow(4).getCell(1).value).toBe('Nettogevinst');
    const pv = key.getRow(4).getCell(5).value;
    expect(typeof pv).toBe('number');
    expect(pv).toBeCloseTo(r.actors.alle.pvNet, 6);
    expect(key.getRow(4).getCell(2).value).toBeCloseTo(r.actors.kommune.pvNet, 6);
    const years = wb.getWorksheet('Pr. år')!;
    expect(years.getRow(1).getCell(2).value).toBe('2018');
    // Row 4: Kommune: nettogevinst per year.
    expect(years.getRow(4).getCell(1).value).toBe('Kommune: nettogevinst');
    expect(years.getRow(4).getCell(2).value).toBeCloseTo(r.actors.kommune.net[0], 6);
  });
});
