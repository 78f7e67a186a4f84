import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildKnowledgeDb, loadSources } from './build';
import { studies, studyFacets, type StudyFilters } from './queries';
import { StudyIndex } from './study-index';
import { projectRoot } from '../paths';
import { mulberry32 } from '../../shared/engine/rng';
import { syntheticStudies } from '../../bench/fixtures';
import type { KnowledgeData } from '../../shared/knowledge/types';

let tmp: string;
let db: Database.Database;
let data: KnowledgeData;
let index: StudyIndex;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'som-idx-'));
  data = loadSources(path.join(projectRoot, 'data', 'knowledge'));
  // The shipped studies plus synthetic ones over the same vocabulary.
  data.studies = [...data.studies, ...syntheticStudies(data, 3000)];
  // Every third study as if imported from Socialstyrelsen's workbook (for "Tallenes kilde").
  data.studies.forEach((s, i) => (s.illustrative = i % 3 !== 0));
  const file = path.join(tmp, 'k.sqlite');
  buildKnowledgeDb(data, file);
  db = new Database(file, { readonly: true, fileMustExist: true });
  index = new StudyIndex(db);
});
afterAll(() => {
  db.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Random filter sets over the values that occur (and one that does not). */
function randomFilters(seed: number): StudyFilters {
  const r = mulberry32(seed);
  const some = (xs: string[]) => xs.filter(() => r() < 2 / xs.length).concat(r() < 0.1 ? ['findes-ikke'] : []);
  const uniq = (xs: (string | null)[]) => [...new Set(xs.filter((x): x is string => x !== null))];
  const f: StudyFilters = {};
  if (r() < 0.4) f.themeIds = some(uniq(data.studies.map((s) => s.themeId)));
  if (r() < 0.4) f.targetGroupIds = some(uniq(data.studies.map((s) => s.targetGroupId)));
  if (r() < 0.3) f.interventions = some(uniq(data.studies.map((s) => s.intervention)));
  if (r() < 0.3) f.measures = some(uniq(data.studies.map((s) => s.measure)));
  if (r() < 0.4) f.designs = some(uniq(data.studies.map((s) => s.design)));
  if (r() < 0.4) f.qualities = some(['Lav', 'Mellem', 'Høj']);
  if (r() < 0.3) f.countries = some(uniq(data.studies.map((s) => s.country)));
  if (r() < 0.3) f.text = ['bolig', 'skole fam', 'støtte', 'kognitiv adfærd', 'job'][Math.floor(r() * 5)];
  if (r() < 0.4) f.illustrative = r() < 0.5;
  return f;
}

describe('StudyIndex gives what the SQL queries give', () => {
  it('facets, count and pages for 60 random filter sets', () => {
    for (let seed = 1; seed <= 60; seed++) {
      const f = randomFilters(seed);
      expect(index.facets(f), JSON.stringify(f)).toEqual(studyFacets(db, f));
      for (const [offset, limit] of [[0, 200], [150, 50]] as const) {
        expect(index.studies({ ...f, offset, limit }), JSON.stringify(f)).toEqual(studies(db, { ...f, offset, limit }));
      }
      expect(index.studies({ ...f, sort: { column: 'effectSize', dir: 'desc' }, limit: 20 })).toEqual(
        studies(db, { ...f, sort: { column: 'effectSize', dir: 'desc' }, limit: 20 }),
      );
    }
  });

  it('no filter: every study counted, each list sums to the total', () => {
    const all = index.facets({});
    expect(index.studies({ limit: 1 }).count).toBe(data.studies.length);
    expect(all.qualities.reduce((s, v) => s + v.count, 0)).toBe(data.studies.length);
    expect(all.qualities.map((q) => q.value)).toEqual(['Lav', 'Mellem', 'Høj']);
  });

  it('"Tallenes kilde": only Socialstyrelsen\'s figures or only example data, in count, rows and option counts', () => {
    const real = data.studies.filter((s) => !s.illustrative).length;
    const only = index.studies({ illustrative: false, limit: 1000 });
    expect(only.count).toBe(real);
    expect(only.rows.every((r) => r.illustrative === false)).toBe(true);
    expect(index.studies({ illustrative: true, limit: 1 }).count).toBe(data.studies.length - real);
    expect(index.facets({ illustrative: false }).qualities.reduce((s, v) => s + v.count, 0)).toBe(real);
    expect(studies(db, { illustrative: false, limit: 1 }).count).toBe(real);
  });
});
