/**
 * The Danish words of the results: key figures as sentences, the assumptions with their
 * provenance, and the overrides. Shared by the Resultater page and the printed report so both
 * say exactly the same. Pure.
 */
import type { PriceIndexKind } from '../knowledge/price-index';
import { formatKr, formatNumber, formatPercent } from '../format';
import { ACTORS, type Actor, type SomDocument, type ViewActor } from '../som/schema';
import { isCourseExample } from '../som/course-example';
import { RESULT_ACTORS, breakEvenYear, type ActorFigures, type CalcResult } from '../engine/calc';

export const ACTOR_LABELS: Record<ViewActor, string> = { alle: 'Alle aktører', kommune: 'Kommune', region: 'Region', stat: 'Stat' };
/** Subject forms: "Kommunen går i nul …". */
export const ACTOR_SUBJECTS: Record<ViewActor, string> = {
  alle: 'alle aktører tilsammen',
  kommune: 'kommunen',
  region: 'regionen',
  stat: 'staten',
};
/** Chart order of Figur 1a (as in SØM): Kommune, Region, Stat, Alle aktører. */
export const FIGURE_ACTORS = ['kommune', 'region', 'stat', 'alle'] as const satisfies readonly ViewActor[];

export const EXAMPLE_MARK = 'Eksempeldata';
export function isExampleSource(source: string | null | undefined): boolean {
  return typeof source === 'string' && source.toLowerCase().includes(EXAMPLE_MARK.toLowerCase());
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/**
 * "2026-priser", or, when the calculation's price index does not reach the price year,
 * "2026-priser (prisindekset når ikke 2026; 2023 er brugt)": never a price year without saying so.
 */
export function pricesLabel(r: Pick<CalcResult, 'priceYear' | 'priceYearIndex'>): string {
  const l = r.priceYearIndex;
  return l && l.usedYear !== l.year ? `${r.priceYear}-priser (prisindekset når ikke ${l.year}; ${l.usedYear} er brugt)` : `${r.priceYear}-priser`;
}

/** "2018–2023" */
export function periodLabel(r: { period: { start: number; end: number } }): string {
  return `${r.period.start}–${r.period.end}`;
}

/** Title of Figur 1a, following the chosen period and start year. */
export function figure1aTitle(r: CalcResult): string {
  return `Figur 1a: Nettogevinst for perioden ${r.period.start}-${r.period.end}, nutidsværdi ${r.startYear}, kr.`;
}

/** The break-even success rate in a sentence part: "kommunen går i nul ved en succesrate på 14 %". */
/** What §7.6's r* = 0 (PV of net cost ≤ 0) means for an actor, from the sign of g1 (PV gains at 100 % success). */
type NoCostCase = { kind: 'gain' } | { kind: 'none' } | { kind: 'loss' } | { kind: 'gain-below'; limit: number };

function noCostCase(f: Pick<ActorFigures, 'pvCosts' | 'pvGainsAtFullSuccess'>): NoCostCase {
  const g1 = f.pvGainsAtFullSuccess;
  const cost = f.pvCosts;
  if (g1 > 0 || (g1 === 0 && cost < 0)) return { kind: 'gain' };
  if (g1 === 0) return { kind: 'none' };
  // Net gain r·g1 − cost with g1 < 0: ≥ 0 up to r = cost / g1 (0 when there is no cost).
  return cost < 0 ? { kind: 'gain-below', limit: cost / g1 } : { kind: 'loss' };
}

type RateFigures = Pick<ActorFigures, 'breakEvenSuccessRate' | 'pvCosts' | 'pvGainsAtFullSuccess'>;

export function breakEvenRatePhrase(subject: string, f: RateFigures, short = false): string {
  const rate = f.breakEvenSuccessRate;
  if (rate === null) return `${subject} kan ikke gå i nul, uanset succesraten (kan ikke nås)`;
  if (rate === 0) {
    const c = noCostCase(f);
    if (c.kind === 'gain') return `${subject} har gevinst ved enhver succesrate`;
    if (c.kind === 'none') return `${subject} påvirkes ikke af indsatsen`;
    if (c.kind === 'loss') return `${subject} taber ved enhver succesrate over 0 %`;
    return `${subject} har gevinst ved en succesrate op til ${formatPercent(c.limit, c.limit < 0.01 ? 1 : 0)} og taber derover`;
  }
  const s = formatPercent(rate, rate < 0.01 ? 1 : 0);
  if (rate > 1) return `${subject} går først i nul ved en succesrate over 100 % (${s})`;
  return short ? `${subject} ved ${s}` : `${subject} går i nul ved en succesrate på ${s}`;
}

/** Short table form: "14 %", "over 100 % (155 %)", "kan ikke nås"; with no net cost: "altid gevinst", "taber over 0 %", "–". */
export function breakEvenRateShort(f: RateFigures): string {
  const rate = f.breakEvenSuccessRate;
  if (rate === null) return 'kan ikke nås';
  if (rate === 0) {
    const c = noCostCase(f);
    if (c.kind === 'gain') return 'altid gevinst';
    if (c.kind === 'none') return '–';
    if (c.kind === 'loss') return 'taber over 0 %';
    return `gevinst op til ${formatPercent(c.limit, c.limit < 0.01 ? 1 : 0)}`;
  }
  const s = formatPercent(rate, rate < 0.01 ? 1 : 0);
  return rate > 1 ? `over 100 % (${s})` : s;
}

export function breakEvenYearWords(f: ActorFigures, horizonEnd: number): string {
  return f.breakEvenYear === null ? `tjener sig ikke ind inden ${horizonEnd}` : `tjener sig ind i ${f.breakEvenYear}`;
}

/** The year from which the cumulative net gain without discounting stays ≥ 0 (the line of Figur 2 that is not discounted). */
export function undiscountedBreakEvenYear(r: CalcResult, actor: ViewActor): number | null {
  return breakEvenYear(r.actors[actor].cumulativeNet, r.startYear);
}

/**
 * "Tjener sig ind" in words: the year is the one of the present value (the discounted cumulative
 * net gain, the dashed line of Figur 2), said so; whether it lies outside the chosen period; and
 * the year without discounting when that differs (the solid line).
 */
export function breakEvenSentence(r: CalcResult, actor: ViewActor): string {
  const f = r.actors[actor];
  const who = ACTOR_SUBJECTS[actor];
  const horizonEnd = r.years[r.years.length - 1];
  const y = f.breakEvenYear;
  const plain = undiscountedBreakEvenYear(r, actor);
  let s =
    y === null
      ? `For ${who} tjener indsatsen sig ikke ind inden ${horizonEnd}, når gevinster og omkostninger regnes i nutidsværdi (tilbagediskonteret).`
      : `For ${who} tjener indsatsen sig ind i ${y}, når gevinster og omkostninger regnes i nutidsværdi (tilbagediskonteret): fra det år er den akkumulerede nettogevinst positiv.`;
  if (y !== null && y > r.period.end) s += ` Året ligger efter den valgte periode (${periodLabel(r)}), så inden for perioden tjener indsatsen sig ikke ind.`;
  else if (y !== null && y < r.period.start) s += ` Året ligger før den valgte periode (${periodLabel(r)}).`;
  if (plain !== y) {
    s +=
      plain === null
        ? ` Uden tilbagediskontering bliver den akkumulerede nettogevinst ikke positiv inden ${horizonEnd}.`
        : ` Uden tilbagediskontering er den akkumulerede nettogevinst positiv fra ${plain}.`;
  }
  return s;
}

/** Figur 2 for app and report: the net gain per year (bars) and the cumulative net gain, not discounted and discounted (lines). */
export function figure2Data(r: CalcResult, actor: ViewActor) {
  const years = periodYears(r);
  const i0 = r.period.start - r.startYear;
  const f = r.actors[actor];
  const y = f.breakEvenYear;
  const outside = y !== null && (y > r.period.end || y < r.period.start);
  return {
    years,
    bars: { label: `Nettogevinst pr. år (${ACTOR_LABELS[actor].toLowerCase()})`, values: f.net.slice(i0, i0 + years.length) },
    cumulative: { label: 'Akkumuleret nettogevinst, ikke tilbagediskonteret', values: f.cumulativeNet.slice(i0, i0 + years.length) },
    cumulativeDiscounted: { label: 'Akkumuleret nettogevinst, nutidsværdi (tilbagediskonteret)', values: f.cumulativeDiscountedNet.slice(i0, i0 + years.length) },
    note:
      `Søjler: nettogevinst i året (ikke tilbagediskonteret). Fuld linje: akkumuleret, ikke tilbagediskonteret. Stiplet linje: akkumuleret i nutidsværdi; ` +
      (y === null ? `den bliver ikke positiv inden ${r.years[r.years.length - 1]}.` : `den er positiv fra ${y}, året indsatsen tjener sig ind${outside ? ` (uden for perioden ${periodLabel(r)})` : ''}.`),
  };
}

export interface KeySentence {
  id: string;
  text: string;
}

/** The key figures of §7 in plain Danish sentences, for the chosen actor (and all actors). */
export function keySentences(r: CalcResult, actor: ViewActor): KeySentence[] {
  const f = r.actors[actor];
  const who = ACTOR_SUBJECTS[actor];
  const out: KeySentence[] = [];
  out.push({
    id: 'pv',
    text: `Over perioden ${periodLabel(r)} giver indsatsen ${who} en nettogevinst på ${formatKr(f.pvNet)} (nutidsværdi ${r.startYear}): gevinster på ${formatKr(f.pvGains)} mod omkostninger på ${formatKr(f.pvCosts)}`,
  });
  const perActor = FIGURE_ACTORS.filter((a) => a !== 'alle')
    .map((a) => `${ACTOR_LABELS[a].toLowerCase()} ${formatKr(r.actors[a].pvNet)}`)
    .join(', ');
  out.push({ id: 'pv-actors', text: `Fordelt på aktører: ${perActor}; alle aktører tilsammen ${formatKr(r.actors.alle.pvNet)}` });
  out.push({ id: 'break-even-year', text: breakEvenSentence(r, actor) });
  out.push({
    id: 'return',
    text:
      f.returnPerKrone === null
        ? `Afkastet pr. krone kan ikke opgøres for ${who}, fordi ${who} ikke har nettoomkostninger i perioden.`
        : `Hver krone, ${who} bruger på indsatsen, giver ${formatNumber(f.returnPerKrone, 2)} kr. tilbage i perioden.`,
  });
  const others = (['kommune', 'region', 'stat', 'alle'] as const).filter(
    (a) => a !== actor && (a === 'alle' || r.actors[a].pvCosts > 0 || r.actors[a].pvGains !== 0),
  );
  const parts = [breakEvenRatePhrase(cap(who), f), ...others.map((a) => breakEvenRatePhrase(ACTOR_SUBJECTS[a], r.actors[a], true))];
  out.push({ id: 'break-even-rate', text: `${parts.join('; ')}. Succesraten i beregningen er ${formatPercent(r.successRate, 0)}.` });
  out.push({
    id: 'max-cost',
    text:
      f.maxCostPerParticipant === null
        ? 'Den maksimale omkostning pr. deltager kan ikke opgøres (ingen deltagere).'
        : `Indsatsen må højst koste ${formatKr(f.maxCostPerParticipant)} pr. deltager (nutidsværdi), hvis ${who} skal gå i nul i perioden.`,
  });
  out.push({
    id: 'per-participant',
    text:
      f.netGainPerParticipant === null
        ? 'Nettogevinsten pr. deltager kan ikke opgøres (ingen deltagere).'
        : `Nettogevinsten pr. deltager er ${formatKr(f.netGainPerParticipant)} for ${who} (${formatNumber(r.totalParticipants, r.totalParticipants % 1 === 0 ? 0 : 1)} deltagere i alt).`,
  });
  return out;
}

// ---- assumptions and provenance ----------------------------------------------------------------

export interface AssumptionRow {
  group: string;
  label: string;
  value: string;
  source: string;
  example: boolean;
}

export interface OverrideRow {
  line: string;
  what: string;
  value: string;
  instead: string;
}

export interface LineYearsRow {
  id: string;
  label: string;
  area: string;
  unit: string;
  /** Where the line's values come from, and its Danish label ("Fravalgt" when it is left out). */
  status: LineStatus;
  statusLabel: string;
  /** 20 cells: the Δ used in År k and its origin. */
  years: { value: number | null; kind: 'estimate' | 'forecast' | 'own' | 'none' }[];
}

/**
 * What a line contributes: 'estimates' (the knowledge estimates are chosen, own values may replace
 * some years), 'own' (only own values: a user-defined line, or estimates deselected and own values
 * typed), 'deselected' (estimates exist but are not chosen and no own value is typed: the line
 * counts as 0) and 'none' (no estimate exists and nothing is typed).
 */
export type LineStatus = 'estimates' | 'own' | 'deselected' | 'none';

export function lineStatus(l: SomDocument['lines'][number]): { status: LineStatus; label: string } {
  const hasOwn = l.own.some((v) => v !== null);
  const hasEstimate = l.estimate.some((v) => v !== null);
  if (l.dimensionId === null) return hasOwn ? { status: 'own', label: 'Egne værdier (brugerdefineret linje)' } : { status: 'none', label: 'Ingen værdier (tæller som 0)' };
  if (l.useEstimates && hasEstimate) return { status: 'estimates', label: hasOwn ? 'Vidensdatabasens skøn og egne værdier' : 'Vidensdatabasens skøn' };
  if (hasOwn) return { status: 'own', label: hasEstimate ? 'Egne værdier (vidensdatabasens skøn fravalgt)' : 'Egne værdier (ingen skøn i vidensdatabasen)' };
  if (hasEstimate) return { status: 'deselected', label: 'Fravalgt (indgår ikke i beregningen)' };
  return { status: 'none', label: 'Ingen værdier (ingen skøn i vidensdatabasen)' };
}

function knowledgeName(doc: SomDocument): string {
  if (doc.knowledge) return `Vidensdatabasen, udgave ${doc.knowledge.release}`;
  return isCourseExample(doc) ? 'SØM-kursets eksempel (kursusmaterialets tal)' : 'Vidensdatabasen (udgave ikke angivet i filen)';
}

function dec(n: number): string {
  const d = Math.abs(n) < 10 && n % 1 !== 0 ? 2 : n % 1 !== 0 ? 1 : 0;
  return formatNumber(n, d);
}

/** Every input and value used, with its provenance (the "Forudsætninger" section and appendix). */
/**
 * The index years a calculation uses (its start year and the price years of its knowledge prices),
 * with their values and, where known, whether each is an actual or a projected value:
 * "83 år, 1998–2080; anvendt: 2018: 1,00 (faktisk), 2026: 1,2338 (fremskrevet)".
 */
export function priceIndexUsed(doc: SomDocument, r: CalcResult, kinds: Readonly<Record<string, PriceIndexKind>> = {}): string {
  const keys = Object.keys(doc.parameters.priceIndex).sort();
  const used = new Set<number>([r.startYear]);
  for (const l of r.lines) {
    if (!l.prices) continue;
    for (const a of ACTORS) {
      const ep = l.prices[a];
      if (ep.indexFrom) used.add(ep.indexFrom.usedYear);
      if (ep.indexTo) used.add(ep.indexTo.usedYear);
    }
  }
  const kindWord = { actual: 'faktisk', projected: 'fremskrevet' } as const;
  const parts = [...used]
    .filter((y) => doc.parameters.priceIndex[String(y)] !== undefined)
    .sort((a, b) => a - b)
    .map((y) => {
      const k = kinds[String(y)];
      return `${y}: ${formatNumber(doc.parameters.priceIndex[String(y)], 4)}${k ? ` (${kindWord[k]})` : ''}`;
    });
  const range = keys.length > 1 ? `${keys.length} år, ${keys[0]}–${keys[keys.length - 1]}` : `${keys.length} år, ${keys[0]}`;
  return parts.length > 0 ? `${range}; anvendt: ${parts.join(', ')}` : range;
}

export function assumptions(doc: SomDocument, r: CalcResult, indexKinds: Readonly<Record<string, PriceIndexKind>> = {}): AssumptionRow[] {
  const iv = doc.intervention;
  const rows: AssumptionRow[] = [];
  const own = 'Egen værdi (indtastet i beregningen)';
  const add = (group: string, label: string, value: string, source: string, example = false) => rows.push({ group, label, value, source, example });
  const g1 = 'Indsatsen';
  add(g1, 'Indsatsens navn', iv.name, own);
  add(g1, 'Målgruppe', iv.targetGroup.label, iv.targetGroup.id ? `${knowledgeName(doc)} › Målgrupper` : 'Egen målgruppe');
  if (iv.targetGroup.successMeasureLabel) add(g1, 'Succesmål', iv.targetGroup.successMeasureLabel, iv.targetGroup.successMeasureId ? knowledgeName(doc) : own);
  add(g1, 'Startår (og prisår)', String(iv.startYear), own);
  add(g1, 'Antal år med indsats', String(iv.yearsWithIntervention), own);
  add(g1, 'Forløbets varighed', `${iv.courseDurationMonths} måneder`, own);
  iv.participants.forEach((p, i) => add(g1, `Deltagere ${iv.startYear + i}`, formatNumber(p, p % 1 === 0 ? 0 : 1), own));
  for (const key of ['costs', 'savedCosts'] as const) {
    for (const a of ACTORS) {
      iv[key][a].forEach((v, i) => {
        if (v !== 0 || key === 'costs') {
          add(g1, `${key === 'costs' ? 'Omkostninger' : 'Sparede omkostninger'}, ${ACTOR_LABELS[a].toLowerCase()}, ${iv.startYear + i}`, formatKr(v), own);
        }
      });
    }
  }
  const conv = iv.effect.conversion;
  add(
    'Effekt',
    `Succesrate (${iv.effect.measure || 'effektmål'})`,
    formatPercent(iv.effect.successRate, 1),
    conv
      ? `Omregnet fra ${({ smd: 'standardiseret middelforskel', or: 'odds ratio', rr: 'relativ risiko', rd: 'risikoforskel' } as const)[conv.kind]} ${formatNumber(conv.value, 2)} med ${formatPercent(conv.baseline, 1)} uden indsats${conv.studyId ? ', fra et effektstudie i vidensdatabasen' : ''}`
      : own,
  );
  const g3 = 'Parametre';
  add(g3, 'Diskonteringsrente', formatPercent(doc.parameters.discountRate, 1), 'Anden viden (standard 4 %) eller egen værdi');
  for (const a of ACTORS) add(g3, `Skattesats, ${ACTOR_LABELS[a].toLowerCase()}`, formatPercent(doc.parameters.taxRates[a], 1), 'Anden viden (KORA 2017) eller egen værdi');
  add(g3, 'Periode', `${periodLabel(r)} (nutidsværdi ${r.startYear}, ${pricesLabel(r)})`, 'Valgt under Resultater');
  add(g3, 'Nettoprisindeks', priceIndexUsed(doc, r, indexKinds), 'Vidensdatabasen › Anden viden (nettoprisindeks) eller egne tal');

  for (const l of doc.lines) {
    const ownYears = l.own.flatMap((v, k) => (v !== null ? [k + 1] : []));
    const estimated = l.useEstimates && l.estimate.some((v) => v !== null);
    const kind = `${l.area}, ${l.direction === 'expense' ? 'udgift' : 'indtægt'}${l.taxableTransfer ? ', skattepligtig overførsel (skat beregnes)' : ''}`;
    const st = lineStatus(l);
    let source = estimated
      ? `${knowledgeName(doc)}${iv.targetGroup.id ? `, målgruppen '${iv.targetGroup.label}'` : ''}${iv.targetGroup.successMeasureLabel ? `, succesmålet '${iv.targetGroup.successMeasureLabel}'` : ''}`
      : st.label;
    if (ownYears.length > 0) source += `; egne værdier i År ${ownYears.join(', ')}`;
    const value = st.status === 'deselected' ? `Fravalgt (${kind})` : kind;
    add('Konsekvenser', `${l.label} (${l.unit} pr. succesfuld deltager)`, value, source, st.status !== 'deselected' && isExampleSource(l.price.source));
  }

  for (const lr of r.lines) {
    if (!lr.prices) continue;
    const line = doc.lines.find((l) => l.id === lr.id);
    if (!line) continue;
    const example = isExampleSource(line.price.source);
    for (const a of ACTORS) {
      const ep = lr.prices[a];
      const value = `${formatNumber(ep.price, 2)} kr. pr. enhed${line.unit ? ` (${line.unit})` : ''}`;
      let source: string;
      if (ep.priceSource === 'own') source = `Egen pris (erstatter ${formatNumber(ep.convertedKnowledgePrice, 2)} kr.)`;
      else if (line.dimensionId === null) source = `Brugerdefineret linje: ${line.price.source}`;
      else {
        source = `${knowledgeName(doc)}: ${line.price.source}, ${ep.knowledgePriceYear}-priser`;
        if (ep.indexFrom && ep.indexTo && ep.knowledgePriceYear !== r.startYear) {
          source += `, omregnet med nettoprisindeks ${formatNumber(ep.indexTo.value, 2)}/${formatNumber(ep.indexFrom.value, 2)} fra ${formatNumber(ep.knowledgePrice, 2)} kr.`;
        }
      }
      add('Priser', `${line.label}, ${ACTOR_LABELS[a].toLowerCase()}`, value, source, example && ep.priceSource !== 'own');
    }
  }
  return rows;
}

/** Per line: the change per successful participant used in År 1–20 and where it came from. */
export function lineYears(doc: SomDocument): LineYearsRow[] {
  return doc.lines.map((l) => ({
    id: l.id,
    label: l.label,
    area: l.area,
    unit: l.unit,
    status: lineStatus(l).status,
    statusLabel: lineStatus(l).label,
    years: l.own.map((o, k) => {
      if (o !== null) return { value: o, kind: 'own' as const };
      const e = l.estimate[k];
      if (l.useEstimates && e !== null) return { value: e, kind: l.estimateKind[k] === 'forecast' ? ('forecast' as const) : ('estimate' as const) };
      return { value: null, kind: 'none' as const };
    }),
  }));
}

/** The user's overrides: own values instead of estimates, and own prices. */
export function overrides(doc: SomDocument, r: CalcResult): OverrideRow[] {
  const rows: OverrideRow[] = [];
  for (const l of doc.lines) {
    l.own.forEach((o, k) => {
      if (o === null) return;
      const e = l.estimate[k];
      rows.push({
        line: l.label,
        what: `År ${k + 1} (${l.unit} pr. succesfuld deltager)`,
        value: dec(o),
        instead: e === null ? 'intet skøn' : l.useEstimates ? `vidensdatabasens skøn ${dec(e)}` : `vidensdatabasens skøn ${dec(e)} (fravalgt)`,
      });
    });
    const lr = r.lines.find((x) => x.id === l.id);
    for (const a of ACTORS as readonly Actor[]) {
      const op = l.ownPrice[a];
      if (op === null) continue;
      rows.push({
        line: l.label,
        what: `Pris, ${ACTOR_LABELS[a].toLowerCase()}`,
        value: formatKr(op, 2),
        instead: lr?.prices ? `vidensdatabasens pris ${formatKr(lr.prices[a].convertedKnowledgePrice, 2)}` : 'vidensdatabasens pris',
      });
    }
  }
  return rows;
}

/** Table rows "I alt / Kommune / Region / Stat" of net gain per year of the period (Tabel til Figur 2). */
export function netPerYearRows(r: CalcResult): { label: string; actor: ViewActor; values: number[] }[] {
  const i0 = r.period.start - r.startYear;
  const i1 = r.period.end - r.startYear;
  const order: ViewActor[] = ['alle', 'kommune', 'region', 'stat'];
  return order.map((a) => ({ label: a === 'alle' ? 'I alt' : ACTOR_LABELS[a], actor: a, values: r.actors[a].net.slice(i0, i1 + 1) }));
}

export function periodYears(r: CalcResult): number[] {
  return r.years.slice(r.period.start - r.startYear, r.period.end - r.startYear + 1);
}

export { RESULT_ACTORS };
