/**
 * Static Electron security check (an electronegativity-equivalent for this project).
 * Scans src-main/electron/** (not tests), shared/csp.ts, electron-builder.yml, the renderer's HTML
 * and, when built, dist/main/*.cjs and dist/renderer/**\/*.html. 0 findings are required.
 *
 *   npx tsx scripts/security-check.ts        → prints findings, exit code 1 if any
 *
 * A justified exception: put `security-check-ignore <rule-id>: <reason>` in a comment on the same
 * line or the line above. A directive without a reason is itself a finding.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Finding {
  file: string;
  line: number;
  rule: string;
  message: string;
}

interface LineRule {
  id: string;
  pattern: RegExp;
  message: string;
  /** Only applied to files whose relative path matches (default: all scanned files). */
  files?: RegExp;
}

const TS_OR_JS = /\.(ts|mts|cts|js|mjs|cjs)$/;

/** A security flag must be the literal safe value; anything else (false/true/variables) is a finding. */
const mustBe = (flag: string, safe: 'true' | 'false'): LineRule => ({
  id: `${flag}-${safe === 'true' ? 'enabled' : 'disabled'}`,
  pattern: new RegExp(`\\b${flag}\\s*:\\s*(?!${safe}\\b)[^\\s,}]`),
  message: `${flag} skal være ${safe} (og en bogstavelig værdi)`,
  files: TS_OR_JS,
});

