/**
 * Generator of the illustrative example data (data/knowledge/*-illustrative.json, studies.json).
 * Run once by `npm run build:knowledge -- --regenerate-examples`; the JSON files it writes are the
 * committed, human-readable sources. Deterministic (seeded by ids), so re-running gives the same files.
 * Every row it makes is illustrative=true with the source ILLUSTRATIVE_SOURCE.
 */
import { ILLUSTRATIVE_SOURCE } from '../../shared/knowledge/schema';
import type { StudyQuality } from '../../shared/knowledge/studies';
import type {
  CharacteristicSrc,
  ConsequenceSrc,
  DimensionSrc,
  PriceSrc,
  StudySrc,
  SuccessMeasureSrc,
  TargetGroupSrc,
} from '../../shared/knowledge/types';

import { mulberry32 } from '../../shared/engine/rng';

const ILL = { source: ILLUSTRATIVE_SOURCE, illustrative: true } as const;

function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** A generator seeded by a text key (FNV-1a hash → mulberry32): the same key, the same values. */
export function rng(seed: string): () => number {
  return mulberry32(hashString(seed));
}

const round = (v: number, d: number) => {
  const f = 10 ** d;
  const r = Math.round(v * f) / f;
  return Object.is(r, -0) ? 0 : r;
};

/** Typical change per successful participant in År 1 (sign: + more use, − less use) and decimals. */
interface Profile {
  mag: number;
  decimals: number;
}
const PROFILE: Record<string, Profile> = {
  'sygesikring-almen': { mag: -1.2, decimals: 2 },
  'sygesikring-andre': { mag: -0.8, decimals: 2 },
  'somatisk-indl': { mag: -0.9, decimals: 2 },
  'somatisk-amb': { mag: -0.6, decimals: 2 },
  'somatisk-skadestue': { mag: -0.12, decimals: 3 },
  'psyk-indl': { mag: -2.5, decimals: 2 },
  'psyk-amb': { mag: -1.5, decimals: 2 },
  'psyk-skadestue': { mag: -0.1, decimals: 3 },
  faengselsdage: { mag: -2.5, decimals: 1 },
  'dom-vold': { mag: -0.02, decimals: 3 },
  'dom-indbrud': { mag: -0.03, decimals: 3 },
  'dom-faerdsel': { mag: -0.025, decimals: 3 },
  alkoholbehandling: { mag: -8, decimals: 1 },
  'stofbehandling-doegn': { mag: -4, decimals: 1 },
  'stofbehandling-dag': { mag: -10, decimals: 1 },
  herberg: { mag: -12, decimals: 1 },
  'midlertidigt-botilbud': { mag: -6, decimals: 1 },
  'laengerevarende-botilbud': { mag: -5, decimals: 1 },
  'socpaed-botilbudslign': { mag: -8, decimals: 1 },
  'socpaed-eget-hjem': { mag: -12, decimals: 1 },
  'personlig-praktisk-hjaelp': { mag: -4, decimals: 1 },
  handicaphjaelper: { mag: -3, decimals: 1 },
  ledsagerordning: { mag: -2, decimals: 1 },
  'beskyttet-beskaeftigelse': { mag: -6, decimals: 1 },
  kontanthjaelp: { mag: -2.8, decimals: 1 },
  foertidspension: { mag: -1.6, decimals: 1 },
  uddannelseshjaelp: { mag: 0.8, decimals: 1 },
  'oevrige-overfoersler': { mag: -1.2, decimals: 1 },
  'skat-indkomst': { mag: 10, decimals: 1 },
  'ungdoms-videregaaende-udd': { mag: 1.5, decimals: 1 },
  'vejledning-opkvalificering': { mag: -1.0, decimals: 1 },
  'sf-forebyggende': { mag: -3, decimals: 1 },
  'sf-hjemmebaserede': { mag: -4, decimals: 1 },
  'sf-slaegt-netvaerk': { mag: -6, decimals: 1 },
  'sf-familiepleje': { mag: -20, decimals: 1 },
  'sf-institution': { mag: -25, decimals: 1 },
  'ev-hjemmebaserede': { mag: -1.5, decimals: 1 },
  'ev-slaegt-netvaerk': { mag: -2, decimals: 1 },
  'ev-familiepleje': { mag: -4, decimals: 1 },
  'ev-institution': { mag: -5, decimals: 1 },
  'grundskole-almen': { mag: 0.08, decimals: 3 },
  'specialundervisning-almenklasse': { mag: -0.04, decimals: 3 },
  specialklasse: { mag: -0.06, decimals: 3 },
  specialskole: { mag: -0.05, decimals: 3 },
  'grundskole-10': { mag: 0.03, decimals: 3 },
  'forberedende-udd': { mag: -0.03, decimals: 3 },
  stu: { mag: -0.02, decimals: 3 },
  'ordinaer-ungdomsudd': { mag: 0.06, decimals: 3 },
};

