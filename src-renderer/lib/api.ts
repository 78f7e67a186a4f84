import type { Api, ChannelName, Req, Res } from '../../shared/ipc';
import type { AppErrorData } from '../../shared/errors';

/** Error thrown by `call` when main answers with an error value. Its message is Danish and user-facing. */
export class ApiError extends Error {
  readonly code: AppErrorData['code'];
  constructor(data: AppErrorData) {
    super(data.message);
    this.code = data.code;
  }
}

let current: Api | null = null;

/** Tests install a fake bridge; the app uses window.api. */
export function setApi(api: Api | null): void {
  current = api;
}

export function getApi(): Api {
  return current ?? window.api;
}

/** Calls a channel and unwraps the result, throwing ApiError with the Danish message on failure. */
export async function call<C extends ChannelName>(channel: C, args: Req<C>): Promise<Res<C>> {
  const fn = getApi()[channel] as (a: Req<C>) => Promise<{ ok: true; value: Res<C> } | { ok: false; error: AppErrorData }>;
  const result = await fn(args);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}
