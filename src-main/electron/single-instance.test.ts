import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { findSomPathInArgv } from './single-instance';

describe('findSomPathInArgv', () => {
  const cwd = path.resolve('/home/bruger');
  it('finds a .som path and resolves it against the working directory', () => {
    expect(findSomPathInArgv(['/opt/som/som-desktop', 'beregning.som'], cwd)).toBe(path.join(cwd, 'beregning.som'));
    expect(findSomPathInArgv(['electron', '.', '../shared/fixtures/golden/icm-hjemloese.som'], cwd)).toBe(path.resolve(cwd, '../shared/fixtures/golden/icm-hjemloese.som'));
    expect(findSomPathInArgv(['x', '/data/Mappe med mellemrum/ÆØÅ.SOM'], cwd)).toBe(path.resolve('/data/Mappe med mellemrum/ÆØÅ.SOM'));
  });
  it('ignores flags, the app path and other files', () => {
    expect(findSomPathInArgv(['electron', '.', '--inspect=0', '--remote-debugging-port=0'], cwd)).toBeNull();
    expect(findSomPathInArgv(['x', '--open=evil.som', '-x.som'], cwd)).toBeNull();
    expect(findSomPathInArgv(['x', 'notes.txt', 'archive.som.zip'], cwd)).toBeNull();
    expect(findSomPathInArgv([], cwd)).toBeNull();
  });
  it('finds a .somp (saved comparison) the same way, the last of either kind winning', () => {
    expect(findSomPathInArgv(['x', 'Sammenligning.SOMP'], cwd)).toBe(path.join(cwd, 'Sammenligning.SOMP'));
    expect(findSomPathInArgv(['x', 'a.somp', 'b.som'], cwd)).toBe(path.join(cwd, 'b.som'));
    expect(findSomPathInArgv(['x', 'a.som', 'b.somp'], cwd)).toBe(path.join(cwd, 'b.somp'));
    expect(findSomPathInArgv(['x', 'a.sompx', 'b.somp.zip'], cwd)).toBeNull();
  });
  it('takes the last .som when Chromium appends switches', () => {
    expect(findSomPathInArgv(['x', 'a.som', '--allow-file-access-from-files', 'b.som', '--flag'], cwd)).toBe(path.join(cwd, 'b.som'));
  });
  it('accepts file:// URLs (macOS/Linux launchers) and rejects NUL', () => {
    expect(findSomPathInArgv(['x', 'file:///tmp/Min%20beregning.som'], cwd)).toBe(path.resolve('/tmp/Min beregning.som'));
    expect(findSomPathInArgv(['x', 'a\0.som'], cwd)).toBeNull();
  });
});
