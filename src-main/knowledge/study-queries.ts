/**
 * Effect study queries over a knowledge database: the filtered, sorted list (a page of rows and
 * the counter), the option counts of the seven filter lists, the export and one study's detail.
 * The explorer asks these through the query worker (study-index.ts answers counts from memory).
 */
import { AppError } from '../../shared/errors';
import { STUDY_QUALITIES, type StudySortColumn } from '../../shared/knowledge/studies';
import type { FacetValue, StudyDetail, StudyFacets, StudyPage, StudyRow } from '../../shared/knowledge/types';
import { studyFields, type Row } from './rows';
import { all, ftsQuery, get, placeholders, wrapFts, type Db } from './sql';

export interface StudyFilters {
  themeIds?: string[];
  targetGroupIds?: string[];
  interventions?: string[];
  measures?: string[];
  designs?: string[];
  qualities?: string[];
  countries?: string[];
  text?: string;
  /** true: only example data; false: only Socialstyrelsen's figures. */
  illustrative?: boolean;
}

type FacetKey = 'themeIds' | 'targetGroupIds' | 'interventions' | 'measures' | 'designs' | 'qualities' | 'countries';
const FILTER_COLUMNS: Record<FacetKey, string> = {
  themeIds: 's.theme_id',
  targetGroupIds: 's.target_group_id',
  interventions: 's.intervention',
  measures: 's.measure',
  designs: 's.design',
  qualities: 's.quality',
  countries: 's.country',
};

