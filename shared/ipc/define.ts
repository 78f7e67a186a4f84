import type { z } from 'zod';

/**
 * A channel: a zod schema for the request and a phantom type for the response.
 * `response` exists only at the type level.
 */
export interface ChannelDef<S extends z.ZodType, R> {
  readonly request: S;
  readonly response: R;
}

export function channel<R>() {
  return <S extends z.ZodType>(request: S): ChannelDef<S, R> => ({ request, response: undefined as unknown as R });
}
