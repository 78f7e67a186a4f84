/**
 * Turns what the recogniser read into a new release: the active release's data with every row the
 * workbook gives replacing the row it matches (illustrative = false, source "<file>, ark '<sheet>',
 * række <n>"), labels matched to target groups, success measures and dimensions (normalised, with
 * the seeds' spellings and known synonyms), and what matches nothing added under the workbook's
 * name. Rows the workbook does not give keep their values and flags. Pure: no I/O.
 */
import { createHash } from 'node:crypto';
import type { DimensionSrc, KnowledgeData, PriceSrc, StudySrc, TargetGroupSrc } from '../../../shared/knowledge/types';
import type { WorkbookImportCounts, WorkbookImportSummary } from '../../../shared/knowledge/types';
import { MAX_MEASURED_YEARS } from '../../../shared/knowledge/schema';
import { slugify } from './cells';
import { Labels, labelKey } from './labels';
import { mergePriceIndex } from './price-index-merge';
import type { ConsIn, ConsRowType, Recognised } from './recognise';

export { OTHER_THEME } from './labels';
const MAX_WARNINGS = 30;

const sourceOf = (file: string, sheet: string, row: number) => `${file}, ark '${sheet}', række ${row}`;

function counts(): WorkbookImportCounts {
  return { prices: 0, consequenceRows: 0, studies: 0, characteristics: 0, priceIndexYears: 0, discountRate: false, taxRates: false };
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

  if (rec.priceIndex) mergePriceIndex(data, base.release.id, rec.priceIndex, src, found, replaced, (w) => warn.add(w));
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
