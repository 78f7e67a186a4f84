/**
 * The query worker keeps a process alive only while a request waits: a process that only warmed
 * it exits, and one that awaits an answer gets it before exiting.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, shippedKnowledgePath } from '../paths';
import { EXIT_WITHIN_MS, runBounded } from '../../test-support/spawn';
import { KnowledgeQueries } from './query-client';

function runScript(body: string) {
  const client = path.join(projectRoot, 'src-main/knowledge/query-client.ts');
  const script = `import { KnowledgeQueryWorker } from ${JSON.stringify(client)};
const q = new KnowledgeQueryWorker(() => ${JSON.stringify(shippedKnowledgePath)});
${body}`;
  return runBounded(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: projectRoot });
}

describe('knowledge query worker and the process', () => {
  it('a process that only warmed the worker exits', async () => {
    const r = await runScript(`q.warm();\nconsole.log('warmed');`);
    expect(r.hung, 'the process did not exit').toBe(false);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('warmed\n');
  }, EXIT_WITHIN_MS + 30_000);

  it('a process awaiting an answer gets it, then exits', async () => {
    const r = await runScript(`q.warm();\nconst n = await q.run('warm', undefined);\nconsole.log(typeof n, n > 0);`);
    expect(r.hung, 'the process did not exit').toBe(false);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('number true\n');
  }, EXIT_WITHIN_MS + 30_000);
});

describe('knowledge queries on two threads', () => {
  it('a page of rows is answered while an export is still being made', async () => {
    const q = new KnowledgeQueries(() => shippedKnowledgePath);
    try {
      await q.run('warm', undefined);
      const order: string[] = [];
      const exported = q.run('exportStudies', { filters: {}, stem: 'effektstudier', format: 'csv' }).then((f) => {
        order.push('export');
        return f;
      });
      const page = q.run('studies', { limit: 50 }).then((p) => {
        order.push('rows');
        return p;
      });
      const [file, rows] = await Promise.all([exported, page]);
      // One thread answers in order: the rows would wait for the whole file.
      expect(order).toEqual(['rows', 'export']);
      expect(rows.rows.length).toBeGreaterThan(0);
      expect(file.fileName).toBe('effektstudier.csv');
    } finally {
      await q.close();
    }
  }, 60_000);
});