/** Illustrative base prices per unit, 2018 prices: [kommune, region, stat]. */
const BASE_PRICE: Record<string, [number, number, number]> = {
  'sygesikring-almen': [0, 160, 0],
  'sygesikring-andre': [0, 280, 0],
  'somatisk-indl': [1050, 4200, 0],
  'somatisk-amb': [350, 1750, 0],
  'somatisk-skadestue': [260, 1300, 0],
  'psyk-indl': [0, 5200, 0],
  'psyk-amb': [0, 1850, 0],
  'psyk-skadestue': [0, 1400, 0],
  faengselsdage: [0, 0, 2100],
  'dom-vold': [0, 0, 68000],
  'dom-indbrud': [0, 0, 32000],
  'dom-faerdsel': [0, 0, 9500],
  alkoholbehandling: [116, 0, 0],
  'stofbehandling-doegn': [2150, 0, 0],
  'stofbehandling-dag': [310, 0, 0],
  herberg: [640, 0, 640],
  'midlertidigt-botilbud': [1900, 0, 0],
  'laengerevarende-botilbud': [2300, 0, 0],
  'socpaed-botilbudslign': [520, 0, 0],
  'socpaed-eget-hjem': [490, 0, 0],
  'personlig-praktisk-hjaelp': [330, 0, 0],
  handicaphjaelper: [300, 0, 60],
  ledsagerordning: [240, 0, 0],
  'beskyttet-beskaeftigelse': [375, 0, 0],
  kontanthjaelp: [2211, 0, 550],
  foertidspension: [2853, 0, 713],
  uddannelseshjaelp: [1325, 0, 331],
  'oevrige-overfoersler': [2781, 0, 698],
  'skat-indkomst': [107, 0, 193],
  'ungdoms-videregaaende-udd': [0, 0, 2400],
  'vejledning-opkvalificering': [885, 0, 885],
  'sf-forebyggende': [1400, 0, 0],
  'sf-hjemmebaserede': [2100, 0, 0],
  'sf-slaegt-netvaerk': [420, 0, 0],
  'sf-familiepleje': [1250, 0, 0],
  'sf-institution': [3300, 0, 0],
  'ev-hjemmebaserede': [1500, 0, 0],
  'ev-slaegt-netvaerk': [380, 0, 0],
  'ev-familiepleje': [1100, 0, 0],
  'ev-institution': [2900, 0, 0],
  'grundskole-almen': [78000, 0, 0],
  'specialundervisning-almenklasse': [95000, 0, 0],
  specialklasse: [210000, 0, 0],
  specialskole: [330000, 0, 0],
  'grundskole-10': [82000, 0, 0],
  'forberedende-udd': [45000, 0, 60000],
  stu: [230000, 0, 0],
  'ordinaer-ungdomsudd': [0, 0, 95000],
};

