/**
 * The one Content-Security-Policy of SØM Desktop, used by the Electron app:// protocol
 * (src-main/electron/protocol.ts) and by the web host (src-main/web/server.ts).
 * No 'unsafe-inline', no 'unsafe-eval', no remote origins: the app makes zero network requests.
 * Note: style-src 'self' still allows styles set through the CSSOM (element.style.setProperty),
 * which is how Svelte 5 applies `style:` directives and dynamic `style={...}`; it blocks
 * style="" attributes parsed from HTML markup and inline <style> elements.
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
