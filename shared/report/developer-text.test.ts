import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseSom } from '../som/io';
import type { SomDocument } from '../som/schema';
import { calculate } from '../engine/calc';
import { buildReportHtml } from './html';
import { assumptions } from './texts';
import { goldenNames, goldenSom } from '../../test-support/golden';
import { DEVELOPER_TEXT } from '../../test-support/developer-text';

const here = path.dirname(fileURLToPath(import.meta.url));
const EXAMPLES = path.resolve(here, '../../data/examples');
const docs: [string, SomDocument][] = [
  ...fs.readdirSync(EXAMPLES).filter((f) => f.endsWith('.som')).map((f) => [f, parseSom(fs.readFileSync(path.join(EXAMPLES, f), 'utf8'))] as [string, SomDocument]),
  ...goldenNames().map((n) => [`${n}.som`, goldenSom(n)] as [string, SomDocument]),
];

/** The internal ids a document carries (target group, success measure, lines, dimensions, study). */
function idsOf(doc: SomDocument): string[] {
  const iv = doc.intervention;
  const ids = [iv.targetGroup.id, iv.targetGroup.successMeasureId, iv.effect.conversion?.studyId ?? null, ...doc.lines.flatMap((l) => [l.id, l.dimensionId])];
  // Only id-shaped ones (with a hyphen or a digit): a line id that is a plain word may also be a word of its label.
  return [...new Set(ids.filter((x): x is string => typeof x === 'string' && /[-\d]/.test(x)))];
}

const plainText = (html: string) => html.replace(/<style[\s\S]*?<\/style>/g, ' ').replace(/<[^>]+>/g, ' ').replace(/&[a-z]+;/g, ' ');

describe('no developer text or internal ids in front of a user', () => {
  it.each(docs)('%s: the printed report', (_name, doc) => {
    const text = plainText(buildReportHtml({ doc, fileName: 'x.som', appName: 'SØM Desktop', appVersion: '1', generatedAt: '2026-12-01T00:00:00Z', monteCarlo: null }));
    expect(text).not.toMatch(DEVELOPER_TEXT);
    for (const id of idsOf(doc)) expect(text.includes(id), `id '${id}' in the report`).toBe(false);
  });
  it.each(docs)('%s: the assumptions and sources (Resultater, export)', (_name, doc) => {
    const rows = assumptions(doc, calculate(doc));
    const text = rows.map((r) => `${r.group} ${r.label} ${r.value} ${r.source}`).join('\n');
    expect(text).not.toMatch(DEVELOPER_TEXT);
    for (const id of idsOf(doc)) expect(text.includes(id), `id '${id}' in the assumptions`).toBe(false);
  });
  it('the scan itself finds developer text and ids', () => {
    expect('Seed 003: Priser').toMatch(DEVELOPER_TEXT);
    expect('jf. model.md §11').toMatch(DEVELOPER_TEXT);
    expect('efter servicelovens §110').not.toMatch(DEVELOPER_TEXT);
    expect(docs.some(([, d]) => idsOf(d).length > 0)).toBe(true);
  });
});
