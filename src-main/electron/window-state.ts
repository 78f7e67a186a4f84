/**
 * Remembers the main window's bounds in userData/window-state.json (atomic write) and restores
 * them only when they are still visible on a connected display. Plain functions, no Electron.
 */
import { readFileSync, statSync } from 'node:fs';
import { z } from 'zod';
import { atomicWriteFile } from '../store/atomic';

export const WINDOW_STATE_FILE = 'window-state.json';
export const DEFAULT_SIZE = { width: 1280, height: 860 } as const;
export const MIN_SIZE = { width: 960, height: 640 } as const;
const MAX_STATE_BYTES = 16 * 1024;
/** How much of the window (title bar area) must lie on a display to restore it there. */
const MIN_VISIBLE = { width: 160, height: 80 } as const;

const int = z.number().int().min(-100_000).max(100_000);
const stateSchema = z
  .object({
    x: int,
    y: int,
    width: z.number().int().min(100).max(100_000),
    height: z.number().int().min(100).max(100_000),
    maximized: z.boolean(),
    fullScreen: z.boolean().optional(),
  })
  .strict();

export type WindowState = z.infer<typeof stateSchema>;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Reads the saved state; any problem (missing, too big, bad JSON, wrong shape) means "no state". */
export function loadWindowState(file: string): WindowState | null {
  try {
    if (statSync(file).size > MAX_STATE_BYTES) return null;
    const parsed = stateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  const parsed = stateSchema.parse({ ...state, x: Math.round(state.x), y: Math.round(state.y), width: Math.round(state.width), height: Math.round(state.height) });
  atomicWriteFile(file, JSON.stringify(parsed, null, 2));
}

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

/**
 * Bounds to open the window with: the saved ones if their top strip is visible on one of the
 * displays' work areas (and the size fits), otherwise the default size, centred by Electron.
 */
export function restoreBounds(
  state: WindowState | null,
  workAreas: readonly Rect[],
): { bounds: Partial<Rect> & { width: number; height: number }; maximized: boolean } {
  const fallback = { bounds: { ...DEFAULT_SIZE }, maximized: state?.maximized ?? false };
  if (state === null) return { bounds: { ...DEFAULT_SIZE }, maximized: false };
  const topStrip: Rect = { x: state.x, y: state.y, width: state.width, height: Math.min(state.height, 40) };
  const display = workAreas.find((area) => {
    const o = overlap(topStrip, area);
    return o.width >= Math.min(MIN_VISIBLE.width, state.width) && o.height >= Math.min(MIN_VISIBLE.height, topStrip.height) && state.y >= area.y - 8;
  });
  if (display === undefined) return fallback;
  const width = Math.max(MIN_SIZE.width, Math.min(state.width, display.width));
  const height = Math.max(MIN_SIZE.height, Math.min(state.height, display.height));
  return { bounds: { x: state.x, y: state.y, width, height }, maximized: state.maximized };
}
