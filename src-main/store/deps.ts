import path from 'node:path';
import { projectRoot } from '../paths';
import { createFileStore, type FileStore } from './store';

export interface StoreDeps {
  /** The file store of .som files: folder, trash, recovery area, settings, examples. */
  store: FileStore;
  /** A native folder dialog (Electron); absent in the web host. Returns an absolute path, or null when cancelled. */
  chooseFolder?: () => Promise<string | null>;
}

export interface StoreDepsOptions {
  /** Default store folder (Documents/SØM in Electron, a temp folder in tests). */
  documentsDir: string;
  /** Per-user app data (settings.json, recovery/, trash/). */
  userDataDir: string;
  /** Folder with the example calculations; default data/examples of the project (resources/examples when packaged). */
  examplesDir?: string;
  /** Written into `createdWith` of saved files, e.g. "SØM Desktop 0.1.0". */
  appLabel?: string;
}

export const defaultExamplesDir = path.join(projectRoot, 'data', 'examples');

export function createStoreDeps(opts: StoreDepsOptions): StoreDeps {
  return {
    store: createFileStore({
      documentsDir: opts.documentsDir,
      userDataDir: opts.userDataDir,
      examplesDir: opts.examplesDir ?? defaultExamplesDir,
      appLabel: opts.appLabel,
    }),
  };
}
