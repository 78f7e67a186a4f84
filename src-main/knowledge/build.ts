/**
 * Builds a knowledge database file from KnowledgeData (the JSON sources in data/knowledge or an
 * imported release template), and reads KnowledgeData back from a database (for the template).
 * The release hash is SHA-256 over the canonical serialisation of the data, not the file bytes.
 */
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import Database from 'better-sqlite3';
import { canonicalKnowledgeJson } from '../../shared/knowledge/canonical';
import { STUDY_QUALITIES } from '../../shared/knowledge/studies';
import { checkKnowledgeData, knowledgeDataSchema } from '../../shared/knowledge/schema';
import { expandMeasured, measuredPrefix, padYears } from '../../shared/knowledge/years';
import type { EstimateKind, KnowledgeData } from '../../shared/knowledge/types';
import type { PriceIndexKind } from '../../shared/knowledge/price-index';
import { dimensionRow, projectionFromMeta, studyFields, targetGroupRow } from './rows';

export const SCHEMA_VERSION = 3;

/** Source files: `<name>.json` plus optional `<name>-illustrative.json` (generated example data). */
const LIST_FILES = {
  themes: 'themes',
  targetGroups: 'target-groups',
  characteristics: 'characteristics',
  successMeasures: 'success-measures',
  dimensions: 'dimensions',
  consequences: 'consequences',
  prices: 'prices',
  studies: 'studies',
} as const;

function readJson(file: string): unknown {
  const stat = fs.statSync(file);
  if (stat.size > 50 * 1024 * 1024) throw new Error(`${file}: filen er for stor`);
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`${file}: ugyldig JSON (${(e as Error).message})`);
  }
}

/** Load and validate data/knowledge (or another folder with the same files). */
export function loadSources(dir: string): KnowledgeData {
  const raw: Record<string, unknown> = {
    release: readJson(path.join(dir, 'release.json')),
    other: readJson(path.join(dir, 'other.json')),
  };
  for (const [key, base] of Object.entries(LIST_FILES)) {
    const rows: unknown[] = [];
    for (const name of [`${base}.json`, `${base}-illustrative.json`]) {
      const file = path.join(dir, name);
      if (!fs.existsSync(file)) continue;
      const v = readJson(file);
      if (!Array.isArray(v)) throw new Error(`${file}: skal være en liste`);
      rows.push(...v);
    }
    raw[key] = rows;
  }
  return validateKnowledgeData(raw);
}

export class KnowledgeDataError extends Error {
  constructor(readonly problems: string[]) {
    super(`Vidensdata er ugyldige: ${problems.slice(0, 10).join('; ')}${problems.length > 10 ? ` (og ${problems.length - 10} flere)` : ''}`);
  }
}

