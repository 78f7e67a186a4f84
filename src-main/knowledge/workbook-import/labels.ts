/**
 * Matching the workbook's labels to the release's target groups, themes, success measures and
 * dimensions (normalised, with the seeds' spellings and known synonyms), and adding what matches
 * nothing under the workbook's own name. Keys are computed once per label (a large workbook
 * repeats the same few hundred labels thousands of times).
 */
import type { DimensionSrc, KnowledgeData, TargetGroupSrc, ThemeSrc } from '../../../shared/knowledge/types';
import { looseKey, slugify } from './cells';

export const OTHER_THEME = { id: 'andre-maalgrupper', label: 'Andre målgrupper' };

/** Hoveddimension names of the workbook → the release's area names (both normalised with looseKey). */
const AREA_SYNONYMS: Record<string, string> = {
  beskæftigelsesindsats: 'uddannelse og beskæftigelse',
  sundhedsydelse: 'sundhedsydelser',
  efterværn: 'efterværn',
  'sociale foranstaltninger til børn og unge unde': 'sociale foranstaltninger til børn og unge under 18',
};

/** Underdimension synonyms, per area (looseKey). */
const DIMENSION_SYNONYMS: { area: string | null; from: string; to: string }[] = [
  { area: 'skat af indkomst', from: 'beskæftigelse', to: 'fra beskæftigelse' },
  { area: 'skat af indkomst', from: 'overførselsindkomster', to: 'fra overførselsindkomster' },
  { area: 'skat af indkomst', from: 'overførselsindkomst', to: 'fra overførselsindkomster' },
  { area: 'indkomstoverførsler', from: 'færdighedshjælp', to: 'førtidspension' },
];

/** Abbreviations of the workbook's screens, expanded word by word before matching. */
const word = (w: string) => new RegExp(`(?<![\\p{L}\\d])${w}(?![\\p{L}\\d])`, 'gu');
const WORDS: [RegExp, string][] = [
  [word('soc pæd'), 'socialpædagogisk'],
  [word('besk'), 'beskæftigelse'],
  [word('botilbudslign'), 'botilbudslignende'],
  [word('ambulans'), 'ambulant'],
  [word('forbedrende'), 'forberedende'],
];

function computeLabelKey(s: string): string {
  let k = looseKey(s.replace(/(\.\.\.|…)\s*$/, ''));
  for (const [re, to] of WORDS) k = k.replace(re, to);
  return k;
}

const MAX_CACHED_KEYS = 200_000;
const keyCache = new Map<string, string>();

/** The matching key of a label (memoised; the cache is bounded). */
export function labelKey(s: string): string {
  let k = keyCache.get(s);
  if (k === undefined) {
    if (keyCache.size >= MAX_CACHED_KEYS) keyCache.clear();
    k = computeLabelKey(s);
    keyCache.set(s, k);
  }
  return k;
}

/** Keys of one dimension, computed once. */
interface DimKeys {
  area: string;
  label: string;
  /** The label without a trailing "(<area>)". */
  stripped: string;
}

export class Labels {
  readonly data: KnowledgeData;
  readonly newGroups: string[] = [];
  readonly newMeasures: string[] = [];
  readonly newDimensions: string[] = [];
  private readonly groups = new Map<string, TargetGroupSrc>();
  private readonly themes = new Map<string, ThemeSrc>();
  private readonly measures = new Map<string, string>();
  private readonly ids = new Set<string>();

  constructor(data: KnowledgeData) {
    this.data = data;
    for (const g of data.targetGroups) this.groups.set(labelKey(g.label), g);
    for (const t of data.themes) this.themes.set(labelKey(t.label), t);
    for (const m of data.successMeasures) this.measures.set(`${m.targetGroupId}\u0000${labelKey(m.label)}`, m.id);
    for (const g of data.targetGroups) this.ids.add(`g:${g.id}`);
    for (const d of data.dimensions) this.ids.add(`d:${d.id}`);
    for (const t of data.themes) this.ids.add(`t:${t.id}`);
  }

  private uniqueId(kind: string, base: string): string {
    let id = slugify(base);
    for (let i = 2; this.ids.has(`${kind}:${id}`); i++) id = `${slugify(base, 55)}-${i}`;
    this.ids.add(`${kind}:${id}`);
    return id;
  }

  theme(label: string | null, source: string): string {
    if (label) {
      const t = this.themes.get(labelKey(label));
      if (t) return t.id;
      const nt: ThemeSrc = { id: this.uniqueId('t', label), label, source, illustrative: false };
      this.data.themes.push(nt);
      this.themes.set(labelKey(label), nt);
      return nt.id;
    }
    const other = this.themes.get(labelKey(OTHER_THEME.label));
    if (other) return other.id;
    const nt: ThemeSrc = { id: OTHER_THEME.id, label: OTHER_THEME.label, source: 'Målgrupper indlæst fra et regneark uden tema', illustrative: false };
    this.ids.add(`t:${nt.id}`);
    this.data.themes.push(nt);
    this.themes.set(labelKey(nt.label), nt);
    return nt.id;
  }

  findGroup(label: string): TargetGroupSrc | undefined {
    return this.groups.get(labelKey(label));
  }

