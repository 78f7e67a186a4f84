/**
 * A workbook's price index merged into a release's: the workbook's years replace the release's; the
 * years before them keep the release's own yearly changes scaled to meet the workbook's first value,
 * and the years after its last year continue from its last value at the release's projection rate,
 * tagged projected (without a projection rate: the release's changes, scaled). No jump between two
 * sources.
 */
import type { PriceIndexKind } from '../../../shared/knowledge/price-index';
import type { KnowledgeData, WorkbookImportCounts } from '../../../shared/knowledge/types';
import type { IndexIn } from './recognised';

export function mergePriceIndex(
  data: KnowledgeData,
  baseReleaseId: string,
  pi: IndexIn,
  src: (sheet: string, row: number) => string,
  found: WorkbookImportCounts,
  replaced: WorkbookImportCounts,
  warn: (s: string) => void,
): void {
  const old = new Map(data.other.priceIndex.values.map((v) => [v.year, v]));
  const given = new Map(pi.values.map((v) => [v.year, v]));
  const years = pi.values.map((v) => v.year);
  const firstY = Math.min(...years);
  const lastY = Math.max(...years);
  found.priceIndexYears = pi.values.length;
  replaced.priceIndexYears = pi.values.filter((v) => old.has(v.year)).length;
  const out = new Map<number, { year: number; value: number; publishedChange?: number | null; kind?: PriceIndexKind | null }>();
  for (const v of pi.values) out.set(v.year, { year: v.year, value: v.value, ...(v.publishedChange !== null ? { publishedChange: v.publishedChange } : {}) });
  // Years outside the workbook's range keep the release's own yearly changes, scaled to meet the
  // workbook's first and last value; without an overlapping year they are kept as they are.
  const firstOld = old.get(firstY);
  const lastOld = old.get(lastY);
  const before = firstOld ? (given.get(firstY) as { value: number }).value / firstOld.value : 1;
  const after = lastOld ? (given.get(lastY) as { value: number }).value / lastOld.value : 1;
  // With a projection rate in the release, the years after the workbook's last year continue from
  // its last value at that rate and are tagged projected.
  const projection = data.other.priceIndex.projection ?? null;
  const lastGiven = (given.get(lastY) as { value: number }).value;
  for (const v of old.values()) {
    if (v.year >= firstY && v.year <= lastY) continue;
    if (v.year > lastY && projection) {
      out.set(v.year, { year: v.year, value: lastGiven * Math.pow(1 + projection.rate, v.year - lastY), publishedChange: projection.rate, kind: 'projected' });
      continue;
    }
    const f = v.year < firstY ? before : after;
    out.set(v.year, { year: v.year, value: v.value * f, ...(v.publishedChange != null ? { publishedChange: v.publishedChange } : {}), ...(v.kind ? { kind: v.kind } : {}) });
  }
  let basis = pi.basisYear ?? pi.values.find((v) => Math.abs(v.value - 1) < 1e-9)?.year ?? data.other.priceIndex.basisYear;
  if (!out.has(basis)) {
    warn(`Prisindeksets basisår ${basis} findes ikke i indekset; basisåret ${data.other.priceIndex.basisYear} beholdes.`);
    basis = data.other.priceIndex.basisYear;
  }
  const values = [...out.values()].sort((a, b) => a.year - b.year);
  const kept = values.filter((v) => !given.has(v.year)).map((v) => v.year);
  data.other.priceIndex = {
    basisYear: basis,
    values,
    source: `${src(pi.sheet, pi.row)} (${firstY}–${lastY})${kept.length ? `; øvrige år videreført fra udgivelsen ${baseReleaseId}${projection ? `, efter ${lastY} fremskrevet med ${(projection.rate * 100).toFixed(1).replace('.', ',')} % om året` : ' med dens årlige ændring'}` : ''}`,
    note: data.other.priceIndex.note,
    ...(projection ? { projection } : {}),
  };
  if (!out.has(data.other.priceIndex.basisYear)) warn('Prisindekset mangler basisåret.');
}
