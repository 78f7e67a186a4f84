/**
 * Explorer speed: filter + count + first page of the effect-study list over 100 000 synthetic
 * studies in a temporary database with the real schema. Target ≤ 30 ms median per query.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { openKnowledgeDb } from '../src-main/knowledge/db';
import { createKnowledgeSchema, insertStudies, loadSources } from '../src-main/knowledge/build';
import { rng } from '../src-main/knowledge/examples';
import { studies, type StudyFilters } from '../src-main/knowledge/queries';
import type { StudySrc } from '../shared/knowledge/types';
import { measure } from './measure';

const COUNT = 100_000;
const RUNS = 60;

export default async function (): Promise<Record<string, { median: number; p95: number; unit: string }>> {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const data = loadSources(path.join(root, 'data', 'knowledge'));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'som-kbench-'));
  const file = path.join(dir, 'bench.sqlite');
  try {
    const w = new Database(file);
    w.pragma('journal_mode = DELETE');
    createKnowledgeSchema(w);
    w.transaction(() => {
      const th = w.prepare('INSERT INTO themes VALUES (?, ?, ?, ?, ?)');
      data.themes.forEach((t, i) => th.run(t.id, t.label, i, t.source, 0));
      const tg = w.prepare('INSERT INTO target_groups (id, theme_id, label, grp, literature_only, sort, source, illustrative) VALUES (?, ?, ?, ?, 0, ?, ?, 0)');
      data.targetGroups.forEach((g, i) => tg.run(g.id, g.themeId, g.label, g.group, i, g.source));
      // Synthetic studies: recombine the example studies' vocabulary.
      const r = rng('bench');
      const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
      const interventions = [...new Set(data.studies.map((s) => s.intervention))];
      const measures = [...new Set(data.studies.map((s) => s.measure))];
      const designs = [...new Set(data.studies.map((s) => s.design))];
      const countries = [...new Set(data.studies.map((s) => s.country))];
      const words = ['effekt', 'indsats', 'kommune', 'randomiseret', 'opfølgning', 'forløb', 'støtte', 'behandling', 'bolig', 'skole', 'familie', 'job'];
      const rows: StudySrc[] = [];
      for (let i = 0; i < COUNT; i++) {
        const g = pick(data.targetGroups);
        const intervention = pick(interventions);
        const measure = pick(measures);
        rows.push({
          id: `b-${i}`,
          themeId: g.themeId,
          targetGroupId: g.id,
          targetGroupLabel: g.label,
          title: `${intervention}: ${pick(words)} ${pick(words)} ${measure} ${i}`,
          intervention,
          country: pick(countries),
          measure,
          design: pick(designs),
          controlGroup: 'Sædvanlig indsats',
          nParticipants: Math.floor(r() * 500),
          nControl: null,
          effectSize: Math.round(r() * 80) / 100,
          significant: r() < 0.5,
          horizonMonths: 12,
          quality: pick(['Lav', 'Mellem', 'Høj'] as const),
          year: 1990 + Math.floor(r() * 30),
          source: 'bench',
          illustrative: true,
        });
      }
      insertStudies(w, rows);
      w.exec("INSERT INTO studies_fts(studies_fts) VALUES ('rebuild'); INSERT INTO studies_fts(studies_fts) VALUES ('optimize'); ANALYZE;");
    })();
    w.close();

    // Opened exactly as the app opens the knowledge database.
    const kdb = openKnowledgeDb(file);
    const db = kdb.db;
    const out: Record<string, { median: number; p95: number; unit: string }> = {};
    const cases: Record<string, StudyFilters> = {
      'studies-no-filter': {},
      'studies-one-target-group': { targetGroupIds: ['hjemloese-18-65'] },
      'studies-theme-design-quality': { themeIds: ['udsatte-boern-unge'], designs: ['Kontrolgruppe med lodtrækning', 'Metaanalyse'], qualities: ['Høj'] },
      'studies-text-search': { text: 'kognitiv adfærd' },
    };
    // Sorted by a column (click on a column header), no filter.
    out['knowledge-studies-sorted-effect-size'] = await measure(() => studies(db, { sort: { column: 'effectSize', dir: 'desc' }, offset: 0, limit: 50 }), RUNS, 5);
    for (const [name, f] of Object.entries(cases)) {
      const check = studies(db, { ...f, offset: 0, limit: 50 });
      if (check.total !== COUNT || check.rows.length === 0) throw new Error(`${name}: unexpected result`);
      out[`knowledge-${name}`] = await measure(() => studies(db, { ...f, offset: 0, limit: 50 }), RUNS, 5);
    }
    kdb.close();
    return out;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
