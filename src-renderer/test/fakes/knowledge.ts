import type { FakesFor } from './types';
import type { ChannelName } from '../../../shared/ipc';
import { AppError } from '../../../shared/errors';
import { STUDY_QUALITIES, type StudyQuality } from '../../../shared/knowledge/studies';
import type {
  CharacteristicsTable,
  ConsequenceLine,
  Dimension,
  EstimateKind,
  FacetValue,
  LocalPrice,
  PriceRow,
  ReleaseEntry,
  WorkbookImportSummary,
  StudyDetail,
  StudyFacets,
  StudyRow,
  SuccessMeasure,
  TargetGroup,
  Theme,
} from '../../../shared/knowledge/types';

/**
 * Small, realistic knowledge data for component tests (taken from the seeds where possible:
 * Hjemløse kontanthjælp, the price rows of the course material, Anden viden). Tests override single
 * channels with createFakeApi({ 'knowledge.x': ... }).
 */
const SEED = 'Seed 003: Vidensdatabasen';
const EXAMPLE = 'Eksempeldata (illustrativ værdi, ikke fra Socialstyrelsen)';

export const fakeThemes: Theme[] = [
  { id: 'udsatte-voksne', label: 'Udsatte voksne', targetGroupCount: 2 },
  { id: 'udsatte-boern-unge', label: 'Udsatte børn og unge', targetGroupCount: 1 },
];

export const fakeTargetGroups: TargetGroup[] = [
  {
    id: 'hjemloese-18-65', themeId: 'udsatte-voksne', themeLabel: 'Udsatte voksne', label: 'Hjemløse (18-65 år)', group: 'Hjemløse',
    subgroup: null, ageMin: 18, ageMax: 65, delimitation: 'Personer, der er brugere af bosteder eller herberg efter servicelovens §110.',
    literatureOnly: false, hasConsequences: true, source: SEED, illustrative: false,
    characteristics: [
      { key: 'andel-par', label: 'Andel par', value: 0.11, unit: 'andel', source: SEED, illustrative: false },
      { key: 'antal-personer', label: 'Antal personer i målgruppen', value: 90488, unit: 'antal', source: SEED, illustrative: false },
    ],
  },
  {
    id: 'alkohol-18-65', themeId: 'udsatte-voksne', themeLabel: 'Udsatte voksne', label: 'Mennesker med alkoholmisbrug (18-65 år)', group: 'Alkoholmisbrug',
    subgroup: null, ageMin: 18, ageMax: 65, delimitation: null, literatureOnly: false, hasConsequences: true, source: SEED, illustrative: false,
    characteristics: [],
  },
  {
    id: 'plejefamilie-6-13', themeId: 'udsatte-boern-unge', themeLabel: 'Udsatte børn og unge', label: 'Børn og unge anbragt i plejefamilie: 6-13 år',
    group: 'Anbragt i plejefamilie', subgroup: '6-13 år', ageMin: 6, ageMax: 13, delimitation: null, literatureOnly: false, hasConsequences: true,
    source: EXAMPLE, illustrative: true, characteristics: [],
  },
];

const charRows: { key: string; label: string; unit: 'andel' | 'år' | 'antal'; byGroup: Record<string, [number, boolean]> }[] = [
  { key: 'andel-par', label: 'Andel par', unit: 'andel', byGroup: { 'hjemloese-18-65': [0.11, false], 'alkohol-18-65': [0.32, false], 'plejefamilie-6-13': [0, true] } },
  { key: 'andel-med-boern', label: 'Andel med børn', unit: 'andel', byGroup: { 'hjemloese-18-65': [0.16, false], 'alkohol-18-65': [0.29, false] } },
  { key: 'gennemsnitsalder', label: 'Gennemsnitsalder', unit: 'år', byGroup: { 'hjemloese-18-65': [41, false], 'alkohol-18-65': [46, false], 'plejefamilie-6-13': [9.4, true] } },
  { key: 'antal-personer', label: 'Antal personer i målgruppen', unit: 'antal', byGroup: { 'hjemloese-18-65': [90488, false], 'alkohol-18-65': [170487, false], 'plejefamilie-6-13': [5210, true] } },
];

