/**
 * Canonical serialisation of knowledge data: the input of the release's content hash.
 * Object keys sorted, every list sorted by its natural key, numbers as JSON numbers (-0 → 0),
 * so the same data gives the same string whatever the order of the source files or sheets. Pure.
 */
import type { KnowledgeData } from './types';

function sortBy<T>(rows: readonly T[], key: (r: T) => string): T[] {
  return [...rows].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

function stable(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stable);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as Record<string, unknown>).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x !== undefined) out[k] = stable(x);
    }
    return out;
  }
  if (typeof v === 'number' && Object.is(v, -0)) return 0;
  return v;
}

/** Trailing nulls carry no information (a row padded to 20 years equals the short row). */
export function trimNulls(row: readonly (number | null)[] | undefined): (number | null)[] | undefined {
  if (!row) return undefined;
  let n = row.length;
  while (n > 0 && (row[n - 1] === null || row[n - 1] === undefined)) n--;
  return n === 0 ? undefined : row.slice(0, n).map((v) => v ?? null);
}

export function canonicalKnowledgeJson(d: KnowledgeData): string {
  const sorted: KnowledgeData = {
    release: d.release,
    themes: sortBy(d.themes, (t) => t.id),
    targetGroups: sortBy(d.targetGroups, (t) => t.id),
    characteristics: sortBy(d.characteristics, (c) => `${c.targetGroupId}\u0000${c.key}`),
    successMeasures: sortBy(d.successMeasures, (m) => `${m.targetGroupId}\u0000${m.id}`),
    dimensions: sortBy(d.dimensions, (x) => x.id),
    consequences: sortBy(d.consequences, (c) => `${c.targetGroupId}\u0000${c.successMeasureId}\u0000${c.dimensionId}`).map((c) => ({
      ...c,
      measured: trimNulls(c.measured) ?? [],
      successGroup: trimNulls(c.successGroup),
      others: trimNulls(c.others),
      adjustment: trimNulls(c.adjustment),
    })),
    prices: sortBy(d.prices, (p) => `${p.targetGroupId}\u0000${p.dimensionId}`),
    studies: sortBy(d.studies, (s) => s.id),
    other: { ...d.other, facts: sortBy(d.other.facts, (f) => f.key), priceIndex: { ...d.other.priceIndex, values: sortBy(d.other.priceIndex.values, (v) => String(v.year).padStart(6, '0')) } },
  };
  return JSON.stringify(stable(sorted));
}
