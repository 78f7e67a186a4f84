/**
 * Native open/save dialogs for .som files (open also .somp) and PDF export. Options are plain (tested); the show*
 * functions take Electron's dialog and a window.
 */
import type { BrowserWindow, Dialog, MessageBoxOptions, OpenDialogOptions, SaveDialogOptions } from 'electron';

export const SOM_FILTERS = [{ name: 'SØM-beregning (*.som)', extensions: ['som'] }] as const;
/** Filer → Åbn: calculations and saved comparisons, together first, then each on its own. */
export const OPEN_FILTERS = [
  { name: 'SØM-filer (*.som, *.somp)', extensions: ['som', 'somp'] },
  { name: 'SØM-beregning (*.som)', extensions: ['som'] },
  { name: 'SØM-sammenligning (*.somp)', extensions: ['somp'] },
] as const;
export const PDF_FILTERS = [{ name: 'PDF-dokument (*.pdf)', extensions: ['pdf'] }] as const;

export function openSomDialogOptions(defaultDir?: string): OpenDialogOptions {
  return {
    title: 'Åbn SØM-beregning eller sammenligning',
    buttonLabel: 'Åbn',
    properties: ['openFile'],
    filters: OPEN_FILTERS.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
    ...(defaultDir ? { defaultPath: defaultDir } : {}),
  };
}

export function saveSomDialogOptions(defaultPath?: string): SaveDialogOptions {
  return {
    title: 'Gem SØM-beregning som',
    buttonLabel: 'Gem',
    properties: ['showOverwriteConfirmation', 'createDirectory'],
    filters: SOM_FILTERS.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
    ...(defaultPath ? { defaultPath } : {}),
  };
}

export function savePdfDialogOptions(defaultPath?: string): SaveDialogOptions {
  return {
    title: 'Gem rapport som PDF',
    buttonLabel: 'Gem',
    properties: ['showOverwriteConfirmation', 'createDirectory'],
    filters: PDF_FILTERS.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
    ...(defaultPath ? { defaultPath } : {}),
  };
}

/**
 * Asked when the renderer holds unsaved work and the window is about to close or reload
 * (the renderer's beforeunload prevents the unload; Electron then emits 'will-prevent-unload').
 * Button 0 leaves (the work stays in the recovery area until the next start), button 1 stays.
 */
export function unsavedChangesDialogOptions(): MessageBoxOptions {
  return {
    type: 'question',
    title: 'Ændringer er ikke gemt',
    message: 'Beregningen har ændringer, der ikke er gemt.',
    detail: 'Vil du lukke uden at gemme? Det ikke-gemte arbejde kan gendannes fra oversigten, næste gang du åbner SØM Desktop.',
    buttons: ['Luk uden at gemme', 'Annullér'],
    defaultId: 1,
    cancelId: 1,
    noLink: true,
  };
}

/** Whether the answer to unsavedChangesDialogOptions() lets the window close. */
export function leavesWithoutSaving(response: number): boolean {
  return response === 0;
}

export function chooseFolderDialogOptions(defaultPath?: string): OpenDialogOptions {
  return {
    title: 'Vælg mappe til beregninger',
    buttonLabel: 'Vælg mappe',
    properties: ['openDirectory', 'createDirectory'],
    ...(defaultPath ? { defaultPath } : {}),
  };
}

export async function showChooseFolder(dialog: Dialog, win: BrowserWindow | null, defaultPath?: string): Promise<string | null> {
  const opts = chooseFolderDialogOptions(defaultPath);
  const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
  return r.canceled || r.filePaths.length === 0 ? null : (r.filePaths[0] ?? null);
}

/** Ensures the chosen save path ends in the expected extension (Linux dialogs do not add it). */
export function withExtension(filePath: string, ext: string): string {
  return filePath.toLowerCase().endsWith(`.${ext}`) ? filePath : `${filePath}.${ext}`;
}

export async function showOpenSom(dialog: Dialog, win: BrowserWindow | null, defaultDir?: string): Promise<string | null> {
  const opts = openSomDialogOptions(defaultDir);
  const r = win ? await dialog.showOpenDialog(win, opts) : await dialog.showOpenDialog(opts);
  return r.canceled || r.filePaths.length === 0 ? null : (r.filePaths[0] ?? null);
}

export async function showSaveSom(dialog: Dialog, win: BrowserWindow | null, defaultPath?: string): Promise<string | null> {
  const opts = saveSomDialogOptions(defaultPath);
  const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
  return r.canceled || !r.filePath ? null : withExtension(r.filePath, 'som');
}

export async function showSavePdf(dialog: Dialog, win: BrowserWindow | null, defaultPath?: string): Promise<string | null> {
  const opts = savePdfDialogOptions(defaultPath);
  const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
  return r.canceled || !r.filePath ? null : withExtension(r.filePath, 'pdf');
}
