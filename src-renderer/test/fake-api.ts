/**
 * A typed fake bridge for component tests. `defaultFakes` must answer every channel of
 * shared/ipc.ts: a new channel without a fake answer in src-renderer/test/fakes/<feature>.ts
 * fails the type check.
 */
import type { Api, ChannelName } from '../../shared/ipc';
import { AppError } from '../../shared/errors';
import type { FakeHandlers } from './fakes/types';
import { appFakes } from './fakes/app';
import { knowledgeFakes } from './fakes/knowledge';
import { storeFakes } from './fakes/store';
import { calcFakes } from './fakes/calc';
import { compareFakes } from './fakes/compare';

export type { FakeHandlers } from './fakes/types';

export const defaultFakes: FakeHandlers = { ...appFakes, ...knowledgeFakes, ...storeFakes, ...calcFakes, ...compareFakes };

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
