/**
 * The file store of .som and .somp files: the folder of saved calculations (./core.ts), an app trash
 * (./trash.ts), a recovery area for unsaved work (./recovery.ts) and the example calculations
 * (./examples.ts). Plain functions of plain values: used by the IPC handlers and by the Electron shell.
 */
import path from 'node:path';
import { createStoreCore, type FileStoreOptions } from './core';
import { createExamples } from './examples';
import { createPortfolios } from './portfolios';
import { RECOVERY_DIR, TRASH_DIR } from './files';
import { createRecovery } from './recovery';
import { createTrash } from './trash';

export type FileStore = ReturnType<typeof createFileStore>;

export function createFileStore(opts: FileStoreOptions) {
  const core = createStoreCore(opts);
  const { folder, settings, setFolder, list, read, open, save, saveAs, rename, duplicate, importText, importFromPath, exportFile } = core;
  return {
    folder,
    settings,
    setFolder,
    list,
    read,
    open,
    save,
    saveAs,
    rename,
    duplicate,
    ...createTrash(core, path.join(opts.userDataDir, TRASH_DIR)),
    importText,
    importFromPath,
    exportFile,
    ...createRecovery(core, path.join(opts.userDataDir, RECOVERY_DIR)),
    ...createExamples(core, opts.examplesDir),
    ...createPortfolios(core, opts.appLabel),
  };
}

