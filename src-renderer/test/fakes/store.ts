import type { FakesFor } from './types';
import type { ChannelName } from '../../../shared/ipc';

/** Fake answers for the store channels (component tests). Every channel of shared/ipc/store.ts must be here. */
type StoreChannel = Extract<ChannelName, `store.${string}`>;
export const storeFakes: FakesFor<StoreChannel> = {};
