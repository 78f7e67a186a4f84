import { describe, expect, it } from 'vitest';
import { exportFileName, safeBaseName, uniqueFileName } from './filenames';

describe('file names from calculation names', () => {
  it('replaces a "/" or "\\\\" and the characters Windows forbids instead of cutting the name', () => {
    expect(safeBaseName('Psykiatri/alkohol')).toBe('Psykiatri-alkohol');
    expect(safeBaseName('Skole / angst')).toBe('Skole-angst');
    expect(safeBaseName('A\\B: "C"?')).toBe('A-B C');
    expect(uniqueFileName('Børn 6/13 år', [])).toBe('Børn 6-13 år.som');
  });

  it('never leaves the folder and never gives a hidden or empty name', () => {
    expect(safeBaseName('../../etc/passwd')).toBe('etc-passwd');
    expect(safeBaseName('/')).toBe('Beregning');
    expect(safeBaseName('..')).toBe('Beregning');
    expect(safeBaseName('con')).toBe('con_');
  });

  it('names an exported report, workbook or .somp by the same rules: a "/" is replaced, never cuts the name', () => {
    expect(exportFileName('Psykiatri/alkohol', 'pdf', 'SØM-rapport')).toBe('Psykiatri-alkohol.pdf');
    expect(exportFileName('Psykiatri/alkohol.som', 'xlsx', 'SØM-rapport')).toBe('Psykiatri-alkohol.xlsx');
    expect(exportFileName('Børn 6/13 år: "angst"?.somp', 'somp', 'Sammenligning')).toBe('Børn 6-13 år angst.somp');
    expect(exportFileName('con', 'pdf', 'SØM-rapport')).toBe('con_.pdf');
    expect(exportFileName(' / ', 'pdf', 'SØM-rapport')).toBe('SØM-rapport.pdf');
  });
});