export function fakeCharacteristics(targetGroupIds: string[]): CharacteristicsTable {
  const groups = fakeTargetGroups.filter((g) => targetGroupIds.includes(g.id));
  return {
    targetGroups: groups.map((g) => ({ id: g.id, label: g.label })),
    rows: charRows.map((r) => ({
      key: r.key,
      label: r.label,
      unit: r.unit,
      values: groups.map((g) => r.byGroup[g.id]?.[0] ?? null),
      sources: groups.map((g) => (r.byGroup[g.id] ? (r.byGroup[g.id][1] ? EXAMPLE : SEED) : null)),
      illustrative: groups.map((g) => r.byGroup[g.id]?.[1] ?? null),
    })),
  };
}

const interventions = ['Housing First', 'ICM (Intensive Case Management)', 'Cool Kids', 'KEEP'];
const countries = ['Danmark', 'Sverige', 'USA', 'Holland'];
const designs = ['Kontrolgruppe med lodtrækning', 'Kontrolgruppe uden lodtrækning', 'Før- og eftermåling', 'Metaanalyse'];
const measures = ['Ophør af hjemløshed', 'Alkoholforbrug', 'Angstsymptomer'];
const qualities = STUDY_QUALITIES;

/** 1.234 generated studies (enough to test paging and da-DK thousands separators). */
export const fakeStudies: StudyDetail[] = Array.from({ length: 1234 }, (_, i) => {
  const g = fakeTargetGroups[i % fakeTargetGroups.length];
  const intervention = interventions[i % interventions.length];
  const country = countries[(i >> 1) % countries.length];
  return {
    id: `es-${String(i + 1).padStart(4, '0')}`,
    themeId: g.themeId,
    themeLabel: g.themeLabel,
    targetGroupId: g.id,
    targetGroupLabel: g.label,
    title: `${intervention}: effekt (${country}, ${2000 + (i % 20)})`,
    intervention,
    country,
    measure: measures[i % measures.length],
    design: designs[i % designs.length],
    quality: qualities[i % 3],
    effectSize: Math.round(((i % 17) - 4) * 7.3) / 100,
    significant: i % 5 === 0 ? null : i % 2 === 0,
    nParticipants: 20 + (i % 300),
    year: 2000 + (i % 20),
    controlGroup: i % 4 === 2 ? 'Ingen (førmåling)' : 'Sædvanlig indsats',
    nControl: i % 4 === 2 ? null : 18 + (i % 250),
    horizonMonths: 6 + (i % 4) * 6,
    source: i % 3 === 0 ? EXAMPLE : SEED,
    illustrative: i % 3 === 0,
  };
});

interface StudyFilterArgs {
  themeIds?: string[];
  targetGroupIds?: string[];
  interventions?: string[];
  measures?: string[];
  designs?: string[];
  qualities?: StudyQuality[];
  countries?: string[];
  text?: string;
  illustrative?: boolean;
}

export function filterFakeStudies(f: StudyFilterArgs): StudyDetail[] {
  const has = (list: string[] | undefined, v: string | null) => !list || list.length === 0 || (v !== null && list.includes(v));
  const text = f.text?.trim().toLowerCase() ?? '';
  return fakeStudies.filter(
    (s) =>
      has(f.themeIds, s.themeId) &&
      has(f.targetGroupIds, s.targetGroupId) &&
      has(f.interventions, s.intervention) &&
      has(f.measures, s.measure) &&
      has(f.designs, s.design) &&
      has(f.qualities, s.quality) &&
      has(f.countries, s.country) &&
      (text === '' || `${s.title} ${s.intervention} ${s.measure} ${s.targetGroupLabel} ${s.country}`.toLowerCase().includes(text)) &&
      (f.illustrative === undefined || s.illustrative === f.illustrative),
  );
}

function toRow(s: StudyDetail): StudyRow {
  const { controlGroup: _c, ...row } = s;
  return row;
}

function facet(list: StudyDetail[], key: (s: StudyDetail) => string | null, label: (v: string) => string = (v) => v): FacetValue[] {
  const counts = new Map<string, number>();
  for (const s of list) {
    const v = key(s);
    if (v !== null) counts.set(v, (counts.get(v) ?? 0) + 1);
  }
  return [...counts].map(([value, count]) => ({ value, label: label(value), count })).sort((a, b) => a.label.localeCompare(b.label, 'da'));
}

