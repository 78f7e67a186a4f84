import { formatNumber } from '../../shared/format';
import { parseNumberText } from '../lib/number-paste';

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
  /** A count of people: a fraction is allowed (averages) but gets a hint. */
  persons?: boolean;
  /** Why the range is what it is, added to the range message ("de år, prisindekset dækker"). */
  rangeReason?: string;
}

export type NumberCheck = { ok: true; value: number | null; hint?: string } | { ok: false; message: string };

const toText = (x: number) => numberToText(x);

/** Parses and checks a Danish number input. Returns the value (already divided by scale) or a Danish message. */
export function checkNumber(text: string, rule: NumberRule): NumberCheck {
  const scale = rule.scale ?? 1;
  const percent = rule.unit === '%';
  if (text.trim() === '') return rule.allowEmpty ? { ok: true, value: null } : { ok: false, message: 'Skal udfyldes.' };
  const parsed = parseNumberText(text, { percent });
  if (!parsed.ok || parsed.value === null) {
    if (rule.plain) return { ok: false, message: 'Skriv et årstal med fire cifre, fx 2024.' };
    return { ok: false, message: parsed.ok ? 'Skriv et tal med dansk notation, fx 1.234,5.' : parsed.message };
  }
  const n = parsed.value;
  if (rule.integer && !Number.isInteger(n)) return { ok: false, message: 'Skal være et helt tal.' };
  const u = rule.unit ? ` ${rule.unit}` : '';
  const numberToText = (x: number) => (rule.plain ? String(x) : toText(x));
  const lo = rule.min;
  const hi = rule.max;
  if ((lo !== undefined && n < lo) || (hi !== undefined && n > hi)) {
    const why = rule.rangeReason ? ` (${rule.rangeReason})` : '';
    if (lo !== undefined && hi !== undefined) return { ok: false, message: `Skal være mellem ${numberToText(lo)} og ${numberToText(hi)}${u}${why}.` };
    if (lo !== undefined) return { ok: false, message: `Skal være mindst ${numberToText(lo)}${u}.` };
    return { ok: false, message: `Må højst være ${numberToText(hi as number)}${u}.` };
  }
  const value = scale === 1 ? n : n / scale;
  if (percent && n > 0 && n < 1) return { ok: true, value, hint: `Feltet er i procent. Mente du ${toText(n * 100)} %?` };
  if (rule.persons && !Number.isInteger(n)) return { ok: true, value, hint: 'Antal personer er normalt et helt tal. Tjek, om det er det, du mente.' };
  return { ok: true, value };
}
