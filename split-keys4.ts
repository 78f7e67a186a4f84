import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { serializeSom } from './shared/som/io';
import { syntheticDoc } from './shared/engine/synthetic';
import { buildStudiesRelease } from './bench/fixtures';

const root = process.cwd();
const tmp = mkdtempSync(path.join(os.tmpdir(), 'prof-'));
const knowledge = path.join(tmp, 'k.sqlite');
buildStudiesRelease(knowledge, 1000);
const proc = spawn(process.execPath, ['--import', 'tsx', 'src-main/web/server.ts', '--port', '0', '--knowledge', knowledge, '--data-dir', path.join(tmp, 'd'), '--documents-dir', path.join(tmp, 'docs')], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise<string>((res) => { let o = ''; proc.stdout!.on('data', (d) => { o += d; const m = /^(http:\/\/\S+)$/m.exec(o); if (m) res(m[1]); }); });
const u = new URL(url); const token = u.searchParams.get('token')!;
const doc20 = syntheticDoc({ lines: 20, cohorts: 5, seed: 42 });
const r = await fetch(`${u.origin}/api/store.importFile`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-som-token': token }, body: JSON.stringify({ fileName: 'b.som', text: serializeSom(doc20) }) });
const id = ((await r.json()) as any).value.id;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
await page.goto(`${url}#/beregning/${encodeURIComponent(id)}/omkostninger`);
const field = page.getByRole('textbox', { name: `Antal personer ${doc20.intervention.startYear}`, exact: true });
await field.waitFor(); await field.click(); await page.keyboard.press('End');
for (let i = 0; i < 10; i++) { await page.keyboard.press('5'); await page.keyboard.press('Backspace'); }

if (process.env.CSS) await page.addStyleTag({ content: process.env.CSS });
await page.evaluate(() => {
  const w = window as any; w.__s = [];
  let t0 = 0, t1 = 0, t1e = 0;
  window.addEventListener('keydown', (e) => { t0 = performance.now(); if ((window as any).__stopKD) e.stopPropagation(); }, true);
  window.addEventListener('input', () => { t1 = performance.now(); queueMicrotask(() => {}); }, true);
  window.addEventListener('input', () => { t1e = performance.now(); }, false);
  const el = document.querySelector('[data-testid="preview-alle"]')!;
  new MutationObserver(() => { const t2 = performance.now(); void document.body.offsetHeight; const t3 = performance.now(); w.__s.push([t1 - t0, t2 - t1, t3 - t2, t3 - t0]); }).observe(el, { subtree: true, childList: true, characterData: true });
});
if (process.env.STOPKD) await page.evaluate(() => { (window as any).__stopKD = true; });
const N = Number(process.env.N ?? 100);
for (let i = 0; i < N; i++) { await page.keyboard.press(String((i % 9) + 1)); await page.waitForTimeout(30); await page.keyboard.press('Backspace'); await page.waitForTimeout(30); }
const s = await page.evaluate(() => (window as any).__s as number[][]);
const med = (a: number[]) => a.slice().sort((x, y) => x - y)[Math.floor(a.length / 2)];
console.log('n', s.length, 'keydown→input', med(s.map((x) => x[0])).toFixed(2), 'input→MO', med(s.map((x) => x[1])).toFixed(2), 'layout', med(s.map((x) => x[2])).toFixed(2), 'total', med(s.map((x) => x[3])).toFixed(2));
await browser.close(); proc.kill();
