import type { ChannelName, Parsed, Res } from '../../shared/ipc';
import type { Deps } from '../deps';

/** A handler: a plain function of injected deps and the validated request. */
export type Handler<C extends ChannelName> = (deps: Deps, args: Parsed<C>) => Res<C> | Promise<Res<C>>;

/** Handlers for a subset of channels (one feature module). */
export type HandlersFor<K extends ChannelName> = { [C in K]: Handler<C> };

/** Every channel must have a handler: a channel without one fails the type check. */
export type HandlerMap = HandlersFor<ChannelName>;