/** Lines taken from the golden fixtures (so the course cases give the fixtures' numbers). */
const PINNED: Record<string, Record<string, (number | null)[]>> = {
  'hjemloese-18-65/ophoer-hjemloeshed': {
    'skat-indkomst': [12, 15, 16, 14, 12, 10, 9],
    alkoholbehandling: [-20, -15, -8],
    'beskyttet-beskaeftigelse': [-10, -6, -4, -2],
  },
  'alkohol-18-65/afsluttet-behandling': {
    'psyk-indl': [-3, -2.5, -2, -1],
    'oevrige-overfoersler': [-1.5, -1.2, -0.8],
    alkoholbehandling: [-25, -10],
  },
};

/** Prices taken from the golden fixtures for the same lines (kommune, region, stat). */
const PINNED_PRICES: Record<string, [number, number, number]> = {
  'alkohol-18-65/psyk-indl': [0, 4200, 0],
  'alkohol-18-65/oevrige-overfoersler': [1900, 0, 1900],
};

const DEFAULT_MEASURES: Record<string, { id: string; label: string; definition: string }> = {
  'Stofmisbrug': { id: 'afsluttet-behandling', label: 'Har afsluttet et behandlingsforløb', definition: 'Har afsluttet et stofmisbrugsbehandlingsforløb med "færdigbehandlet" som afslutningsårsag, året efter.' },
  'Psykiske vanskeligheder': { id: 'ingen-kontakt-psykiatrien', label: 'Ingen kontakt til psykiatrien', definition: 'Ingen psykiatrisk sygehuskontakt året efter.' },
  'Psykiske vanskeligheder og misbrug': { id: 'ingen-kontakt-psykiatrien', label: 'Ingen kontakt til psykiatrien', definition: 'Ingen psykiatrisk sygehuskontakt året efter (og ikke genoptaget misbrugsbehandling).' },
  'Modtagere af efterværn': { id: 'uddannelse-beskaeftigelse', label: 'I uddannelse eller beskæftigelse', definition: 'I uddannelse eller beskæftigelse året efter.' },
  'Autisme': { id: 'oeget-beskaeftigelse', label: 'Øget beskæftigelse', definition: 'I ordinær beskæftigelse eller uddannelse året efter.' },
  'Udviklingshæmning': { id: 'faerre-botilbud', label: 'Bor i egen bolig', definition: 'Bor i egen bolig uden botilbud året efter.' },
  'Erhvervet hjerneskade': { id: 'oeget-beskaeftigelse', label: 'Øget beskæftigelse', definition: 'I beskæftigelse året efter.' },
  'Anbragt i plejefamilie': { id: 'undgaar-institutionsanbringelse', label: 'Undgår institutionsanbringelse', definition: 'Andel af målgruppen, der undgår anbringelse på institution.' },
  'Anbragt på institution': { id: 'hjemgivelse', label: 'Hjemgivet eller mindre indgribende foranstaltning', definition: 'Hjemgivet eller flyttet til en mindre indgribende foranstaltning året efter.' },
  'I forebyggende foranstaltninger efter serviceloven §52': { id: 'undgaar-anbringelse', label: 'Undgår anbringelse', definition: 'Ikke anbragt uden for hjemmet året efter.' },
  'Udsat for voldelige eller seksuelle overgreb': { id: 'ingen-kontakt-psykiatrien', label: 'Ingen kontakt til psykiatrien', definition: 'Ingen kontakt til børne- og ungdomspsykiatrien året efter.' },
  'Opmærksomhedsforstyrrelser': { id: 'ingen-kontakt-psykiatrien', label: 'Ingen kontakt til psykiatrien', definition: 'Ingen kontakt til børne- og ungdomspsykiatrien året efter.' },
  'Angst, depression og andre affektive lidelser': { id: 'ingen-kontakt-psykiatrien', label: 'Ingen kontakt til psykiatrien', definition: 'Ingen kontakt til børne- og ungdomspsykiatrien året efter.' },
  'Henvist til specialundervisning (adfærd/sociale årsager)': { id: 'almen-klasse', label: 'Går i almen klasse', definition: 'Går i almen klasse uden specialundervisning året efter.' },
};

