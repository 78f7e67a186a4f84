/**
 * An in-memory index of the effect studies' filter columns, built once per (read-only) release:
 * one small integer code per study and filter list. Counting the studies that match the filters,
 * the option counts of all seven lists (facets) and the rowids of a page in list order are then one
 * pass over typed arrays, instead of a COUNT and seven GROUP BYs over the table. Free text still
 * goes through the FTS index (its matches become a mask). The results equal those of
 * queries.ts (`studies`, `studyFacets`); study-index.test.ts compares them.
 */
import type Database from 'better-sqlite3';
import type { FacetValue, StudyFacets, StudyPage } from '../../shared/knowledge/types';
import { STUDY_QUALITIES, type StudySortColumn } from '../../shared/knowledge/studies';
import { ftsQuery } from './sql';
import { studies as sqlStudies, studyRowsByRowid, type StudyFilters } from './study-queries';

type Db = Database.Database;

const KEYS = ['themeIds', 'targetGroupIds', 'interventions', 'measures', 'designs', 'qualities', 'countries'] as const;
type Key = (typeof KEYS)[number];
const FACET_OF: Record<Key, keyof StudyFacets> = {
  themeIds: 'themes',
  targetGroupIds: 'targetGroups',
  interventions: 'interventions',
  measures: 'measures',
  designs: 'designs',
  qualities: 'qualities',
  countries: 'countries',
};
const COLUMN: Record<Key, string> = {
  themeIds: 'theme_id',
  targetGroupIds: 'target_group_id',
  interventions: 'intervention',
  measures: 'measure',
  designs: 'design',
  qualities: 'quality',
  countries: 'country',
};
/** As the SQL's CASE over STUDY_QUALITIES: Lav, Mellem, Høj (anything else, NULL in SQL, first). */
const qualityRank = (q: string) => (STUDY_QUALITIES as readonly string[]).indexOf(q) + 1;

/** SQLite's default (BINARY) order of text: by code point, as `<` on these strings. */
const binary = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

interface Column {
  /** Code per study (position), -1 for NULL. */
  codes: Int32Array;
  /** Distinct values by code. */
  values: string[];
  labels: string[];
  /** Codes in the list's display order. */
  order: number[];
}

export interface PageArgs extends StudyFilters {
  sort?: { column: StudySortColumn; dir: 'asc' | 'desc' };
  offset?: number;
  limit?: number;
}

export class StudyIndex {
  readonly size: number;
  private readonly rowids: Int32Array;
  private readonly posOfRowid: Int32Array;
  private readonly cols: Record<Key, Column>;
  /** 1 where the study is example data (by position). */
  private readonly illustrative: Uint8Array;
  private readonly facetCache = new Map<string, StudyFacets>();

  constructor(private readonly db: Db) {
    const rows = db
      .prepare(`SELECT rowid, ${KEYS.map((k) => COLUMN[k]).join(', ')}, target_group_label, illustrative FROM studies ORDER BY rowid`)
      .raw()
      .all() as unknown[][];
    const n = rows.length;
    this.size = n;
    this.rowids = new Int32Array(n);
    this.illustrative = new Uint8Array(n);
    for (let i = 0; i < n; i++) this.illustrative[i] = rows[i][9] === 1 ? 1 : 0;
    let maxRowid = 0;
    for (let i = 0; i < n; i++) {
      const r = rows[i][0] as number;
      this.rowids[i] = r;
      if (r > maxRowid) maxRowid = r;
    }
    this.posOfRowid = new Int32Array(maxRowid + 1).fill(-1);
    for (let i = 0; i < n; i++) this.posOfRowid[this.rowids[i]] = i;

    const themes = new Map(
      (db.prepare('SELECT id, label, sort FROM themes').all() as { id: string; label: string; sort: number }[]).map((t) => [t.id, t]),
    );
    const cols = {} as Record<Key, Column>;
    KEYS.forEach((key, ki) => {
      const codes = new Int32Array(n);
      const byValue = new Map<string, number>();
      const values: string[] = [];
      const labels: string[] = [];
      for (let i = 0; i < n; i++) {
        const v = rows[i][ki + 1] as string | null;
        if (v === null) {
          codes[i] = -1;
          continue;
        }
        let c = byValue.get(v);
        if (c === undefined) {
          c = values.length;
          byValue.set(v, c);
          values.push(v);
          labels.push(key === 'themeIds' ? (themes.get(v)?.label ?? v) : key === 'targetGroupIds' ? (rows[i][8] as string) : v);
        } else if (key === 'targetGroupIds') {
          // The list shows MIN(target_group_label) per target group, as the SQL facet does.
          const l = rows[i][8] as string;
          if (l < labels[c]) labels[c] = l;
        }
        codes[i] = c;
      }
      const order = values.map((_, c) => c);
      if (key === 'themeIds') order.sort((a, b) => (themes.get(values[a])?.sort ?? 0) - (themes.get(values[b])?.sort ?? 0) || binary(values[a], values[b]));
      else if (key === 'qualities') order.sort((a, b) => qualityRank(values[a]) - qualityRank(values[b]) || binary(values[a], values[b]));
      else order.sort((a, b) => binary(labels[a], labels[b]) || binary(values[a], values[b]));
      cols[key] = { codes, values, labels, order };
    });
    this.cols = cols;
  }