/** Like the back end: each list's counts leave out that list's own selection (Excel-slicer counts). */
export function fakeStudyFacets(f: StudyFilterArgs): StudyFacets {
  const without = (key: keyof StudyFilterArgs) => filterFakeStudies({ ...f, [key]: undefined });
  const labelOf = (id: string) => fakeTargetGroups.find((g) => g.id === id)?.label ?? fakeThemes.find((t) => t.id === id)?.label ?? id;
  return {
    themes: facet(without('themeIds'), (s) => s.themeId, labelOf),
    targetGroups: facet(without('targetGroupIds'), (s) => s.targetGroupId, labelOf),
    interventions: facet(without('interventions'), (s) => s.intervention),
    measures: facet(without('measures'), (s) => s.measure),
    designs: facet(without('designs'), (s) => s.design),
    qualities: facet(without('qualities'), (s) => s.quality),
    countries: facet(without('countries'), (s) => s.country),
  };
}

export const fakeSuccessMeasures: SuccessMeasure[] = [
  {
    id: 'ophoer-hjemloeshed', targetGroupId: 'hjemloese-18-65', label: 'Ophør af hjemløshed',
    definition: 'Personer, der ikke længere bruger bosteder eller herberg efter servicelovens §110, opgjort året efter (år 1).',
    lineCount: 2, source: 'Seed 000', illustrative: false,
  },
  {
    id: 'afsluttet-behandling', targetGroupId: 'alkohol-18-65', label: 'Har afsluttet et behandlingsforløb',
    definition: 'Har afsluttet et behandlingsforløb med "færdigbehandlet" som afslutningsårsag (NAB).', lineCount: 1, source: 'Seed 000', illustrative: false,
  },
];

export const fakeDimensions: Dimension[] = [
  {
    id: 'kontanthjaelp', area: 'Indkomstoverførsler', label: 'Kontanthjælp', unit: 'uger', priceUnit: 'Kr. pr. uge', direction: 'expense',
    taxableTransfer: true, adultsOnly: false, childrenOnly: false, uncertainSocialService: false, derived: false, source: SEED, illustrative: false,
  },
  {
    id: 'herberg', area: 'Sociale serviceydelser', label: 'Herberg og forsorg', unit: 'dage', priceUnit: 'Kr. pr. dag', direction: 'expense',
    taxableTransfer: false, adultsOnly: true, childrenOnly: false, uncertainSocialService: true, derived: false, source: SEED, illustrative: false,
  },
  {
    id: 'vejledning-opkvalificering', area: 'Beskæftigelsesindsats', label: 'Vejledning og opkvalificering', unit: 'uger', priceUnit: 'Kr. pr. uge',
    direction: 'expense', taxableTransfer: false, adultsOnly: true, childrenOnly: false, uncertainSocialService: false, derived: false, source: SEED, illustrative: false,
  },
];

function taper(measured: (number | null)[]): { values: (number | null)[]; kinds: (EstimateKind | null)[] } {
  const values: (number | null)[] = [];
  const kinds: (EstimateKind | null)[] = [];
  const last = [...measured].reverse().find((v) => v !== null) ?? null;
  for (let y = 0; y < 20; y++) {
    if (y < measured.length) {
      values.push(measured[y]);
      kinds.push(measured[y] === null ? null : 'estimate');
    } else {
      values.push(last === null ? null : Math.round(last * (1 - (y - measured.length + 1) / (21 - measured.length)) * 100) / 100);
      kinds.push(last === null ? null : 'forecast');
    }
  }
  return { values, kinds };
}

const pad20 = (xs: (number | null)[]) => Array.from({ length: 20 }, (_, i) => xs[i] ?? null);

export function fakeConsequenceLines(): ConsequenceLine[] {
  const kh = taper([-2.9, -2.4, -1.7, -1.0, 0.0, 0.0]);
  const hb = taper([-31.5, -12.2, -8.0, null]);
  return [
    {
      dimensionId: 'kontanthjaelp', area: 'Indkomstoverførsler', label: 'Kontanthjælp', unit: 'uger', direction: 'expense', taxableTransfer: true,
      uncertainSocialService: false, values: kh.values, kinds: kh.kinds,
      successGroup: pad20([17.8, 16.1, 14.8, 13.6, 12.6, 11.8]), others: pad20([21.8, 19.2, 17.0, 14.9, 13.2, 12.1]),
      adjustment: pad20([-1.1, -0.8, -0.5, -0.3, null, null]), source: 'Seed 003/000: Beregning af konsekvenser i 3 trin', illustrative: false,
    },
    {
      dimensionId: 'herberg', area: 'Sociale serviceydelser', label: 'Herberg og forsorg', unit: 'dage', direction: 'expense', taxableTransfer: false,
      uncertainSocialService: true, values: hb.values, kinds: hb.kinds, successGroup: null, others: null, adjustment: null, source: EXAMPLE, illustrative: true,
    },
  ];
}

