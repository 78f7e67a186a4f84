import type { FakesFor } from './types';
import type { ChannelName } from '../../../shared/ipc';

/** Fake answers for the calc channels (component tests). Every channel of shared/ipc/calc.ts must be here. */
type CalcChannel = Extract<ChannelName, `calc.${string}`>;
export const calcFakes: FakesFor<CalcChannel> = {};