  /** Per list: a mask of the selected codes, or null when the list has no selection. */
  private selection(f: StudyFilters): (Uint8Array | null)[] {
    return KEYS.map((k) => {
      const wanted = f[k];
      if (!wanted || wanted.length === 0) return null;
      const col = this.cols[k];
      const mask = new Uint8Array(col.values.length);
      const set = new Set<string>(wanted);
      col.values.forEach((v, c) => {
        if (set.has(v)) mask[c] = 1;
      });
      return mask;
    });
  }

  /** Studies matching the free text (by position), or null when there is no text filter. */
  private textMask(text: string | undefined): Uint8Array | null {
    const q = ftsQuery(text);
    if (!q) return null;
    const mask = new Uint8Array(this.size);
    const ids = this.db.prepare('SELECT rowid FROM studies_fts WHERE studies_fts MATCH ?').pluck().all(q) as number[];
    for (const id of ids) {
      const p = id < this.posOfRowid.length ? this.posOfRowid[id] : -1;
      if (p >= 0) mask[p] = 1;
    }
    return mask;
  }

  /**
   * One pass: the number of matching studies, the rowids of matches [from, to) in list order, and
   * (when wanted) each list's option counts with that list's own selection left out.
   */
  private scan(f: StudyFilters, from: number, to: number, wantFacets: boolean): { count: number; page: number[]; counts: Int32Array[] | null } {
    const sel = this.selection(f);
    const text = this.textMask(f.text);
    const ill = f.illustrative === undefined ? -1 : f.illustrative ? 1 : 0;
    const illustrative = this.illustrative;
    const codes = KEYS.map((k) => this.cols[k].codes);
    const counts = wantFacets ? KEYS.map((k) => new Int32Array(this.cols[k].values.length)) : null;
    const active = sel.map((m, i) => (m ? i : -1)).filter((i) => i >= 0);
    const page: number[] = [];
    let count = 0;
    const n = this.size;
    const K = KEYS.length;
    for (let i = 0; i < n; i++) {
      if (text && text[i] === 0) continue;
      if (ill >= 0 && illustrative[i] !== ill) continue;
      let fails = 0;
      let failed = -1;
      for (let a = 0; a < active.length; a++) {
        const k = active[a];
        const c = codes[k][i];
        if (c < 0 || (sel[k] as Uint8Array)[c] === 0) {
          fails++;
          failed = k;
          if (fails > 1) break;
        }
      }
      if (fails === 0) {
        if (count >= from && count < to) page.push(this.rowids[i]);
        count++;
        if (counts) {
          for (let k = 0; k < K; k++) {
            const c = codes[k][i];
            if (c >= 0) counts[k][c]++;
          }
        }
      } else if (fails === 1 && counts) {
        const c = codes[failed][i];
        if (c >= 0) counts[failed][c]++;
      }
    }
    return { count, page, counts };
  }

  /** Same answer as queries.ts `studyFacets`; cached per filter set (the release never changes). */
  facets(f: StudyFilters): StudyFacets {
    const key = cacheKey(f);
    const hit = this.facetCache.get(key);
    if (hit) return hit;
    const { counts } = this.scan(f, 0, 0, true);
    const out = {} as StudyFacets;
    KEYS.forEach((k, ki) => {
      const col = this.cols[k];
      const list: FacetValue[] = [];
      for (const c of col.order) {
        const n = (counts as Int32Array[])[ki][c];
        if (n > 0) list.push({ value: col.values[c], label: col.labels[c], count: n });
      }
      out[FACET_OF[k]] = list;
    });
    if (this.facetCache.size >= 64) this.facetCache.delete(this.facetCache.keys().next().value as string);
    this.facetCache.set(key, out);
    return out;
  }

  /** Same answer as queries.ts `studies`: the count from the index; rows by rowid (or by SQL when sorted). */
  studies(args: PageArgs): StudyPage {
    const limit = args.limit ?? 50;
    const offset = args.offset ?? 0;
    if (args.sort) {
      const { count } = this.scan(args, 0, 0, false);
      const page = sqlStudies(this.db, args, { count, total: this.size });
      return page;
    }
    const { count, page } = this.scan(args, offset, offset + limit, false);
    return { total: this.size, count, rows: studyRowsByRowid(this.db, page) };
  }
}

function cacheKey(f: StudyFilters): string {
  return JSON.stringify([...KEYS.map((k) => [...(f[k] ?? [])].sort()), ftsQuery(f.text) ?? '', f.illustrative ?? null]);
}
