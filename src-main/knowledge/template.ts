/**
 * The release template: one sheet per section of the knowledge data, which can be edited and
 * imported as a new release (./template-reader.ts). The column specifications here are shared by
 * writing and reading.
 */
import type { PriceIndexKind } from '../../shared/knowledge/price-index';
import type { Table } from '../../shared/knowledge/tables';
import type { KnowledgeData } from '../../shared/knowledge/types';
import { STUDY_QUALITIES } from '../../shared/knowledge/studies';
import { expandMeasured } from '../../shared/knowledge/years';
import type { Cell } from './cells';
import { tablesToXlsx } from './xlsx';

export type Kind =
  | 'id' // required slug-like text
  | 'text' // required text
  | 'text?' // optional text (empty = null)
  | 'text0' // text, empty = ''
  | 'int'
  | 'int?'
  | 'num'
  | 'num?'
  | 'num>=0'
  | 'num>0'
  | 'bool'
  | 'bool?';

export interface ColSpec {
  header: string;
  key: string;
  kind: Kind;
  /** Allowed values (after trimming). */
  values?: readonly string[];
  /** A column that templates written by earlier versions lack: when it is missing, its cells read as empty. */
  optional?: boolean;
}

export interface SheetSpec {
  name: string;
  cols: ColSpec[];
}

/** One column: its header in the sheet, the field it holds and how its cells are read. */
function col(header: string, key: string, kind: Kind, more: Pick<ColSpec, 'values' | 'optional'> = {}): ColSpec {
  return { header, key, kind, ...more };
}

/** Columns that several sheets share, each written once. */
const ID = col('Id', 'id', 'id');
const THEME_ID = col('Tema-id', 'themeId', 'id');
const TARGET_GROUP_ID = col('Målgruppe-id', 'targetGroupId', 'id');
const SUCCESS_MEASURE_ID = col('Succesmål-id', 'successMeasureId', 'id');
const DIMENSION_ID = col('Dimension-id', 'dimensionId', 'id');
const SOURCE = col('Kilde', 'source', 'text');
/** Provenance, the last columns of every data sheet. */
const PROV: ColSpec[] = [SOURCE, col('Illustrativ', 'illustrative', 'bool')];
/** A Felt/Værdi sheet. */
const FIELD_VALUE: ColSpec[] = [col('Felt', 'field', 'text'), col('Værdi', 'value', 'text0')];

const YEAR_COLS: ColSpec[] = Array.from({ length: 20 }, (_, i) => col(`År ${i + 1}`, `y${i + 1}`, 'num?'));

/** The price index's actual/projected tag as the template writes it. */
export const INDEX_KIND_WORD = { actual: 'faktisk', projected: 'fremskrevet' } as const satisfies Record<PriceIndexKind, string>;
const INDEX_KIND_WORDS = Object.values(INDEX_KIND_WORD);

