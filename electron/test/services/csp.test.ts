import { describe, expect, it } from 'vitest';
import { RENDERER_CSP, RENDERER_SECURITY_HEADERS } from '../../services/security/csp';

/** The policy itself, directive by directive: what would make it weak must never creep in. */
const directives = new Map(
  RENDERER_CSP.split(';').map((part) => {
    const [name, ...sources] = part.trim().split(/\s+/);
    return [name, sources] as const;
  }),
);

describe('renderer Content-Security-Policy', () => {
  it('denies by default and allows scripts and styles from the app itself only', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
  });

  it('never allows inline code, eval, wildcards or plain-http origins for code', () => {
    for (const [name, sources] of directives) {
      expect(sources, name).not.toContain("'unsafe-inline'");
      expect(sources, name).not.toContain("'unsafe-eval'");
      expect(sources, name).not.toContain("'wasm-unsafe-eval'");
      expect(sources, name).not.toContain('*');
    }
    // Where code or data flows, no remote scheme or data: URL may be a source.
    for (const name of ['script-src', 'style-src', 'connect-src', 'worker-src']) {
      expect(directives.get(name)?.filter((source) => /^(https?|data):/.test(source)), name).toEqual([]);
    }
  });

  it('talks only to its own origin and cannot be framed, embed plugins or rebase URLs', () => {
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(directives.has('frame-src')).toBe(false); // falls back to default-src 'none'
  });

  it('lets images come only from the app, ImageKit (https) and this machine', () => {
    expect(directives.get('img-src')).toEqual(["'self'", 'data:', 'blob:', 'https:', 'http://127.0.0.1:*', 'http://localhost:*']);
  });

  it('ships with the companion headers', () => {
    expect(RENDERER_SECURITY_HEADERS).toMatchObject({
      'Content-Security-Policy': RENDERER_CSP,
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'DENY',
      'Referrer-Policy': 'no-referrer',
    });
  });
});
