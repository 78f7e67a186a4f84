/** Validation of the "Angiv lokal pris" form (pure; Danish messages). */
import { formatNumber, parseDanishNumber } from '../../shared/format';

export interface LocalPriceForm {
  kommune: string;
  region: string;
  stat: string;
  priceYear: string;
  note: string;
}

export interface LocalPriceValues {
  kommune: number | null;
  region: number | null;
  stat: number | null;
  priceYear: number;
  note: string;
}

export type LocalPriceErrors = Partial<Record<keyof LocalPriceForm | 'form', string>>;

const MAX_AMOUNT = 1e9;

function amount(text: string, errors: LocalPriceErrors, key: 'kommune' | 'region' | 'stat'): number | null {
  if (text.trim() === '') return null;
  const n = parseDanishNumber(text);
  if (n === null) errors[key] = 'Skriv et tal, fx 1.234,5 (komma som decimaltegn).';
  else if (n < 0) errors[key] = 'Prisen kan ikke være negativ.';
  else if (n > MAX_AMOUNT) errors[key] = `Prisen må højst være ${formatNumber(MAX_AMOUNT)} kr.`;
  else return n;
  return null;
}

export function validateLocalPrice(form: LocalPriceForm): { values: LocalPriceValues | null; errors: LocalPriceErrors } {
  const errors: LocalPriceErrors = {};
  const kommune = amount(form.kommune, errors, 'kommune');
  const region = amount(form.region, errors, 'region');
  const stat = amount(form.stat, errors, 'stat');
  const yearText = form.priceYear.trim();
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : NaN;
  if (!Number.isInteger(year) || year < 1990 || year > 2100) errors.priceYear = 'Prisåret skal være et årstal mellem 1990 og 2100.';
  if (form.note.length > 2000) errors.note = 'Noten må højst være 2.000 tegn.';
  if (!errors.kommune && !errors.region && !errors.stat && kommune === null && region === null && stat === null) {
    errors.form = 'Angiv en pris for mindst én af kommune, region og stat.';
  }
  if (Object.keys(errors).length > 0) return { values: null, errors };
  return { values: { kommune, region, stat, priceYear: year, note: form.note.trim() }, errors };
}

/** A number as the user would type it back ("1234.5" → "1.234,5"; null → ""). */
export function amountText(n: number | null): string {
  if (n === null) return '';
  return formatNumber(n, Number.isInteger(n) ? 0 : Math.min(2, (String(n).split('.')[1] ?? '').length));
}
