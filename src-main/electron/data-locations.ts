/**
 * Where SØM Desktop keeps data. Nothing is written next to the executable, except in the
 * opt-in portable mode: a folder "portable-data" that the USER created beside the program.
 * Plain function (tested); main.ts applies it with app.setPath before 'ready'.
 */
import path from 'node:path';

export const PORTABLE_DIR_NAME = 'portable-data';
export const FILE_STORE_DIR_NAME = 'SØM';

export interface DataLocationInput {
  /** app.getPath('userData'), e.g. %APPDATA%\SØM Desktop. */
  userData: string;
  /** app.getPath('documents'). */
  documents: string;
  /** Folder of the executable (path.dirname(process.execPath)), or PORTABLE_EXECUTABLE_DIR for the portable .exe. */
  exeDir: string;
  isPackaged: boolean;
  /** fs.existsSync-like check, injected for tests. */
  isDirectory: (p: string) => boolean;
}

export interface DataLocations {
  /** User database, recovery area, settings, window state. */
  userDataDir: string;
  /** The user's .som file store. */
  fileStoreDir: string;
  portable: boolean;
}

export function resolveDataLocations(input: DataLocationInput): DataLocations {
  const portableRoot = path.join(input.exeDir, PORTABLE_DIR_NAME);
  if (input.isPackaged && input.isDirectory(portableRoot)) {
    return {
      userDataDir: path.join(portableRoot, 'userData'),
      fileStoreDir: path.join(portableRoot, FILE_STORE_DIR_NAME),
      portable: true,
    };
  }
  return {
    userDataDir: input.userData,
    fileStoreDir: path.join(input.documents, FILE_STORE_DIR_NAME),
    portable: false,
  };
}
