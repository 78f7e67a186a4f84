import { z } from 'zod';
import { channel } from './define';

// Channels of this feature: 'area.verb': channel<ResponseType>()(z.object({...}).strict()).
export const calcChannels = {
  // (none yet)
};

void z;
void channel;
