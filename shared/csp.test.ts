import { describe, expect, it } from 'vitest';
import { CSP, CSP_DIRECTIVES, SECURITY_HEADERS } from './csp';

describe('CSP', () => {
  it('is exactly the agreed policy', () => {
    expect(CSP).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });

  it('has no unsafe-* source and no remote or wildcard origin', () => {
    expect(CSP).not.toMatch(/unsafe-/i);
    expect(CSP).not.toMatch(/\*|https?:|wss?:/i);
  });

  it("restricts connect-src to 'self' and forbids objects, base and forms", () => {
    const map = new Map(CSP_DIRECTIVES);
    expect(map.get('connect-src')).toBe("'self'");
    expect(map.get('object-src')).toBe("'none'");
    expect(map.get('base-uri')).toBe("'none'");
    expect(map.get('form-action')).toBe("'none'");
    expect(map.get('frame-ancestors')).toBe("'none'");
    expect(map.get('script-src')).toBe("'self'");
  });

  it('is part of the security headers', () => {
    expect(SECURITY_HEADERS['Content-Security-Policy']).toBe(CSP);
    expect(SECURITY_HEADERS['X-Content-Type-Options']).toBe('nosniff');
  });
});