const isChild = (t: TargetGroupSrc) => t.ageMax !== null && t.ageMax < 18;

export interface ExampleInput {
  targetGroups: TargetGroupSrc[];
  dimensions: DimensionSrc[];
  successMeasures: SuccessMeasureSrc[];
  characteristics: CharacteristicSrc[];
  consequences: ConsequenceSrc[];
  prices: PriceSrc[];
}

export interface ExampleOutput {
  successMeasures: SuccessMeasureSrc[];
  characteristics: CharacteristicSrc[];
  consequences: ConsequenceSrc[];
  prices: PriceSrc[];
  studies: StudySrc[];
}

/** Lines every group of a kind must have (the services its success measure is about). */
function groupCore(t: TargetGroupSrc): string[] {
  const g = `${t.group} ${t.subgroup ?? ''}`.toLowerCase();
  const out: string[] = [];
  if (g.includes('alkohol')) out.push('alkoholbehandling');
  if (g.includes('stof')) out.push('stofbehandling-dag', 'stofbehandling-doegn');
  if (g.includes('hjemløse')) out.push('herberg');
  if (g.includes('efterværn')) out.push('uddannelseshjaelp', 'ungdoms-videregaaende-udd');
  if (g.includes('udviklingshæmning') || g.includes('autisme') || g.includes('hjerneskade')) out.push('laengerevarende-botilbud', 'socpaed-eget-hjem', 'beskyttet-beskaeftigelse');
  return out;
}

function dimsFor(t: TargetGroupSrc, dims: DimensionSrc[]): string[] {
  const child = isChild(t);
  const r = rng(`dims/${t.id}`);
  const out: string[] = [];
  for (const d of dims) {
    if (d.derived) continue;
    if (child && d.adultsOnly) continue;
    if (!child && d.childrenOnly) continue;
    if (child && t.ageMax !== null && t.ageMax <= 13 && (d.id === 'stofbehandling-doegn' || d.id === 'ev-institution')) continue;
    // Keep the lines most relevant to the group; drop some of the rest for variety.
    const core = ['kontanthjaelp', 'skat-indkomst', 'psyk-indl', 'psyk-amb', 'sygesikring-almen', 'somatisk-indl', 'sf-institution', 'sf-familiepleje', 'grundskole-almen', 'specialklasse', 'ordinaer-ungdomsudd', 'foertidspension', 'faengselsdage', ...groupCore(t)];
    // Young children do not use adult social services (misuse treatment, shelters).
    if (child && t.ageMax !== null && t.ageMax <= 13 && ['alkoholbehandling', 'stofbehandling-dag', 'herberg'].includes(d.id)) continue;
    if (core.includes(d.id) || r() < 0.6) out.push(d.id);
  }
  return out;
}

function curve(seed: string, dimId: string, child: boolean, ageMax: number | null): (number | null)[] {
  const r = rng(seed);
  const p = PROFILE[dimId] ?? { mag: -1, decimals: 1 };
  const roll = r();
  const m = roll < 0.2 ? 7 + Math.floor(r() * 3) : 3 + Math.floor(r() * 4); // 3–6, sometimes 7–9
  const scale = 0.6 + 0.8 * r();
  const decay = 0.72 + 0.2 * r();
  // Children 6–13 reach adult services/transfers only after some years.
  // Children reach crime (age 15), adult transfers/services and efterværn (age 18) only after some years.
  const young = ageMax !== null && ageMax <= 13;
  const crime = ['faengselsdage', 'dom-vold', 'dom-indbrud', 'dom-faerdsel'];
  const adultService = ['kontanthjaelp', 'foertidspension', 'uddannelseshjaelp', 'oevrige-overfoersler', 'skat-indkomst', 'alkoholbehandling', 'stofbehandling-dag', 'stofbehandling-doegn', 'herberg'];
  let firstYear = 1;
  if (child && crime.includes(dimId)) firstYear = young ? 6 : 1;
  if (child && (adultService.includes(dimId) || dimId.startsWith('ev-'))) firstYear = young ? 8 : 3;
  if (child && young && ['ordinaer-ungdomsudd', 'forberedende-udd', 'stu', 'grundskole-10'].includes(dimId)) firstYear = 5;
  const last = Math.max(m, firstYear + 2);
  const out: (number | null)[] = [];
  for (let k = 1; k <= Math.min(last, 9); k++) {
    if (k < firstYear) {
      out.push(null);
      continue;
    }
    const age = k - firstYear;
    // Effects build up over the first year or two, then fade.
    const shape = age === 0 ? 0.8 : Math.pow(decay, age - 1);
    out.push(round(p.mag * scale * shape, p.decimals));
  }
  return out;
}