const basePrices: Omit<PriceRow, 'total' | 'local'>[] = [
  { targetGroupId: 'hjemloese-18-65', targetGroupLabel: 'Hjemløse (18-65 år)', dimensionId: 'vejledning-opkvalificering', area: 'Beskæftigelsesindsats', label: 'Vejledning og opkvalificering', priceUnit: 'Kr. pr. uge', kommune: 885, region: 0, stat: 885, priceYear: 2018, source: SEED, illustrative: false },
  { targetGroupId: 'hjemloese-18-65', targetGroupLabel: 'Hjemløse (18-65 år)', dimensionId: 'kontanthjaelp', area: 'Indkomstoverførsler', label: 'Kontanthjælp', priceUnit: 'Kr. pr. uge', kommune: 1540.5, region: 0, stat: 1540.5, priceYear: 2018, source: EXAMPLE, illustrative: true },
  { targetGroupId: 'hjemloese-18-65', targetGroupLabel: 'Hjemløse (18-65 år)', dimensionId: 'herberg', area: 'Sociale serviceydelser', label: 'Herberg og forsorg', priceUnit: 'Kr. pr. dag', kommune: 578, region: 0, stat: 578, priceYear: 2018, source: EXAMPLE, illustrative: true },
  { targetGroupId: 'alkohol-18-65', targetGroupLabel: 'Mennesker med alkoholmisbrug (18-65 år)', dimensionId: 'kontanthjaelp', area: 'Indkomstoverførsler', label: 'Kontanthjælp', priceUnit: 'Kr. pr. uge', kommune: 1540.5, region: 0, stat: 1540.5, priceYear: 2018, source: EXAMPLE, illustrative: true },
];

/** Local prices set in this fake session (setLocalPrice / resetLocalPrice change it). */
export const fakeLocalPrices = new Map<string, LocalPrice>();
const localKey = (dimensionId: string, targetGroupId: string | null) => `${dimensionId}|${targetGroupId ?? ''}`;

export function fakePrices(f: { targetGroupIds?: string[]; areas?: string[]; dimensions?: string[] }): PriceRow[] {
  const has = (list: string[] | undefined, v: string) => !list || list.length === 0 || list.includes(v);
  return basePrices
    .filter((p) => has(f.targetGroupIds, p.targetGroupId) && has(f.areas, p.area) && has(f.dimensions, p.dimensionId))
    .map((p) => ({
      ...p,
      total: p.kommune + p.region + p.stat,
      local: fakeLocalPrices.get(localKey(p.dimensionId, p.targetGroupId)) ?? fakeLocalPrices.get(localKey(p.dimensionId, null)) ?? null,
    }));
}

const priceIndex = [0.69, 0.7, 0.72, 0.74, 0.76, 0.77, 0.79, 0.8, 0.82, 0.83, 0.86, 0.88, 0.9, 0.92, 0.94, 0.95, 0.95, 0.96, 0.97, 0.98, 1.0, 1.02, 1.04, 1.06, 1.08, 1.11];

export const fakeReleases: ReleaseEntry[] = [
  { id: '2026.1-eksempel', date: '2026-11-23', sha256: 'a'.repeat(64), description: 'Vidensdatabase bygget fra kursusmaterialet.', kind: 'shipped', active: true, importedAt: null },
];

// "UEsDBA" = the ZIP signature ("PK\x03\x04") every .xlsx starts with.
const XLSX_B64 = 'UEsDBAoAAAAAAA==';

export function fakeImportSummary(fileName: string): WorkbookImportSummary {
  return {
    fileName,
    found: { prices: 7, consequenceRows: 7, studies: 3, characteristics: 12, priceIndexYears: 8, discountRate: true, taxRates: true },
    replaced: { prices: 3, consequenceRows: 6, studies: 0, characteristics: 8, priceIndexYears: 8, discountRate: true, taxRates: true },
    new: { targetGroups: ['Mennesker med ludomani (18-65 år)'], successMeasures: [], dimensions: ['Tandpleje (Sundhedsydelser)'] },
    skipped: [{ sheet: 'Priser', row: 10, column: 'Kommune', why: '"x" er ikke et tal' }],
    skippedCount: 1,
    warnings: [],
    tables: [{ kind: 'prices', sheet: 'Priser', row: 3, rows: 7 }],
    release: null,
  };
}

