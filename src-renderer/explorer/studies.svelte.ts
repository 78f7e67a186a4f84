/**
 * State of the Effektstudier section: slicer filters, free-text search (debounced), sort,
 * the counter "N ud af M" and a page cache of rows fetched 200 at a time as the user scrolls.
 */
import { call, ApiError } from '../lib/api';
import type { Req } from '../../shared/ipc';
import type { FacetValue, StudyDetail, StudyFacets, StudyRow } from '../../shared/knowledge/types';
import { STUDY_QUALITIES, type StudyQuality, type StudySortColumn } from '../../shared/knowledge/studies';
import { MultiSelect, type SelectOption } from './multi-select.svelte';
import { pagesFor } from './virtual-range';
import { errorMessage } from '../lib/error-message';
import type { ProvenanceChoice } from './provenance';

export const STUDY_PAGE_SIZE = 200;
/** A short pause collects the letters of a word typed in one go. */
export const TEXT_DEBOUNCE_MS = 30;

export type StudyFilter = Req<'knowledge.studyFacets'>;

/** A list row, plus the detail fields when the back end includes them in list rows. */
export type StudyListRow = StudyRow & Partial<Pick<StudyDetail, 'nControl' | 'horizonMonths' | 'controlGroup'>>;

type FacetKey = keyof StudyFacets;
type FilterKey = 'themeIds' | 'targetGroupIds' | 'interventions' | 'measures' | 'designs' | 'qualities' | 'countries';
const LISTS: { facet: FacetKey; filter: FilterKey }[] = [
  { facet: 'themes', filter: 'themeIds' },
  { facet: 'targetGroups', filter: 'targetGroupIds' },
  { facet: 'interventions', filter: 'interventions' },
  { facet: 'measures', filter: 'measures' },
  { facet: 'designs', filter: 'designs' },
  { facet: 'qualities', filter: 'qualities' },
  { facet: 'countries', filter: 'countries' },
];

export function errorText(e: unknown): string {
  return e instanceof ApiError ? e.message : `Der opstod en fejl: ${errorMessage(e)}`;
}

export class StudiesState {
  readonly lists: Record<FacetKey, MultiSelect> = {
    themes: new MultiSelect(),
    targetGroups: new MultiSelect(),
    interventions: new MultiSelect(),
    measures: new MultiSelect(),
    designs: new MultiSelect(),
    qualities: new MultiSelect(),
    countries: new MultiSelect(),
  };
  /** What is in the search box. */
  text = $state('');
  /** "Tallenes kilde": all, only Socialstyrelsen's figures, only example data (asked of the back end). */
  provenance = $state<ProvenanceChoice>('alle');
  /** The search text in effect (debounced). */
  appliedText = $state('');
  sort = $state<{ column: StudySortColumn; dir: 'asc' | 'desc' } | null>(null);
  count = $state<number | null>(null);
  total = $state<number | null>(null);
  /** Fetched pages by page number (replaced, never mutated in place). */
  pages = $state.raw<Record<number, StudyListRow[]>>({});
  loading = $state(false);
  error = $state<string | null>(null);
  detail = $state<StudyDetail | null>(null);
  detailIndex = $state<number | null>(null);
  detailError = $state<string | null>(null);
  /** Bumped on every new result set (the table scrolls back to the top). */
  generation = $state(0);

