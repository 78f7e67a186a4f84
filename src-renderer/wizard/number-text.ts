import { formatNumber, parseDanishNumber } from '../../shared/format';

/** A number as the user would type it in Danish: "1.234,5", trailing zero decimals dropped. */
export function numberToText(n: number | null | undefined, maxDecimals = 4): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '';
  let s = formatNumber(n, maxDecimals);
  if (s.includes(',')) s = s.replace(/0+$/, '').replace(/,$/, '');
  return s;
}

export interface NumberRule {
  min?: number;
  max?: number;
  integer?: boolean;
  /** Empty input means null (else "skal udfyldes"). */
  allowEmpty?: boolean;
  /** The typed number is divided by this (100 for percentages). */
  scale?: number;
  /** Unit word used in messages, e.g. "%". */
  unit?: string;
  /** Years: shown and named without thousands separators ("2018", not "2.018"). */
  plain?: boolean;
}

const toText = (x: number) => numberToText(x);

/** Parses and checks a Danish number input. Returns the value (already divided by scale) or a Danish message. */
export function checkNumber(text: string, rule: NumberRule): { ok: true; value: number | null } | { ok: false; message: string } {
  const scale = rule.scale ?? 1;
  if (text.trim() === '') return rule.allowEmpty ? { ok: true, value: null } : { ok: false, message: 'Skal udfyldes.' };
  const n = parseDanishNumber(text);
  if (n === null) return { ok: false, message: rule.plain ? 'Skriv et årstal med fire cifre, fx 2024.' : 'Skriv et tal med dansk notation, fx 1.234,5.' };
  if (rule.integer && !Number.isInteger(n)) return { ok: false, message: 'Skal være et helt tal.' };
  const u = rule.unit ? ` ${rule.unit}` : '';
  const numberToText = (x: number) => (rule.plain ? String(x) : toText(x));
  const lo = rule.min;
  const hi = rule.max;
  if ((lo !== undefined && n < lo) || (hi !== undefined && n > hi)) {
    if (lo !== undefined && hi !== undefined) return { ok: false, message: `Skal være mellem ${numberToText(lo)} og ${numberToText(hi)}${u}.` };
    if (lo !== undefined) return { ok: false, message: `Skal være mindst ${numberToText(lo)}${u}.` };
    return { ok: false, message: `Må højst være ${numberToText(hi as number)}${u}.` };
  }
  return { ok: true, value: scale === 1 ? n : n / scale };
}
