/**
 * Read queries over a knowledge database: plain functions of a better-sqlite3 handle (statements
 * cached per handle, sql.ts). The effect study queries are in study-queries.ts, re-exported here.
 */
import { AppError } from '../../shared/errors';
import type { PriceIndexKind } from '../../shared/knowledge/price-index';
import type {
  CharacteristicsTable,
  Consequences,
  ConsequenceLine,
  Dimension,
  EstimateKind,
  LocalPrice,
  OtherKnowledge,
  PriceRow,
  SuccessMeasure,
  TargetGroup,
  Theme,
} from '../../shared/knowledge/types';
import { dimensionRow, projectionFromMeta, prov, targetGroupRow, type Row } from './rows';
import { all, bool, ftsQuery, get, placeholders, wrapFts, type Db } from './sql';

export { ftsQuery } from './sql';
export { allStudies, studies, study, studyFacets, studyRowsByRowid, type StudyFilters } from './study-queries';

export function themes(db: Db): Theme[] {
  return all(
    db,
    `SELECT t.id, t.label, (SELECT COUNT(*) FROM target_groups g WHERE g.theme_id = t.id) AS n FROM themes t ORDER BY t.sort`,
  ).map((r) => ({ id: r.id as string, label: r.label as string, targetGroupCount: r.n as number }));
}

export function targetGroups(db: Db, args: { themeIds?: string[]; text?: string }): TargetGroup[] {
  const chars = new Map<string, TargetGroup['characteristics']>();
  for (const c of all(db, 'SELECT * FROM characteristics ORDER BY sort')) {
    const list = chars.get(c.target_group_id as string) ?? [];
    list.push({ key: c.key as string, label: c.label as string, value: c.value as number, unit: c.unit as 'andel', ...prov(c) });
    chars.set(c.target_group_id as string, list);
  }
  const rows = all(
    db,
    `SELECT g.*, t.label AS theme_label,
       EXISTS (SELECT 1 FROM consequences c WHERE c.target_group_id = g.id) AS has_cons
     FROM target_groups g JOIN themes t ON t.id = g.theme_id
     ORDER BY t.sort, g.sort`,
  );
  const wanted = args.themeIds && args.themeIds.length ? new Set(args.themeIds) : null;
  const q = ftsQuery(args.text);
  const matching = q
    ? new Set(wrapFts(() => all(db, 'SELECT g.id FROM target_groups_fts f JOIN target_groups g ON g.rowid = f.rowid WHERE target_groups_fts MATCH ?', q)).map((r) => r.id as string))
    : null;
  return rows
    .filter((r) => !wanted || wanted.has(r.theme_id as string))
    .filter((r) => !matching || matching.has(r.id as string))
    .map((r) => ({
      ...targetGroupRow(r),
      themeLabel: r.theme_label as string,
      hasConsequences: bool(r.has_cons),
      characteristics: chars.get(r.id as string) ?? [],
    }));
}

export function characteristicsTable(db: Db, args: { targetGroupIds: string[] }): CharacteristicsTable {
  const groups = args.targetGroupIds.map((id) => {
    const g = get(db, 'SELECT id, label FROM target_groups WHERE id = ?', id);
    if (!g) throw new AppError('not-found', `Målgruppen findes ikke: ${id}`);
    return { id: g.id as string, label: g.label as string };
  });
  const rows: CharacteristicsTable['rows'] = [];
  const byKey = new Map<string, CharacteristicsTable['rows'][number]>();
  if (groups.length) {
    const list = all(
      db,
      `SELECT * FROM characteristics WHERE target_group_id IN (${placeholders(groups.length)}) ORDER BY sort`,
      ...groups.map((g) => g.id),
    );
    // Keys in a stable, readable order: the seeds' order first (sort), then new keys as they appear.
    for (const c of list) {
      let row = byKey.get(c.key as string);
      if (!row) {
        row = {
          key: c.key as string,
          label: c.label as string,
          unit: c.unit as 'andel',
          values: groups.map(() => null),
          sources: groups.map(() => null),
          illustrative: groups.map(() => null),
        };
        byKey.set(c.key as string, row);
        rows.push(row);
      }
      const i = groups.findIndex((g) => g.id === c.target_group_id);
      row.values[i] = c.value as number;
      row.sources[i] = c.source as string;
      row.illustrative[i] = c.illustrative === 1;
    }
  }
  return { targetGroups: groups, rows };
}

// ---------------------------------------------------------------------------
// Success measures, dimensions, consequences
// ---------------------------------------------------------------------------

function requireGroup(db: Db, id: string): Row {
  const g = get(db, 'SELECT * FROM target_groups WHERE id = ?', id);
  if (!g) throw new AppError('not-found', `Målgruppen findes ikke: ${id}`);
  return g;
}

export function successMeasures(db: Db, targetGroupId: string): SuccessMeasure[] {
  requireGroup(db, targetGroupId);
  return all(
    db,
    `SELECT m.*, (SELECT COUNT(*) FROM consequences c WHERE c.target_group_id = m.target_group_id AND c.success_measure_id = m.id) AS n
     FROM success_measures m WHERE m.target_group_id = ? ORDER BY m.sort`,
    targetGroupId,
  ).map((r) => ({
    id: r.id as string,
    targetGroupId: r.target_group_id as string,
    label: r.label as string,
    definition: r.definition as string,
    lineCount: r.n as number,
    ...prov(r),
  }));
}


export function dimensions(db: Db): Dimension[] {
  return all(db, 'SELECT * FROM dimensions ORDER BY sort').map(dimensionRow);
}