  private allFacets: StudyFacets | null = null;
  /** Page numbers being fetched (plain, not reactive). */
  private inFlight: number[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  /** The filters in effect (only non-empty lists). */
  filters(): StudyFilter {
    const f: StudyFilter = {};
    for (const { facet, filter } of LISTS) {
      const sel = this.lists[facet].selected;
      if (sel.length === 0) continue;
      if (filter === 'qualities') f.qualities = sel.filter((q): q is StudyQuality => (STUDY_QUALITIES as readonly string[]).includes(q));
      else f[filter] = [...sel];
    }
    const text = this.appliedText.trim();
    if (text) f.text = text;
    if (this.provenance !== 'alle') f.illustrative = this.provenance === 'eksempel';
    return f;
  }

  get activeFilterCount(): number {
    return Object.values(this.lists).filter((l) => l.active).length + (this.appliedText.trim() ? 1 : 0);
  }

  rowAt(index: number): StudyListRow | undefined {
    return this.pages[Math.floor(index / STUDY_PAGE_SIZE)]?.[index % STUDY_PAGE_SIZE];
  }

  /**
   * First open: the first page and then the option lists are asked for at once; the rows and the
   * counter show as soon as they arrive, the lists when theirs do. The unfiltered option counts
   * are fetched once: they are both the options and the counts while nothing is selected.
   */
  async load(): Promise<void> {
    // The page is asked for first: the query worker answers in the order asked.
    const rows = this.refresh({ counts: false });
    const facets = call('knowledge.studyFacets', {}).then(
      (all) => {
        this.allFacets = all;
        this.countsFor = null;
        if (this.activeFilterCount === 0) this.applyCounts(all);
        else this.scheduleCounts();
      },
      (e: unknown) => {
        this.error = errorText(e);
      },
    );
    await Promise.all([rows, facets]);
  }

  /**
   * New result set for the current filters and sort: the counter and first page first, then the
   * option counts. While a page request is on its way, later changes wait and only the newest is
   * asked for (typing a word asks for the word, not for every letter).
   */
  refresh(opts: { counts?: boolean } = {}): Promise<void> {
    this.generation++;
    this.inFlight = [];
    this.loading = true;
    this.error = null;
    // Rows first: the page request leaves before the option counts' (the worker answers in order).
    const rows = (this.rowsRun ??= this.fetchRows().finally(() => (this.rowsRun = null)));
    if (opts.counts !== false) this.scheduleCounts();
    return rows;
  }

  private rowsRun: Promise<void> | null = null;

  private async fetchRows(): Promise<void> {
    let served = -1;
    while (served !== this.generation) {
      const gen = (served = this.generation);
      try {
        const page = await call('knowledge.studies', { ...this.filters(), ...(this.sort ? { sort: this.sort } : {}), offset: 0, limit: STUDY_PAGE_SIZE });
        if (gen !== this.generation) continue;
        this.count = page.count;
        this.total = page.total;
        this.pages = { 0: page.rows };
      } catch (e) {
        if (gen !== this.generation) continue;
        this.error = errorText(e);
        this.pages = {};
        this.count = null;
      }
    }
    this.loading = false;
  }

  /** The filters the option counts on screen are for (null: none selected, from allFacets). */
  private countsFor: string | null = null;
  private countsRun: Promise<void> | null = null;

  /**
   * Option counts per list, after the rows. The back end leaves a list's own selection out of that
   * list's counts (as in Excel slicers), so unselected options show how many studies they would add.
   * One request at a time; the newest filters win.
   */
  private scheduleCounts(): void {
    this.countsRun ??= (async () => {
      try {
        for (;;) {
          const filters = this.filters();
          const key = JSON.stringify(filters);
          if (key === (this.countsFor ?? '{}')) return;
          if (key === '{}' && this.allFacets) {
            this.countsFor = null;
            this.applyCounts(this.allFacets);
            continue;
          }
          try {
            const facets = await call('knowledge.studyFacets', filters);
            this.countsFor = key;
            if (JSON.stringify(this.filters()) === key) this.applyCounts(facets);
          } catch {
            // The counts are a hint next to the options; the rows show any error.
            return;
          }
        }
      } finally {
        this.countsRun = null;
      }
    })();
  }

  /** The options stay the full list loaded once (unmatched ones get count 0). */
  private applyCounts(facets: StudyFacets): void {
    for (const { facet } of LISTS) {
      const counts: Record<string, number> = Object.fromEntries(facets[facet].map((v) => [v.value, v.count]));
      const options = (this.allFacets?.[facet] ?? facets[facet]).map((v) => ({ ...toOption(v), count: counts[v.value] ?? 0 }));
      this.lists[facet].setOptions(options);
    }
  }

  /** Fetches the pages the table needs to show rows [start, end). */
  ensureRange(start: number, end: number): void {
    if (this.count === null) return;
    for (const p of pagesFor(start, Math.min(end, this.count), STUDY_PAGE_SIZE)) {
      if (this.pages[p] || this.inFlight.includes(p)) continue;
      void this.fetchPage(p);
    }
  }

  private async fetchPage(p: number): Promise<void> {
    const gen = this.generation;
    this.inFlight.push(p);
    try {
      const page = await call('knowledge.studies', {
        ...this.filters(),
        ...(this.sort ? { sort: this.sort } : {}),
        offset: p * STUDY_PAGE_SIZE,
        limit: STUDY_PAGE_SIZE,
      });
      if (gen !== this.generation) return;
      this.pages = { ...this.pages, [p]: page.rows };
    } catch (e) {
      if (gen === this.generation) this.error = errorText(e);
    } finally {
      if (gen === this.generation) this.inFlight = this.inFlight.filter((x) => x !== p);
    }
  }

  /** Filter list changed. */
  filtersChanged(): void {
    this.closeDetail();
    void this.refresh();
  }

  /** Search box input: applied after a short pause. */
  setText(value: string): void {
    this.text = value;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      if (this.appliedText === this.text) return;
      this.appliedText = this.text;
      this.filtersChanged();
    }, TEXT_DEBOUNCE_MS);
  }

  /** Header click: ascending → descending → ascending on another column. */
  toggleSort(column: StudySortColumn): void {
    this.sort = this.sort?.column === column && this.sort.dir === 'asc' ? { column, dir: 'desc' } : { column, dir: 'asc' };
    this.closeDetail();
    void this.refresh();
  }

  clearFilters(): void {
    for (const l of Object.values(this.lists)) l.clear();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.text = '';
    this.appliedText = '';
    this.provenance = 'alle';
    this.filtersChanged();
  }

  async openDetail(row: StudyRow, index: number): Promise<void> {
    this.detailIndex = index;
    this.detailError = null;
    try {
      const d = await call('knowledge.study', { id: row.id });
      if (this.detailIndex === index) this.detail = d;
    } catch (e) {
      this.detailError = errorText(e);
      this.detail = null;
    }
  }

  closeDetail(): void {
    this.detail = null;
    this.detailIndex = null;
    this.detailError = null;
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
  }
}

function toOption(v: FacetValue): SelectOption {
  return { value: v.value, label: v.label, count: v.count };
}
