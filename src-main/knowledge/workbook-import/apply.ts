/**
 * Turns what the recogniser read into a new release: the active release's data with every row the
 * workbook gives replacing the row it matches (illustrative = false, source "<file>, ark '<sheet>',
 * række <n>"), labels matched to target groups, success measures and dimensions (normalised, with
 * the seeds' spellings and known synonyms), and what matches nothing added under the workbook's
 * name. Rows the workbook does not give keep their values and flags. Pure: no I/O.
 */
import type { PriceIndexKind } from '../../../shared/knowledge/price-index';
import { createHash } from 'node:crypto';
import type { DimensionSrc, KnowledgeData, PriceSrc, StudySrc, TargetGroupSrc, ThemeSrc } from '../../../shared/knowledge/types';
import type { WorkbookImportCounts, WorkbookImportSummary } from '../../../shared/knowledge/types';
import { MAX_MEASURED_YEARS } from '../../../shared/knowledge/schema';
import { looseKey, slugify } from './cells';
import type { ConsIn, ConsRowType, Recognised } from './recognise';

export const OTHER_THEME = { id: 'andre-maalgrupper', label: 'Andre målgrupper' };
const MAX_WARNINGS = 30;

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

function labelKey(s: string): string {
  let k = looseKey(s.replace(/(\.\.\.|…)\s*$/, ''));
  for (const [re, to] of WORDS) k = k.replace(re, to);
  return k;
}

const sourceOf = (file: string, sheet: string, row: number) => `${file}, ark '${sheet}', række ${row}`;

function counts(): WorkbookImportCounts {
  return { prices: 0, consequenceRows: 0, studies: 0, characteristics: 0, priceIndexYears: 0, discountRate: false, taxRates: false };
}

class Labels {
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

  private areaName(area: string | null): { key: string | null; name: string | null } {
    if (!area) return { key: null, name: null };
    let k = labelKey(area);
    k = AREA_SYNONYMS[k] ?? k;
    const existing = this.data.dimensions.find((d) => labelKey(d.area) === k);
    if (existing) return { key: k, name: existing.area };
    const prefix = this.data.dimensions.filter((d) => labelKey(d.area).startsWith(k));
    if (k.length >= 8 && prefix.length && prefix.every((d) => d.area === prefix[0].area)) return { key: labelKey(prefix[0].area), name: prefix[0].area };
    return { key: k, name: area };
  }

