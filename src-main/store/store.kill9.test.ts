/**
 * Kill -9 test of atomic saving: a child process saves versions of a calculation in a tight loop
 * and is SIGKILLed at random (seeded) moments, 200+ times. After every kill the file must exist,
 * parse, and be either the last version whose save returned or the one being saved.
 *
 * Bounded by count, not by wall time: the test does a fixed number of kills, however slow the
 * machine. The only clock is a hang detector per step (start a child, let it save, kill it): a step
 * fails when it takes longer than HANG_FACTOR × the slowest step so far and at least HANG_FLOOR_MS,
 * so a busy CI machine (every step slower alike) cannot fail it, and a child that stops answering
 * fails within minutes instead of running into the suite's time limit.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseSom } from '../../shared/som/io';
import { mulberry32 } from '../../shared/engine/rng';
import { validExampleText } from './hostile-files';
import { createFileStore } from './store';

/** Kills in total, spread over parallel lanes (each its own folder and file). */
const KILLS = 210;
const LANES = 2;
/** A step may take this many times the slowest step seen so far … */
const HANG_FACTOR = 20;
/** … and always at least this long (the first steps include loading the bundle). */
const HANG_FLOOR_MS = 120_000;

/** Rejects when p has not settled within ms (the hang detector; never the pass/fail criterion of a healthy run). */
function orHang<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`hænger: ${what} svarede ikke inden for ${Math.round(ms / 1000)} s`)), ms);
  });
  return Promise.race([p, hang]).finally(() => clearTimeout(timer));
}


let bundle: string;
beforeAll(() => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'som-kill9-bundle-'));
  bundle = path.join(out, 'child.cjs');
  buildSync({
    entryPoints: [path.join(__dirname, 'kill9-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: bundle,
    minify: true,
    logLevel: 'silent',
    define: { 'import.meta.url': '"file:///kill9-child.js"' },
  });
});

interface Run {
  started: number[];
  done: number[];
}

interface Child {
  ready: Promise<void>;
  /** Starts saving at version `start`, kills after the first "S" + delayMs, resolves with what it printed. */
  run(start: number, delayMs: number): Promise<Run>;
  dispose(): void;
}

/** Spawns a child that loads and waits (so its start-up overlaps the previous child's run). */
function spawnChild(args: string[]): Child {
  const child = spawn(process.execPath, [bundle, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  let onData: (() => void) | null = null;
  let readyResolve: () => void = () => {};
  const ready = new Promise<void>((r) => (readyResolve = r));
  child.stdout.on('data', (b: Buffer) => {
    out += b.toString('utf8');
    if (out.startsWith('R\n')) readyResolve();
    onData?.();
  });
  child.stderr.on('data', (b: Buffer) => (err += b.toString('utf8')));
  child.stdin.on('error', () => {});
  const closed = new Promise<NodeJS.Signals | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (_code, signal) => resolve(signal));
  });
  return {
    ready,
    async run(start, delayMs) {
      let timer: NodeJS.Timeout | null = null;
      onData = () => {
        if (timer === null && out.includes('S ')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      };
      child.stdin.write(`${start}\n`);
      const signal = await closed;
      if (timer) clearTimeout(timer);
      if (signal !== 'SIGKILL') throw new Error(`child ended without kill: ${err}`);
      const started: number[] = [];
      const done: number[] = [];
      for (const line of out.split('\n')) {
        const m = /^([SD]) (\d+)$/.exec(line);
        if (m) (m[1] === 'S' ? started : done).push(Number(m[2]));
      }
      return { started, done };
    },
    dispose() {
      child.kill('SIGKILL');
    },
  };
}

const versionOf = (text: string) => Number(/^version (\d+)$/.exec(parseSom(text).intervention.description)?.[1]);

async function runLane(lane: number, kills: number): Promise<{ kills: number; midSave: number }> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'som-kill9-'));
  const docs = path.join(root, 'docs');
  const data = path.join(root, 'data');
  mkdirSync(docs);
  mkdirSync(data);
  const store = createFileStore({ documentsDir: docs, userDataDir: data });
  const doc = parseSom(validExampleText());
  doc.intervention.description = 'version 0';
  const { id, fileName } = store.save(null, doc);
  const file = path.join(docs, fileName);
  const rand = mulberry32(20261123 + lane);
  let current = 0;
  let next = 1;
  let midSave = 0;
  const args = [docs, data, id, validExampleText()];
  let pending = spawnChild(args);
  let running: Child | null = null;
  let slowest = 0;
  try {
    for (let k = 0; k < kills; k++) {
      const delay = Math.floor(rand() * 20);
      const child = pending;
      running = child;
      const limit = Math.max(HANG_FLOOR_MS, HANG_FACTOR * slowest);
      const t0 = performance.now();
      await orHang(child.ready, limit, `lane ${lane}, kill ${k}: child start`);
      pending = spawnChild(args);
      const run = await orHang(child.run(next, delay), limit, `lane ${lane}, kill ${k}: save and kill`);
      slowest = Math.max(slowest, performance.now() - t0);
      const lastDone = run.done.length ? run.done[run.done.length - 1] : current;
      const lastStarted = run.started.length ? run.started[run.started.length - 1] : lastDone;
      const text = readFileSync(file, 'utf8'); // throws if missing
      const v = versionOf(text); // throws if corrupt
      const allowed = lastStarted > lastDone ? [lastDone, lastStarted] : [lastDone];
      expect(allowed, `lane ${lane}, kill ${k}: file has version ${v}`).toContain(v);
      if (lastStarted > lastDone) midSave++;
      current = v;
      next = Math.max(next, lastStarted + 1);
    }
  } finally {
    // Also after a hang: no child is left running.
    running?.dispose();
    pending.dispose();
  }
  // the store still lists and opens it
  expect(store.list().find((e) => e.id === id)?.error).toBeNull();
  expect(versionOf(store.exportFile(id).text)).toBe(current);
  return { kills, midSave };
}

describe('atomic save under kill -9', () => {
  it(`leaves the old or the new version after each of ${KILLS} kills`, async () => {
    const lanes = await Promise.all(Array.from({ length: LANES }, (_, lane) => runLane(lane, KILLS / LANES)));
    const kills = lanes.reduce((n, l) => n + l.kills, 0);
    const midSave = lanes.reduce((n, l) => n + l.midSave, 0);
    expect(kills).toBeGreaterThanOrEqual(200);
    // most kills should land in the middle of a save (the loop does nothing else)
    expect(midSave).toBeGreaterThan(kills / 2);
    console.log(`kill -9: ${kills} kills, ${midSave} in the middle of a save, every file whole`);
    // No hang detector fired; the vitest limit below only backs it up (it is not a speed requirement).
  }, 60 * 60_000);
});
