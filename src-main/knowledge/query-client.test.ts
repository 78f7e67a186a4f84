/**
 * The query worker keeps a process alive only while a request waits: a process that only warmed
 * it exits, and one that awaits an answer gets it before exiting.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, shippedKnowledgePath } from '../paths';

/** Generous: a loaded machine stays well inside it, a process kept alive by the worker does not. */
const EXIT_WITHIN_MS = 60_000;

function runScript(body: string): Promise<{ code: number | null; hung: boolean; stdout: string; stderr: string }> {
  const client = path.join(projectRoot, 'src-main/knowledge/query-client.ts');
  const script = `import { KnowledgeQueryWorker } from ${JSON.stringify(client)};
const q = new KnowledgeQueryWorker(() => ${JSON.stringify(shippedKnowledgePath)});
${body}`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: projectRoot });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    let hung = false;
    const timer = setTimeout(() => {
      hung = true;
      child.kill('SIGKILL');
    }, EXIT_WITHIN_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, hung, stdout, stderr });
    });
  });
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