const COUNTRIES = ['Danmark', 'Danmark', 'Danmark', 'Sverige', 'Norge', 'USA', 'USA', 'Storbritannien', 'Holland', 'Canada', 'Australien', 'Tyskland', 'Finland'];
const DESIGNS = ['Kontrolgruppe med lodtrækning', 'Kontrolgruppe uden lodtrækning', 'Før- og eftermåling', 'Metaanalyse'];
const INTERVENTIONS: Record<string, string[]> = {
  'udsatte-voksne': ['Intensive Case Management (ICM)', 'Assertive community treatment (ACT)', 'Critical Time Intervention (CTI)', 'Housing First', '12-step facilitation', 'Motivational Interviewing', 'Kognitiv adfærdsterapi', 'Acceptance and Commitment Therapy (ACT)', 'Analytisk gruppepsykoterapi', 'Individual Placement and Support (IPS)', 'Fælles handlingsplan mellem psykiatri og kommune', 'Krisecenterophold med efterfølgende støtte', 'Mentorordning'],
  'voksne-handicap': ['R&R2-ADHD', 'Kognitiv adfærdsterapi', 'Individual Placement and Support (IPS)', 'Social færdighedstræning', 'Neuropædagogisk rehabilitering', 'Mentorordning', 'Psykoedukation'],
  'udsatte-boern-unge': ['Cool Kids', 'KEEP', 'Multisystemisk terapi (MST)', 'Adfærdsterapi', '2-phase kognitiv adfærdsterapi', 'Adfærdsterapi eller kognitiv adfærdsterapi for plejeforældre', 'Akademisk kognitiv træning samt medicinering med methylphenidat', 'Art Therapy: Trauma-focused expressive art therapy protocol (TF-CBT)', 'Parent Management Training (PMTO)', 'De Utrolige År', 'Familiebehandling', 'Social færdighedstræning'],
  handicap: ['Lidcombe-programmet', 'Camperdown-programmet', 'Træning med mobilitetshjælpemidler', '2-year phase-divided group therapy'],
};
const MEASURES: Record<string, string[]> = {
  'udsatte-voksne': ['Boligstabilitet', 'Dage i egen bolig', 'Afholdenhed fra alkohol', 'Stofbrug (selvrapporteret)', 'Psykiske symptomer (BSI)', 'Livskvalitet', 'Andel, der har fundet job', 'Genindlæggelse', 'Kriminalitet (domme)'],
  'voksne-handicap': ['Andel, der har fundet job', 'Antal, der har fundet job', 'ADHD-symptomer', 'Social funktion', 'Livskvalitet', 'Selvstændighed i dagligdagen'],
  'udsatte-boern-unge': ['Angstsymptomer', 'Depressive symptomer', 'Adfærdsproblemer (SDQ)', 'Skolefravær', 'Sammenbrud i anbringelsen', 'Faglige færdigheder (læsning)', 'Trivsel', 'Kontakt til psykiatrien'],
  handicap: ['Stammefrekvens', 'Mobilitet', 'Livskvalitet'],
};