  /** The dimension of an (area, underdimension) pair; created when nothing matches. */
  dimension(areaText: string | null, label: string, unit: string | null, priceUnit: string | null, source: string): DimensionSrc {
    const area = this.areaName(areaText);
    let key = labelKey(label);
    for (const s of DIMENSION_SYNONYMS) if (s.from === key && (s.area === null || s.area === area.key || area.key === null)) key = s.to;
    const inArea = (d: DimensionSrc) => area.key === null || labelKey(d.area) === area.key;
    const strip = (d: DimensionSrc) => labelKey(d.label.replace(new RegExp(`\\s*\\(${d.area}\\)\\s*$`, 'i'), ''));
    const dims = this.data.dimensions;
    const pick = (list: DimensionSrc[]) => (list.length === 1 ? list[0] : list.length > 1 && area.key === null ? list[0] : undefined);
    let d =
      pick(dims.filter((x) => inArea(x) && labelKey(x.label) === key)) ??
      pick(dims.filter((x) => inArea(x) && strip(x) === key)) ??
      (key.length >= 6 ? pick(dims.filter((x) => inArea(x) && labelKey(x.label).startsWith(key))) : undefined);
    if (d && area.key === null) {
      // Without a hoveddimension an exact label in one area wins over the same name under Efterværn.
      const exact = dims.filter((x) => labelKey(x.label) === key);
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

class Warnings {
  readonly list: string[] = [];
  private extra = 0;
  add(s: string) {
    if (this.list.length < MAX_WARNINGS) this.list.push(s);
    else this.extra++;
  }
  done(): string[] {
    return this.extra ? [...this.list, `… og ${this.extra} bemærkninger mere.`] : this.list;
  }
}

export interface ApplyOptions {
  fileName: string;
  /** Release date (YYYY-MM-DD) of the new release. */
  date: string;
  /** Hash of the imported file, for a release id that differs per file. */
  fileHash: string;
}

export interface ApplyResult {
  data: KnowledgeData;
  summary: WorkbookImportSummary;
}

/** Builds the new release data (a copy of `base`) and the summary of what was found and replaced. */
export function applyRecognised(base: KnowledgeData, rec: Recognised, opts: ApplyOptions): ApplyResult {
  const data: KnowledgeData = structuredClone(base);
  const L = new Labels(data);
  const found = counts();
  const replaced = counts();
  const warn = new Warnings();
  for (const w of rec.warnings) warn.add(w);
  const skipped = [...rec.skipped];
  let skippedCount = rec.skippedCount;
  const skip = (sheet: string, row: number, column: string, why: string) => {
    skippedCount++;
    if (skipped.length < 20) skipped.push({ sheet, row, column, why });
  };
  const src = (sheet: string, row: number) => sourceOf(opts.fileName, sheet, row);

  // Prices.
  const priceIdx = new Map(data.prices.map((p, i) => [`${p.targetGroupId}\u0000${p.dimensionId}`, i]));
  const basePrices = new Set(priceIdx.keys());
  for (const p of rec.prices) {
    const source = src(p.sheet, p.row);
    const g = L.group(p.targetGroup, source);
    const d = L.dimension(p.area, p.label, null, p.unit, source);
    if (d.derived) {
      skip(p.sheet, p.row, 'Underdimension', `${d.label} beregnes af modellen og har ingen pris`);
      continue;
    }
    found.prices++;
    const key = `${g.id}\u0000${d.id}`;
    const at = priceIdx.get(key);
    const row: PriceSrc = {
      targetGroupId: g.id,
      dimensionId: d.id,
      kommune: p.kommune,
      region: p.region,
      stat: p.stat,
      priceYear: p.priceYear ?? (at !== undefined ? data.prices[at].priceYear : data.other.priceIndex.basisYear),
      source,
      illustrative: false,
    };
    if (at !== undefined) {
      if (basePrices.has(key)) {
        replaced.prices++;
        basePrices.delete(key);
      } else warn.add(`Prisen for ${g.label} / ${d.label} står flere gange; rækken i arket '${p.sheet}', række ${p.row}, bruges.`);
      data.prices[at] = row;
    } else {
      priceIdx.set(key, data.prices.length);
      data.prices.push(row);
    }
  }

  // Consequences: the rows of one line (target group × success measure × dimension) together.
  const lines = new Map<string, { rows: ConsIn[]; g: TargetGroupSrc; sm: string; d: DimensionSrc }>();
  for (const c of rec.consequences) {
    const source = src(c.sheet, c.row);
    const g = L.group(c.targetGroup, source);
    const sm = L.measure(g, c.successMeasure, source);
    const d = L.dimension(c.area, c.label, c.unit, null, source);
    if (d.derived) {
      skip(c.sheet, c.row, 'Konsekvens', `${d.label} beregnes af modellen og har ingen estimater`);
      continue;
    }
    const key = `${g.id}\u0000${sm}\u0000${d.id}`;
    const e = lines.get(key) ?? { rows: [], g, sm, d };
    e.rows.push(c);
    lines.set(key, e);
  }
  const consIdx = new Map(data.consequences.map((c, i) => [`${c.targetGroupId}\u0000${c.successMeasureId}\u0000${c.dimensionId}`, i]));
  let lateYears = 0;
  for (const [key, e] of lines) {
    const merged: Partial<Record<ConsRowType, (number | null)[]>> = {};
    let first: ConsIn | null = null;
    for (const r of e.rows) {
      const target = (merged[r.type] ??= Array.from({ length: 20 }, () => null));
      r.years.forEach((v, i) => {
        if (v !== null) target[i] = v;
      });
      if (r.type === 'effect' && (!first || first.type !== 'effect')) first = r;
      else first ??= r;
    }
    const at = consIdx.get(key);
    const existing = at !== undefined ? data.consequences[at] : undefined;
    const f = first as ConsIn;
    const effect = merged.effect;
    let measured: (number | null)[] | null = null;
    if (effect) {
      let last = -1;
      effect.forEach((v, i) => {
        if (v !== null && i < MAX_MEASURED_YEARS) last = i;
        if (v !== null && i >= MAX_MEASURED_YEARS) lateYears++;
      });
      if (last < 0) {
        for (const r of e.rows) skip(r.sheet, r.row, 'År 1', `ingen målte år (År 1–${MAX_MEASURED_YEARS})`);
        continue;
      }
      measured = effect.slice(0, last + 1);
    } else if (!existing) {
      for (const r of e.rows) skip(r.sheet, r.row, 'Type', 'konsekvensen har ingen række med effekten, og den findes ikke i forvejen');
      continue;
    }
    found.consequenceRows += e.rows.length;
    if (existing) replaced.consequenceRows += e.rows.length;
    const trim = (row: (number | null)[] | undefined) => {
      if (!row) return undefined;
      let n = row.length;
      while (n > 0 && row[n - 1] === null) n--;
      return n ? row.slice(0, n) : undefined;
    };
    const line = {
      ...(existing ?? {}),
      targetGroupId: e.g.id,
      successMeasureId: e.sm,
      dimensionId: e.d.id,
      measured: measured ?? existing?.measured ?? [],
      source: src(f.sheet, f.row),
      illustrative: false,
    } as KnowledgeData['consequences'][number];
    for (const [type, field] of [['successGroup', 'successGroup'], ['others', 'others'], ['adjustment', 'adjustment']] as const) {
      const row = trim(merged[type]);
      if (row) line[field] = row;
    }
    if (at !== undefined) data.consequences[at] = line;
    else {
      consIdx.set(key, data.consequences.length);
      data.consequences.push(line);
    }
  }
  if (lateYears) warn.add(`${lateYears} værdi(er) efter År ${MAX_MEASURED_YEARS} er ikke brugt: årene efter det sidste målte år beregnes som fremskrivning.`);

  // Characteristics.
  const charIdx = new Map(data.characteristics.map((c, i) => [`${c.targetGroupId}\u0000${c.key}`, i]));
  const charByLabel = new Map<string, { key: string; unit: 'andel' | 'år' | 'antal'; label: string }>();
  for (const c of data.characteristics) charByLabel.set(labelKey(c.label), { key: c.key, unit: c.unit, label: c.label });
  const baseChars = new Set(charIdx.keys());
  for (const c of rec.characteristics) {
    const source = src(c.sheet, c.row);
    const g = L.group(c.targetGroup, source);
    const k = labelKey(c.label);
    const known = charByLabel.get(k);
    const unit = known?.unit ?? (c.percent || k.startsWith('andel') ? 'andel' : k.includes('alder') ? 'år' : 'antal');
    const key = known?.key ?? slugify(c.label);
    if (!known) charByLabel.set(k, { key, unit, label: c.label });
    let value = c.value;
    if (unit === 'andel' && !c.percent && value > 1) value = value / 100;
    if (unit === 'andel' && value > 1) {
      skip(c.sheet, c.row, g.label, 'en andel skal ligge mellem 0 og 100 %');
      continue;
    }
    found.characteristics++;
    const row = { targetGroupId: g.id, key, label: known?.label ?? c.label, value, unit, source, illustrative: false };
    const idKey = `${g.id}\u0000${key}`;
    const at = charIdx.get(idKey);
    if (at !== undefined) {
      if (baseChars.delete(idKey)) replaced.characteristics++;
      data.characteristics[at] = row;
    } else {
      charIdx.set(idKey, data.characteristics.length);
      data.characteristics.push(row);
    }
  }

  // Effect studies.
  const studyKey = (s: { targetGroupLabel: string; intervention: string; measure: string; title: string | null; country: string | null; year: number | null }) =>
    [s.targetGroupLabel, s.intervention, s.measure, s.title ?? '', s.country ?? '', s.year ?? ''].map((x) => labelKey(String(x))).join('\u0000');
  const studyIdx = new Map<string, number>();
  data.studies.forEach((s, i) => studyIdx.set(studyKey(s), i));
  const baseStudies = new Set(studyIdx.keys());
  const studyIds = new Set(data.studies.map((s) => s.id));
  for (const s of rec.studies) {
    const source = src(s.sheet, s.row);
    const existingGroup = L.findGroup(s.targetGroup);
    const g = existingGroup ?? L.group(s.targetGroup, source, { theme: s.theme, literatureOnly: true });
    const themeId = s.theme ? L.theme(s.theme, source) : g.themeId;
    const title = s.title ?? s.reference ?? `${s.intervention}`;
    const keyObj = { targetGroupLabel: s.targetGroup, intervention: s.intervention, measure: s.measure, title, country: s.country ?? 'Ikke angivet', year: s.year };
    const key = studyKey(keyObj);
    const at = studyIdx.get(key);
    let id = at !== undefined ? data.studies[at].id : `som-${createHash('sha1').update(key).digest('hex').slice(0, 12)}`;
    for (let i = 2; at === undefined && studyIds.has(id); i++) id = `som-${createHash('sha1').update(`${key}\u0000${i}`).digest('hex').slice(0, 12)}`;
    const row: StudySrc = {
      id,
      themeId,
      targetGroupId: g.id,
      targetGroupLabel: s.targetGroup.slice(0, 300),
      title: title.slice(0, 1000),
      intervention: s.intervention.slice(0, 500),
      country: (s.country ?? 'Ikke angivet').slice(0, 100),
      measure: s.measure.slice(0, 500),
      design: (s.design ?? 'Ikke angivet').slice(0, 200),
      controlGroup: (s.controlGroup ?? '').slice(0, 500),
      nParticipants: s.nParticipants !== null && s.nParticipants >= 0 ? s.nParticipants : null,
      nControl: s.nControl !== null && s.nControl >= 0 ? s.nControl : null,
      effectSize: s.effectSize,
      significant: s.significant,
      horizonMonths: s.horizonMonths !== null && s.horizonMonths <= 600 ? s.horizonMonths : null,
      quality: s.quality ?? 'Lav',
      year: s.year,
      source: s.quality ? source : `${source} (kvalitet ikke angivet: vist som Lav)`,
      illustrative: false,
    };
    found.studies++;
    if (at !== undefined) {
      if (baseStudies.delete(key)) replaced.studies++;
      data.studies[at] = row;
    } else {
      studyIds.add(id);
      studyIdx.set(key, data.studies.length);
      data.studies.push(row);
    }
  }

  // Price index: the workbook's years replace the release's; the years around them continue from
  // the workbook's first and last value with the release's own yearly changes (no jump).
  if (rec.priceIndex) {
    const pi = rec.priceIndex;
    const old = new Map(data.other.priceIndex.values.map((v) => [v.year, v]));
    const given = new Map(pi.values.map((v) => [v.year, v]));
    const years = pi.values.map((v) => v.year);
    const firstY = Math.min(...years);
    const lastY = Math.max(...years);
    found.priceIndexYears = pi.values.length;
    replaced.priceIndexYears = pi.values.filter((v) => old.has(v.year)).length;
    const out = new Map<number, { year: number; value: number; publishedChange?: number | null; kind?: PriceIndexKind | null }>();
    for (const v of pi.values) out.set(v.year, { year: v.year, value: v.value, ...(v.publishedChange !== null ? { publishedChange: v.publishedChange } : {}) });
    // Years outside the workbook's range keep the release's own yearly changes, scaled to meet the
    // workbook's first and last value; without an overlapping year they are kept as they are.
    const firstOld = old.get(firstY);
    const lastOld = old.get(lastY);
    const before = firstOld ? (given.get(firstY) as { value: number }).value / firstOld.value : 1;
    const after = lastOld ? (given.get(lastY) as { value: number }).value / lastOld.value : 1;
    // With a projection rate in the release, the years after the workbook's last year continue from
    // its last value at that rate and are tagged projected.
    const projection = data.other.priceIndex.projection ?? null;
    const lastGiven = (given.get(lastY) as { value: number }).value;
    for (const v of old.values()) {
      if (v.year >= firstY && v.year <= lastY) continue;
      if (v.year > lastY && projection) {
        out.set(v.year, { year: v.year, value: lastGiven * Math.pow(1 + projection.rate, v.year - lastY), publishedChange: projection.rate, kind: 'projected' });
        continue;
      }
      const f = v.year < firstY ? before : after;
      out.set(v.year, { year: v.year, value: v.value * f, ...(v.publishedChange != null ? { publishedChange: v.publishedChange } : {}), ...(v.kind ? { kind: v.kind } : {}) });
    }
    let basis = pi.basisYear ?? pi.values.find((v) => Math.abs(v.value - 1) < 1e-9)?.year ?? data.other.priceIndex.basisYear;
    if (!out.has(basis)) {
      warn.add(`Prisindeksets basisår ${basis} findes ikke i indekset; basisåret ${data.other.priceIndex.basisYear} beholdes.`);
      basis = data.other.priceIndex.basisYear;
    }
    const values = [...out.values()].sort((a, b) => a.year - b.year);
    const kept = values.filter((v) => !given.has(v.year)).map((v) => v.year);
    data.other.priceIndex = {
      basisYear: basis,
      values,
      source: `${src(pi.sheet, pi.row)} (${firstY}–${lastY})${kept.length ? `; øvrige år videreført fra udgivelsen ${base.release.id}${projection ? `, efter ${lastY} fremskrevet med ${(projection.rate * 100).toFixed(1).replace('.', ',')} % om året` : ' med dens årlige ændring'}` : ''}`,
      note: data.other.priceIndex.note,
      ...(projection ? { projection } : {}),
    };
    if (!out.has(data.other.priceIndex.basisYear)) warn.add('Prisindekset mangler basisåret.');
  }
  if (rec.discountRate) {
    found.discountRate = true;
    replaced.discountRate = true;
    data.other.discountRate = { value: rec.discountRate.value, source: src(rec.discountRate.sheet, rec.discountRate.row) };
  }
  if (rec.taxRates) {
    found.taxRates = true;
    replaced.taxRates = true;
    const t = rec.taxRates;
    data.other.taxRates = { stat: t.stat, region: t.region, kommune: t.kommune, source: src(t.sheet, t.row) };
  }

  const fingerprint = createHash('sha256').update(`${base.release.id}\u0000${opts.fileHash}`).digest('hex').slice(0, 8);
  data.release = {
    id: `som-regneark-${opts.date.replaceAll('-', '')}-${fingerprint}`,
    date: opts.date,
    description: `Tal fra ${opts.fileName} indlæst ${opts.date} oven på udgivelsen ${base.release.id}.`.slice(0, 2000),
  };

  const summary: WorkbookImportSummary = {
    fileName: opts.fileName,
    found,
    replaced,
    new: { targetGroups: L.newGroups, successMeasures: L.newMeasures, dimensions: L.newDimensions },
    skipped,
    skippedCount,
    warnings: warn.done(),
    tables: rec.tables,
    release: null,
  };
  if (skippedCount > skipped.length) summary.warnings.push(`${skippedCount} rækker eller celler kunne ikke læses; de første ${skipped.length} er vist.`);
  return { data, summary };
}

export function nothingFound(s: WorkbookImportSummary): boolean {
  const f = s.found;
  return !f.prices && !f.consequenceRows && !f.studies && !f.characteristics && !f.priceIndexYears && !f.discountRate && !f.taxRates;
}
