import type { ChannelName, Req, Res } from '../../../shared/ipc';

/** Fake answers for a subset of channels (one feature). */
export type FakesFor<K extends ChannelName> = { [C in K]: (args: Req<C>) => Res<C> | Promise<Res<C>> };
export type FakeHandlers = FakesFor<ChannelName>;
