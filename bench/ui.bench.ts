/**
 * What the user feels: the real built renderer in Debian Chromium, served by the web host (started
 * as its own process, as Electron's main is), with a generated 100 000-study knowledge release.
 * Every timing is taken inside the page: from the user's event (click, keydown, the input event of a
 * word's last letter) reaching the page, to the moment the awaited DOM is there and laid out (a
 * MutationObserver sees it; a forced layout is included).
 *
 * Set SOM_BENCH_NO_BUILD=1 to use the renderer already in dist/ (otherwise it is built first).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { projectRoot } from '../src-main/paths';
import { serializeSom } from '../shared/som/io';
import { syntheticDoc } from '../shared/engine/synthetic';
import type { SomDocument, SomLine } from '../shared/som/schema';
import type { LinesForResult } from '../shared/knowledge/types';
import { buildStudiesRelease, BENCH_STUDY_COUNT } from './fixtures';
import { summarize, type Figure } from './measure';

const log = (m: string) => process.stderr.write(`[ui-bench] ${m}\n`);

interface Host {
  url: string;
  origin: string;
  token: string;
  proc: ChildProcess;
}

async function startHost(knowledge: string, dataDir: string, docsDir: string): Promise<Host> {
  const proc = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(projectRoot, 'src-main/web/server.ts'), '--port', '0', '--knowledge', knowledge, '--data-dir', dataDir, '--documents-dir', docsDir],
    { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  proc.stderr!.on('data', (d: Buffer) => process.stderr.write(`[web] ${d.toString()}`));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /^(http:\/\/\S+)$/m.exec(out);
      if (m) resolve(m[1]);
    });
    proc.once('exit', (code) => reject(new Error(`web host exited (${code})`)));
  });
  const u = new URL(url);
  return { url, origin: u.origin, token: u.searchParams.get('token') ?? '', proc };
}

async function api<T>(host: Host, channel: string, args: unknown): Promise<T> {
  const res = await fetch(`${host.origin}/api/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-som-token': host.token },
    body: JSON.stringify(args),
  });
  const body = (await res.json()) as { ok: true; value: T } | { ok: false; error: { message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error.message}`);
  return body.value;
}

async function importDoc(host: Host, name: string, doc: SomDocument): Promise<string> {
  const r = await api<{ id: string }>(host, 'store.importFile', { fileName: `${name}.som`, text: serializeSom(doc) });
  return r.id;
}

/** A calculation with the knowledge lines of one target group and success measure (as the wizard applies them). */
async function knowledgeDoc(host: Host, targetGroupId: string, successMeasureId: string): Promise<SomDocument> {
  const r = await api<LinesForResult>(host, 'knowledge.linesFor', { targetGroupId, successMeasureId });
  const doc = syntheticDoc({ lines: 0, cohorts: 5, seed: 3 });
  doc.intervention.name = `Konsekvenser for ${r.targetGroup.label}`;
  doc.intervention.targetGroup = { ...r.targetGroup };
  doc.lines = r.lines.map((l) => structuredClone(l) as SomLine);
  doc.parameters = structuredClone(r.parameters);
  doc.knowledge = r.knowledge ? { ...r.knowledge } : null;
  return doc;
}

// ---------------------------------------------------------------------------------------------
// In-page timing
// ---------------------------------------------------------------------------------------------

/** What to wait for, checked on every DOM mutation. */
type Until =
  | { exists: string }
  | { textMatches: [selector: string, pattern: string] }
  | { textNot: [selector: string, text: string] }
  | { all: Until[] };

/**
 * Arms a timer in the page: it starts at the first `event` (capture phase, on window) and stops
 * when `until` holds after a forced layout. `value` optionally restricts the start to an input
 * event whose target has that value (the last letter of a typed word).
 */
