/**
 * npm run build:knowledge [-- --out path] [--data dir] [--regenerate-examples]
 * Builds knowledge.sqlite from the human-readable sources in data/knowledge/.
 * --regenerate-examples first rewrites the generated illustrative files (*-illustrative.json, studies.json).
 * --regenerate-price-index first rewrites other.json's price index from price-index-sources.json.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildKnowledgeDb, loadSources } from '../src-main/knowledge/build';
import { generateExamples } from '../src-main/knowledge/examples';
import { deriveShippedIndex, type PriceIndexSources } from '../shared/knowledge/price-index';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name: string, def: string) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? path.resolve(args[i + 1]) : def;
};
const dataDir = opt('--data', path.join(root, 'data', 'knowledge'));
const out = opt('--out', path.join(root, 'knowledge.sqlite'));

function readList<T>(name: string): T[] {
  const file = path.join(dataDir, name);
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T[]) : [];
}
/** Pretty JSON with short arrays of numbers on one line (År 1…9 rows stay readable). */
function writeJson(name: string, v: unknown) {
  const text = JSON.stringify(v, null, 2).replace(/\[\s*((?:-?[\d.e+-]+|null)(?:,\s*(?:-?[\d.e+-]+|null))*)\s*\]/g, (_m, inner: string) => `[${inner.split(/,\s*/).join(', ')}]`);
  fs.writeFileSync(path.join(dataDir, name), text + '\n', 'utf8');
}

if (args.includes('--regenerate-examples')) {
  const ex = generateExamples({
    targetGroups: readList('target-groups.json'),
    dimensions: readList('dimensions.json'),
    successMeasures: readList('success-measures.json'),
    characteristics: readList('characteristics.json'),
    consequences: readList('consequences.json'),
    prices: readList('prices.json'),
  });
  writeJson('success-measures-illustrative.json', ex.successMeasures);
  writeJson('characteristics-illustrative.json', ex.characteristics);
  writeJson('consequences-illustrative.json', ex.consequences);
  writeJson('prices-illustrative.json', ex.prices);
  writeJson('studies.json', ex.studies);
  console.log(`examples: ${ex.successMeasures.length} success measures, ${ex.characteristics.length} characteristics, ${ex.consequences.length} consequence lines, ${ex.prices.length} prices, ${ex.studies.length} studies`);
}

if (args.includes('--regenerate-price-index')) {
  const sources = JSON.parse(fs.readFileSync(path.join(dataDir, 'price-index-sources.json'), 'utf8')) as PriceIndexSources;
  const other = JSON.parse(fs.readFileSync(path.join(dataDir, 'other.json'), 'utf8')) as { priceIndex: unknown };
  const idx = deriveShippedIndex(sources);
  other.priceIndex = {
    basisYear: idx.basisYear,
    values: idx.values.map((v) => ({ year: v.year, value: v.value, ...(v.publishedChange === null ? {} : { publishedChange: v.publishedChange }), kind: v.kind })),
    source: idx.source,
    note: idx.note,
    projection: idx.projection,
  };
  writeJson('other.json', other);
  console.log(`price index: ${idx.values[0].year}–${idx.values[idx.values.length - 1].year}, ${idx.values.filter((v) => v.kind === 'projected').length} projected years`);
}

try {
  const data = loadSources(dataDir);
  const res = buildKnowledgeDb(data, out);
  console.log(`knowledge: ${path.relative(process.cwd(), res.path) || res.path} release ${data.release.id} sha256 ${res.sha256}`);
  console.log(Object.entries(res.counts).map(([k, v]) => `${k}=${v}`).join(' '));
} catch (e) {
  console.error(`build-knowledge: ${(e as Error).message}`);
  process.exit(1);
}
