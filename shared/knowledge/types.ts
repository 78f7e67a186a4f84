/**
 * Types of the knowledge database (Vidensdatabasen): the source data (data/knowledge/*.json,
 * release templates) and the responses of the knowledge.* channels. Pure types only.
 */
import type { PriceIndexKind } from './price-index';

import type { Direction, EstimateKind as LineEstimateKind, SomLine } from '../som/schema';
import type { StudyQuality } from './studies';

/** How a year's estimate came about: measured/estimated, or forecast by the taper (never blank here). */
export type EstimateKind = NonNullable<LineEstimateKind>;

/** Every row carries where it comes from and whether it is invented example data. */
export interface Provenance {
  source: string;
  /** true = example value invented to fill a gap ("Eksempeldata"), false = from the seeds. */
  illustrative: boolean;
}

// ---------------------------------------------------------------------------
// Source data (what data/knowledge/*.json and an imported release template hold)
// ---------------------------------------------------------------------------

export interface ReleaseInfo {
  id: string;
  /** ISO date (YYYY-MM-DD). */
  date: string;
  description: string;
}

export interface ThemeSrc extends Provenance {
  id: string;
  label: string;
}

export interface TargetGroupSrc extends Provenance {
  id: string;
  themeId: string;
  /** Full label as the explorer shows it, e.g. "Hjemløse (18-65 år)". */
  label: string;
  /** Main group, e.g. "Stofmisbrug". */
  group: string;
  /** Sub-group (afgrænsning), e.g. "Ikke i substitutionsbehandling (18-25 år)"; null when none. */
  subgroup: string | null;
  ageMin: number | null;
  ageMax: number | null;
  /** Afgrænsning af målgruppen (definition text); null when unknown. */
  delimitation: string | null;
  /** Only a literature overview, no consequence estimates. */
  literatureOnly: boolean;
}

export interface CharacteristicSrc extends Provenance {
  targetGroupId: string;
  /** Stable key, e.g. "andel-par". */
  key: string;
  label: string;
  value: number;
  /** 'andel' = share 0–1, 'år', 'antal'. */
  unit: 'andel' | 'år' | 'antal';
}

export interface SuccessMeasureSrc extends Provenance {
  id: string;
  targetGroupId: string;
  label: string;
  /** How the measure is measured in the registers. */
  definition: string;
}

export interface DimensionSrc extends Provenance {
  id: string;
  /** Hoveddimension, e.g. "Indkomstoverførsler". */
  area: string;
  /** Underdimension, e.g. "Kontanthjælp". */
  label: string;
  /** Unit of the consequence, e.g. "uger". */
  unit: string;
  /** Unit of the price, e.g. "Kr. pr. uge". */
  priceUnit: string;
  direction: Direction;
  taxableTransfer: boolean;
  adultsOnly: boolean;
  childrenOnly: boolean;
  /** Social-service estimate the seeds warn is more uncertain (likely overestimated). */
  uncertainSocialService: boolean;
  /** Computed by the engine (tax on transfers), never estimated or priced directly. */
  derived: boolean;
}

export interface ConsequenceSrc extends Provenance {
  targetGroupId: string;
  successMeasureId: string;
  dimensionId: string;
  /** Measured effect per successful participant, År 1…m (m ≤ 9); null = not estimated. The taper to År 20 is computed. */
  measured: (number | null)[];
  successGroup?: (number | null)[];
  others?: (number | null)[];
  adjustment?: (number | null)[];
}

export interface PriceSrc extends Provenance {
  targetGroupId: string;
  dimensionId: string;
  kommune: number;
  region: number;
  stat: number;
  priceYear: number;
}

