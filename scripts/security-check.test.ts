import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkSource, runSecurityCheck } from './security-check';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rules = (text: string, file = 'src-main/electron/x.ts') => checkSource(text, file).map((f) => f.rule);

describe('security-check on the project', () => {
  it('finds nothing in the real tree', () => {
    const { findings, scanned } = runSecurityCheck(root);
    expect(findings).toEqual([]);
    expect(scanned).toBeGreaterThan(5);
  });
});

describe('checkSource', () => {
  it.each([
    ['nodeIntegration: true', 'nodeIntegration-disabled'],
    ['nodeIntegrationInWorker: true,', 'nodeIntegrationInWorker-disabled'],
    ['contextIsolation: false', 'contextIsolation-enabled'],
    ['sandbox: false,', 'sandbox-enabled'],
    ['sandbox: isDev,', 'sandbox-enabled'],
    ['webSecurity: false', 'webSecurity-enabled'],
    ['allowRunningInsecureContent: true', 'allowRunningInsecureContent-disabled'],
    ['webviewTag: true', 'webviewTag-disabled'],
    ['experimentalFeatures: true', 'experimentalFeatures-disabled'],
    ['enableRemoteModule: false', 'enableRemoteModule'],
    ["enableBlinkFeatures: 'CSSColorSchemeUARendering'", 'blinkFeatures'],
    ['shell.openExternal(url)', 'openExternal-nonliteral'],
    ['shell.openExternal(`https://x/${id}`)', 'openExternal-nonliteral'],
    ["shell.openExternal('https://a' + b)", 'openExternal-nonliteral'],
    ["const CSP = \"script-src 'self' 'unsafe-inline'\"", 'csp-unsafe'],
    ["const CSP = \"script-src 'self' 'unsafe-eval'\"", 'csp-unsafe'],
    ["contextBridge.exposeInMainWorld('ipc', ipcRenderer)", 'expose-ipcRenderer'],
    ["protocol.registerFileProtocol('app', cb)", 'insecure-protocol'],
    ["win.loadURL('https://example.com')", 'load-remote'],
  ])('flags %s', (code, rule) => {
    expect(rules(code)).toContain(rule);
  });

  it.each([
    'nodeIntegration: false,',
    'contextIsolation: true,',
    'sandbox: true,',
    'webSecurity: true',
    'allowRunningInsecureContent: false',
    'experimentalFeatures: false',
    "shell.openExternal('https://www.sm.dk/')",
    "const CSP = \"default-src 'self'; script-src 'self'\"",
    "contextBridge.exposeInMainWorld('api', buildApi(invoke, channelNames))",
    'win.loadURL(APP_ENTRY_URL)',
  ])('accepts %s', (code) => {
    expect(rules(code)).toEqual([]);
  });

  it('flags unsafe CSP sources in HTML and YAML too, but option rules only in code', () => {
    expect(rules(`<meta http-equiv="Content-Security-Policy" content="style-src 'unsafe-inline'">`, 'dist/renderer/index.html')).toEqual(['csp-unsafe']);
    expect(rules('sandbox: false', 'electron-builder.yml')).toEqual([]);
  });

  it('flags inline scripts, styles and handlers in HTML only', () => {
    expect(rules('<script>alert(1)</script>', 'dist/renderer/index.html')).toEqual(['html-inline-script']);
    expect(rules('<script type="module" crossorigin src="./assets/a.js"></script>', 'dist/renderer/index.html')).toEqual([]);
    expect(rules('<div style="color:red">', 'src-renderer/index.html')).toEqual(['html-inline-style']);
    expect(rules('<style>body{}</style>', 'src-renderer/index.html')).toEqual(['html-inline-style']);
    expect(rules('<button onclick="x()">', 'src-renderer/index.html')).toEqual(['html-event-handler']);
    expect(rules('<link rel="stylesheet" href="./a.css">', 'dist/renderer/index.html')).toEqual([]);
  });

  it('honours a justified ignore directive on the same line or the line above', () => {
    expect(rules('// security-check-ignore sandbox-enabled: the PDF worker window has no preload and no IPC\nsandbox: false')).toEqual([]);
    expect(rules('sandbox: false // security-check-ignore sandbox-enabled: needed for a reason given here')).toEqual([]);
  });

  it('rejects ignore directives without reason or for another rule', () => {
    expect(rules('// security-check-ignore sandbox-enabled:\nsandbox: false')).toEqual(['ignore-without-reason', 'sandbox-enabled']);
    expect(rules('// security-check-ignore webSecurity-enabled: a long enough reason\nsandbox: false')).toEqual(['sandbox-enabled']);
  });

  it('reports line numbers', () => {
    expect(checkSource('a\nb\nnodeIntegration: true', 'src-main/electron/w.ts')[0]).toMatchObject({ line: 3, file: 'src-main/electron/w.ts' });
  });
});

describe('runSecurityCheck on a broken copy', () => {
  it('fails when a window option is weakened and when a required guard disappears', () => {
    const copy = mkdtempSync(path.join(os.tmpdir(), 'som-seccheck-'));
    for (const p of ['src-main/electron', 'shared/csp.ts', 'electron-builder.yml']) cpSync(path.join(root, p), path.join(copy, p), { recursive: true });
    const win = path.join(copy, 'src-main/electron/windows.ts');
    writeFileSync(win, readFileSync(win, 'utf8').replace('sandbox: true', 'sandbox: false'));
    const sec = path.join(copy, 'src-main/electron/security.ts');
    writeFileSync(sec, readFileSync(sec, 'utf8').replaceAll("'will-attach-webview'", "'did-finish-load'"));
    const csp = path.join(copy, 'shared/csp.ts');
    writeFileSync(csp, readFileSync(csp, 'utf8').replace(`['style-src', "'self'"]`, `['style-src', "'self' 'unsafe-inline'"]`));
    const ids = runSecurityCheck(copy).findings.map((f) => f.rule);
    expect(ids).toEqual(expect.arrayContaining(['sandbox-enabled', 'required-will-attach-webview', 'required-flags', 'csp-unsafe']));
  });
});
