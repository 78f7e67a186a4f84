/**
 * The one typed IPC contract: channel → zod request schema → response type.
 * Main registers handlers only from this map (src-main/electron/ipc-registry.ts, src-main/web/server.ts),
 * the preload exposes exactly these channels as window.api, and fake bridges in tests are typed by it.
 * Each feature keeps its channels in shared/ipc/<feature>.ts.
 */
import type { z } from 'zod';
import type { Result } from './errors';
import { appChannels } from './ipc/app';
import { knowledgeChannels } from './ipc/knowledge';
import { storeChannels } from './ipc/store';
import { calcChannels } from './ipc/calc';
import { compareChannels } from './ipc/compare';

export const channels = {
  ...appChannels,
  ...knowledgeChannels,
  ...storeChannels,
  ...calcChannels,
  ...compareChannels,
};

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
/** What the renderer passes (zod input type). */
export type Req<C extends ChannelName> = z.input<Channels[C]['request']>;
/** What the handler receives after validation (zod output type). */
export type Parsed<C extends ChannelName> = z.output<Channels[C]['request']>;
export type Res<C extends ChannelName> = Channels[C]['response'];

/** window.api: one async function per channel, never throwing; errors come back as values. */
export type Api = { [C in ChannelName]: (args: Req<C>) => Promise<Result<Res<C>>> };

export const channelNames = Object.keys(channels) as ChannelName[];

export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(channels, name);
}

export type { Result } from './errors';
export type { AppInfo, KnowledgeHealth } from './ipc/app';