export interface StudySrc extends Provenance {
  id: string;
  themeId: string;
  targetGroupId: string | null;
  /** Target group label as in the study list (may name a group outside SØM). */
  targetGroupLabel: string;
  title: string;
  intervention: string;
  country: string;
  /** Effektmål. */
  measure: string;
  /** 'Kontrolgruppe med lodtrækning' | 'Kontrolgruppe uden lodtrækning' | 'Før- og eftermåling' | 'Metaanalyse'. */
  design: string;
  controlGroup: string;
  nParticipants: number | null;
  nControl: number | null;
  /** Standardised effect size (positive = better). */
  effectSize: number | null;
  significant: boolean | null;
  /** Time horizon in months. */
  horizonMonths: number | null;
  quality: StudyQuality;
  year: number | null;
}

export interface ValueWithSource<T> {
  value: T;
  source: string;
}

/** A fact about the model and its knowledge base quoted from the seeds (versions, counts, principles). */
export interface FactSrc {
  key: string;
  label: string;
  value: string;
  source: string;
}

export interface OtherSrc {
  facts: FactSrc[];
  priceIndex: {
    basisYear: number;
    /** `kind`: an actual (published) value or a projection; null/absent where the source does not say. */
    values: { year: number; value: number; publishedChange?: number | null; kind?: PriceIndexKind | null }[];
    source: string;
    note: string;
    /** The yearly rate at which the index continues after its last actual year, and where that rate comes from. */
    projection?: { rate: number; source: string } | null;
  };
  discountRate: ValueWithSource<number>;
  taxRates: { kommune: number; region: number; stat: number; source: string };
}

export interface KnowledgeData {
  release: ReleaseInfo;
  themes: ThemeSrc[];
  targetGroups: TargetGroupSrc[];
  characteristics: CharacteristicSrc[];
  successMeasures: SuccessMeasureSrc[];
  dimensions: DimensionSrc[];
  consequences: ConsequenceSrc[];
  prices: PriceSrc[];
  studies: StudySrc[];
  other: OtherSrc;
}

// ---------------------------------------------------------------------------
// Channel responses
// ---------------------------------------------------------------------------

export interface Theme {
  id: string;
  label: string;
  targetGroupCount: number;
}

export interface Characteristic {
  key: string;
  label: string;
  value: number;
  unit: 'andel' | 'år' | 'antal';
  source: string;
  illustrative: boolean;
}

export interface TargetGroup extends TargetGroupSrc {
  themeLabel: string;
  /** true when the group has at least one success measure with consequence estimates. */
  hasConsequences: boolean;
  characteristics: Characteristic[];
}

/** Side-by-side table: one row per characteristic key, one cell per requested target group. */
export interface CharacteristicsTable {
  targetGroups: { id: string; label: string }[];
  rows: {
    key: string;
    label: string;
    unit: 'andel' | 'år' | 'antal';
    /** Same order as targetGroups; null when the group has no value. */
    values: (number | null)[];
    sources: (string | null)[];
    illustrative: (boolean | null)[];
  }[];
}

export interface SuccessMeasure extends Provenance {
  id: string;
  targetGroupId: string;
  label: string;
  definition: string;
  lineCount: number;
}

/** A consequence dimension as the explorer and the wizard get it: the same fields as its source row. */
export type Dimension = DimensionSrc;

export interface ConsequenceLine extends Provenance {
  dimensionId: string;
  area: string;
  label: string;
  unit: string;
  direction: Direction;
  taxableTransfer: boolean;
  uncertainSocialService: boolean;
  /** År 1–20 effect per successful participant. */
  values: (number | null)[];
  kinds: (EstimateKind | null)[];
  /** År 1–20 where known (the register analysis rows), else null. */
  successGroup: (number | null)[] | null;
  others: (number | null)[] | null;
  adjustment: (number | null)[] | null;
}

export interface Consequences {
  targetGroupId: string;
  successMeasureId: string;
  successMeasureLabel: string;
  lines: ConsequenceLine[];
}

export interface PriceRow extends Provenance {
  targetGroupId: string;
  targetGroupLabel: string;
  dimensionId: string;
  area: string;
  label: string;
  priceUnit: string;
  total: number;
  kommune: number;
  region: number;
  stat: number;
  priceYear: number;
  /** The user's local price for this row, if set (user database). */
  local: LocalPrice | null;
}

