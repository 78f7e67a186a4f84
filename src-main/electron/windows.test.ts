import { describe, expect, it } from 'vitest';
import { createMainWindowOptions, secureWebPreferences, WINDOW_TITLE } from './windows';

describe('createMainWindowOptions', () => {
  const opts = createMainWindowOptions({ preloadPath: '/app/dist/main/preload.cjs' });
  const wp = opts.webPreferences!;

  it('sets every security flag', () => {
    expect(wp.contextIsolation).toBe(true);
    expect(wp.sandbox).toBe(true);
    expect(wp.nodeIntegration).toBe(false);
    expect(wp.nodeIntegrationInWorker).toBe(false);
    expect(wp.nodeIntegrationInSubFrames).toBe(false);
    expect(wp.webSecurity).toBe(true);
    expect(wp.webviewTag).toBe(false);
    expect(wp.allowRunningInsecureContent).toBe(false);
    expect(wp.experimentalFeatures).toBe(false);
    expect(wp.spellcheck).toBe(false);
    expect(wp).not.toHaveProperty('enableBlinkFeatures');
  });

  it('uses the preload path, the Danish title and shows only when ready', () => {
    expect(wp.preload).toBe('/app/dist/main/preload.cjs');
    expect(opts.title).toBe('SØM Desktop');
    expect(WINDOW_TITLE).toBe('SØM Desktop');
    expect(opts.show).toBe(false);
  });

  it('disables DevTools unless development', () => {
    expect(wp.devTools).toBe(false);
    expect(createMainWindowOptions({ preloadPath: '/p', isDev: true }).webPreferences!.devTools).toBe(true);
  });

  it('applies restored bounds and keeps the flags', () => {
    const o = createMainWindowOptions({ preloadPath: '/p', bounds: { x: 10, y: 20, width: 1000, height: 700 } });
    expect(o).toMatchObject({ x: 10, y: 20, width: 1000, height: 700 });
    expect(o.webPreferences).toEqual(secureWebPreferences('/p'));
  });
});
