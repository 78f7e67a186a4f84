/** Explorer-specific Danish display helpers (on top of shared/format.ts). */
import { formatNumber, formatPercent, MISSING } from '../../shared/format';
import type { EstimateKind } from '../../shared/knowledge/types';

/** "Antal valgte effektstudier: 1.234 ud af 8.443". */
export function studyCounterText(count: number, total: number): string {
  return counterText('effektstudier', count, total);
}

/** The counter of every explorer section: "Antal valgte <what>: N ud af M" (what in plural). */
export function counterText(what: string, count: number, total: number): string {
  return `Antal valgte ${what}: ${formatNumber(count)} ud af ${formatNumber(total)}`;
}

/** A characteristic value by unit: andel 0.11 → "11 %", år 41 → "41", antal 90488 → "90.488". */
export function formatCharacteristic(value: number | null, unit: 'andel' | 'år' | 'antal'): string {
  if (value === null) return MISSING;
  if (unit === 'andel') return formatPercent(value, 0);
  if (unit === 'år') return formatNumber(value, Number.isInteger(value) ? 0 : 1);
  return formatNumber(value, 0);
}

/** A consequence value: one decimal, as in SØM ("-2,9"); null → "" (blank field = not estimated). */
export function formatConsequence(value: number | null): string {
  return value === null ? '' : formatNumber(value, 1);
}

/** CSS class per estimate kind (colour code of the Konsekvenser tables). */
export function kindClass(kind: EstimateKind | null | undefined, value?: number | null): 'kind-estimate' | 'kind-forecast' | 'kind-blank' {
  if (value === null || kind === null || kind === undefined) return 'kind-blank';
  return kind === 'estimate' ? 'kind-estimate' : 'kind-forecast';
}

export const kindLabel: Record<'kind-estimate' | 'kind-forecast' | 'kind-blank', string> = {
  'kind-estimate': 'Estimat',
  'kind-forecast': 'Fremskrevet (forecast)',
  'kind-blank': 'Ikke estimeret (blankt felt)',
};

/** Standardised effect size with two decimals: 0.456 → "0,46". */
export function formatEffectSize(value: number | null): string {
  return formatNumber(value, 2);
}

export function formatSignificance(value: boolean | null): string {
  return value === null ? 'Ukendt' : value ? 'Signifikant' : 'Ikke signifikant';
}

/** Time horizon in months → "6 mdr." / "2 år". */
export function formatHorizon(months: number | null): string {
  if (months === null) return MISSING;
  if (months >= 12 && months % 12 === 0) return `${formatNumber(months / 12)} år`;
  return `${formatNumber(months)} mdr.`;
}

/** "N deltagere / kontrol": "120 / 98", "80 / –". */
export function formatN(participants: number | null, control: number | null | undefined): string {
  return control === undefined ? formatNumber(participants) : `${formatNumber(participants)} / ${formatNumber(control)}`;
}
