import { z } from 'zod';
import { channel } from './define';
import type { SomDocument } from '../som/schema';
import type {
  ExampleEntry,
  ExportedFile,
  OpenedFile,
  RecoveredWork,
  RecoveryEntry,
  SavedFile,
  StoreEntry,
  StoreSettingsInfo,
  TrashEntry,
} from '../store/types';

// Ids are checked by the store itself (format and lookup), so that a bad id gets a Danish message.
const id = z.string().min(1).max(200);
/** A document: any JSON object here; the store validates it exactly like a file it reads (parseSom). */
const doc = z.custom<SomDocument>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), {
  error: 'skal være en beregning (et objekt)',
});

const stamp = z
  .object({ size: z.number().int().min(0), mtimeMs: z.number().min(0), sha256: z.string().regex(/^[0-9a-f]{64}$/) })
  .strict();

export const storeChannels = {
  'store.list': channel<StoreEntry[]>()(z.object({}).strict()),
  'store.settings': channel<StoreSettingsInfo>()(z.object({}).strict()),
  /** Skift mappe: main shows a native folder dialog (desktop app only); reset = back to the default folder. */
  'store.chooseFolder': channel<StoreSettingsInfo & { changed: boolean }>()(z.object({ reset: z.boolean().default(false) }).strict()),
  'store.open': channel<OpenedFile>()(z.object({ id }).strict()),
  /**
   * Gem: overwrite the file of `id`; id null = a new file named after the calculation. `base` is the
   * stamp of the file when it was opened or last saved: when the file changed on disk since, the save
   * is refused with code 'conflict' (the renderer asks the user), unless `overwrite` is true.
   */
  'store.save': channel<SavedFile>()(z.object({ id: id.nullable(), doc, base: stamp.nullable().optional(), overwrite: z.boolean().optional() }).strict()),
  /** Gem som: always a new file. */
  'store.saveAs': channel<SavedFile>()(z.object({ doc, name: z.string().max(200).optional() }).strict()),
  'store.rename': channel<StoreEntry>()(z.object({ id, name: z.string().max(1000) }).strict()),
  'store.duplicate': channel<StoreEntry>()(z.object({ id }).strict()),
  /** Slet: moves the file to the app's trash. */
  'store.delete': channel<TrashEntry>()(z.object({ id }).strict()),
  'store.trashList': channel<TrashEntry[]>()(z.object({}).strict()),
  'store.trashRestore': channel<StoreEntry>()(z.object({ id }).strict()),
  'store.trashEmpty': channel<{ removed: number }>()(z.object({}).strict()),
  /** Importér: the text of a file the user picked or dropped; refused before anything is written when invalid. */
  'store.importFile': channel<StoreEntry>()(
    z.object({ fileName: z.string().max(1000), text: z.string().max(30_000_000) }).strict(),
  ),
  /** Eksportér / Gem som fil: the file's name and text for a download. */
  'store.exportFile': channel<ExportedFile>()(z.object({ id }).strict()),
  /**
   * Autosave of unsaved work. `base` is the stamp of the file the work came from (as for store.save),
   * kept with the work so that saving restored work still notices a file changed on disk meanwhile.
   */
  'store.recoverySave': channel<{ savedAt: string }>()(
    z.object({ key: z.string().max(100), doc, fileId: id.nullable(), base: stamp.nullable().optional() }).strict(),
  ),
  'store.recoveryList': channel<RecoveryEntry[]>()(z.object({}).strict()),
  'store.recoveryOpen': channel<RecoveredWork>()(z.object({ key: z.string().max(100) }).strict()),
  'store.recoveryDiscard': channel<{ removed: boolean }>()(z.object({ key: z.string().max(100) }).strict()),
  'store.examples': channel<ExampleEntry[]>()(z.object({}).strict()),
  'store.createFromExample': channel<StoreEntry>()(z.object({ exampleId: id }).strict()),
};
