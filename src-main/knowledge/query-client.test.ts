/**
 * The query worker keeps a process alive only while a request waits: a process that only warmed
 * it exits, and one that awaits an answer gets it before exiting.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, shippedKnowledgePath } from '../paths';
import { EXIT_WITHIN_MS, runBounded } from '../../test-support/spawn';

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
