import { afterAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { calculate } from '../../shared/engine/calc';
import { formatNumber } from '../../shared/format';
import { breakEvenRateShort, periodLabel } from '../../shared/report/texts';
import { chromiumPath, createChromiumPdfRenderer } from '../report/pdf';
import { runReport } from './report';
import { GOLDEN_DIR, goldenNames, goldenPath, goldenSom } from '../../test-support/golden';

const names = goldenNames();
const hasChromium = fs.existsSync(chromiumPath());
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'som-report-'));
const renderer = createChromiumPdfRenderer();
afterAll(async () => {
  await renderer.close();
});

function io(extra: Partial<Parameters<typeof runReport>[1]> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s), readFile: (p: string) => readFile(p), cwd: GOLDEN_DIR, now: '2026-11-23T10:00:00Z', ...extra },
  };
}

/**
 * Per page, how far down the page its last text reaches (0 = top, 1 = bottom), the footer left out:
 * from pdftotext's word boxes.
 */
function pageContentBottoms(file: string): number[] {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  return xml.split('<page ').slice(1).map((page) => {
    const height = Number(/height="([\d.]+)"/.exec(page)![1]);
    const bottoms = [...page.matchAll(/yMax="([\d.]+)"/g)].map((m) => Number(m[1])).filter((y) => y < height * 0.9);
    return Math.max(0, ...bottoms) / height;
  });
}

const pdfText = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

describe.skipIf(!hasChromium)('som report (real Chromium; skipped only when /usr/bin/chromium is missing)', () => {
  for (const name of names) {
    it(`${name}: the PDF names the intervention, the period, PV of net gain, the break-even success rate and has the appendix`, async () => {
      const doc = goldenSom(name);
      const r = calculate(doc);
      const out = path.join(tmp, `${name}.pdf`);
      const t = io({ pdf: renderer });
      const code = await runReport([`${name}.som`, '--pdf', out], t.io);
      expect(t.err.join('')).toBe('');
      expect(code).toBe(0);
      const bytes = fs.readFileSync(out);
      expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const text = pdfText(out);
      expect(text).toContain(doc.intervention.name);
      expect(text).toContain(periodLabel(r));
      expect(text).toContain(formatNumber(r.actors.alle.pvNet));
      expect(text).toContain(breakEvenRateShort(r.actors.alle));
      expect(text).toContain('Bilag: Forudsætninger og kilder');
      expect(text).toMatch(/Side 1 af \d+/);
      expect(text).toContain(`${name}.som`);
    });
  }

  it('the ICM case shows the figures of its expected results', async () => {
    const out = path.join(tmp, 'icm.pdf');
    const t = io({ pdf: renderer });
    expect(await runReport(['icm-hjemloese.som', '--pdf', out, '--html', path.join(tmp, 'icm.html')], t.io)).toBe(0);
    const text = pdfText(out);
    expect(text).toContain('-2.130.279');
    expect(text).toContain('-2.262.012');
    expect(text).toContain('over 100 % (111 %)');
    expect(fs.readFileSync(path.join(tmp, 'icm.html'), 'utf8')).toContain('<svg');
  });

  it('the PDF is tagged (a structure tree for screen readers) and has bookmarks', async () => {
    const out = path.join(tmp, 'icm-tagged.pdf');
    expect(await runReport(['icm-hjemloese.som', '--pdf', out], io({ pdf: renderer }).io)).toBe(0);
    const bytes = fs.readFileSync(out).toString('latin1');
    expect(bytes).toContain('/StructTreeRoot');
    expect(bytes).toContain('/Outlines');
    expect(execFileSync('pdfinfo', [out], { encoding: 'utf8' })).toMatch(/Tagged:\s+yes/);
  });

  for (const name of ['icm-hjemloese', 'psykiatri-alkohol']) {
    it(`${name}: no page before the last is left more than half empty (no forced page breaks)`, async () => {
      const out = path.join(tmp, `${name}-pages.pdf`);
      expect(await runReport([`${name}.som`, '--pdf', out], io({ pdf: renderer }).io)).toBe(0);
      const bottoms = pageContentBottoms(out);
      expect(bottoms.length).toBeGreaterThan(3);
      const halfEmpty = bottoms.slice(0, -1).flatMap((b, i) => (b < 0.5 ? [`side ${i + 1}: ${b.toFixed(2)}`] : []));
      expect(halfEmpty).toEqual([]);
    });
  }
});

describe('som report: errors', () => {
  it('a bad file → exit 2 and one Danish line on stderr', async () => {
    const bad = path.join(tmp, 'bad.som');
    fs.writeFileSync(bad, '{"format":"som","formatVersion":1}');
    const t = io({ cwd: tmp });
    expect(await runReport(['bad.som', '--pdf', 'x.pdf'], t.io)).toBe(2);
    const err = t.err.join('');
    expect(err.split('\n').filter(Boolean)).toHaveLength(1);
    expect(err).toMatch(/^Fejl: bad\.som: /);
    expect(fs.existsSync(path.join(tmp, 'x.pdf'))).toBe(false);
  });
  it('a missing file → exit 2', async () => {
    const t = io({ cwd: tmp });
    expect(await runReport(['findes-ikke.som', '--pdf', 'x.pdf'], t.io)).toBe(2);
    expect(t.err.join('')).toContain("findes ikke");
  });
  it('no output option → exit 2 with usage', async () => {
    const t = io();
    expect(await runReport(['icm-hjemloese.som'], t.io)).toBe(2);
    expect(t.err.join('')).toContain('--pdf');
  });
  it('--html alone writes the HTML without Chromium', async () => {
    const t = io({ cwd: tmp });
    const src = goldenPath('seed-kontanthjaelp.som');
    expect(await runReport([src, '--html', 'seed.html'], t.io)).toBe(0);
    const html = fs.readFileSync(path.join(tmp, 'seed.html'), 'utf8');
    expect(html).toContain('Kontanthjælp, seedens tal');
    expect(html).toContain('-75.349');
  });
});
