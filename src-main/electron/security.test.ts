import { describe, expect, it } from 'vitest';
import {
  EXTERNAL_URL_ALLOWLIST,
  isAllowedDownload,
  isAllowedExternalUrl,
  isAllowedNavigation,
  permissionDecision,
  shouldBlockRequest,
  windowOpenDecision,
} from './security';

describe('isAllowedNavigation', () => {
  it.each(['app://som/index.html', 'app://som/', 'app://som/index.html#/beregning', 'app://som/index.html?x=1'])('allows %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(true);
  });
  it.each([
    'https://example.com/',
    'http://127.0.0.1:8080/',
    'file:///etc/passwd',
    'app://evil/index.html',
    'app://som.evil.dk/',
    'app://som:1/',
    'app://x@som/',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
    'about:blank',
    'devtools://devtools/bundled/inspector.html',
    '',
    'garbage',
  ])('denies %s', (url) => {
    expect(isAllowedNavigation(url)).toBe(false);
  });
});

describe('shouldBlockRequest', () => {
  it.each(['app://som/index.html', 'app://som/assets/x.js', 'data:image/png;base64,AAAA', 'blob:app://som/3f1c-11', 'devtools://devtools/x'])('lets %s through', (url) => {
    expect(shouldBlockRequest(url)).toBe(false);
  });
  it.each([
    'http://127.0.0.1:1234/',
    'https://www.sm.dk/',
    'ws://localhost/',
    'wss://x/',
    'ftp://x/',
    'file:///C:/Windows/win.ini',
    'app://other/index.html',
    'blob:https://evil.dk/1',
    'chrome-extension://abc/x.js',
    'not a url',
  ])('blocks %s', (url) => {
    expect(shouldBlockRequest(url)).toBe(true);
  });
});

describe('permissions, popups, downloads, external links', () => {
  it('denies every permission', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'midi', 'clipboard-read', 'clipboard-sanitized-write', 'fullscreen', 'openExternal', 'pointerLock', 'unknown']) {
      expect(permissionDecision(p, 'app://som/index.html')).toBe(false);
    }
  });
  it('denies every popup', () => {
    expect(windowOpenDecision('app://som/index.html')).toEqual({ action: 'deny' });
    expect(windowOpenDecision('https://example.com')).toEqual({ action: 'deny' });
  });
  it('allows downloads only of the app’s own blobs and data URLs', () => {
    expect(isAllowedDownload('blob:app://som/1234-5678')).toBe(true);
    expect(isAllowedDownload('data:application/pdf;base64,AAAA')).toBe(true);
    expect(isAllowedDownload('https://example.com/x.exe')).toBe(false);
    expect(isAllowedDownload('blob:https://example.com/1')).toBe(false);
    expect(isAllowedDownload('file:///etc/passwd')).toBe(false);
  });
  it('opens no external URL (empty allow-list)', () => {
    expect(EXTERNAL_URL_ALLOWLIST).toEqual([]);
    expect(isAllowedExternalUrl('https://www.sm.dk/')).toBe(false);
  });
});
