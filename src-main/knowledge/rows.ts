/**
 * SQLite rows of knowledge.sqlite → the camelCase objects of shared/knowledge/types.ts. One mapping
 * per table, used both by the query layer (queries.ts) and by reading a release back (build.ts).
 */
import type { DimensionSrc, StudySrc, TargetGroupSrc } from '../../shared/knowledge/types';

export type Row = Record<string, unknown>;

export const prov = (r: Row) => ({ source: r.source as string, illustrative: r.illustrative === 1 });

export function targetGroupRow(r: Row): TargetGroupSrc {
  return {
    id: r.id as string,
    themeId: r.theme_id as string,
    label: r.label as string,
    group: r.grp as string,
    subgroup: r.subgroup as string | null,
    ageMin: r.age_min as number | null,
    ageMax: r.age_max as number | null,
    delimitation: r.delimitation as string | null,
    literatureOnly: r.literature_only === 1,
    ...prov(r),
  };
}

export function dimensionRow(r: Row): DimensionSrc {
  return {
    id: r.id as string,
    area: r.area as string,
    label: r.label as string,
    unit: r.unit as string,
    priceUnit: r.price_unit as string,
    direction: r.direction as DimensionSrc['direction'],
    taxableTransfer: r.taxable_transfer === 1,
    adultsOnly: r.adults_only === 1,
    childrenOnly: r.children_only === 1,
    uncertainSocialService: r.uncertain_social_service === 1,
    derived: r.derived === 1,
    ...prov(r),
  };
}

/** The columns every study view has (the list adds the theme label, the release adds the control group). */
export function studyFields(r: Row): Omit<StudySrc, 'controlGroup'> {
  return {
    id: r.id as string,
    themeId: r.theme_id as string,
    targetGroupId: r.target_group_id as string | null,
    targetGroupLabel: r.target_group_label as string,
    title: r.title as string,
    intervention: r.intervention as string,
    country: r.country as string,
    measure: r.measure as string,
    design: r.design as string,
    quality: r.quality as StudySrc['quality'],
    effectSize: r.effect_size as number | null,
    significant: r.significant === null ? null : r.significant === 1,
    nParticipants: r.n_participants as number | null,
    nControl: r.n_control as number | null,
    horizonMonths: r.horizon_months as number | null,
    year: r.year as number | null,
    ...prov(r),
  };
}

/** The price index's projection as the meta table stores it (absent in releases without one). */
export function projectionFromMeta(meta: Map<string, string>): { projection?: { rate: number; source: string } } {
  const rate = meta.get('price_index_projection_rate');
  return rate === undefined ? {} : { projection: { rate: Number(rate), source: meta.get('price_index_projection_source') ?? '' } };
}