async function arm(page: Page, event: string, until: Until, value?: string): Promise<void> {
  await page.evaluate(
    ({ event, until, value }) => {
      type U = { exists: string } | { textMatches: [string, string] } | { textNot: [string, string] } | { all: U[] };
      const holds = (u: U): boolean => {
        if ('all' in u) return u.all.every(holds);
        if ('exists' in u) return document.querySelector(u.exists) !== null;
        const [sel, arg] = 'textMatches' in u ? u.textMatches : u.textNot;
        const el = document.querySelector(sel);
        if (!el) return false;
        const t = el.textContent ?? '';
        return 'textMatches' in u ? new RegExp(arg).test(t) : t !== arg;
      };
      const w = window as unknown as { __benchResult: Promise<number> };
      w.__benchResult = new Promise<number>((resolve, reject) => {
        let t0: number | null = null;
        const timeout = setTimeout(() => {
          obs.disconnect();
          reject(new Error(`timeout waiting for ${JSON.stringify(until)}`));
        }, 30_000);
        const check = () => {
          if (t0 === null || !holds(until as U)) return;
          void document.body.offsetHeight; // include style and layout of what appeared
          const t = performance.now();
          obs.disconnect();
          clearTimeout(timeout);
          resolve(t - t0);
        };
        const obs = new MutationObserver(check);
        const onEvent = (e: Event) => {
          if (t0 !== null) return;
          if (value !== undefined && (e.target as HTMLInputElement | null)?.value !== value) return;
          t0 = performance.now();
          obs.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
          window.removeEventListener(event, onEvent, true);
          queueMicrotask(check);
        };
        window.addEventListener(event, onEvent, true);
      });
    },
    { event, until, value },
  );
}

const result = (page: Page) => page.evaluate(() => (window as unknown as { __benchResult: Promise<number> }).__benchResult);

async function time(page: Page, event: string, until: Until, act: () => Promise<unknown>, value?: string): Promise<number> {
  await arm(page, event, until, value);
  await act();
  return result(page);
}

const COUNTER = '[data-testid="study-counter"]';
const ROW0 = '[data-testid="studies-table"] tr[data-index="0"]';

async function counterText(page: Page): Promise<string> {
  return (await page.locator(COUNTER).textContent()) ?? '';
}

async function waitCounterSettled(page: Page): Promise<string> {
  await page.waitForFunction((sel) => /ud af/.test(document.querySelector(sel)?.textContent ?? ''), COUNTER);
  await page.locator(ROW0).waitFor();
  return counterText(page);
}

export interface UiFigures {
  [key: string]: Figure;
}

const RUNS = Number(process.env.SOM_BENCH_UI_RUNS ?? 0) || undefined;
/** SOM_BENCH_UI_ONLY=explorer,wizard runs only those groups (app, explorer, wizard, montecarlo). */
const ONLY = (process.env.SOM_BENCH_UI_ONLY ?? '').split(',').filter(Boolean);
const want = (group: string) => ONLY.length === 0 || ONLY.includes(group);

