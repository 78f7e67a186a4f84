import { describe, expect, it } from 'vitest';
import { dispatch } from './dispatch';
import { AppError } from '../shared/errors';
import type { HandlerMap } from './handlers/types';
import type { Deps } from './deps';
import { handlers } from './handlers';

const deps = {
  appName: 'SØM Desktop', appVersion: '1.2.3', host: 'web', userDataDir: '/tmp',
  knowledge: { release: () => null, health: () => ({ ok: true, path: 'x', journalMode: 'delete', schemaVersion: 1, tables: [] }) },
} as unknown as Deps;

describe('dispatch', () => {
  it('calls the real handler with validated args', async () => {
    const res = await dispatch(handlers, deps, 'app.info', {});
    expect(res).toEqual({ ok: true, value: { name: 'SØM Desktop', version: '1.2.3', host: 'web', knowledge: null } });
  });
  it('rejects unknown channels and bad payloads as values', async () => {
    expect(await dispatch(handlers, deps, 'nope', {})).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await dispatch(handlers, deps, 'app.info', { extra: true })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await dispatch(handlers, deps, 'app.info', 'string')).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
  it('passes AppError messages through and hides unexpected errors', async () => {
    const failing = { ...handlers, 'app.info': () => { throw new AppError('not-found', 'Filen findes ikke'); } } as HandlerMap;
    expect(await dispatch(failing, deps, 'app.info', {})).toEqual({ ok: false, error: { code: 'not-found', message: 'Filen findes ikke' } });
    const crashing = { ...handlers, 'app.info': () => { throw new TypeError('secret internals'); } } as HandlerMap;
    const logged: string[] = [];
    const res = await dispatch(crashing, deps, 'app.info', {}, (m) => logged.push(m));
    expect(res.ok).toBe(false);
    expect(JSON.stringify(res)).not.toContain('secret internals');
    expect(logged).toEqual(['handler app.info failed']);
  });
});
