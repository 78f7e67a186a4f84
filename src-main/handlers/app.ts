import type { HandlersFor } from './types';

export const appHandlers: HandlersFor<'app.info' | 'knowledge.health'> = {
  'app.info': (deps) => ({
    name: deps.appName,
    version: deps.appVersion,
    host: deps.host,
    knowledge: deps.knowledge.release(),
  }),
  'knowledge.health': (deps) => deps.knowledge.health(),
};
