/**
 * Danish (da-DK) number formatting and parsing, shared by renderer, report and CLI.
 *
 * Deliberately implemented without Intl so the output is identical on every machine and in
 * every runtime (Node without full ICU, Electron, jsdom): thousands separator '.', decimal
 * separator ',', minus sign '-' (ASCII hyphen-minus, so values paste cleanly into Excel).
 * Non-finite values and null/undefined format as an en dash '–'.
 */

/** What a missing / undefined figure looks like in tables. */
export const MISSING = '–';

function groupThousands(digits: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += '.';
    out += digits[i];
  }
  return out;
}

/**
 * 1234.5 → "1.234,5" (decimals fixed), -0.4 with 0 decimals → "0" (never "-0").
 * Rounding is half away from zero on the decimal representation of the number.
 */
export function formatNumber(n: number | null | undefined, decimals = 0): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return MISSING;
  const d = Math.max(0, Math.min(20, Math.trunc(decimals)));
  const abs = Math.abs(n);
  let fixed: string;
  if (abs >= 1e21) {
    // toFixed switches to exponent notation here; such amounts are not meaningful anyway.
    fixed = BigInt(Math.round(abs)).toString() + (d > 0 ? '.' + '0'.repeat(d) : '');
  } else {
    fixed = roundHalfAway(abs, d);
  }
  const [intPart, fracPart] = fixed.split('.');
  const isZero = /^[0.]*$/.test(fixed);
  const sign = n < 0 && !isZero ? '-' : '';
  return sign + groupThousands(intPart) + (fracPart !== undefined ? ',' + fracPart : '');
}

function roundHalfAway(abs: number, d: number): string {
  // toFixed rounds on the binary value (1.005 → "1.00"); nudge by a relative epsilon so that
  // numbers that print as an exact half in decimal round away from zero, as people expect.
  // The nudge stays below a hundredth of the last shown decimal, so that a large whole number
  // (1.000.000.000.000 with four decimals) does not gain a spurious last digit.
  const nudged = abs + Math.min(abs * Number.EPSILON * 4, 10 ** -(d + 2));
  return nudged.toFixed(d);
}

/** Kroner: "1.234 kr." (decimals default 0). */
export function formatKr(n: number | null | undefined, decimals = 0): string {
  const s = formatNumber(n, decimals);
  return s === MISSING ? s : `${s} kr.`;
}

/** A fraction as a Danish percentage: 0.125 → "12,5 %" with 1 decimal. */
export function formatPercent(x: number | null | undefined, decimals = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return MISSING;
  return `${formatNumber(x * 100, decimals)} %`;
}

/**
 * Parses a number as a Danish user types it: "1.234,5" → 1234.5, "-2,9" → -2.9, "1234" → 1234,
 * "1 234" → 1234, "−3" (Unicode minus) → -3. Thousands separators ('.', space, no-break space)
 * must separate groups of exactly three digits; a '.' that is not a thousands separator makes
 * the text invalid ("1.5" → null, since it is ambiguous). Returns null for anything else
 * (empty text, letters, several commas, non-finite results).
 */
export function parseDanishNumber(text: string): number | null {
  if (typeof text !== 'string') return null;
  let s = text.trim().replace(/[\u00a0\u202f]/g, ' ');
  if (s === '') return null;
  let sign = 1;
  if (s[0] === '-' || s[0] === '\u2212' || s[0] === '+') {
    if (s[0] !== '+') sign = -1;
    s = s.slice(1).trimStart();
  }
  const m = /^(\d{1,3}(?:([. ])\d{3})?(?:\2\d{3})*|\d+)?(?:,(\d+))?$/.exec(s);
  if (!m) return null;
  const intPart = m[1];
  const frac = m[3];
  if (intPart === undefined && frac === undefined) return null;
  const digits = (intPart ?? '0').replace(/[. ]/g, '');
  const value = Number(digits + (frac !== undefined ? '.' + frac : ''));
  if (!Number.isFinite(value)) return null;
  const result = sign * value;
  return Object.is(result, -0) ? 0 : result;
}

const MONTHS = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];

/** "2026-11-23" or "2026-11-23T…" → "23. november 2026" (the date part as written, no time zone conversion). */
export function danishDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])}. ${MONTHS[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}
