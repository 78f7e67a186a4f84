/**
 * One colour (and line style) per meaning, for every figure of the app (Chart.js) and the report
 * (SVG). A colour used for one meaning is not used for another: an actor's colour means that
 * actor, "alle aktører" has its own, the accumulated lines, the areas, the scenarios, the
 * sensitivity and the Monte Carlo figures have their own. Legends are drawn from the same styles,
 * so a legend entry shows the line's colour, dash and marker.
 */
import type { ViewActor } from '../som/schema';

/** How a line is drawn: its colour, its dash pattern (empty = solid) and its point marker. */
export interface LineStyle {
  color: string;
  /** Dash pattern in px (Chart.js borderDash, SVG stroke-dasharray); empty: solid. */
  dash: readonly number[];
  marker: 'circle' | 'diamond' | 'none';
}

/** The actors: Kommune red, Region blue, Stat green; Alle aktører (the sum) near-black. */
export const ACTOR_COLORS: Readonly<Record<ViewActor, string>> = { kommune: '#b0182b', region: '#3d6fa8', stat: '#2e7d4f', alle: '#1d1d1f' };

/** The accumulated net gain, not discounted (Figur 2: solid grey line with round points). */
export const CUMULATIVE: LineStyle = { color: '#5a5f66', dash: [], marker: 'circle' };
/** The accumulated net gain in present value, discounted (Figur 2: dashed purple line with diamonds). */
export const CUMULATIVE_PV: LineStyle = { color: '#6b4c9a', dash: [6, 4], marker: 'diamond' };

/** The areas (Figur 3) in the order of the calculation's areas; none is an actor's or a line's colour. */
export const AREA_COLORS = ['#c47c00', '#0f7b7b', '#8c5a3c', '#7ba33b', '#a0527a', '#2b4c7e', '#b38f00', '#4d7358', '#d98cb3'] as const;
export function areaColor(i: number): string {
  return AREA_COLORS[i % AREA_COLORS.length];
}

/** The scenarios (Forsigtig, Basis, Optimistisk, own scenarios): shades of slate, none an area's or an actor's colour. */
export const SCENARIO_COLORS = ['#8a9aa9', '#4f6273', '#23384a', '#b7c2cc', '#6e8194', '#36506a'] as const;
export function scenarioColor(i: number): string {
  return SCENARIO_COLORS[i % SCENARIO_COLORS.length];
}

/** The calculations of a comparison: their own hues, not the areas'. */
export const MEMBER_COLORS = ['#e07b39', '#2a9d8f', '#9c6644', '#8ab17d', '#b5838d', '#577590', '#e9c46a', '#6d597a', '#f4a3c0'] as const;
export function memberColor(i: number): string {
  return MEMBER_COLORS[i % MEMBER_COLORS.length];
}

/**
 * Below / above the reference: the tornado's "lower / higher than the calculation" and the
 * histogram's "loss / gain" (below / above 0 kr.). The same meaning in both, and no actor's colour.
 */
export const BELOW = '#d8843f';
export const ABOVE = '#4a9bb0';

/** The Monte Carlo fan: the 5–95 % band and the median line; the calculation itself is CUMULATIVE (the same line as in Figur 2). */
export const FAN: LineStyle = { color: '#7a5c2e', dash: [], marker: 'none' };
export const FAN_BAND_OPACITY = 0.25;

/** Ink, muted text, grid and zero line. */
export const INK = '#1d1d1f';
export const MUTED = '#5a5f66';
export const GRID = '#e3e5e8';
