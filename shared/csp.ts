/**
 * The one Content-Security-Policy of SØM Desktop, used by the Electron app:// protocol
 * (src-main/electron/protocol.ts) and by the web host (src-main/web/server.ts).
 * No unsafe-inline, no unsafe-eval, no remote origins: the app makes zero network requests.
 * style-src 'self' and Svelte 5 (verified in Chromium 156, see docs/electron.md):
 * - `style:prop={…}` directives and dynamic `style="…{x}…"` compile to CSSOM writes
 *   (style.setProperty / style.cssText): allowed, no violation.
 * - a STATIC `style="…"` attribute in markup lands in Svelte's HTML template (innerHTML of a
 *   <template>): Chromium reports a CSP violation (console error) although the clone still shows it.
 *   Use a class or a `style:` directive instead. `setAttribute('style', …)` and {@html} styles are blocked.
 * - component <style> blocks are emitted by vite as .css files: allowed by 'self'.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data: blob:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['worker-src', "'self' blob:"],
  ['object-src', "'none'"],
  ['base-uri', "'none'"],
  ['form-action', "'none'"],
  ['frame-ancestors', "'none'"],
];

export const CSP = CSP_DIRECTIVES.map(([name, value]) => `${name} ${value}`).join('; ');

/** Security headers sent with every response of the app (app:// and the web host). */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};