function makeStudies(groups: TargetGroupSrc[], count: number): StudySrc[] {
  const r = rng('studies');
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const out: StudySrc[] = [];
  const usable = groups.filter((g) => g.ageMax === null || g.ageMax >= 6);
  for (let i = 1; i <= count; i++) {
    const g = usable[(i * 7) % usable.length];
    const theme = g.themeId;
    const intervention = pick(INTERVENTIONS[theme] ?? INTERVENTIONS['udsatte-voksne']);
    const measure = pick(MEASURES[theme] ?? MEASURES['udsatte-voksne']);
    const design = pick(DESIGNS);
    const quality: StudyQuality =
      design === 'Metaanalyse' || design === 'Kontrolgruppe med lodtrækning' ? (r() < 0.75 ? 'Høj' : 'Mellem') : design === 'Kontrolgruppe uden lodtrækning' ? (r() < 0.7 ? 'Mellem' : 'Lav') : 'Lav';
    const country = design === 'Metaanalyse' ? 'Flere lande' : pick(COUNTRIES);
    const n = design === 'Metaanalyse' ? 400 + Math.floor(r() * 4000) : 20 + Math.floor(r() * 400);
    const nControl = design === 'Før- og eftermåling' ? null : design === 'Metaanalyse' ? Math.floor(n * (0.8 + 0.4 * r())) : Math.floor(n * (0.6 + 0.6 * r()));
    const es = round(0.05 + r() * 0.6 - (r() < 0.12 ? 0.3 : 0), 2);
    const se = 2 / Math.sqrt(Math.max(n, 4));
    const year = 1995 + Math.floor(r() * 25);
    out.push({
      id: `es-${String(i).padStart(4, '0')}`,
      themeId: theme,
      targetGroupId: g.id,
      targetGroupLabel: g.label,
      title: `${intervention}: effekt på ${measure.charAt(0).toLowerCase()}${measure.slice(1)} (${country}, ${year})`,
      intervention,
      country,
      measure,
      design,
      controlGroup: design === 'Før- og eftermåling' ? 'Ingen (førmåling)' : design === 'Metaanalyse' ? 'Samlet kontrolgruppe i de indgående studier' : pick(['Sædvanlig indsats', 'Venteliste', 'Ingen indsats']),
      nParticipants: n,
      nControl,
      effectSize: es,
      significant: Math.abs(es) > 1.96 * se,
      horizonMonths: pick([3, 6, 6, 12, 12, 18, 24, 36]),
      quality,
      year,
      ...ILL,
    });
  }
  return out;
}