export function validateKnowledgeData(raw: unknown): KnowledgeData {
  const parsed = knowledgeDataSchema.safeParse(raw);
  if (!parsed.success) {
    throw new KnowledgeDataError(parsed.error.issues.slice(0, 20).map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const data = parsed.data as KnowledgeData;
  const problems = checkKnowledgeData(data);
  if (problems.length) throw new KnowledgeDataError(problems);
  return data;
}

export function knowledgeDataHash(data: KnowledgeData): string {
  return crypto.createHash('sha256').update(canonicalKnowledgeJson(data), 'utf8').digest('hex');
}

const SCHEMA_SQL = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE release (id TEXT PRIMARY KEY, date TEXT NOT NULL, sha256 TEXT NOT NULL, description TEXT NOT NULL);
CREATE TABLE themes (
  id TEXT PRIMARY KEY, label TEXT NOT NULL, sort INTEGER NOT NULL,
  source TEXT NOT NULL, illustrative INTEGER NOT NULL CHECK (illustrative IN (0, 1)));
CREATE TABLE target_groups (
  id TEXT PRIMARY KEY, theme_id TEXT NOT NULL REFERENCES themes(id), label TEXT NOT NULL, grp TEXT NOT NULL,
  subgroup TEXT, age_min INTEGER, age_max INTEGER, delimitation TEXT,
  literature_only INTEGER NOT NULL CHECK (literature_only IN (0, 1)), sort INTEGER NOT NULL,
  source TEXT NOT NULL, illustrative INTEGER NOT NULL CHECK (illustrative IN (0, 1)));
CREATE INDEX target_groups_theme ON target_groups(theme_id, sort);
CREATE TABLE characteristics (
  target_group_id TEXT NOT NULL REFERENCES target_groups(id), key TEXT NOT NULL, label TEXT NOT NULL,
  value REAL NOT NULL, unit TEXT NOT NULL CHECK (unit IN ('andel', 'år', 'antal')), sort INTEGER NOT NULL,
  source TEXT NOT NULL, illustrative INTEGER NOT NULL CHECK (illustrative IN (0, 1)),
  PRIMARY KEY (target_group_id, key));
CREATE TABLE success_measures (
  target_group_id TEXT NOT NULL REFERENCES target_groups(id), id TEXT NOT NULL, label TEXT NOT NULL,
  definition TEXT NOT NULL, sort INTEGER NOT NULL,
  source TEXT NOT NULL, illustrative INTEGER NOT NULL CHECK (illustrative IN (0, 1)),
  PRIMARY KEY (target_group_id, id));
CREATE TABLE dimensions (
  id TEXT PRIMARY KEY, area TEXT NOT NULL, label TEXT NOT NULL, unit TEXT NOT NULL, price_unit TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('expense', 'revenue')),
  taxable_transfer INTEGER NOT NULL CHECK (taxable_transfer IN (0, 1)),
  adults_only INTEGER NOT NULL CHECK (adults_only IN (0, 1)),
  children_only INTEGER NOT NULL CHECK (children_only IN (0, 1)),
  uncertain_social_service INTEGER NOT NULL CHECK (uncertain_social_service IN (0, 1)),
  derived INTEGER NOT NULL CHECK (derived IN (0, 1)), sort INTEGER NOT NULL,
  source TEXT NOT NULL, illustrative INTEGER NOT NULL CHECK (illustrative IN (0, 1)));
CREATE TABLE consequences (
  target_group_id TEXT NOT NULL, success_measure_id TEXT NOT NULL,
  dimension_id TEXT NOT NULL REFERENCES dimensions(id),
  source TEXT NOT NULL, illustrative INTEGER NOT NULL CHECK (illustrative IN (0, 1)),
  PRIMARY KEY (target_group_id, success_measure_id, dimension_id),
  FOREIGN KEY (target_group_id, success_measure_id) REFERENCES success_measures(target_group_id, id));
CREATE TABLE consequence_years (
  target_group_id TEXT NOT NULL, success_measure_id TEXT NOT NULL, dimension_id TEXT NOT NULL,
  year INTEGER NOT NULL CHECK (year BETWEEN 1 AND 20),
  value REAL, kind TEXT CHECK (kind IN ('estimate', 'forecast')),
  success_group REAL, others REAL, adjustment REAL,
  PRIMARY KEY (target_group_id, success_measure_id, dimension_id, year),
  FOREIGN KEY (target_group_id, success_measure_id, dimension_id)
    REFERENCES consequences(target_group_id, success_measure_id, dimension_id));
CREATE TABLE prices (
  target_group_id TEXT NOT NULL REFERENCES target_groups(id), dimension_id TEXT NOT NULL REFERENCES dimensions(id),
  kommune REAL NOT NULL, region REAL NOT NULL, stat REAL NOT NULL, total REAL NOT NULL,
  price_year INTEGER NOT NULL,
  source TEXT NOT NULL, illustrative INTEGER NOT NULL CHECK (illustrative IN (0, 1)),
  PRIMARY KEY (target_group_id, dimension_id));
CREATE INDEX prices_dimension ON prices(dimension_id);
CREATE TABLE price_index (year INTEGER PRIMARY KEY, value REAL NOT NULL CHECK (value > 0), published_change REAL, kind TEXT CHECK (kind IN ('actual', 'projected')));
CREATE TABLE facts (key TEXT PRIMARY KEY, label TEXT NOT NULL, value TEXT NOT NULL, sort INTEGER NOT NULL, source TEXT NOT NULL);
CREATE TABLE studies (
  rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,
  theme_id TEXT NOT NULL REFERENCES themes(id), target_group_id TEXT REFERENCES target_groups(id),
  target_group_label TEXT NOT NULL, title TEXT NOT NULL, intervention TEXT NOT NULL, country TEXT NOT NULL,
  measure TEXT NOT NULL, design TEXT NOT NULL, control_group TEXT NOT NULL,
  n_participants INTEGER, n_control INTEGER, effect_size REAL, significant INTEGER, horizon_months INTEGER,
  quality TEXT NOT NULL CHECK (quality IN (${STUDY_QUALITIES.map((q) => `'${q}'`).join(', ')})), year INTEGER,
  source TEXT NOT NULL, illustrative INTEGER NOT NULL CHECK (illustrative IN (0, 1)));
CREATE INDEX studies_theme ON studies(theme_id, design, quality);
CREATE INDEX studies_target_group ON studies(target_group_id);
CREATE INDEX studies_intervention ON studies(intervention);
CREATE INDEX studies_measure ON studies(measure);
CREATE INDEX studies_design ON studies(design, quality);
CREATE INDEX studies_quality ON studies(quality);
CREATE INDEX studies_country ON studies(country);
CREATE INDEX studies_effect_size ON studies(effect_size);
CREATE INDEX studies_year ON studies(year);
CREATE VIRTUAL TABLE studies_fts USING fts5(
  title, intervention, measure, target_group_label, country,
  content='studies', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE VIRTUAL TABLE target_groups_fts USING fts5(
  label, grp, subgroup, delimitation,
  content='target_groups', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2', prefix='2 3');
`;

export function createKnowledgeSchema(db: Database.Database): void {
  db.exec(SCHEMA_SQL);
}

const b = (v: boolean): number => (v ? 1 : 0);

/** Insert the studies (used by the builder and the benchmark). */
export function insertStudies(db: Database.Database, studies: KnowledgeData['studies']): void {
  const ins = db.prepare(
    `INSERT INTO studies (id, theme_id, target_group_id, target_group_label, title, intervention, country, measure, design,
      control_group, n_participants, n_control, effect_size, significant, horizon_months, quality, year, source, illustrative)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const s of studies) {
    ins.run(
      s.id, s.themeId, s.targetGroupId, s.targetGroupLabel, s.title, s.intervention, s.country, s.measure, s.design,
      s.controlGroup, s.nParticipants, s.nControl, s.effectSize, s.significant === null ? null : b(s.significant),
      s.horizonMonths, s.quality, s.year, s.source, b(s.illustrative),
    );
  }
}

function insertAll(db: Database.Database, d: KnowledgeData, sha256: string): void {
  const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  meta.run('schema_version', String(SCHEMA_VERSION));
  meta.run('format', 'som-knowledge');
  meta.run('discount_rate', String(d.other.discountRate.value));
  meta.run('discount_rate_source', d.other.discountRate.source);
  meta.run('tax_kommune', String(d.other.taxRates.kommune));
  meta.run('tax_region', String(d.other.taxRates.region));
  meta.run('tax_stat', String(d.other.taxRates.stat));
  meta.run('tax_source', d.other.taxRates.source);
  meta.run('price_index_basis_year', String(d.other.priceIndex.basisYear));
  meta.run('price_index_source', d.other.priceIndex.source);
  meta.run('price_index_note', d.other.priceIndex.note);
  const projection = d.other.priceIndex.projection;
  if (projection) {
    meta.run('price_index_projection_rate', String(projection.rate));
    meta.run('price_index_projection_source', projection.source);
  }
  db.prepare('INSERT INTO release (id, date, sha256, description) VALUES (?, ?, ?, ?)').run(d.release.id, d.release.date, sha256, d.release.description);

  const th = db.prepare('INSERT INTO themes VALUES (?, ?, ?, ?, ?)');
  d.themes.forEach((t, i) => th.run(t.id, t.label, i, t.source, b(t.illustrative)));
  const tg = db.prepare(
    `INSERT INTO target_groups (id, theme_id, label, grp, subgroup, age_min, age_max, delimitation, literature_only, sort, source, illustrative)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  d.targetGroups.forEach((t, i) =>
    tg.run(t.id, t.themeId, t.label, t.group, t.subgroup, t.ageMin, t.ageMax, t.delimitation, b(t.literatureOnly), i, t.source, b(t.illustrative)),
  );
  const ch = db.prepare('INSERT INTO characteristics VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  d.characteristics.forEach((c, i) => ch.run(c.targetGroupId, c.key, c.label, c.value, c.unit, i, c.source, b(c.illustrative)));
  const sm = db.prepare('INSERT INTO success_measures VALUES (?, ?, ?, ?, ?, ?, ?)');
  d.successMeasures.forEach((m, i) => sm.run(m.targetGroupId, m.id, m.label, m.definition, i, m.source, b(m.illustrative)));
  const dm = db.prepare('INSERT INTO dimensions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  d.dimensions.forEach((x, i) =>
    dm.run(x.id, x.area, x.label, x.unit, x.priceUnit, x.direction, b(x.taxableTransfer), b(x.adultsOnly), b(x.childrenOnly),
      b(x.uncertainSocialService), b(x.derived), i, x.source, b(x.illustrative)),
  );
  const cl = db.prepare('INSERT INTO consequences VALUES (?, ?, ?, ?, ?)');
  const cy = db.prepare('INSERT INTO consequence_years VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const c of d.consequences) {
    cl.run(c.targetGroupId, c.successMeasureId, c.dimensionId, c.source, b(c.illustrative));
    const { values, kinds } = expandMeasured(c.measured);
    const sg = padYears(c.successGroup);
    const ot = padYears(c.others);
    const ad = padYears(c.adjustment);
    for (let k = 0; k < 20; k++) {
      cy.run(c.targetGroupId, c.successMeasureId, c.dimensionId, k + 1, values[k], kinds[k], sg?.[k] ?? null, ot?.[k] ?? null, ad?.[k] ?? null);
    }
  }
  const pr = db.prepare('INSERT INTO prices VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const p of d.prices) {
    pr.run(p.targetGroupId, p.dimensionId, p.kommune, p.region, p.stat, p.kommune + p.region + p.stat, p.priceYear, p.source, b(p.illustrative));
  }
  const pi = db.prepare('INSERT INTO price_index VALUES (?, ?, ?, ?)');
  for (const v of d.other.priceIndex.values) pi.run(v.year, v.value, v.publishedChange ?? null, v.kind ?? null);
  const fa = db.prepare('INSERT INTO facts VALUES (?, ?, ?, ?, ?)');
  d.other.facts.forEach((f, i) => fa.run(f.key, f.label, f.value, i, f.source));
  insertStudies(db, d.studies);
  db.exec("INSERT INTO studies_fts(studies_fts) VALUES ('rebuild'); INSERT INTO target_groups_fts(target_groups_fts) VALUES ('rebuild');");
}

/** Rows per section of a knowledge release (shown after an import, reported by the build). */
export function sectionCounts(data: KnowledgeData): Record<string, number> {
  return {
    themes: data.themes.length,
    targetGroups: data.targetGroups.length,
    characteristics: data.characteristics.length,
    successMeasures: data.successMeasures.length,
    dimensions: data.dimensions.length,
    consequences: data.consequences.length,
    prices: data.prices.length,
    studies: data.studies.length,
  };
}

export interface BuildResult {
  path: string;
  sha256: string;
  counts: Record<string, number>;
}

/**
 * Write a new knowledge database atomically: build in a temp file in the same folder
 * (journal DELETE, foreign keys checked, VACUUM, fsync), then rename over `outPath`.
 */
export function buildKnowledgeDb(data: KnowledgeData, outPath: string, known: { sha256?: string } = {}): BuildResult {
  const dir = path.dirname(path.resolve(outPath));
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(outPath)}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  // The caller may already have hashed the data (for the file name); hashing is a full serialisation.
  const sha256 = known.sha256 ?? knowledgeDataHash(data);
  const db = new Database(tmp);
  try {
    db.pragma('journal_mode = DELETE');
    db.pragma('foreign_keys = ON');
    db.pragma('page_size = 4096');
    db.transaction(() => {
      createKnowledgeSchema(db);
      insertAll(db, data, sha256);
    })();
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length) throw new Error(`Fremmednøglefejl i vidensdatabasen (${fk.length})`);
    db.exec("INSERT INTO studies_fts(studies_fts) VALUES ('optimize'); INSERT INTO target_groups_fts(target_groups_fts) VALUES ('optimize');");
    db.exec('ANALYZE');
    db.exec('VACUUM');
    db.close();
    const fd = fs.openSync(tmp, 'r+');
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(tmp, outPath);
    try {
      const dfd = fs.openSync(dir, 'r');
      fs.fsyncSync(dfd);
      fs.closeSync(dfd);
    } catch {
      // fsync of a directory is not supported everywhere (Windows); the rename is still atomic.
    }
  } catch (e) {
    if (db.open) db.close();
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  return {
    path: outPath,
    sha256,
    counts: { ...sectionCounts(data), priceIndex: data.other.priceIndex.values.length, facts: data.other.facts.length },
  };
}

interface Flag {
  illustrative: number;
  source: string;
}
const prov = (r: Flag) => ({ source: r.source, illustrative: r.illustrative === 1 });

/** Read the full data back from a knowledge database (for the release template and round trips). */
export function readKnowledgeData(db: Database.Database): KnowledgeData {
  const meta = new Map((db.prepare('SELECT key, value FROM meta').all() as { key: string; value: string }[]).map((r) => [r.key, r.value]));
  const rel = db.prepare('SELECT id, date, description FROM release LIMIT 1').get() as { id: string; date: string; description: string };
  type Row = Record<string, unknown> & Flag;
  const all = (sql: string) => db.prepare(sql).all() as Row[];
  const years = new Map<string, { value: number | null; kind: EstimateKind | null; success_group: number | null; others: number | null; adjustment: number | null }[]>();
  for (const y of all('SELECT * FROM consequence_years ORDER BY target_group_id, success_measure_id, dimension_id, year')) {
    const key = `${y.target_group_id}\u0000${y.success_measure_id}\u0000${y.dimension_id}`;
    const list = years.get(key) ?? [];
    list.push(y as never);
    years.set(key, list);
  }
  const rowOrUndef = (v: (number | null)[]) => (v.some((x) => x !== null) ? v : undefined);
  return {
    release: { id: rel.id, date: rel.date, description: rel.description },
    themes: all('SELECT * FROM themes ORDER BY sort').map((r) => ({ id: r.id as string, label: r.label as string, ...prov(r) })),
    targetGroups: all('SELECT * FROM target_groups ORDER BY sort').map(targetGroupRow),
    characteristics: all('SELECT * FROM characteristics ORDER BY sort').map((r) => ({
      targetGroupId: r.target_group_id as string,
      key: r.key as string,
      label: r.label as string,
      value: r.value as number,
      unit: r.unit as 'andel' | 'år' | 'antal',
      ...prov(r),
    })),
    successMeasures: all('SELECT * FROM success_measures ORDER BY sort').map((r) => ({
      id: r.id as string,
      targetGroupId: r.target_group_id as string,
      label: r.label as string,
      definition: r.definition as string,
      ...prov(r),
    })),
    dimensions: all('SELECT * FROM dimensions ORDER BY sort').map(dimensionRow),
    consequences: all('SELECT * FROM consequences ORDER BY rowid').map((r) => {
      const ys = years.get(`${r.target_group_id}\u0000${r.success_measure_id}\u0000${r.dimension_id}`) ?? [];
      const out: KnowledgeData['consequences'][number] = {
        targetGroupId: r.target_group_id as string,
        successMeasureId: r.success_measure_id as string,
        dimensionId: r.dimension_id as string,
        measured: measuredPrefix(ys.map((y) => y.value), ys.map((y) => y.kind)),
        ...prov(r),
      };
      const sg = rowOrUndef(ys.map((y) => y.success_group));
      const ot = rowOrUndef(ys.map((y) => y.others));
      const ad = rowOrUndef(ys.map((y) => y.adjustment));
      if (sg) out.successGroup = sg;
      if (ot) out.others = ot;
      if (ad) out.adjustment = ad;
      return out;
    }),
    prices: all('SELECT * FROM prices ORDER BY rowid').map((r) => ({
      targetGroupId: r.target_group_id as string,
      dimensionId: r.dimension_id as string,
      kommune: r.kommune as number,
      region: r.region as number,
      stat: r.stat as number,
      priceYear: r.price_year as number,
      ...prov(r),
    })),
    studies: all('SELECT * FROM studies ORDER BY rowid').map((r) => ({ ...studyFields(r), controlGroup: r.control_group as string })),
    other: {
      facts: (db.prepare('SELECT key, label, value, source FROM facts ORDER BY sort').all() as { key: string; label: string; value: string; source: string }[]).map((f) => ({ ...f })),
      priceIndex: {
        basisYear: Number(meta.get('price_index_basis_year')),
        values: (
          db.prepare('SELECT year, value, published_change, kind FROM price_index ORDER BY year').all() as {
            year: number;
            value: number;
            published_change: number | null;
            kind: PriceIndexKind | null;
          }[]
        ).map((r) => ({
          year: r.year,
          value: r.value,
          ...(r.published_change === null ? {} : { publishedChange: r.published_change }),
          ...(r.kind === null ? {} : { kind: r.kind }),
        })),
        source: meta.get('price_index_source') ?? '',
        note: meta.get('price_index_note') ?? '',
        ...projectionFromMeta(meta),
      },
      discountRate: { value: Number(meta.get('discount_rate')), source: meta.get('discount_rate_source') ?? '' },
      taxRates: {
        kommune: Number(meta.get('tax_kommune')),
        region: Number(meta.get('tax_region')),
        stat: Number(meta.get('tax_stat')),
        source: meta.get('tax_source') ?? '',
      },
    },
  };
}