  group(label: string, source: string, opts: { theme?: string | null; literatureOnly?: boolean } = {}): TargetGroupSrc {
    const found = this.findGroup(label);
    if (found) {
      if (!opts.literatureOnly && found.literatureOnly && this.newGroups.includes(found.label)) found.literatureOnly = false;
      return found;
    }
    const ages = /(\d{1,3})\s*[-–]\s*(\d{1,3})\s*år/.exec(label);
    const g: TargetGroupSrc = {
      id: this.uniqueId('g', label),
      themeId: this.theme(opts.theme ?? null, source),
      label,
      group: label.split(/[:(]/)[0].trim() || label,
      subgroup: null,
      ageMin: ages ? Math.min(120, Number(ages[1])) : null,
      ageMax: ages ? Math.min(120, Number(ages[2])) : null,
      delimitation: null,
      literatureOnly: opts.literatureOnly ?? false,
      source,
      illustrative: false,
    };
    if (g.ageMin !== null && g.ageMax !== null && g.ageMin > g.ageMax) g.ageMin = g.ageMax = null;
    this.data.targetGroups.push(g);
    this.groups.set(labelKey(label), g);
    this.newGroups.push(label);
    return g;
  }

  measure(group: TargetGroupSrc, label: string, source: string): string {
    const k = `${group.id}\u0000${labelKey(label)}`;
    const found = this.measures.get(k);
    if (found) return found;
    let id = slugify(label);
    const taken = new Set(this.data.successMeasures.filter((m) => m.targetGroupId === group.id).map((m) => m.id));
    for (let i = 2; taken.has(id); i++) id = `${slugify(label, 55)}-${i}`;
    this.data.successMeasures.push({ id, targetGroupId: group.id, label, definition: '', source, illustrative: false });
    this.measures.set(k, id);
    this.newMeasures.push(`${label} (${group.label})`);
    return id;
  }

  private readonly dimKeys = new Map<DimensionSrc, DimKeys>();

  private keys(d: DimensionSrc): DimKeys {
    let k = this.dimKeys.get(d);
    if (!k) {
      const area = labelKey(d.area);
      const suffix = `(${d.area.toLowerCase()})`;
      const lower = d.label.toLowerCase().trimEnd();
      const stripped = lower.endsWith(suffix) ? d.label.trimEnd().slice(0, d.label.trimEnd().length - suffix.length) : d.label;
      k = { area, label: labelKey(d.label), stripped: labelKey(stripped.trimEnd()) };
      this.dimKeys.set(d, k);
    }
    return k;
  }

  private areaName(area: string | null): { key: string | null; name: string | null } {
    if (!area) return { key: null, name: null };
    let k = labelKey(area);
    k = AREA_SYNONYMS[k] ?? k;
    const existing = this.data.dimensions.find((d) => this.keys(d).area === k);
    if (existing) return { key: k, name: existing.area };
    const prefix = this.data.dimensions.filter((d) => this.keys(d).area.startsWith(k));
    if (k.length >= 8 && prefix.length && prefix.every((d) => d.area === prefix[0].area)) return { key: this.keys(prefix[0]).area, name: prefix[0].area };
    return { key: k, name: area };
  }

  /** The dimension of an (area, underdimension) pair; created when nothing matches. */
  dimension(areaText: string | null, label: string, unit: string | null, priceUnit: string | null, source: string): DimensionSrc {
    const area = this.areaName(areaText);
    let key = labelKey(label);
    for (const s of DIMENSION_SYNONYMS) if (s.from === key && (s.area === null || s.area === area.key || area.key === null)) key = s.to;
    const inArea = (d: DimensionSrc) => area.key === null || this.keys(d).area === area.key;
    const dims = this.data.dimensions;
    const pick = (list: DimensionSrc[]) => (list.length === 1 ? list[0] : list.length > 1 && area.key === null ? list[0] : undefined);
    let d =
      pick(dims.filter((x) => inArea(x) && this.keys(x).label === key)) ??
      pick(dims.filter((x) => inArea(x) && this.keys(x).stripped === key)) ??
      (key.length >= 6 ? pick(dims.filter((x) => inArea(x) && this.keys(x).label.startsWith(key))) : undefined);
    if (d && area.key === null) {
      // Without a hoveddimension an exact label in one area wins over the same name under Efterværn.
      const exact = dims.filter((x) => this.keys(x).label === key);
      if (exact.length) d = exact[0];
    }
    if (d) return d;
    const areaName = area.name ?? 'Andre konsekvenser';
    const sameArea = dims.filter((x) => x.area === areaName);
    const revenue = sameArea.length > 0 && sameArea.filter((x) => x.direction === 'revenue').length > sameArea.length / 2;
    const pu = priceUnit ?? (unit ? `Kr. pr. ${unit.toLowerCase()}` : 'Kr. pr. enhed');
    const u = unit ?? (priceUnit ? priceUnit.replace(/^kr\.?\s*pr\.?\s*/i, '') || priceUnit : 'enheder');
    const nd: DimensionSrc = {
      id: this.uniqueId('d', label),
      area: areaName,
      label,
      unit: u.slice(0, 50),
      priceUnit: pu.slice(0, 50),
      direction: revenue ? 'revenue' : 'expense',
      taxableTransfer: false,
      adultsOnly: false,
      childrenOnly: false,
      uncertainSocialService: labelKey(areaName) === 'sociale serviceydelser',
      derived: false,
      source,
      illustrative: false,
    };
    dims.push(nd);
    this.newDimensions.push(`${label} (${areaName})`);
    return nd;
  }
}
