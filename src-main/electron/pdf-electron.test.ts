import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { electronPdfOptions, MAX_DATA_URL_CHARS, printWindowOptions, reportDataUrl } from './pdf-electron';

describe('electron PDF options', () => {
  it('converts the report options to printToPDF options (A4, mm → inches, footer)', () => {
    const o = electronPdfOptions({ fileName: 'Min beregning.som', title: 'T' });
    expect(o.pageSize).toBe('A4');
    expect(o.printBackground).toBe(true);
    expect(o.displayHeaderFooter).toBe(true);
    expect(o.margins!.top).toBeCloseTo(16 / 25.4, 6);
    expect(o.margins!.bottom).toBeCloseTo(18 / 25.4, 6);
    expect(o.footerTemplate).toContain('Min beregning.som');
    expect(o.footerTemplate).toContain('pageNumber');
  });

  it('prints in a hidden window without JavaScript, preload or node', () => {
    const o = printWindowOptions();
    expect(o.show).toBe(false);
    expect(o.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true });
    expect(o.webPreferences).not.toHaveProperty('preload');
  });

  it('encodes the HTML as a UTF-8 data URL and refuses one Chromium would not load', () => {
    const url = reportDataUrl('<p>Æblegrød – 1.234,5 kr.</p>');
    expect(url.startsWith('data:text/html;charset=utf-8;base64,')).toBe(true);
    expect(Buffer.from(url.split(',')[1]!, 'base64').toString('utf8')).toBe('<p>Æblegrød – 1.234,5 kr.</p>');
    expect(() => reportDataUrl('x'.repeat(MAX_DATA_URL_CHARS))).toThrow(AppError);
  });
});
