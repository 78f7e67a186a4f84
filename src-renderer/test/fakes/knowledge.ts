import type { FakesFor } from './types';
import type { ChannelName } from '../../../shared/ipc';

/** Fake answers for the knowledge channels (component tests). Every channel of shared/ipc/knowledge.ts must be here. */
type KnowledgeChannel = Exclude<Extract<ChannelName, `knowledge.${string}`>, 'knowledge.health'>;
export const knowledgeFakes: FakesFor<KnowledgeChannel> = {
  // Filled by the explorer work (issue 5).
};