function whereFor(f: StudyFilters, skip?: FacetKey): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const key of Object.keys(FILTER_COLUMNS) as FacetKey[]) {
    if (key === skip) continue;
    const values = f[key];
    if (!values || !values.length) continue;
    parts.push(`${FILTER_COLUMNS[key]} IN (${placeholders(values.length)})`);
    params.push(...values);
  }
  const q = ftsQuery(f.text);
  if (q) {
    parts.push('s.rowid IN (SELECT rowid FROM studies_fts WHERE studies_fts MATCH ?)');
    params.push(q);
  }
  if (f.illustrative !== undefined) {
    parts.push('s.illustrative = ?');
    params.push(f.illustrative ? 1 : 0);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** Sorts study qualities from low to high. */
const QUALITY_ORDER_SQL = `CASE s.quality ${STUDY_QUALITIES.map((q, i) => `WHEN '${q}' THEN ${i + 1}`).join(' ')} END`;

const SORT_SQL: Record<StudySortColumn, string> = {
  theme: 's.theme_id',
  targetGroup: 's.target_group_label',
  intervention: 's.intervention',
  measure: 's.measure',
  design: 's.design',
  quality: QUALITY_ORDER_SQL,
  country: 's.country',
  effectSize: 's.effect_size',
  nParticipants: 's.n_participants',
  significant: 's.significant',
  horizonMonths: 's.horizon_months',
  year: 's.year',
};

const STUDY_COLS = `s.id, s.theme_id, t.label AS theme_label, s.target_group_id, s.target_group_label, s.title, s.intervention,
  s.country, s.measure, s.design, s.quality, s.effect_size, s.significant, s.n_participants, s.n_control, s.horizon_months, s.year, s.source, s.illustrative`;

function studyRow(r: Row): StudyRow {
  return { ...studyFields(r), themeLabel: r.theme_label as string };
}

/** Rows of the given studies (by rowid), in rowid order. */
export function studyRowsByRowid(db: Db, rowids: readonly number[]): StudyRow[] {
  if (rowids.length === 0) return [];
  return all(
    db,
    `SELECT ${STUDY_COLS} FROM studies s JOIN themes t ON t.id = s.theme_id WHERE s.rowid IN (SELECT value FROM json_each(?)) ORDER BY s.rowid`,
    JSON.stringify(rowids),
  ).map(studyRow);
}

/** `known`: the count and total when the caller already has them (study-index.ts); then no COUNT runs. */
export function studies(
  db: Db,
  args: StudyFilters & { sort?: { column: StudySortColumn; dir: 'asc' | 'desc' }; offset?: number; limit?: number },
  known?: { count: number; total: number },
): StudyPage {
  return wrapFts(() => {
    const total = known ? known.total : (get(db, 'SELECT COUNT(*) AS n FROM studies') as { n: number }).n;
    const limit = args.limit ?? 50;
    const offset = args.offset ?? 0;
    const text = ftsQuery(args.text);
    const others = whereFor({ ...args, text: undefined });
    if (text && !others.sql) {
      // Text only: count in the FTS index alone; with the default order, page in the index (rowid order).
      const count = known ? known.count : (get(db, 'SELECT COUNT(*) AS n FROM studies_fts WHERE studies_fts MATCH ?', text) as { n: number }).n;
      const rows = args.sort
        ? all(
            db,
            `SELECT ${STUDY_COLS} FROM studies_fts f CROSS JOIN studies s ON s.rowid = f.rowid JOIN themes t ON t.id = s.theme_id
             WHERE studies_fts MATCH ? ORDER BY ${SORT_SQL[args.sort.column]} ${args.sort.dir === 'desc' ? 'DESC' : 'ASC'}, s.rowid LIMIT ? OFFSET ?`,
            text,
            limit,
            offset,
          )
        : all(
            db,
            `SELECT ${STUDY_COLS} FROM studies s JOIN themes t ON t.id = s.theme_id
             WHERE s.rowid IN (SELECT rowid FROM studies_fts WHERE studies_fts MATCH ? ORDER BY rowid LIMIT ? OFFSET ?) ORDER BY s.rowid`,
            text,
            limit,
            offset,
          );
      return { total, count, rows: rows.map(studyRow) };
    }
    // Text and other filters: drive the join from the (smaller) FTS match set.
    const from = text ? 'studies_fts f CROSS JOIN studies s ON s.rowid = f.rowid' : 'studies s';
    const where = text ? `WHERE studies_fts MATCH ?${others.sql ? ` AND ${others.sql.slice(6)}` : ''}` : others.sql;
    const params = text ? [text, ...others.params] : others.params;
    const count = known ? known.count : where ? (get(db, `SELECT COUNT(*) AS n FROM ${from} ${where}`, ...params) as { n: number }).n : total;
    const order = args.sort ? `${SORT_SQL[args.sort.column]} ${args.sort.dir === 'desc' ? 'DESC' : 'ASC'}, s.rowid` : 's.rowid';
    const rows = all(db, `SELECT ${STUDY_COLS} FROM ${from} JOIN themes t ON t.id = s.theme_id ${where} ORDER BY ${order} LIMIT ? OFFSET ?`, ...params, limit, offset).map(studyRow);
    return { total, count, rows };
  });
}

/** All matching studies (for export), in list order. */
export function allStudies(db: Db, f: StudyFilters): StudyRow[] {
  return wrapFts(() => {
    const w = whereFor(f);
    return all(db, `SELECT ${STUDY_COLS} FROM studies s JOIN themes t ON t.id = s.theme_id ${w.sql} ORDER BY s.rowid`, ...w.params).map(studyRow);
  });
}

export function studyFacets(db: Db, f: StudyFilters): StudyFacets {
  return wrapFts(() => {
    const facet = (key: FacetKey, labelSql: string, join = '', order = 'label'): FacetValue[] => {
      const w = whereFor(f, key);
      const col = FILTER_COLUMNS[key];
      return all(
        db,
        `SELECT ${col} AS value, ${labelSql} AS label, COUNT(*) AS n FROM studies s ${join} ${w.sql}${w.sql ? ' AND' : ' WHERE'} ${col} IS NOT NULL
         GROUP BY ${col} ORDER BY ${order}`,
        ...w.params,
      ).map((r) => ({ value: r.value as string, label: r.label as string, count: r.n as number }));
    };
    return {
      themes: facet('themeIds', 'MIN(t.label)', 'JOIN themes t ON t.id = s.theme_id', 'MIN(t.sort)'),
      targetGroups: facet('targetGroupIds', 'MIN(s.target_group_label)'),
      interventions: facet('interventions', 's.intervention'),
      measures: facet('measures', 's.measure'),
      designs: facet('designs', 's.design'),
      qualities: facet('qualities', 's.quality', '', QUALITY_ORDER_SQL),
      countries: facet('countries', 's.country'),
    };
  });
}

export function study(db: Db, id: string): StudyDetail {
  const r = get(db, `SELECT ${STUDY_COLS}, s.control_group FROM studies s JOIN themes t ON t.id = s.theme_id WHERE s.id = ?`, id);
  if (!r) throw new AppError('not-found', `Effektstudiet findes ikke: ${id}`);
  return { ...studyRow(r), controlGroup: r.control_group as string };
}
