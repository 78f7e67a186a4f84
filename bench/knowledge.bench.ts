/**
 * Explorer queries over 100 000 synthetic studies in a release built with the real builder:
 * filter + count + the first page of 200 rows (what the list fetches), and the option counts
 * (facets) the filter lists show. Target ≤ 30 ms median per query.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openKnowledgeDb } from '../src-main/knowledge/db';
import { studies, studyFacets, type StudyFilters } from '../src-main/knowledge/queries';
import { BENCH_STUDY_COUNT, buildStudiesRelease } from './fixtures';
import { measure, type Figure } from './measure';

const COUNT = BENCH_STUDY_COUNT;
const RUNS = 60;
const PAGE = 200;

export default async function (): Promise<Record<string, Figure>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'som-kbench-'));
  const file = path.join(dir, 'bench.sqlite');
  try {
    buildStudiesRelease(file, COUNT);

    // Opened exactly as the app opens the knowledge database.
    const kdb = openKnowledgeDb(file);
    const db = kdb.db;
    const out: Record<string, Figure> = {};
    const cases: Record<string, StudyFilters> = {
      'studies-no-filter': {},
      'studies-one-target-group': { targetGroupIds: ['hjemloese-18-65'] },
      'studies-theme-design-quality': { themeIds: ['udsatte-boern-unge'], designs: ['Kontrolgruppe med lodtrækning', 'Metaanalyse'], qualities: ['Høj'] },
      'studies-text-search': { text: 'kognitiv adfærd' },
    };
    // Sorted by a column (click on a column header), no filter.
    out['knowledge-studies-sorted-effect-size'] = await measure(() => studies(db, { sort: { column: 'effectSize', dir: 'desc' }, offset: 0, limit: PAGE }), RUNS, 5);
    for (const [name, f] of Object.entries(cases)) {
      const check = studies(db, { ...f, offset: 0, limit: PAGE });
      if (check.total !== COUNT || check.rows.length === 0) throw new Error(`${name}: unexpected result`);
      out[`knowledge-${name}`] = { ...(await measure(() => studies(db, { ...f, offset: 0, limit: PAGE }), RUNS, 5)), what: `count + first ${PAGE} rows`, goal: 30 };
      out[`knowledge-facets-${name.replace(/^studies-/, '')}`] = { ...(await measure(() => studyFacets(db, f), 20, 2)), what: 'option counts of the seven filter lists' };
    }
    kdb.close();
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
