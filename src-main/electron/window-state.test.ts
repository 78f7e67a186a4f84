import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_SIZE, loadWindowState, restoreBounds, saveWindowState, WINDOW_STATE_FILE, type Rect } from './window-state';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'som-winstate-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('window state file', () => {
  it('round-trips atomically without leaving temp files', () => {
    const file = path.join(dir, WINDOW_STATE_FILE);
    saveWindowState(file, { x: 100.4, y: 50, width: 1200, height: 800, maximized: true });
    expect(loadWindowState(file)).toEqual({ x: 100, y: 50, width: 1200, height: 800, maximized: true });
    saveWindowState(file, { x: 1, y: 2, width: 1000, height: 700, maximized: false });
    expect(loadWindowState(file)).toMatchObject({ x: 1, width: 1000 });
    expect(readdirSync(dir)).toEqual([WINDOW_STATE_FILE]);
  });

  it.each([
    ['missing', null],
    ['bad json', '{nope'],
    ['wrong shape', JSON.stringify({ x: 'a', y: 0, width: 1, height: 1, maximized: false })],
    ['extra keys', JSON.stringify({ x: 0, y: 0, width: 1000, height: 700, maximized: false, evil: 1 })],
    ['absurd size', JSON.stringify({ x: 0, y: 0, width: 1e9, height: 700, maximized: false })],
    ['too big', JSON.stringify({ x: 0, y: 0, width: 1000, height: 700, maximized: false, pad: 'x'.repeat(20000) })],
  ])('treats a %s file as no state', (_name, content) => {
    const file = path.join(dir, WINDOW_STATE_FILE);
    if (content !== null) writeFileSync(file, content);
    expect(loadWindowState(file)).toBeNull();
  });

  it('refuses to save invalid state', () => {
    expect(() => saveWindowState(path.join(dir, 'w.json'), { x: 0, y: 0, width: Number.NaN, height: 700, maximized: false })).toThrow();
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes JSON a human can read', () => {
    const file = path.join(dir, WINDOW_STATE_FILE);
    saveWindowState(file, { x: 0, y: 0, width: 1000, height: 700, maximized: false });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ x: 0, y: 0, width: 1000, height: 700, maximized: false });
  });
});

describe('restoreBounds', () => {
  const primary: Rect = { x: 0, y: 0, width: 1920, height: 1040 };
  const right: Rect = { x: 1920, y: 0, width: 1280, height: 984 };

  it('uses defaults without saved state', () => {
    expect(restoreBounds(null, [primary])).toEqual({ bounds: { ...DEFAULT_SIZE }, maximized: false });
  });

  it('restores bounds visible on a display', () => {
    const r = restoreBounds({ x: 2000, y: 100, width: 1100, height: 800, maximized: true }, [primary, right]);
    expect(r).toEqual({ bounds: { x: 2000, y: 100, width: 1100, height: 800 }, maximized: true });
  });

  it('falls back to centred default size when the display is gone', () => {
    const r = restoreBounds({ x: 2000, y: 100, width: 1100, height: 800, maximized: false }, [primary]);
    expect(r.bounds).toEqual({ ...DEFAULT_SIZE });
    expect(r.bounds).not.toHaveProperty('x');
  });

  it('does not restore a window whose title bar is above the screen', () => {
    const r = restoreBounds({ x: 100, y: -500, width: 1100, height: 800, maximized: false }, [primary]);
    expect(r.bounds).not.toHaveProperty('x');
  });

  it('shrinks a window larger than its display, but not below the minimum', () => {
    const r = restoreBounds({ x: 1920, y: 0, width: 3000, height: 2000, maximized: false }, [primary, right]);
    expect(r.bounds).toEqual({ x: 1920, y: 0, width: 1280, height: 984 });
    const small = restoreBounds({ x: 10, y: 10, width: 300, height: 200, maximized: false }, [primary]);
    expect(small.bounds.width).toBeGreaterThanOrEqual(960);
    expect(small.bounds.height).toBeGreaterThanOrEqual(640);
  });
});