export const TEMPLATE_SHEETS = {
  themes: { name: 'Temaer', cols: [ID, col('Navn', 'label', 'text'), ...PROV] },
  targetGroups: {
    name: 'Målgrupper',
    cols: [
      ID,
      THEME_ID,
      col('Målgruppe', 'label', 'text'),
      col('Gruppe', 'group', 'text'),
      col('Undergruppe', 'subgroup', 'text?'),
      col('Alder fra', 'ageMin', 'int?'),
      col('Alder til', 'ageMax', 'int?'),
      col('Afgrænsning', 'delimitation', 'text?'),
      col('Kun litteraturoversigt', 'literatureOnly', 'bool'),
      ...PROV,
    ],
  },
  characteristics: {
    name: 'Karakteristika',
    cols: [
      TARGET_GROUP_ID,
      col('Nøgle', 'key', 'id'),
      col('Karakteristik', 'label', 'text'),
      col('Værdi', 'value', 'num>=0'),
      col('Enhed', 'unit', 'text', { values: ['andel', 'år', 'antal'] }),
      ...PROV,
    ],
  },
  successMeasures: {
    name: 'Succesmål',
    cols: [TARGET_GROUP_ID, ID, col('Succesmål', 'label', 'text'), col('Definition', 'definition', 'text0'), ...PROV],
  },
  dimensions: {
    name: 'Dimensioner',
    cols: [
      ID,
      col('Hoveddimension', 'area', 'text'),
      col('Underdimension', 'label', 'text'),
      col('Enhed', 'unit', 'text'),
      col('Prisenhed', 'priceUnit', 'text'),
      col('Retning', 'direction', 'text', { values: ['udgift', 'indtægt'] }),
      col('Skattepligtig overførsel', 'taxableTransfer', 'bool'),
      col('Kun voksne', 'adultsOnly', 'bool'),
      col('Kun børn og unge', 'childrenOnly', 'bool'),
      col('Usikker social serviceydelse', 'uncertainSocialService', 'bool'),
      col('Beregnes af modellen', 'derived', 'bool'),
      ...PROV,
    ],
  },
  consequences: {
    name: 'Konsekvenser',
    cols: [
      TARGET_GROUP_ID,
      SUCCESS_MEASURE_ID,
      DIMENSION_ID,
      col('Række', 'row', 'text', { values: ['Effekt', 'Succesgruppe', 'Andre', 'Justering'] }),
      col('Sidste målte år', 'lastMeasured', 'int?'),
      ...YEAR_COLS,
      ...PROV,
    ],
  },
  prices: {
    name: 'Priser',
    cols: [
      TARGET_GROUP_ID,
      DIMENSION_ID,
      col('Stat', 'stat', 'num>=0'),
      col('Region', 'region', 'num>=0'),
      col('Kommune', 'kommune', 'num>=0'),
      col('Prisår', 'priceYear', 'int'),
      ...PROV,
    ],
  },
  studies: {
    name: 'Effektstudier',
    cols: [
      col('Id', 'id', 'text'),
      THEME_ID,
      col('Målgruppe-id', 'targetGroupId', 'text?'),
      col('Målgruppe', 'targetGroupLabel', 'text'),
      col('Titel', 'title', 'text'),
      col('Indsats', 'intervention', 'text'),
      col('Land', 'country', 'text'),
      col('Effektmål', 'measure', 'text'),
      col('Studiedesign', 'design', 'text'),
      col('Kontrolgruppe', 'controlGroup', 'text0'),
      col('Antal deltagere', 'nParticipants', 'int?'),
      col('Antal i kontrolgruppe', 'nControl', 'int?'),
      col('Effektstørrelse', 'effectSize', 'num?'),
      col('Signifikant', 'significant', 'bool?'),
      col('Tidshorisont (måneder)', 'horizonMonths', 'int?'),
      col('Kvalitet', 'quality', 'text', { values: STUDY_QUALITIES }),
      col('Udgivelsesår', 'year', 'int?'),
      ...PROV,
    ],
  },
  facts: {
    name: 'Fakta',
    cols: [col('Nøgle', 'key', 'id'), col('Emne', 'label', 'text'), col('Værdi', 'value', 'text'), SOURCE],
  },
  priceIndex: {
    name: 'Prisindeks',
    cols: [
      col('År', 'year', 'int'),
      col('Indeks', 'value', 'num>0'),
      col('Årlig ændring (som i kilden)', 'publishedChange', 'num?'),
      col('Type', 'kind', 'text?', { values: INDEX_KIND_WORDS, optional: true }),
    ],
  },
  settings: { name: 'Parametre', cols: FIELD_VALUE },
} satisfies Record<string, SheetSpec>;

export const RELEASE_FIELDS = { id: 'Udgivelses-id', date: 'Dato', description: 'Beskrivelse' } as const;
export const SETTING_FIELDS = {
  basisYear: 'Prisindeks, basisår',
  indexSource: 'Prisindeks, kilde',
  indexNote: 'Prisindeks, note',
  projectionRate: 'Prisindeks, fremskrivning pr. år',
  projectionSource: 'Prisindeks, fremskrivningens kilde',
  discountRate: 'Diskonteringsrente',
  discountSource: 'Diskonteringsrente, kilde',
  taxKommune: 'Skattesats, kommune',
  taxRegion: 'Skattesats, region',
  taxStat: 'Skattesats, stat',
  taxSource: 'Skattesatser, kilde',
} as const;

