import type { HandlerMap } from './types';
import { appHandlers } from './app';
import { knowledgeHandlers } from './knowledge';
import { knowledgeImportHandlers } from './knowledge-import';
import { storeHandlers } from './store';
import { calcHandlers } from './calc';
import { compareHandlers } from './compare';

export const handlers: HandlerMap = {
  ...appHandlers,
  ...knowledgeHandlers,
  ...knowledgeImportHandlers,
  ...storeHandlers,
  ...calcHandlers,
  ...compareHandlers,
};
