import { z } from 'zod';
import { channel } from './define';

// Channels of this feature: 'area.verb': channel<ResponseType>()(z.object({...}).strict()).
export const storeChannels = {
  // (none yet)
};

void z;
void channel;
