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
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto(`${url}#/beregning/${encodeURIComponent(id)}/omkostninger`);
const field = page.getByRole('textbox', { name: `Antal personer ${doc20.intervention.startYear}`, exact: true });
await field.waitFor(); await field.click(); await page.keyboard.press('End');
for (let i = 0; i < 10; i++) { await page.keyboard.press('5'); await page.keyboard.press('Backspace'); }
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
const N = Number(process.env.N ?? 200);
for (let i = 0; i < N; i++) { await page.keyboard.press(String((i % 9) + 1)); await page.keyboard.press('Backspace'); }
const { profile } = await cdp.send('Profiler.stop');
writeFileSync('/tmp/keys.cpuprofile', JSON.stringify(profile));
// bottom-up self time
const self = new Map<string, number>(); const byId = new Map<number, any>();
for (const n of profile.nodes) byId.set(n.id, n);
const dt = profile.timeDeltas; const counts = new Map<number, number>();
for (let i = 0; i < profile.samples.length; i++) counts.set(profile.samples[i], (counts.get(profile.samples[i]) ?? 0) + (dt[i] ?? 0));
let total = 0;
for (const [nid, t] of counts) { const n = byId.get(nid); const cf = n.callFrame; const k = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop()}:${cf.lineNumber}`; if (cf.functionName === '(idle)' || cf.functionName==='(program)') continue; self.set(k, (self.get(k) ?? 0) + t); total += t; }
console.log('total non-idle ms', (total / 1000).toFixed(1), 'per key-pair', (total / 1000 / N / 2).toFixed(2));
for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log((t / 1000).toFixed(1).padStart(8), k);
await browser.close(); proc.kill();
