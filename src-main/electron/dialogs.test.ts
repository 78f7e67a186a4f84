import { describe, expect, it } from 'vitest';
import { chooseFolderDialogOptions, leavesWithoutSaving, openSomDialogOptions, savePdfDialogOptions, saveSomDialogOptions, unsavedChangesDialogOptions, withExtension } from './dialogs';

describe('dialog options', () => {
  it('filters .som files with the Danish name', () => {
    const o = openSomDialogOptions('/docs/SØM');
    expect(o.filters).toEqual([
      { name: 'SØM-filer (*.som, *.somp)', extensions: ['som', 'somp'] },
      { name: 'SØM-beregning (*.som)', extensions: ['som'] },
      { name: 'SØM-sammenligning (*.somp)', extensions: ['somp'] },
    ]);
    expect(o.properties).toEqual(['openFile']);
    expect(o.title).toBe('Åbn SØM-beregning eller sammenligning');
    expect(o.defaultPath).toBe('/docs/SØM');
    expect(saveSomDialogOptions().filters).toEqual([{ name: 'SØM-beregning (*.som)', extensions: ['som'] }]);
    expect(saveSomDialogOptions().properties).toContain('showOverwriteConfirmation');
    expect(savePdfDialogOptions().filters).toEqual([{ name: 'PDF-dokument (*.pdf)', extensions: ['pdf'] }]);
  });

  it('adds the extension when a Linux dialog leaves it out', () => {
    expect(withExtension('/a/beregning', 'som')).toBe('/a/beregning.som');
    expect(withExtension('/a/beregning.SOM', 'som')).toBe('/a/beregning.SOM');
    expect(withExtension('/a/rapport', 'pdf')).toBe('/a/rapport.pdf');
  });
});

describe('unsaved changes dialog', () => {
  it('asks in Danish with a safe default (stay)', () => {
    const o = unsavedChangesDialogOptions();
    expect(o.buttons).toEqual(['Luk uden at gemme', 'Annullér']);
    expect(o.defaultId).toBe(1);
    expect(o.cancelId).toBe(1);
    expect(o.message).toMatch(/ikke er gemt/);
    expect(leavesWithoutSaving(0)).toBe(true);
    expect(leavesWithoutSaving(o.cancelId!)).toBe(false);
  });
});

describe('choose folder dialog', () => {
  it('opens directories only, in Danish, starting in the current folder', () => {
    expect(chooseFolderDialogOptions('/home/x/SØM')).toEqual({
      title: 'Vælg mappe til beregninger', buttonLabel: 'Vælg mappe', properties: ['openDirectory', 'createDirectory'], defaultPath: '/home/x/SØM',
    });
    expect(chooseFolderDialogOptions()).not.toHaveProperty('defaultPath');
  });
});
