import { AppError } from '../../shared/errors';
import type { ChannelName } from '../../shared/ipc';
import type { HandlersFor } from './types';

type StoreChannel = Extract<ChannelName, `store.${string}`>;

export const storeHandlers: HandlersFor<StoreChannel> = {
  'store.list': (deps) => deps.store.list(),
  'store.settings': (deps) => deps.store.settings(),
  'store.chooseFolder': async (deps, a) => {
    if (a.reset) return { ...deps.store.setFolder(null), changed: true };
    if (!deps.chooseFolder) throw new AppError('unavailable', 'Mappen kan kun skiftes i skrivebordsprogrammet (ikke i webværten).');
    const dir = await deps.chooseFolder();
    return dir === null ? { ...deps.store.settings(), changed: false } : { ...deps.store.setFolder(dir), changed: true };
  },
  'store.open': (deps, a) => deps.store.open(a.id, deps.knowledge.release()),
  'store.save': (deps, a) => deps.store.save(a.id, a.doc, { base: a.base ?? null, overwrite: a.overwrite ?? false }),
  'store.saveAs': (deps, a) => deps.store.saveAs(a.doc, a.name),
  'store.rename': (deps, a) => deps.store.rename(a.id, a.name),
  'store.duplicate': (deps, a) => deps.store.duplicate(a.id),
  'store.delete': (deps, a) => deps.store.remove(a.id),
  'store.trashList': (deps) => deps.store.trashList(),
  'store.trashRestore': (deps, a) => deps.store.trashRestore(a.id),
  'store.trashEmpty': (deps) => deps.store.trashEmpty(),
  'store.importFile': (deps, a) => deps.store.importText(a.fileName, a.text),
  'store.exportFile': (deps, a) => deps.store.exportFile(a.id),
  'store.recoverySave': (deps, a) => deps.store.recoverySave(a.key, a.doc, a.fileId, a.base ?? null),
  'store.recoveryList': (deps) => deps.store.recoveryList(),
  'store.recoveryOpen': (deps, a) => deps.store.recoveryOpen(a.key),
  'store.recoveryDiscard': (deps, a) => deps.store.recoveryDiscard(a.key),
  'store.examples': (deps) => deps.store.examples(),
  'store.createFromExample': (deps, a) => deps.store.createFromExample(a.exampleId),
};