export interface LocalPrice {
  dimensionId: string;
  /** null = applies to every target group. */
  targetGroupId: string | null;
  kommune: number | null;
  region: number | null;
  stat: number | null;
  priceYear: number;
  note: string;
  updatedAt: string;
}

export interface OtherKnowledge {
  /** Facts quoted from the seeds (versions, counts, principles). Always sent; optional for older fakes. */
  facts?: FactSrc[];
  /** `change` is computed from the index; `publishedChange` is the yearly change as the source prints it (null when none). */
  priceIndex: {
    basisYear: number;
    rows: { year: number; value: number; change: number | null; publishedChange: number | null; kind: PriceIndexKind | null }[];
    source: string;
    note: string;
    projection: { rate: number; source: string } | null;
  };
  discountRate: { value: number; source: string };
  taxRates: { kommune: number; region: number; stat: number; source: string };
}

/** A row of the study list: the study without its control-group text, plus its theme's label. */
export interface StudyRow extends Omit<StudySrc, 'controlGroup'> {
  themeLabel: string;
}

export interface StudyDetail extends StudyRow {
  controlGroup: string;
}

export interface StudyPage {
  /** All studies in the database ("M" in "N ud af M"). */
  total: number;
  /** Studies matching the filters ("N"). */
  count: number;
  rows: StudyRow[];
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface StudyFacets {
  themes: FacetValue[];
  targetGroups: FacetValue[];
  interventions: FacetValue[];
  measures: FacetValue[];
  designs: FacetValue[];
  qualities: FacetValue[];
  countries: FacetValue[];
}

export interface LinesForResult {
  targetGroup: { id: string; label: string; successMeasureId: string; successMeasureLabel: string };
  lines: SomLine[];
  parameters: { discountRate: number; taxRates: { kommune: number; region: number; stat: number }; priceIndex: Record<string, number> };
  knowledge: { release: string; sha256: string } | null;
  /** Dimensions of the lines that are social-service estimates the seeds warn about. */
  uncertainDimensionIds: string[];
  /** Danish notes, e.g. which lines use a local price or have no price. */
  notes: string[];
}

export interface ExportFile {
  fileName: string;
  mimeType: string;
  base64: string;
}

export interface ReleaseEntry {
  id: string;
  date: string;
  sha256: string;
  description: string;
  kind: 'shipped' | 'imported';
  active: boolean;
  importedAt: string | null;
}

export interface ImportResult {
  release: ReleaseEntry;
  counts: Record<string, number>;
}

/** Rows per table of a workbook import (`som knowledge import --json`, the import preview). */
export interface WorkbookImportCounts {
  prices: number;
  consequenceRows: number;
  studies: number;
  characteristics: number;
  priceIndexYears: number;
  discountRate: boolean;
  taxRates: boolean;
}

/** A cell or row of an imported workbook that could not be read. */
export interface WorkbookSkippedCell {
  sheet: string;
  row: number;
  column: string;
  why: string;
}

/** What an import of the SØM workbook (or a pasted table) found, before it is confirmed. */
export interface WorkbookImportSummary {
  fileName: string;
  found: WorkbookImportCounts;
  replaced: WorkbookImportCounts;
  new: { targetGroups: string[]; successMeasures: string[]; dimensions: string[] };
  /** At most the first 20. */
  skipped: WorkbookSkippedCell[];
  skippedCount: number;
  warnings: string[];
  /** The tables recognised: kind, sheet, header row, rows read. */
  tables: { kind: 'prices' | 'consequences' | 'studies' | 'characteristics' | 'priceIndex' | 'discountRate' | 'taxRates'; sheet: string; row: number; rows: number }[];
  /** The release built (after confirming, or by the command line without --dry-run). */
  release: { id: string; sha256: string } | null;
}

/** A preview waiting for "Brug disse tal" / "Annullér". */
export interface WorkbookImportPreview {
  token: string;
  summary: WorkbookImportSummary;
}

export interface ImportProgress {
  /** 0–1. */
  fraction: number;
  /** Danish text of the current step. */
  text: string;
  done: boolean;
}
