import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { resolveWorkerPath, workerCandidates } from './worker-path';

const RES = '/opt/SØM Desktop/resources';
const mainUrl = pathToFileURL(`${RES}/app.asar/dist/main/main.cjs`).href;

describe('worker path in the packaged layout', () => {
  it('main.cjs inside app.asar finds the worker beside it, inside the archive', () => {
    const files = new Set([`${RES}/app.asar/dist/main/main.cjs`, `${RES}/app.asar/dist/main/knowledge-worker.cjs`]);
    expect(resolveWorkerPath(mainUrl, 'knowledge-worker.cjs', (p) => files.has(p))).toBe(`${RES}/app.asar/dist/main/knowledge-worker.cjs`);
  });

  it('falls back to app.asar.unpacked when the archive does not hold the worker', () => {
    const files = new Set([`${RES}/app.asar.unpacked/dist/main/knowledge-worker.cjs`]);
    expect(resolveWorkerPath(mainUrl, 'knowledge-worker.cjs', (p) => files.has(p))).toBe(`${RES}/app.asar.unpacked/dist/main/knowledge-worker.cjs`);
  });

  it('the bundled command line (dist/cli/chunks) uses dist/main\'s worker; nothing found is null', () => {
    const chunk = pathToFileURL('/x/dist/cli/chunks/knowledge-ABC.mjs').href;
    expect(workerCandidates(chunk, 'knowledge-worker.cjs')).toEqual(['/x/dist/cli/chunks/knowledge-worker.cjs', '/x/dist/cli/main/knowledge-worker.cjs', '/x/dist/main/knowledge-worker.cjs']);
    expect(resolveWorkerPath(chunk, 'knowledge-worker.cjs', (p) => p === '/x/dist/main/knowledge-worker.cjs')).toBe('/x/dist/main/knowledge-worker.cjs');
    expect(resolveWorkerPath(chunk, 'knowledge-worker.cjs', () => false)).toBeNull();
  });

  it('a folder merely named like the archive is not rewritten', () => {
    expect(workerCandidates(pathToFileURL('/home/a/app.asar.backup/dist/main/main.cjs').href, 'w.cjs')).toHaveLength(3);
  });
});