type KnowledgeChannel = Exclude<Extract<ChannelName, `knowledge.${string}`>, 'knowledge.health'>;

/** Fake answers for the knowledge channels (component tests). Every channel of shared/ipc/knowledge.ts must be here. */
export const knowledgeFakes: FakesFor<KnowledgeChannel> = {
  'knowledge.themes': () => fakeThemes,
  'knowledge.targetGroups': ({ themeIds }) =>
    themeIds && themeIds.length > 0 ? fakeTargetGroups.filter((g) => themeIds.includes(g.themeId)) : fakeTargetGroups,
  'knowledge.characteristics': ({ targetGroupIds }) => fakeCharacteristics(targetGroupIds),
  'knowledge.studies': (args) => {
    const { sort, offset = 0, limit = 50, ...filters } = args;
    let list = filterFakeStudies(filters);
    if (sort) {
      const key: Record<typeof sort.column, (s: StudyDetail) => string | number | null> = {
        theme: (s) => s.themeLabel, targetGroup: (s) => s.targetGroupLabel, intervention: (s) => s.intervention, measure: (s) => s.measure,
        design: (s) => s.design, quality: (s) => STUDY_QUALITIES.indexOf(s.quality), country: (s) => s.country,
        effectSize: (s) => s.effectSize, nParticipants: (s) => s.nParticipants, year: (s) => s.year,
        significant: (s) => (s.significant === null ? null : Number(s.significant)), horizonMonths: (s) => s.horizonMonths,
      };
      const k = key[sort.column];
      const dir = sort.dir === 'asc' ? 1 : -1;
      list = [...list].sort((a, b) => {
        const x = k(a);
        const y = k(b);
        if (x === y) return a.id.localeCompare(b.id);
        if (x === null) return 1;
        if (y === null) return -1;
        return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'da')) * dir;
      });
    }
    return { total: fakeStudies.length, count: list.length, rows: list.slice(offset, offset + limit).map(toRow) };
  },
  'knowledge.studyFacets': (filters) => fakeStudyFacets(filters),
  'knowledge.study': ({ id }) => {
    const s = fakeStudies.find((x) => x.id === id);
    if (!s) throw new AppError('not-found', `Effektstudiet ${id} findes ikke.`);
    return s;
  },
  'knowledge.successMeasures': ({ targetGroupId }) => fakeSuccessMeasures.filter((m) => m.targetGroupId === targetGroupId),
  'knowledge.dimensions': () => fakeDimensions,
  'knowledge.consequences': ({ targetGroupId, successMeasureId }) => {
    const m = fakeSuccessMeasures.find((x) => x.id === successMeasureId && x.targetGroupId === targetGroupId);
    if (!m) throw new AppError('not-found', 'Succesmålet findes ikke for den valgte målgruppe.');
    return { targetGroupId, successMeasureId, successMeasureLabel: m.label, lines: targetGroupId === 'hjemloese-18-65' ? fakeConsequenceLines() : [] };
  },
  'knowledge.prices': (filters) => fakePrices(filters),
  'knowledge.other': () => ({
    priceIndex: {
      basisYear: 2018,
      rows: priceIndex.map((value, i) => ({
        year: 1998 + i,
        value,
        change: i === 0 ? null : Math.round((value / priceIndex[i - 1] - 1) * 10000) / 10000,
        publishedChange: i === 1 ? 0.02 : null,
        kind: 1998 + i <= 2023 ? ('actual' as const) : ('projected' as const),
      })),
      source: 'Finansministeriet, grundfremskrivning fra DK2025 - Et stærkere Danmark, august 2016.',
      note: 'Tallene vist her er fra grundforløbet uden helhedsplanen.',
      projection: { rate: 0.02, source: 'Antagelse: 2,0 % om året.' },
    },
    discountRate: { value: 0.04, source: 'Socialstyrelsen 2017.' },
    taxRates: { kommune: 0.264, region: 0, stat: 0.121, source: 'KORA 2017.' },
  }),
  'knowledge.linesFor': ({ targetGroupId, successMeasureId }) => {
    const g = fakeTargetGroups.find((x) => x.id === targetGroupId);
    const m = fakeSuccessMeasures.find((x) => x.id === successMeasureId);
    if (!g || !m) throw new AppError('not-found', 'Målgruppe eller succesmål findes ikke.');
    return {
      targetGroup: { id: g.id, label: g.label, successMeasureId: m.id, successMeasureLabel: m.label },
      lines: fakeConsequenceLines().map((l) => ({
        id: l.dimensionId, dimensionId: l.dimensionId, label: l.label, area: l.area, unit: l.unit, direction: l.direction,
        taxableTransfer: l.taxableTransfer, useEstimates: true, estimate: l.values, estimateKind: l.kinds, own: l.values.map(() => null),
        price: { priceYear: 2018, kommune: 1540.5, region: 0, stat: 1540.5, source: l.source },
        ownPrice: { kommune: null, region: null, stat: null },
      })),
      parameters: { discountRate: 0.04, taxRates: { kommune: 0.264, region: 0, stat: 0.121 }, priceIndex: Object.fromEntries(priceIndex.map((v, i) => [String(1998 + i), v])) },
      knowledge: { release: fakeReleases[0].id, sha256: fakeReleases[0].sha256 },
      uncertainDimensionIds: ['herberg'],
      notes: [],
    };
  },
  'knowledge.export': ({ section, format }) => ({
    fileName: `som-vidensdatabase-${section}.${format}`,
    mimeType: format === 'csv' ? 'text/csv;charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: format === 'csv' ? btoa('Målgruppe;Pris i alt\r\nHjemløse (18-65 år);1.770\r\n') : XLSX_B64,
  }),
  'knowledge.exportTemplate': () => ({
    fileName: 'som-vidensdatabase-skabelon.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    base64: XLSX_B64,
  }),
  'knowledge.importRelease': ({ fileName }) => {
    const release: ReleaseEntry = {
      id: fileName.replace(/\.xlsx$/i, ''), date: '2026-11-24', sha256: 'b'.repeat(64), description: 'Importeret udgave',
      kind: 'imported', active: true, importedAt: '2026-11-24T10:00:00.000Z',
    };
    return { release, counts: { studies: 1234, prices: 4 } };
  },
  'knowledge.importWorkbook': ({ fileName }) => ({ token: 'c'.repeat(24), summary: fakeImportSummary(fileName) }),
  'knowledge.importPaste': () => ({ token: 'd'.repeat(24), summary: fakeImportSummary('Tabel indsat fra Excel') }),
  'knowledge.importConfirm': () => {
    const release: ReleaseEntry = {
      id: 'som-regneark-20261201-1a2b3c4d', date: '2026-12-01', sha256: 'e'.repeat(64), description: 'Tal fra SØM.xlsm indlæst 2026-12-01 oven på udgivelsen 2026.1-eksempel.',
      kind: 'imported', active: true, importedAt: '2026-12-01T10:00:00.000Z',
    };
    return { release, summary: { ...fakeImportSummary('SØM.xlsm'), release: { id: release.id, sha256: release.sha256 } } };
  },
  'knowledge.importDiscard': () => ({ discarded: true }),
  'knowledge.importProgress': () => ({ fraction: 0.5, text: 'Læser arkene', done: false }),
  'knowledge.importCancel': () => ({ cancelled: true }),
  'knowledge.releases': () => fakeReleases,
  'knowledge.selectRelease': ({ id }) => {
    const r = fakeReleases.find((x) => x.id === id);
    if (!r) throw new AppError('not-found', `Udgaven ${id} findes ikke.`);
    return { ...r, active: true };
  },
  'knowledge.localPrices': () => [...fakeLocalPrices.values()],
  'knowledge.setLocalPrice': (args) => {
    const lp: LocalPrice = {
      dimensionId: args.dimensionId, targetGroupId: args.targetGroupId ?? null, kommune: args.kommune, region: args.region, stat: args.stat,
      priceYear: args.priceYear, note: args.note ?? '', updatedAt: '2026-11-23T12:00:00.000Z',
    };
    fakeLocalPrices.set(localKey(lp.dimensionId, lp.targetGroupId), lp);
    return lp;
  },
  'knowledge.resetLocalPrice': ({ dimensionId, targetGroupId }) => ({ removed: fakeLocalPrices.delete(localKey(dimensionId, targetGroupId ?? null)) }),
};
