import type { FakesFor } from './types';
import type { ChannelName } from '../../../shared/ipc';
import { createEmptySom } from '../../../shared/som/new-document';

/** Fake answers for the store channels (component tests). Every channel of shared/ipc/store.ts must be here. */
type StoreChannel = Extract<ChannelName, `store.${string}`>;

const FAKE_ID = '0123456789abcdef0123456789abcdef';
const fakeDoc = () => createEmptySom({ startYear: 2024, name: 'Testberegning', savedAt: '2026-01-01T00:00:00.000Z' });
const entry = (name = 'Testberegning') => ({
  id: FAKE_ID,
  fileName: `${name}.som`,
  name,
  targetGroup: null,
  startYear: 2024,
  savedAt: '2026-01-01T00:00:00.000Z',
  knowledgeRelease: null,
  size: 1000,
  error: null,
});

const stamp = { size: 1000, mtimeMs: 1767225600000, sha256: 'a'.repeat(64) };

export const storeFakes: FakesFor<StoreChannel> = {
  'store.list': () => [],
  'store.settings': () => ({ folder: '/tmp/SØM', isDefault: true }),
  'store.chooseFolder': ({ reset }) => ({ folder: reset ? '/tmp/SØM' : '/tmp/Andet', isDefault: Boolean(reset), changed: true }),
  'store.open': ({ id }) => ({
    id,
    fileName: 'Testberegning.som',
    doc: fakeDoc(),
    stamp,
    sizeWarning: null,
    knowledge: { file: null, current: null, differs: false },
  }),
  'store.save': ({ doc }) => ({ id: FAKE_ID, fileName: `${doc.intervention.name}.som`, savedAt: '2026-01-02T00:00:00.000Z', doc, stamp, sizeWarning: null }),
  'store.saveAs': ({ doc }) => ({ id: FAKE_ID, fileName: `${doc.intervention.name}.som`, savedAt: '2026-01-02T00:00:00.000Z', doc, stamp, sizeWarning: null }),
  'store.rename': ({ name }) => entry(name),
  'store.duplicate': () => entry('Testberegning (kopi)'),
  'store.delete': () => ({ id: '0123456789abcdef01234567', fileName: 'Testberegning.som', name: 'Testberegning', deletedAt: '2026-01-02T00:00:00.000Z' }),
  'store.trashList': () => [],
  'store.trashRestore': () => entry(),
  'store.trashEmpty': () => ({ removed: 0 }),
  'store.importFile': () => entry(),
  'store.exportFile': () => ({ fileName: 'Testberegning.som', text: '{}' }),
  'store.recoverySave': () => ({ savedAt: '2026-01-02T00:00:00.000Z' }),
  'store.recoveryList': () => [],
  'store.recoveryOpen': ({ key }) => ({ key, fileId: null, fileName: null, stamp: null, doc: fakeDoc() }),
  'store.recoveryDiscard': () => ({ removed: true }),
  'store.examples': () => [],
  'store.createFromExample': () => entry(),
};
