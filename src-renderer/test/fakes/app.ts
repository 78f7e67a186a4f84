import type { FakesFor } from './types';

export const appFakes: FakesFor<'app.info' | 'knowledge.health'> = {
  'app.info': () => ({ name: 'SØM Desktop', version: '0.0.0-test', host: 'web', knowledge: { release: 'test', date: '2026-01-01', sha256: 'x' } }),
  'knowledge.health': () => ({ ok: true, path: ':memory:', journalMode: 'delete', schemaVersion: 1, tables: [] }),
};
