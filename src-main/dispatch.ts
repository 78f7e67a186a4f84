/**
 * The one place where a raw request becomes a handler call: channel check, zod validation,
 * the call, and every error turned into a typed value. Used by the Electron registry and the web host.
 */
import { channels, isChannelName, type ChannelName } from '../shared/ipc';
import { AppError, type Result } from '../shared/errors';
import type { Deps } from './deps';
import type { Handler, HandlerMap } from './handlers/types';
import { zodIssuesToDanish } from '../shared/zod-da';

export async function dispatch(
  handlers: HandlerMap,
  deps: Deps,
  name: string,
  raw: unknown,
  log: (msg: string, err?: unknown) => void = defaultLog,
): Promise<Result<unknown>> {
  if (!isChannelName(name)) {
    return { ok: false, error: { code: 'invalid-request', message: `Ukendt kanal: ${String(name).slice(0, 80)}` } };
  }
  const parsed = channels[name].request.safeParse(raw ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid-request', message: `Ugyldig forespørgsel: ${zodIssuesToDanish(parsed.error.issues)}` } };
  }
  try {
    const handler = handlers[name] as Handler<ChannelName>;
    const value = await handler(deps, parsed.data as never);
    return { ok: true, value };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.toData() };
    log(`handler ${name} failed`, e);
    return { ok: false, error: { code: 'internal', message: 'Der opstod en uventet fejl. Prøv igen, eller genstart programmet.' } };
  }
}

function defaultLog(msg: string, err?: unknown): void {
  console.error(`[som] ${msg}`, err);
}