export default async function (): Promise<UiFigures> {
  if (!process.env.SOM_BENCH_NO_BUILD) {
    log('building (scripts/build.mjs --quiet)');
    execFileSync(process.execPath, [path.join(projectRoot, 'scripts/build.mjs'), '--quiet'], { cwd: projectRoot, stdio: 'inherit' });
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'som-uibench-'));
  const knowledge = path.join(tmp, 'knowledge-100k.sqlite');
  const studyCount = want('explorer') ? BENCH_STUDY_COUNT : 1000;
  log(`building a release with ${studyCount} studies`);
  buildStudiesRelease(knowledge, studyCount);
  const host = await startHost(knowledge, path.join(tmp, 'data'), path.join(tmp, 'docs'));
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  const out: UiFigures = {};
  const fig = (key: string, samples: number[], what: string, goal: number, unit = 'ms') => {
    out[key] = { ...summarize(samples, unit), what, goal };
    log(`${key}: median ${out[key].median.toFixed(1)} ${unit} (${samples.length} runs)`);
  };
  try {
    // A new page per scenario (closing one skips its "unsaved changes" prompt).
    let page: Page = null as unknown as Page;
    const fresh = async () => {
      if (page) await page.close();
      page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      page.on('pageerror', (e) => log(`page error: ${String(e)}`));
      // tsx keeps function names with a `__name` helper; functions sent to the page need it too.
      await page.addInitScript({ content: 'window.__name = (f) => f;' });
      // Start-up timing: on a load without a route, note when the Oversigt's button is laid out.
      await page.addInitScript(() => {
        if (location.hash || location.protocol === 'about:') return;
        const w = window as unknown as { __benchInteractive?: number };
        const obs = new MutationObserver(() => {
          const b = [...document.querySelectorAll('button')].find((x) => x.textContent?.trim() === 'Tilføj ny indsats');
          if (!b) return;
          void document.body.offsetHeight;
          w.__benchInteractive = performance.now();
          obs.disconnect();
        });
        obs.observe(document, { subtree: true, childList: true });
      });
      return page;
    };
    await fresh();

    // --- start-up: navigation → Oversigt interactive; JS fetched before the first paint ----------
    if (want('app')) {
      const ms: number[] = [];
      const kb: number[] = [];
      for (let i = 0; i < (RUNS ?? 10) + 1; i++) {
        await page.goto('about:blank');
        await page.goto(host.url);
        await page.getByRole('button', { name: 'Tilføj ny indsats' }).waitFor();
        const m = await page.evaluate(async () => {
          const w = window as unknown as { __benchInteractive?: number };
          // The init script (below) recorded when the button appeared; fall back to now.
          const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity;
          await new Promise((r) => setTimeout(r, 50));
          const js = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter(
            (e) => /\.m?js(\?|$)/.test(e.name) && e.startTime < fcp,
          );
          return { t: w.__benchInteractive ?? performance.now(), kb: js.reduce((s, e) => s + e.decodedBodySize, 0) / 1024, fcp };
        });
        if (i === 0) continue; // first load warms the host's caches
        ms.push(m.t);
        kb.push(m.kb);
      }
      fig('app.ui.interactive', ms, 'navigation start → Oversigt shown with its "Tilføj ny indsats" button (laid out)', 500);
      fig('app.bundle.initialKB', kb, 'JavaScript fetched before the first contentful paint (uncompressed, decoded bytes)', 200, 'KB');
    }

    // --- explorer at 100 000 studies ---------------------------------------------------------------
    if (want('explorer')) {
      await fresh();
      await page.goto(`${host.url}#/viden/maalgrupper`);
      const sub = page.getByRole('navigation', { name: 'Afsnit i vidensdatabasen' });
      await sub.getByRole('link', { name: 'Målgrupper' }).waitFor();
      const open: number[] = [];
      for (let i = 0; i < (RUNS ?? 12); i++) {
        open.push(
          await time(page, 'click', { all: [{ textMatches: [COUNTER, 'ud af'] }, { exists: ROW0 }] }, () => sub.getByRole('link', { name: 'Effektstudier' }).click()),
        );
        await waitCounterSettled(page);
        await sub.getByRole('link', { name: 'Målgrupper' }).click();
        await page.locator(COUNTER).waitFor({ state: 'detached' });
      }
      fig('explorer.ui.open', open, 'click "Effektstudier" → first rows and the "N ud af M" counter shown (100 000 studies)', 150);

      await sub.getByRole('link', { name: 'Effektstudier' }).click();
      let before = await waitCounterSettled(page);
      // Option counts arrive after the rows; let them settle before clicking.
      await page.waitForTimeout(1500);
      const clicks: number[] = [];
      const lists = ['es-design', 'es-kvalitet', 'es-land', 'es-tema'];
      for (let i = 0; i < (RUNS ?? 16); i++) {
        const list = lists[Math.floor(i / 2) % lists.length];
        const option = page.getByTestId(`ms-${list}`).locator('label').nth(Math.floor(i / 8));
        // Selecting a value, then clicking it again (back to all studies): both are filter clicks.
        clicks.push(await time(page, 'click', { all: [{ textNot: [COUNTER, before] }, { textMatches: [COUNTER, 'ud af'] }, { exists: ROW0 }] }, () => option.click()));
        before = await waitCounterSettled(page);
        await page.waitForTimeout(300);
      }
      fig('explorer.ui.filterClick', clicks, 'click one filter value → rows and "N ud af M" updated (count and rows arrive together)', 50);

      const search = page.getByLabel('Søg i effektstudier');
      const words = ['bolig', 'skole', 'familie', 'behandling', 'kommune'];
      const typed: number[] = [];
      const all = before;
      for (let i = 0; i < (RUNS ?? 12); i++) {
        const word = words[i % words.length];
        await search.click();
        typed.push(
          await time(
            page,
            'input',
            { all: [{ textNot: [COUNTER, all] }, { textMatches: [COUNTER, 'ud af'] }, { exists: ROW0 }] },
            () => page.keyboard.type(word),
            word,
          ),
        );
        await search.fill('');
        await page.waitForFunction(([sel, t]) => document.querySelector(sel)?.textContent === t, [COUNTER, all] as const);
        await page.waitForTimeout(200);
      }
      fig('explorer.ui.textSearch', typed, "type a word in the search box → rows and counter updated (from the word's last letter)", 80);
    }

    // --- wizard ------------------------------------------------------------------------------------
    if (want('wizard')) {
      const doc20 = syntheticDoc({ lines: 20, cohorts: 5, seed: 42 });
      const id20 = await importDoc(host, 'bench-20-linjer', doc20);
      await fresh();
      await page.goto(`${host.url}#/beregning/${encodeURIComponent(id20)}/omkostninger`);
      const field = page.getByRole('textbox', { name: `Antal personer ${doc20.intervention.startYear}`, exact: true });
      await field.waitFor();
      const preview = page.getByTestId('preview-alle');
      await preview.waitFor();
      await field.click();
      await page.keyboard.press('End');
      const keys: number[] = [];
      for (let i = 0; i < (RUNS ? RUNS * 3 : 40) + 5; i++) {
        const prev = (await preview.textContent()) ?? '';
        const ms = await time(page, 'keydown', { textNot: ['[data-testid="preview-alle"]', prev] }, () => page.keyboard.press(String((i % 9) + 1)));
        if (i >= 5) keys.push(ms);
        const now = (await preview.textContent()) ?? '';
        await page.keyboard.press('Backspace');
        await page.waitForFunction(([sel, t]) => document.querySelector(sel)?.textContent !== t, ['[data-testid="preview-alle"]', now] as const);
      }
      fig('wizard.ui.keystroke20', keys, 'type a digit in "Antal personer" → preview figure updated (20 lines, 5 cohorts)', 3);

      const doc33 = await knowledgeDoc(host, 'institution-14-17', 'hjemgivelse');
      const id33 = await importDoc(host, 'bench-33-linjer', doc33);
      await fresh();
      await page.goto(`${host.url}#/beregning/${encodeURIComponent(id33)}/konsekvenser-1`);
      const steps = page.getByRole('navigation', { name: 'Trin i beregningen' });
      const next = page.getByRole('navigation', { name: 'Skift trin' }).getByRole('button', { name: /Næste/ });
      await next.waitFor();
      const k2: number[] = [];
      for (let i = 0; i < (RUNS ?? 10) + 1; i++) {
        // The first time through "Næste" (the step is not visited yet), then the step bar's link.
        const target = i === 0 ? next : steps.getByRole('link', { name: /Konsekvenser 2/ });
        const ms = await time(page, 'click', { textMatches: ['h2.step-title', 'Vælg konsekvenser og priser'] }, () => target.click());
        if (i > 0) k2.push(ms);
        await steps.getByRole('link', { name: /Konsekvenser 1/ }).click();
        await steps.getByRole('link', { name: /Konsekvenser 2/ }).waitFor();
      }
      fig('wizard.ui.k2Open', k2, `open Konsekvenser 2 for a ${doc33.lines.length}-line target group → step shown (laid out)`, 100);

    }
    if (want('montecarlo')) {
      const doc61 = syntheticDoc({ lines: 20, cohorts: 5, seed: 42 });
      doc61.view = { ...doc61.view, periodEnd: doc61.view.periodStart + 60 };
      const id61 = await importDoc(host, 'bench-61-aar', doc61);
      const mc: number[] = [];
      for (let i = 0; i < (RUNS ?? 8) + 1; i++) {
        await fresh();
        await page.goto(`${host.url}#/beregning/${encodeURIComponent(id61)}/resultater`);
        await page.getByRole('tab', { name: 'Monte Carlo' }).click();
        const run = page.getByRole('button', { name: 'Kør Monte Carlo' });
        await run.waitFor();
        const ms = await time(page, 'click', { exists: '[data-testid="mc-resultat"] figure:nth-of-type(2) svg' }, () => run.click());
        if (i > 0) mc.push(ms);
      }
      fig('montecarlo.ui.10k60y', mc, 'click "Kør Monte Carlo" (10 000 draws, 61-year period) → fan chart drawn, worker start-up included', 300);
    }
  } catch (e) {
    const pages = browser.contexts().flatMap((c) => c.pages());
    if (pages[0] && process.env.SOM_BENCH_SHOT) await pages[0].screenshot({ path: process.env.SOM_BENCH_SHOT, fullPage: true });
    throw e;
  } finally {
    await browser.close();
    host.proc.kill('SIGTERM');
    await new Promise((r) => host.proc.once('exit', r));
    rmSync(tmp, { recursive: true, force: true });
  }
  return out;
}