function specRows(spec: SheetSpec, objs: Record<string, unknown>[]): Cell[][] {
  return objs.map((o) => spec.cols.map((c) => (o[c.key] ?? null) as Cell));
}

function specTable(spec: SheetSpec, objs: Record<string, unknown>[]): Table {
  return {
    name: spec.name,
    columns: spec.cols.map((c) => ({
      header: c.header,
      kind: c.kind.startsWith('int') ? 'year' : c.kind.startsWith('num') ? 'number' : c.kind.startsWith('bool') ? 'bool' : 'text',
    })),
    rows: specRows(spec, objs),
  };
}

/** The Felt/Værdi columns of the Udgivelse and Parametre sheets as written (every cell text). */
function fieldValueColumns(): Table['columns'] {
  return FIELD_VALUE.map((c) => ({ header: c.header, kind: 'text' }));
}

export function dataToTemplateTables(d: KnowledgeData): Table[] {
  const S = TEMPLATE_SHEETS;
  const consRows: Record<string, unknown>[] = [];
  for (const c of d.consequences) {
    const { values } = expandMeasured(c.measured);
    const base = { targetGroupId: c.targetGroupId, successMeasureId: c.successMeasureId, dimensionId: c.dimensionId, source: c.source, illustrative: c.illustrative };
    const years = (row: (number | null)[]) => Object.fromEntries(row.map((v, i) => [`y${i + 1}`, v]));
    consRows.push({ ...base, row: 'Effekt', lastMeasured: c.measured.length, ...years(values) });
    for (const [label, row] of [['Succesgruppe', c.successGroup], ['Andre', c.others], ['Justering', c.adjustment]] as const) {
      if (row) consRows.push({ ...base, row: label, lastMeasured: null, ...years(row) });
    }
  }
  const o = d.other;
  return [
    {
      name: 'Udgivelse',
      columns: fieldValueColumns(),
      rows: [
        [RELEASE_FIELDS.id, d.release.id],
        [RELEASE_FIELDS.date, d.release.date],
        [RELEASE_FIELDS.description, d.release.description],
      ],
    },
    specTable(S.themes, d.themes as never),
    specTable(S.targetGroups, d.targetGroups as never),
    specTable(S.characteristics, d.characteristics as never),
    specTable(S.successMeasures, d.successMeasures as never),
    specTable(S.dimensions, d.dimensions.map((x) => ({ ...x, direction: x.direction === 'expense' ? 'udgift' : 'indtægt' }))),
    specTable(S.consequences, consRows),
    specTable(S.prices, d.prices as never),
    specTable(S.studies, d.studies as never),
    specTable(
      S.priceIndex,
      o.priceIndex.values.map((v) => ({ ...v, kind: v.kind ? INDEX_KIND_WORD[v.kind] : null })),
    ),
    specTable(S.facts, o.facts as never),
    {
      name: S.settings.name,
      columns: fieldValueColumns(),
      rows: [
        [SETTING_FIELDS.basisYear, o.priceIndex.basisYear],
        [SETTING_FIELDS.indexSource, o.priceIndex.source],
        [SETTING_FIELDS.indexNote, o.priceIndex.note],
        ...(o.priceIndex.projection
          ? [
              [SETTING_FIELDS.projectionRate, o.priceIndex.projection.rate],
              [SETTING_FIELDS.projectionSource, o.priceIndex.projection.source],
            ]
          : []),
        [SETTING_FIELDS.discountRate, o.discountRate.value],
        [SETTING_FIELDS.discountSource, o.discountRate.source],
        [SETTING_FIELDS.taxKommune, o.taxRates.kommune],
        [SETTING_FIELDS.taxRegion, o.taxRates.region],
        [SETTING_FIELDS.taxStat, o.taxRates.stat],
        [SETTING_FIELDS.taxSource, o.taxRates.source],
      ],
    },
  ];
}

export async function dataToTemplate(d: KnowledgeData): Promise<Buffer> {
  return tablesToXlsx(dataToTemplateTables(d));
}
