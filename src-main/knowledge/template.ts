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

const PROV: ColSpec[] = [
  { header: 'Kilde', key: 'source', kind: 'text' },
  { header: 'Illustrativ', key: 'illustrative', kind: 'bool' },
];

const YEAR_COLS: ColSpec[] = Array.from({ length: 20 }, (_, i) => ({ header: `År ${i + 1}`, key: `y${i + 1}`, kind: 'num?' as const }));

/** The price index's actual/projected tag as the template writes it. */
export const INDEX_KIND_WORD = { actual: 'faktisk', projected: 'fremskrevet' } as const satisfies Record<PriceIndexKind, string>;
const INDEX_KIND_WORDS = Object.values(INDEX_KIND_WORD);

export const TEMPLATE_SHEETS = {
  themes: { name: 'Temaer', cols: [{ header: 'Id', key: 'id', kind: 'id' }, { header: 'Navn', key: 'label', kind: 'text' }, ...PROV] },
  targetGroups: {
    name: 'Målgrupper',
    cols: [
      { header: 'Id', key: 'id', kind: 'id' },
      { header: 'Tema-id', key: 'themeId', kind: 'id' },
      { header: 'Målgruppe', key: 'label', kind: 'text' },
      { header: 'Gruppe', key: 'group', kind: 'text' },
      { header: 'Undergruppe', key: 'subgroup', kind: 'text?' },
      { header: 'Alder fra', key: 'ageMin', kind: 'int?' },
      { header: 'Alder til', key: 'ageMax', kind: 'int?' },
      { header: 'Afgrænsning', key: 'delimitation', kind: 'text?' },
      { header: 'Kun litteraturoversigt', key: 'literatureOnly', kind: 'bool' },
      ...PROV,
    ],
  },
  characteristics: {
    name: 'Karakteristika',
    cols: [
      { header: 'Målgruppe-id', key: 'targetGroupId', kind: 'id' },
      { header: 'Nøgle', key: 'key', kind: 'id' },
      { header: 'Karakteristik', key: 'label', kind: 'text' },
      { header: 'Værdi', key: 'value', kind: 'num>=0' },
      { header: 'Enhed', key: 'unit', kind: 'text', values: ['andel', 'år', 'antal'] },
      ...PROV,
    ],
  },
  successMeasures: {
    name: 'Succesmål',
    cols: [
      { header: 'Målgruppe-id', key: 'targetGroupId', kind: 'id' },
      { header: 'Id', key: 'id', kind: 'id' },
      { header: 'Succesmål', key: 'label', kind: 'text' },
      { header: 'Definition', key: 'definition', kind: 'text0' },
      ...PROV,
    ],
  },
  dimensions: {
    name: 'Dimensioner',
    cols: [
      { header: 'Id', key: 'id', kind: 'id' },
      { header: 'Hoveddimension', key: 'area', kind: 'text' },
      { header: 'Underdimension', key: 'label', kind: 'text' },
      { header: 'Enhed', key: 'unit', kind: 'text' },
      { header: 'Prisenhed', key: 'priceUnit', kind: 'text' },
      { header: 'Retning', key: 'direction', kind: 'text', values: ['udgift', 'indtægt'] },
      { header: 'Skattepligtig overførsel', key: 'taxableTransfer', kind: 'bool' },
      { header: 'Kun voksne', key: 'adultsOnly', kind: 'bool' },
      { header: 'Kun børn og unge', key: 'childrenOnly', kind: 'bool' },
      { header: 'Usikker social serviceydelse', key: 'uncertainSocialService', kind: 'bool' },
      { header: 'Beregnes af modellen', key: 'derived', kind: 'bool' },
      ...PROV,
    ],
  },
  consequences: {
    name: 'Konsekvenser',
    cols: [
      { header: 'Målgruppe-id', key: 'targetGroupId', kind: 'id' },
      { header: 'Succesmål-id', key: 'successMeasureId', kind: 'id' },
      { header: 'Dimension-id', key: 'dimensionId', kind: 'id' },
      { header: 'Række', key: 'row', kind: 'text', values: ['Effekt', 'Succesgruppe', 'Andre', 'Justering'] },
      { header: 'Sidste målte år', key: 'lastMeasured', kind: 'int?' },
      ...YEAR_COLS,
      ...PROV,
    ],
  },
  prices: {
    name: 'Priser',
    cols: [
      { header: 'Målgruppe-id', key: 'targetGroupId', kind: 'id' },
      { header: 'Dimension-id', key: 'dimensionId', kind: 'id' },
      { header: 'Stat', key: 'stat', kind: 'num>=0' },
      { header: 'Region', key: 'region', kind: 'num>=0' },
      { header: 'Kommune', key: 'kommune', kind: 'num>=0' },
      { header: 'Prisår', key: 'priceYear', kind: 'int' },
      ...PROV,
    ],
  },
  studies: {
    name: 'Effektstudier',
    cols: [
      { header: 'Id', key: 'id', kind: 'text' },
      { header: 'Tema-id', key: 'themeId', kind: 'id' },
      { header: 'Målgruppe-id', key: 'targetGroupId', kind: 'text?' },
      { header: 'Målgruppe', key: 'targetGroupLabel', kind: 'text' },
      { header: 'Titel', key: 'title', kind: 'text' },
      { header: 'Indsats', key: 'intervention', kind: 'text' },
      { header: 'Land', key: 'country', kind: 'text' },
      { header: 'Effektmål', key: 'measure', kind: 'text' },
      { header: 'Studiedesign', key: 'design', kind: 'text' },
      { header: 'Kontrolgruppe', key: 'controlGroup', kind: 'text0' },
      { header: 'Antal deltagere', key: 'nParticipants', kind: 'int?' },
      { header: 'Antal i kontrolgruppe', key: 'nControl', kind: 'int?' },
      { header: 'Effektstørrelse', key: 'effectSize', kind: 'num?' },
      { header: 'Signifikant', key: 'significant', kind: 'bool?' },
      { header: 'Tidshorisont (måneder)', key: 'horizonMonths', kind: 'int?' },
      { header: 'Kvalitet', key: 'quality', kind: 'text', values: STUDY_QUALITIES },
      { header: 'Udgivelsesår', key: 'year', kind: 'int?' },
      ...PROV,
    ],
  },
  facts: {
    name: 'Fakta',
    cols: [
      { header: 'Nøgle', key: 'key', kind: 'id' },
      { header: 'Emne', key: 'label', kind: 'text' },
      { header: 'Værdi', key: 'value', kind: 'text' },
      { header: 'Kilde', key: 'source', kind: 'text' },
    ],
  },
  priceIndex: {
    name: 'Prisindeks',
    cols: [
      { header: 'År', key: 'year', kind: 'int' },
      { header: 'Indeks', key: 'value', kind: 'num>0' },
      { header: 'Årlig ændring (som i kilden)', key: 'publishedChange', kind: 'num?' },
      { header: 'Type', key: 'kind', kind: 'text?', values: INDEX_KIND_WORDS, optional: true },
    ],
  },
  settings: { name: 'Parametre', cols: [{ header: 'Felt', key: 'field', kind: 'text' }, { header: 'Værdi', key: 'value', kind: 'text0' }] },
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
      columns: [{ header: 'Felt', kind: 'text' }, { header: 'Værdi', kind: 'text' }],
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
      columns: [{ header: 'Felt', kind: 'text' }, { header: 'Værdi', kind: 'text' }],
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
