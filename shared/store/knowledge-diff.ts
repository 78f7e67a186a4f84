/**
 * Comparison of the knowledge values a .som file carries with the knowledge database in use now
 * (pure). Lines are matched by `dimensionId`; user-defined lines (dimensionId null) are never compared.
 * The user keeps the file's values by default and may update chosen lines and/or the parameters.
 */
import { ACTORS, type Actor, type SomDocument, type SomLine } from '../som/schema';

/** What the knowledge database offers now for the file's target group and success measure (a subset of LinesForResult). */
export interface CurrentKnowledge {
  lines: SomLine[];
  parameters: SomDocument['parameters'];
  knowledge: { release: string; sha256: string } | null;
}

export interface ValuePair<T> {
  file: T;
  current: T;
}

export interface LineDiff {
  lineId: string;
  dimensionId: string;
  label: string;
  area: string;
  /** 'changed': values differ; 'removed': the current database has no estimate line for this dimension. */
  status: 'changed' | 'removed';
  /** Years (1–20) whose estimate or colour code differs. */
  estimates: ({ year: number } & ValuePair<number | null>)[];
  prices: ({ actor: Actor } & ValuePair<number>)[];
  priceYear: ValuePair<number> | null;
}

export interface KnowledgeDiff {
  lines: LineDiff[];
  /** Dimensions the current database has but the file does not. */
  added: { dimensionId: string; label: string; area: string }[];
  parameters: {
    discountRate: ValuePair<number> | null;
    taxRates: ({ actor: Actor } & ValuePair<number>)[];
    priceIndex: ({ year: string } & ValuePair<number | null>)[];
  };
  hasDifferences: boolean;
}

const EPS = 1e-9;
const same = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));

export function compareKnowledge(doc: SomDocument, current: CurrentKnowledge): KnowledgeDiff {
  const byDim = new Map<string, SomLine>();
  for (const l of current.lines) if (l.dimensionId !== null) byDim.set(l.dimensionId, l);
  const fileDims = new Set<string>();
  const lines: LineDiff[] = [];
  for (const line of doc.lines) {
    if (line.dimensionId === null) continue;
    fileDims.add(line.dimensionId);
    const cur = byDim.get(line.dimensionId);
    if (!cur) {
      lines.push({
        lineId: line.id,
        dimensionId: line.dimensionId,
        label: line.label,
        area: line.area,
        status: 'removed',
        estimates: [],
        prices: [],
        priceYear: null,
      });
      continue;
    }
    const estimates: LineDiff['estimates'] = [];
    for (let k = 0; k < line.estimate.length; k++) {
      const f = line.estimate[k] ?? null;
      const c = cur.estimate[k] ?? null;
      if (!same(f, c) || (line.estimateKind[k] ?? null) !== (cur.estimateKind[k] ?? null)) {
        estimates.push({ year: k + 1, file: f, current: c });
      }
    }
    const prices: LineDiff['prices'] = [];
    for (const a of ACTORS) {
      if (!same(line.price[a], cur.price[a])) prices.push({ actor: a, file: line.price[a], current: cur.price[a] });
    }
    const priceYear = line.price.priceYear !== cur.price.priceYear ? { file: line.price.priceYear, current: cur.price.priceYear } : null;
    if (estimates.length > 0 || prices.length > 0 || priceYear !== null) {
      lines.push({
        lineId: line.id,
        dimensionId: line.dimensionId,
        label: line.label,
        area: line.area,
        status: 'changed',
        estimates,
        prices,
        priceYear,
      });
    }
  }
  const added = current.lines
    .filter((l) => l.dimensionId !== null && !fileDims.has(l.dimensionId))
    .map((l) => ({ dimensionId: l.dimensionId as string, label: l.label, area: l.area }));

  const fp = doc.parameters;
  const cp = current.parameters;
  const discountRate = same(fp.discountRate, cp.discountRate) ? null : { file: fp.discountRate, current: cp.discountRate };
  const taxRates: KnowledgeDiff['parameters']['taxRates'] = [];
  for (const a of ACTORS) {
    if (!same(fp.taxRates[a], cp.taxRates[a])) taxRates.push({ actor: a, file: fp.taxRates[a], current: cp.taxRates[a] });
  }
  const years = [...new Set([...Object.keys(fp.priceIndex), ...Object.keys(cp.priceIndex)])].sort();
  const priceIndex: KnowledgeDiff['parameters']['priceIndex'] = [];
  for (const y of years) {
    const f = Object.prototype.hasOwnProperty.call(fp.priceIndex, y) ? fp.priceIndex[y] : null;
    const c = Object.prototype.hasOwnProperty.call(cp.priceIndex, y) ? cp.priceIndex[y] : null;
    if (!same(f, c)) priceIndex.push({ year: y, file: f, current: c });
  }
  const hasDifferences =
    lines.length > 0 || added.length > 0 || discountRate !== null || taxRates.length > 0 || priceIndex.length > 0;
  return { lines, added, parameters: { discountRate, taxRates, priceIndex }, hasDifferences };
}

/**
 * The document with the current knowledge values for the chosen lines (estimate, colour codes and
 * knowledge price; the user's own values, own prices and "Tilvælg" choice are kept) and, when
 * `parameters` is true, the current discount rate, tax rates and price index.
 * The knowledge stamp moves to the current release only when nothing that differs is left behind.
 */
export function applyKnowledge(
  doc: SomDocument,
  current: CurrentKnowledge,
  lineIds: readonly string[],
  parameters: boolean,
): SomDocument {
  const chosen = new Set(lineIds);
  const byDim = new Map<string, SomLine>();
  for (const l of current.lines) if (l.dimensionId !== null) byDim.set(l.dimensionId, l);
  const next: SomDocument = structuredClone(doc);
  next.lines = next.lines.map((line) => {
    if (!chosen.has(line.id) || line.dimensionId === null) return line;
    const cur = byDim.get(line.dimensionId);
    if (!cur) return line;
    return {
      ...line,
      estimate: [...cur.estimate],
      estimateKind: [...cur.estimateKind],
      price: { ...cur.price },
    };
  });
  if (parameters) {
    next.parameters = {
      discountRate: current.parameters.discountRate,
      taxRates: { ...current.parameters.taxRates },
      priceIndex: { ...current.parameters.priceIndex },
    };
  }
  const rest = compareKnowledge(next, current);
  const pending =
    rest.lines.some((l) => l.status === 'changed') ||
    rest.parameters.discountRate !== null ||
    rest.parameters.taxRates.length > 0 ||
    rest.parameters.priceIndex.length > 0;
  if (!pending && current.knowledge) next.knowledge = { ...current.knowledge };
  return next;
}
