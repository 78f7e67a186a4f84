/**
 * The explorer's sections as plain tables (header + rows), for CSV and XLSX export. Pure.
 */
import type { CellValue } from './csv';
import type { CharacteristicsTable, Consequences, OtherKnowledge, PriceRow, StudyRow, TargetGroup } from './types';

/** 'year' = integer shown without thousands separator. */
export type ColumnKind = 'text' | 'number' | 'integer' | 'year' | 'bool';

export interface Column {
  header: string;
  kind: ColumnKind;
}

export interface Table {
  /** Sheet name (≤ 31 characters). */
  name: string;
  columns: Column[];
  rows: CellValue[][];
}

const col = (header: string, kind: ColumnKind = 'text'): Column => ({ header, kind });

export function targetGroupsTable(groups: TargetGroup[], chars: CharacteristicsTable): Table {
  const columns = [
    col('Tema'),
    col('Målgruppe'),
    col('Gruppe'),
    col('Undergruppe'),
    col('Alder fra', 'year'),
    col('Alder til', 'year'),
    col('Afgrænsning'),
    col('Kun litteraturoversigt', 'bool'),
    ...chars.rows.map((r) => col(r.unit === 'andel' ? `${r.label} (andel)` : r.label, r.unit === 'antal' ? 'integer' : 'number')),
    col('Kilde'),
    col('Illustrativ', 'bool'),
  ];
  const rows = groups.map((g) => {
    const i = chars.targetGroups.findIndex((t) => t.id === g.id);
    return [
      g.themeLabel,
      g.label,
      g.group,
      g.subgroup,
      g.ageMin,
      g.ageMax,
      g.delimitation,
      g.literatureOnly,
      ...chars.rows.map((r) => (i >= 0 ? r.values[i] : null)),
      g.source,
      g.illustrative,
    ];
  });
  return { name: 'Målgrupper', columns, rows };
}

export function studiesTable(rows: StudyRow[]): Table {
  return {
    name: 'Effektstudier',
    columns: [
      col('Id'),
      col('Tema'),
      col('Målgruppe'),
      col('Indsats'),
      col('Land'),
      col('Effektmål'),
      col('Studiedesign'),
      col('Kvalitet'),
      col('Effektstørrelse', 'number'),
      col('Signifikant', 'bool'),
      col('Antal deltagere', 'integer'),
      col('År', 'year'),
      col('Titel'),
      col('Kilde'),
      col('Illustrativ', 'bool'),
    ],
    rows: rows.map((s) => [s.id, s.themeLabel, s.targetGroupLabel, s.intervention, s.country, s.measure, s.design, s.quality, s.effectSize, s.significant, s.nParticipants, s.year, s.title, s.source, s.illustrative]),
  };
}

const YEAR_HEADERS = Array.from({ length: 20 }, (_, i) => `År ${i + 1}`);

export function consequencesTable(items: { targetGroupLabel: string; consequences: Consequences }[]): Table {
  const rows: CellValue[][] = [];
  for (const { targetGroupLabel, consequences: c } of items) {
    for (const l of c.lines) {
      rows.push([targetGroupLabel, c.successMeasureLabel, l.area, l.label, l.unit, 'Effekt', ...l.values, l.source, l.illustrative]);
      rows.push([targetGroupLabel, c.successMeasureLabel, l.area, l.label, l.unit, 'Type', ...l.kinds.map((k) => (k === 'estimate' ? 'Estimat' : k === 'forecast' ? 'Forecast' : null)), l.source, l.illustrative]);
      for (const [label, row] of [['Succesgruppe', l.successGroup], ['Andre', l.others], ['Justering', l.adjustment]] as const) {
        if (row) rows.push([targetGroupLabel, c.successMeasureLabel, l.area, l.label, l.unit, label, ...row, l.source, l.illustrative]);
      }
    }
  }
  return {
    name: 'Konsekvenser',
    columns: [col('Målgruppe'), col('Succesmål'), col('Hoveddimension'), col('Underdimension'), col('Enhed'), col('Række'), ...YEAR_HEADERS.map((h) => col(h, 'number')), col('Kilde'), col('Illustrativ', 'bool')],
    rows,
  };
}

export function pricesTable(rows: PriceRow[]): Table {
  return {
    name: 'Priser',
    columns: [
      col('Målgruppe'),
      col('Hoveddimension'),
      col('Underdimension'),
      col('Enhed'),
      col('Pris i alt', 'number'),
      col('Stat', 'number'),
      col('Region', 'number'),
      col('Kommune', 'number'),
      col('Prisår', 'year'),
      col('Lokal pris, kommune', 'number'),
      col('Lokal pris, region', 'number'),
      col('Lokal pris, stat', 'number'),
      col('Lokal pris, prisår', 'year'),
      col('Kilde'),
      col('Illustrativ', 'bool'),
    ],
    rows: rows.map((p) => [
      p.targetGroupLabel,
      p.area,
      p.label,
      p.priceUnit,
      p.total,
      p.stat,
      p.region,
      p.kommune,
      p.priceYear,
      p.local?.kommune ?? null,
      p.local?.region ?? null,
      p.local?.stat ?? null,
      p.local?.priceYear ?? null,
      p.source,
      p.illustrative,
    ]),
  };
}

export function otherTable(o: OtherKnowledge): Table {
  const rows: CellValue[][] = o.priceIndex.rows.map((r) => ['Nettoprisindeks', r.year, r.value, o.priceIndex.source]);
  rows.push(['Diskonteringsrente', null, o.discountRate.value, o.discountRate.source]);
  rows.push(['Skattesats for overførsler, stat', null, o.taxRates.stat, o.taxRates.source]);
  rows.push(['Skattesats for overførsler, region', null, o.taxRates.region, o.taxRates.source]);
  rows.push(['Skattesats for overførsler, kommune', null, o.taxRates.kommune, o.taxRates.source]);
  for (const f of o.facts ?? []) rows.push([`${f.label}: ${f.value}`, null, null, f.source]);
  return { name: 'Anden viden', columns: [col('Emne'), col('År', 'year'), col('Værdi', 'number'), col('Kilde')], rows };
}