export function consequences(db: Db, targetGroupId: string, successMeasureId: string): Consequences {
  requireGroup(db, targetGroupId);
  const m = get(db, 'SELECT * FROM success_measures WHERE target_group_id = ? AND id = ?', targetGroupId, successMeasureId);
  if (!m) throw new AppError('not-found', `Succesmålet findes ikke for målgruppen: ${successMeasureId}`);
  const years = all(
    db,
    'SELECT * FROM consequence_years WHERE target_group_id = ? AND success_measure_id = ? ORDER BY dimension_id, year',
    targetGroupId,
    successMeasureId,
  );
  const byDim = new Map<string, Row[]>();
  for (const y of years) {
    const list = byDim.get(y.dimension_id as string) ?? [];
    list.push(y);
    byDim.set(y.dimension_id as string, list);
  }
  const rowOrNull = (ys: Row[], col: string) => {
    const v = ys.map((y) => (y[col] as number | null) ?? null);
    return v.some((x) => x !== null) ? v : null;
  };
  const lines: ConsequenceLine[] = all(
    db,
    `SELECT c.source AS c_source, c.illustrative AS c_illustrative, d.*
     FROM consequences c JOIN dimensions d ON d.id = c.dimension_id
     WHERE c.target_group_id = ? AND c.success_measure_id = ? ORDER BY d.sort`,
    targetGroupId,
    successMeasureId,
  ).map((r) => {
    const ys = byDim.get(r.id as string) ?? [];
    return {
      dimensionId: r.id as string,
      area: r.area as string,
      label: r.label as string,
      unit: r.unit as string,
      direction: r.direction as ConsequenceLine['direction'],
      taxableTransfer: bool(r.taxable_transfer),
      uncertainSocialService: bool(r.uncertain_social_service),
      values: ys.map((y) => (y.value as number | null) ?? null),
      kinds: ys.map((y) => (y.kind as EstimateKind | null) ?? null),
      successGroup: rowOrNull(ys, 'success_group'),
      others: rowOrNull(ys, 'others'),
      adjustment: rowOrNull(ys, 'adjustment'),
      source: r.c_source as string,
      illustrative: r.c_illustrative === 1,
    };
  });
  return { targetGroupId, successMeasureId, successMeasureLabel: m.label as string, lines };
}

// ---------------------------------------------------------------------------
// Prices and other knowledge
// ---------------------------------------------------------------------------

/** Local price lookup: exact (dimension, target group) first, then the dimension's all-groups price. */
export type LocalPriceLookup = (dimensionId: string, targetGroupId: string) => LocalPrice | null;

export function makeLocalLookup(list: LocalPrice[]): LocalPriceLookup {
  const map = new Map(list.map((p) => [`${p.dimensionId}\u0000${p.targetGroupId ?? ''}`, p]));
  return (dim, tg) => map.get(`${dim}\u0000${tg}`) ?? map.get(`${dim}\u0000`) ?? null;
}

export function prices(
  db: Db,
  f: { targetGroupIds?: string[]; areas?: string[]; dimensions?: string[] },
  local: LocalPriceLookup = () => null,
): PriceRow[] {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.targetGroupIds?.length) {
    parts.push(`p.target_group_id IN (${placeholders(f.targetGroupIds.length)})`);
    params.push(...f.targetGroupIds);
  }
  if (f.areas?.length) {
    parts.push(`d.area IN (${placeholders(f.areas.length)})`);
    params.push(...f.areas);
  }
  if (f.dimensions?.length) {
    parts.push(`p.dimension_id IN (${placeholders(f.dimensions.length)})`);
    params.push(...f.dimensions);
  }
  return all(
    db,
    `SELECT p.*, g.label AS tg_label, d.area, d.label AS d_label, d.price_unit
     FROM prices p JOIN target_groups g ON g.id = p.target_group_id JOIN dimensions d ON d.id = p.dimension_id
     ${parts.length ? `WHERE ${parts.join(' AND ')}` : ''} ORDER BY g.sort, d.sort`,
    ...params,
  ).map((r) => ({
    targetGroupId: r.target_group_id as string,
    targetGroupLabel: r.tg_label as string,
    dimensionId: r.dimension_id as string,
    area: r.area as string,
    label: r.d_label as string,
    priceUnit: r.price_unit as string,
    total: r.total as number,
    kommune: r.kommune as number,
    region: r.region as number,
    stat: r.stat as number,
    priceYear: r.price_year as number,
    local: local(r.dimension_id as string, r.target_group_id as string),
    ...prov(r),
  }));
}

export function other(db: Db): OtherKnowledge {
  const meta = new Map(all(db, 'SELECT key, value FROM meta').map((r) => [r.key as string, r.value as string]));
  const idx = all(db, 'SELECT year, value, published_change, kind FROM price_index ORDER BY year') as {
    year: number;
    value: number;
    published_change: number | null;
    kind: PriceIndexKind | null;
  }[];
  return {
    facts: all(db, 'SELECT key, label, value, source FROM facts ORDER BY sort').map((f) => ({ key: f.key as string, label: f.label as string, value: f.value as string, source: f.source as string })),
    priceIndex: {
      basisYear: Number(meta.get('price_index_basis_year')),
      rows: idx.map((r, i) => ({
        year: r.year,
        value: r.value,
        change: i > 0 ? r.value / idx[i - 1].value - 1 : null,
        publishedChange: r.published_change,
        kind: r.kind,
      })),
      source: meta.get('price_index_source') ?? '',
      note: meta.get('price_index_note') ?? '',
      projection: projectionFromMeta(meta).projection ?? null,
    },
    discountRate: { value: Number(meta.get('discount_rate')), source: meta.get('discount_rate_source') ?? '' },
    taxRates: {
      kommune: Number(meta.get('tax_kommune')),
      region: Number(meta.get('tax_region')),
      stat: Number(meta.get('tax_stat')),
      source: meta.get('tax_source') ?? '',
    },
  };
}
