/**
 * A typed fake bridge for component tests. `FakeHandlers` must name every channel of
 * shared/ipc.ts: a new channel without a fake answer here fails the type check.
 */
import type { Api, ChannelName, Req, Res } from '../../shared/ipc';
import { AppError } from '../../shared/errors';

export type FakeHandlers = { [C in ChannelName]: (args: Req<C>) => Res<C> | Promise<Res<C>> };

const notFaked = (name: string) => () => {
  throw new AppError('unavailable', `Ikke understøttet i testen: ${name}`);
};

export const defaultFakes: FakeHandlers = {
  'app.info': () => ({ name: 'SØM Desktop', version: '0.0.0-test', host: 'web', knowledge: { release: 'test', date: '2026-01-01', sha256: 'x' } }),
  'knowledge.health': () => ({ ok: true, path: ':memory:', journalMode: 'delete', schemaVersion: 1, tables: [] }),
};
void notFaked;

/** Builds an Api from fake handlers; calls are recorded in `calls`. */
export function createFakeApi(overrides: Partial<FakeHandlers> = {}): Api & { calls: { channel: ChannelName; args: unknown }[] } {
  const impl = { ...defaultFakes, ...overrides } as FakeHandlers;
  const calls: { channel: ChannelName; args: unknown }[] = [];
  const api = { calls } as unknown as Api & { calls: typeof calls };
  for (const name of Object.keys(impl) as ChannelName[]) {
    (api as unknown as Record<string, unknown>)[name] = async (args: unknown) => {
      calls.push({ channel: name, args });
      try {
        const fn = impl[name] as (a: unknown) => unknown;
        return { ok: true, value: await fn(args) };
      } catch (e) {
        if (e instanceof AppError) return { ok: false, error: e.toData() };
        return { ok: false, error: { code: 'internal', message: String(e) } };
      }
    };
  }
  return api;
}
