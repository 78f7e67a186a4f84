/**
 * Bench fixtures: a knowledge release with many synthetic effect studies (the shipped sources
 * plus studies recombined from their vocabulary), built with the real builder so the app can
 * open it like an imported release.
 */
import path from 'node:path';
import { buildKnowledgeDb, loadSources } from '../src-main/knowledge/build';
import { rng } from '../src-main/knowledge/examples';
import { projectRoot } from '../src-main/paths';
import type { KnowledgeData, StudySrc } from '../shared/knowledge/types';

export const BENCH_STUDY_COUNT = 100_000;

/** `count` synthetic studies over the given target groups, deterministic. */
export function syntheticStudies(data: KnowledgeData, count: number): StudySrc[] {
  const r = rng('bench');
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const interventions = [...new Set(data.studies.map((s) => s.intervention))];
  const measures = [...new Set(data.studies.map((s) => s.measure))];
  const designs = [...new Set(data.studies.map((s) => s.design))];
  const countries = [...new Set(data.studies.map((s) => s.country))];
  const words = ['effekt', 'indsats', 'kommune', 'randomiseret', 'opfølgning', 'forløb', 'støtte', 'behandling', 'bolig', 'skole', 'familie', 'job'];
  const rows: StudySrc[] = [];
  for (let i = 0; i < count; i++) {
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
  return rows;
}

/** Builds a full knowledge release with `count` synthetic studies at `file`. */
export function buildStudiesRelease(file: string, count = BENCH_STUDY_COUNT): void {
  const data = loadSources(path.join(projectRoot, 'data', 'knowledge'));
  data.release = { ...data.release, id: `bench-${count}`, description: `Benchmark: ${count} syntetiske effektstudier` };
  data.studies = syntheticStudies(data, count);
  buildKnowledgeDb(data, file);
}