export function generateExamples(input: ExampleInput, studyCount = 120): ExampleOutput {
  const successMeasures: SuccessMeasureSrc[] = [];
  const characteristics: CharacteristicSrc[] = [];
  const consequences: ConsequenceSrc[] = [];
  const prices: PriceSrc[] = [];
  const measured = (t: TargetGroupSrc) => !t.literatureOnly && !(t.ageMax !== null && t.ageMax <= 5);
  const groups = input.targetGroups.filter(measured);

  // Success measures for groups the seeds give none.
  const allMeasures = [...input.successMeasures];
  for (const t of groups) {
    if (allMeasures.some((m) => m.targetGroupId === t.id)) continue;
    const def = DEFAULT_MEASURES[t.group];
    if (!def) continue;
    const m = { ...def, targetGroupId: t.id, ...ILL };
    successMeasures.push(m);
    allMeasures.push(m);
  }

  // Characteristics for groups with consequences but none in the seeds.
  for (const t of groups) {
    if (input.characteristics.some((c) => c.targetGroupId === t.id)) continue;
    const r = rng(`char/${t.id}`);
    if (isChild(t)) {
      const mid = ((t.ageMin ?? 6) + (t.ageMax ?? 13)) / 2;
      characteristics.push(
        { targetGroupId: t.id, key: 'andel-drenge', label: 'Andel drenge', value: round(0.4 + 0.3 * r(), 2), unit: 'andel', ...ILL },
        { targetGroupId: t.id, key: 'gennemsnitsalder', label: 'Gennemsnitsalder', value: round(mid + (r() - 0.5), 1), unit: 'år', ...ILL },
        { targetGroupId: t.id, key: 'andel-almen-klasse', label: 'Andel der går i almen klasse', value: round(0.2 + 0.6 * r(), 2), unit: 'andel', ...ILL },
        { targetGroupId: t.id, key: 'antal-personer', label: 'Antal personer i målgruppen', value: 2000 + Math.floor(r() * 30000), unit: 'antal', ...ILL },
      );
    } else {
      characteristics.push(
        { targetGroupId: t.id, key: 'andel-par', label: 'Andel par', value: round(0.05 + 0.4 * r(), 2), unit: 'andel', ...ILL },
        { targetGroupId: t.id, key: 'andel-med-boern', label: 'Andel med børn', value: round(0.1 + 0.5 * r(), 2), unit: 'andel', ...ILL },
        { targetGroupId: t.id, key: 'gennemsnitsalder', label: 'Gennemsnitsalder', value: Math.round(((t.ageMin ?? 18) + (t.ageMax ?? 65)) / 2 + (r() - 0.5) * 6), unit: 'år', ...ILL },
        { targetGroupId: t.id, key: 'antal-personer', label: 'Antal personer i målgruppen', value: 3000 + Math.floor(r() * 120000), unit: 'antal', ...ILL },
      );
    }
  }

  // Consequence lines: every (group, measure) gets a plausible set; seed lines are kept as they are.
  const seedKeys = new Set(input.consequences.map((c) => `${c.targetGroupId}/${c.successMeasureId}/${c.dimensionId}`));
  for (const m of allMeasures) {
    const t = groups.find((g) => g.id === m.targetGroupId);
    if (!t) continue;
    const pinned = PINNED[`${t.id}/${m.id}`] ?? {};
    const dims = new Set([...dimsFor(t, input.dimensions), ...Object.keys(pinned)]);
    for (const dimId of dims) {
      if (seedKeys.has(`${t.id}/${m.id}/${dimId}`)) continue;
      const values = pinned[dimId] ?? curve(`cons/${t.id}/${m.id}/${dimId}`, dimId, isChild(t), t.ageMax);
      consequences.push({ targetGroupId: t.id, successMeasureId: m.id, dimensionId: dimId, measured: values, ...ILL });
    }
  }

  // Prices for every (group, dimension) with a consequence line and no seed price.
  const seedPrices = new Set(input.prices.map((p) => `${p.targetGroupId}/${p.dimensionId}`));
  const need = new Set<string>();
  for (const c of [...input.consequences, ...consequences]) need.add(`${c.targetGroupId}/${c.dimensionId}`);
  for (const key of [...need].sort()) {
    if (seedPrices.has(key)) continue;
    const [tgId, dimId] = key.split('/');
    const pinned = PINNED_PRICES[key];
    if (pinned) {
      prices.push({ targetGroupId: tgId, dimensionId: dimId, kommune: pinned[0], region: pinned[1], stat: pinned[2], priceYear: 2018, ...ILL });
      continue;
    }
    const base = BASE_PRICE[dimId];
    if (!base) continue;
    // Target-group averages (transfers, health) vary a little between groups; unit prices do not.
    const varies = ['kontanthjaelp', 'foertidspension', 'uddannelseshjaelp', 'oevrige-overfoersler', 'skat-indkomst', 'somatisk-indl', 'psyk-indl'].includes(dimId);
    const f = varies ? 0.92 + 0.16 * rng(`price/${key}`)() : 1;
    prices.push({ targetGroupId: tgId, dimensionId: dimId, kommune: Math.round(base[0] * f), region: Math.round(base[1] * f), stat: Math.round(base[2] * f), priceYear: 2018, ...ILL });
  }

  return { successMeasures, characteristics, consequences, prices, studies: makeStudies(input.targetGroups, studyCount) };
}
