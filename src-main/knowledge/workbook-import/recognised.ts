/** What the recogniser collects from a workbook's sheets, before it is matched to a release. */
export interface Skipped {
  sheet: string;
  row: number;
  column: string;
  why: string;
}

interface At {
  sheet: string;
  row: number;
}

export interface PriceIn extends At {
  targetGroup: string;
  area: string;
  label: string;
  unit: string;
  stat: number;
  region: number;
  kommune: number;
  priceYear: number | null;
}

export type ConsRowType = 'effect' | 'successGroup' | 'others' | 'adjustment';

export interface ConsIn extends At {
  targetGroup: string;
  successMeasure: string;
  label: string;
  area: string | null;
  unit: string | null;
  type: ConsRowType;
  /** År 1–20 (index 0 = År 1); null = not given. */
  years: (number | null)[];
}

export interface StudyIn extends At {
  targetGroup: string;
  intervention: string;
  measure: string;
  effectSize: number;
  theme: string | null;
  country: string | null;
  design: string | null;
  controlGroup: string | null;
  nParticipants: number | null;
  nControl: number | null;
  significant: boolean | null;
  horizonMonths: number | null;
  quality: 'Lav' | 'Mellem' | 'Høj' | null;
  title: string | null;
  reference: string | null;
  year: number | null;
}

export interface CharIn extends At {
  targetGroup: string;
  label: string;
  value: number;
  percent: boolean;
}

export interface IndexIn extends At {
  basisYear: number | null;
  values: { year: number; value: number; publishedChange: number | null }[];
}

export interface Recognised {
  prices: PriceIn[];
  consequences: ConsIn[];
  /** Rows read per table (a long consequence table counts each row). */
  consequenceRowsRead: number;
  studies: StudyIn[];
  characteristics: CharIn[];
  priceIndex: IndexIn | null;
  discountRate: (At & { value: number }) | null;
  taxRates: (At & { stat: number; region: number; kommune: number }) | null;
  skipped: Skipped[];
  skippedCount: number;
  warnings: string[];
  /** Tables found: kind and where, for the preview. */
  tables: { kind: TableKind; sheet: string; row: number; rows: number }[];
}

export type TableKind = 'prices' | 'consequences' | 'studies' | 'characteristics' | 'priceIndex' | 'discountRate' | 'taxRates';

export const MAX_SKIPPED_LISTED = 20;

export function emptyRecognised(): Recognised {
  return { prices: [], consequences: [], consequenceRowsRead: 0, studies: [], characteristics: [], priceIndex: null, discountRate: null, taxRates: null, skipped: [], skippedCount: 0, warnings: [], tables: [] };
}

/** Collects unreadable rows of one sheet (the first few listed, all counted). */
export class Collector {
  constructor(
    readonly out: Recognised,
    readonly sheet: string,
  ) {}
  skip(row: number, column: string, why: string): void {
    this.out.skippedCount++;
    if (this.out.skipped.length < MAX_SKIPPED_LISTED) this.out.skipped.push({ sheet: this.sheet, row, column, why });
  }
}

