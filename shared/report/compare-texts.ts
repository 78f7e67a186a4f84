/**
 * The Danish words and table cells of a comparison: the basis in a sentence, the key figures of
 * each calculation (own and common basis) and of the portfolio. Shared by the Sammenligning page,
 * the printed comparison report and its Excel export, so all three say exactly the same. Pure.
 */
import { formatNumber, formatPercent, MISSING } from '../format';
import type { ViewActor } from '../som/schema';
import type { ActorSummary } from '../engine/calc';
import type { CompareResult, KeyFigures } from '../engine/compare';
import type { CompareBasis } from '../engine/compare-basis';
import { breakEvenRateShort } from './texts';

/** What the common basis means, in one plain sentence. */
export function basisSentence(b: CompareBasis): string {
  return (
    `Alle beløb er omregnet til ${b.priceYear}-priser med hver beregnings eget prisindeks og tilbagediskonteret til ` +
    `${b.priceYear} med ${formatPercent(b.discountRate, 1)} om året; nutidsværdierne dækker årene ${b.periodStart}–${b.periodEnd}.`
  );
}

/** The own basis of one calculation in a short phrase: "2020-priser, 4,0 %, 2020–2025". */
export function ownBasisPhrase(r: { priceYear: number; discountRate: number; period: { start: number; end: number } }): string {
  return `${r.priceYear}-priser, ${formatPercent(r.discountRate, 1)}, ${r.period.start}–${r.period.end}`;
}

export interface KeyFigureColumn {
  key: 'pvGains' | 'pvCosts' | 'pvNet' | 'returnPerKrone' | 'breakEvenYear' | 'breakEvenSuccessRate' | 'netGainPerParticipant';
  label: string;
}

/** The key figures shown side by side, in this order. */
export const KEY_FIGURE_COLUMNS: readonly KeyFigureColumn[] = [
  { key: 'pvGains', label: 'Gevinster' },
  { key: 'pvCosts', label: 'Omkostninger' },
  { key: 'pvNet', label: 'Nettogevinst' },
  { key: 'returnPerKrone', label: 'Afkast pr. krone' },
  { key: 'breakEvenYear', label: 'Tjener sig ind' },
  { key: 'breakEvenSuccessRate', label: 'Går i nul ved succesrate' },
  { key: 'netGainPerParticipant', label: 'Netto pr. deltager' },
];

type Figures = KeyFigures | (ActorSummary & Partial<KeyFigures>);

/** The break-even success rate of the portfolio: a share of every calculation's own success rate. */
export function portfolioRateShort(f: KeyFigures): string {
  const r = f.breakEvenSuccessRate;
  if (r === null) return 'kan ikke nås';
  if (r === 0) return f.pvGains > 0 || f.pvCosts < 0 ? 'altid gevinst' : MISSING;
  return `${formatPercent(r, r < 0.01 ? 1 : 0)} af succesraterne`;
}

/** One cell text of a key figure (whole kroner, da-DK). */
export function keyFigureCell(f: Figures, key: KeyFigureColumn['key'], portfolio = false): string {
  switch (key) {
    case 'pvGains':
    case 'pvCosts':
    case 'pvNet':
    case 'netGainPerParticipant':
      return formatNumber(f[key]);
    case 'returnPerKrone':
      return f.returnPerKrone === null ? MISSING : formatNumber(f.returnPerKrone, 2);
    case 'breakEvenYear':
      return f.breakEvenYear === null ? 'nås ikke' : String(f.breakEvenYear);
    case 'breakEvenSuccessRate':
      return portfolio ? portfolioRateShort(f as KeyFigures) : breakEvenRateShort(f);
  }
}

export interface KeyFigureRow {
  /** Name of the calculation, or "Samlet (portefølje)". */
  label: string;
  /** 'own' = the calculation on its own basis; 'common' = on the common basis. */
  basis: 'own' | 'common';
  portfolio: boolean;
  /** Index of the member, null for the portfolio. */
  member: number | null;
  cells: string[];
  /** The numbers behind the cells (for Excel). */
  values: (number | null)[];
}

export const PORTFOLIO_LABEL = 'Samlet (portefølje)';

/** The side-by-side key figures of one actor: each calculation on its own and on the common basis, then the portfolio. */
export function keyFigureRows(r: CompareResult, actor: ViewActor): KeyFigureRow[] {
  const rows: KeyFigureRow[] = [];
  const vals = (f: Figures) => KEY_FIGURE_COLUMNS.map((c) => (f[c.key] ?? null) as number | null);
  for (const m of r.members) {
    const own = m.own.actors[actor];
    rows.push({ label: m.name, basis: 'own', portfolio: false, member: m.index, cells: KEY_FIGURE_COLUMNS.map((c) => keyFigureCell(own, c.key)), values: vals(own) });
    const com = m.common[actor];
    rows.push({ label: m.name, basis: 'common', portfolio: false, member: m.index, cells: KEY_FIGURE_COLUMNS.map((c) => keyFigureCell(com, c.key)), values: vals(com) });
  }
  const p = r.portfolio.actors[actor];
  rows.push({ label: PORTFOLIO_LABEL, basis: 'common', portfolio: true, member: null, cells: KEY_FIGURE_COLUMNS.map((c) => keyFigureCell(p, c.key, true)), values: vals(p) });
  return rows;
}

/** "Eget grundlag (2020-priser, 4,0 %, 2020–2025)" / "Fælles grundlag". */
export function basisLabel(r: CompareResult, row: KeyFigureRow): string {
  if (row.basis === 'common') return 'Fælles grundlag';
  const m = r.members[row.member ?? 0];
  return `Eget grundlag (${ownBasisPhrase(m.own)})`;
}

/** The portfolio in sentences for the chosen actor. */
export function portfolioSentences(r: CompareResult, actor: ViewActor, subject: string): string[] {
  const p = r.portfolio.actors[actor];
  const b = r.basis;
  const out = [
    `Samlet giver de ${r.members.length} indsatser ${subject} en nettogevinst på ${formatNumber(p.pvNet)} kr. over perioden ${b.periodStart}–${b.periodEnd} (nutidsværdi ${b.priceYear}, ${b.priceYear}-priser).`,
  ];
  out.push(
    p.breakEvenYear === null
      ? `Porteføljen tjener sig ikke ind inden ${r.years[r.years.length - 1]}.`
      : `Porteføljen tjener sig ind i ${p.breakEvenYear}: derefter er den akkumulerede, tilbagediskonterede nettogevinst ikke negativ.`,
  );
  out.push(`I alt ${formatNumber(r.portfolio.participants, r.portfolio.participants % 1 === 0 ? 0 : 1)} deltagere.`);
  return out;
}
