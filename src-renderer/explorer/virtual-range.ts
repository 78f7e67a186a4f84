/** A column of VirtualTable.svelte. */
export interface VtColumn {
  key: string;
  label: string;
  /** CSS width of the column, e.g. "9rem" or "12%". */
  width: string;
  numeric?: boolean;
  sortable?: boolean;
}

export interface VtSort {
  key: string;
  dir: 'asc' | 'desc';
}

/** The rows a virtualised list renders: the visible ones plus `overscan` on each side. */
export interface RangeInput {
  scrollTop: number;
  /** Viewport height in px. */
  viewport: number;
  rowHeight: number;
  rowCount: number;
  overscan: number;
}

export interface Range {
  start: number;
  /** Exclusive. */
  end: number;
  /** Height of the spacer above / below the rendered rows. */
  padTop: number;
  padBottom: number;
}

export function visibleRange({ scrollTop, viewport, rowHeight, rowCount, overscan }: RangeInput): Range {
  if (rowCount <= 0 || rowHeight <= 0) return { start: 0, end: 0, padTop: 0, padBottom: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(0, viewport) / rowHeight) + 1;
  const start = Math.max(0, Math.min(rowCount - 1, first - overscan));
  const end = Math.min(rowCount, first + visible + overscan);
  return { start, end: Math.max(start, end), padTop: start * rowHeight, padBottom: (rowCount - Math.max(start, end)) * rowHeight };
}

/** Page numbers (of `pageSize` rows) needed to show [start, end). */
export function pagesFor(start: number, end: number, pageSize: number): number[] {
  if (end <= start) return [];
  const first = Math.floor(start / pageSize);
  const last = Math.floor((end - 1) / pageSize);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