export const RULES: readonly LineRule[] = [
  mustBe('nodeIntegration', 'false'),
  mustBe('nodeIntegrationInWorker', 'false'),
  mustBe('nodeIntegrationInSubFrames', 'false'),
  mustBe('contextIsolation', 'true'),
  mustBe('sandbox', 'true'),
  mustBe('webSecurity', 'true'),
  mustBe('allowRunningInsecureContent', 'false'),
  mustBe('webviewTag', 'false'),
  mustBe('experimentalFeatures', 'false'),
  { id: 'enableRemoteModule', pattern: /\benableRemoteModule\b/, message: 'enableRemoteModule må ikke bruges', files: TS_OR_JS },
  { id: 'blinkFeatures', pattern: /\b(enableBlinkFeatures|blinkFeatures)\b/, message: 'enableBlinkFeatures/blinkFeatures må ikke bruges', files: TS_OR_JS },
  {
    id: 'openExternal-nonliteral',
    // shell.openExternal( followed by anything but a single plain string literal and ')'.
    pattern: /\bopenExternal\(\s*(?!(['"])[^'"$`\\]*\1\s*[,)])(?!`[^`$]*`\s*[,)])/,
    message: 'shell.openExternal må kun kaldes med en bogstavelig, tilladt URL',
    files: TS_OR_JS,
  },
  { id: 'csp-unsafe', pattern: /'(unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval)'/, message: "CSP må ikke indeholde 'unsafe-*'" },
  { id: 'expose-ipcRenderer', pattern: /exposeInMainWorld\([^)]*\bipcRenderer\s*\)/, message: 'ipcRenderer må aldrig eksponeres', files: TS_OR_JS },
  { id: 'insecure-protocol', pattern: /\bregister(File|Http|Buffer|String)Protocol\b|\binterceptFileProtocol\b/, message: 'Brug protocol.handle med stikontrol (protocol.ts)', files: TS_OR_JS },
  { id: 'html-inline-script', pattern: /<script(?![^>]*\bsrc=)[^>]*>/i, message: 'Inline <script> i HTML er forbudt (CSP script-src \'self\')', files: /\.html$/ },
  { id: 'html-inline-style', pattern: /<style[\s>]|\sstyle\s*=/i, message: 'Inline style i HTML er forbudt (CSP style-src \'self\')', files: /\.html$/ },
  { id: 'html-event-handler', pattern: /\son[a-z]+\s*=\s*["']/i, message: 'Inline event-handlere (onclick=…) er forbudt', files: /\.html$/ },
  { id: 'load-remote', pattern: /\bloadURL\(\s*['"`](https?|file):/, message: 'Vinduer indlæser kun app://som/', files: TS_OR_JS },
];

/** Things that must be present somewhere in the given file. */
export const REQUIRED: readonly { file: string; id: string; pattern: RegExp; message: string }[] = [
  { file: 'src-main/electron/main.ts', id: 'enableSandbox', pattern: /app\.enableSandbox\(\)/, message: 'app.enableSandbox() mangler' },
  { file: 'src-main/electron/main.ts', id: 'harden-session', pattern: /hardenSession\(/, message: 'hardenSession(...) kaldes ikke' },
  { file: 'src-main/electron/main.ts', id: 'harden-contents', pattern: /web-contents-created[\s\S]*hardenWebContents\(/, message: 'hardenWebContents for alle web contents mangler' },
  { file: 'src-main/electron/security.ts', id: 'window-open', pattern: /setWindowOpenHandler\(/, message: 'setWindowOpenHandler mangler' },
  { file: 'src-main/electron/security.ts', id: 'will-navigate', pattern: /'will-navigate'/, message: 'will-navigate-vagt mangler' },
  { file: 'src-main/electron/security.ts', id: 'will-attach-webview', pattern: /'will-attach-webview'/, message: 'will-attach-webview-vagt mangler' },
  { file: 'src-main/electron/security.ts', id: 'permissions', pattern: /setPermissionRequestHandler\([\s\S]*setPermissionCheckHandler\(/, message: 'tilladelseshåndtering mangler' },
  { file: 'src-main/electron/security.ts', id: 'request-filter', pattern: /onBeforeRequest\(/, message: 'netværksfilter mangler' },
  { file: 'src-main/electron/windows.ts', id: 'flags', pattern: /contextIsolation: true[\s\S]*sandbox: true[\s\S]*nodeIntegration: false/, message: 'sikre webPreferences mangler' },
  { file: 'src-main/electron/protocol.ts', id: 'csp-header', pattern: /SECURITY_HEADERS/, message: 'CSP-header på app:// mangler' },
];

const IGNORE = /security-check-ignore\s+([\w-]+)\s*:\s*(\S.*)?$/;

/** Checks one file's text. `rel` is the path relative to the project root (forward slashes). */
export function checkSource(text: string, rel: string): Finding[] {
  const findings: Finding[] = [];
  const lines = text.split(/\r?\n/);
  const ignoredAt = (i: number, rule: string): boolean =>
    [lines[i], lines[i - 1]].some((l) => {
      const m = l === undefined ? null : IGNORE.exec(l);
      return m !== null && m[1] === rule && (m[2] ?? '').trim().length >= 10;
    });
  lines.forEach((line, i) => {
    const m = IGNORE.exec(line);
    if (m && (m[2] ?? '').trim().length < 10) {
      findings.push({ file: rel, line: i + 1, rule: 'ignore-without-reason', message: 'security-check-ignore kræver en begrundelse (mindst 10 tegn)' });
    }
    for (const rule of RULES) {
      if (rule.files && !rule.files.test(rel)) continue;
      if (rule.pattern.test(line) && !ignoredAt(i, rule.id)) {
        findings.push({ file: rel, line: i + 1, rule: rule.id, message: rule.message });
      }
    }
  });
  return findings;
}

function walk(dir: string, accept: (p: string) => boolean, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(p, accept, out);
    else if (entry.isFile() && accept(p)) out.push(p);
  }
  return out;
}

/** The files the check looks at. */
export function filesToScan(root: string): string[] {
  const files = [
    ...walk(path.join(root, 'src-main', 'electron'), (p) => /\.(ts|mts|cts|js|mjs|cjs)$/.test(p) && !/\.test\.ts$/.test(p)),
    path.join(root, 'shared', 'csp.ts'),
    path.join(root, 'electron-builder.yml'),
    path.join(root, 'src-renderer', 'index.html'),
    ...walk(path.join(root, 'dist', 'main'), (p) => p.endsWith('.cjs')),
    ...walk(path.join(root, 'dist', 'renderer'), (p) => p.endsWith('.html')),
  ];
  return files.filter((f) => existsSync(f) && statSync(f).isFile());
}

export function runSecurityCheck(root: string): { findings: Finding[]; scanned: number } {
  const findings: Finding[] = [];
  const files = filesToScan(root);
  for (const f of files) {
    const rel = path.relative(root, f).split(path.sep).join('/');
    findings.push(...checkSource(readFileSync(f, 'utf8'), rel));
  }
  for (const req of REQUIRED) {
    const f = path.join(root, req.file);
    const text = existsSync(f) ? readFileSync(f, 'utf8') : '';
    if (!req.pattern.test(text)) findings.push({ file: req.file, line: 0, rule: `required-${req.id}`, message: req.message });
  }
  return { findings, scanned: files.length };
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const { findings, scanned } = runSecurityCheck(root);
  for (const f of findings) console.error(`${f.file}:${f.line}: [${f.rule}] ${f.message}`);
  console.log(`security-check: ${findings.length} fund i ${scanned} filer`);
  process.exit(findings.length === 0 ? 0 : 1);
}
