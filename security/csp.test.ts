import http from 'node:http';
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter } from '../shared/ipc/index';
import { EventHub } from '../electron/services/app/event-hub';
import { RENDERER_CSP } from '../electron/services/security/csp';
import { startWebHost, type WebHost } from '../electron/web/web-host';
import { createAppProtocolHandler } from '../electron/adapters/app-protocol';
import { APP_HOST, APP_SCHEME } from '../electron/ipc/app-origin';
import { ensureRendererBuild } from '../scripts/package-check/app-build';
import { listFilesOnDisk } from '../scripts/package-check/inspect-package';

/**
 * The renderer's Content-Security-Policy must arrive with every response either host sends the page:
 * each file of the real renderer build, and every refusal (a refusal without it would be an
 * uncovered document). The policy itself is checked with Google's CSP Evaluator.
 */
let rendererDir: string;
let files: string[];
let host: WebHost;

beforeAll(async () => {
  rendererDir = await ensureRendererBuild();
  files = await listFilesOnDisk(rendererDir);
  // The host's transport needs a router, an event hub and an upload intake; no channel is served and
  // no upload is staged here, so the intake refuses anything that reaches it.
  const stagedIntake = { receive: () => Promise.reject(new Error('no uploads in the CSP test')) };
  host = await startWebHost({ services: { router: createRouter({}, { validateOutput: true, log: () => {} }), events: new EventHub(true), stagedIntake }, rendererDir, port: 0 });
}, 120_000);

afterAll(async () => {
  await host?.close();
});

function request(method: string, pathname: string, hostHeader = `127.0.0.1:${host.port}`): Promise<{ status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, method, path: pathname, headers: { host: hostHeader } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

const refusals: [string, string, string | undefined, number][] = [
  ['GET', '/no-such-file.js', undefined, 404],
  ['GET', '/assets/%2e%2e%2f%2e%2e%2fpackage.json', undefined, 403],
  ['GET', '/.env', undefined, 403],
  ['GET', '/%00', undefined, 400],
  ['GET', '/', 'evil.example', 403],
  ['POST', '/index.html', undefined, 405],
  ['DELETE', '/', undefined, 405],
];

describe('CSP on every web-host response', () => {
  it('is on each file of the renderer build, for GET and HEAD', async () => {
    expect(files).toContain('index.html');
    for (const file of ['', ...files]) {
      for (const method of ['GET', 'HEAD']) {
        const res = await request(method, `/${file}`);
        expect(res.status, `${method} /${file}`).toBe(200);
        expect(res.headers['content-security-policy'], `${method} /${file}`).toBe(RENDERER_CSP);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
      }
    }
  });

  it.each(refusals)('is on the refusal of %s %s (Host %s) → %i', async (method, pathname, hostHeader, status) => {
    const res = await request(method, pathname, hostHeader);
    expect(res.status).toBe(status);
    expect(res.headers['content-security-policy']).toBe(RENDERER_CSP);
  });
});

describe('CSP on every app:// response (the Electron protocol handler)', () => {
  const handler = () => createAppProtocolHandler(rendererDir);
  const origin = `${APP_SCHEME}://${APP_HOST}`;

  it('is on each file of the renderer build, for GET and HEAD', async () => {
    for (const file of ['', ...files]) {
      for (const method of ['GET', 'HEAD']) {
        const res = await handler()(new Request(`${origin}/${file}`, { method }));
        expect(res.status, `${method} /${file}`).toBe(200);
        expect(res.headers.get('content-security-policy'), `${method} /${file}`).toBe(RENDERER_CSP);
      }
    }
  });

  it.each([
    ['GET', `${origin}/no-such-file.js`, 404],
    ['GET', `${origin}/assets/%2e%2e%2f%2e%2e%2fpackage.json`, 403],
    ['GET', `${origin}/.env`, 403],
    ['GET', `${APP_SCHEME}://elsewhere/index.html`, 403],
    ['POST', `${origin}/index.html`, 405],
  ])('is on the refusal of %s %s → %i', async (method, url, status) => {
    const res = await handler()(new Request(url, { method }));
    expect(res.status).toBe(status);
    expect(res.headers.get('content-security-policy')).toBe(RENDERER_CSP);
  });
});

describe('the policy itself', () => {
  it('has no high-severity or syntax finding in CSP Evaluator; medium ones only for the loopback Local library images', () => {
    const csp = createRequire(import.meta.url)('@doyensec/csp-evaluator') as {
      CspParser: new (raw: string) => { csp: unknown };
      CspEvaluator: new (parsed: unknown, version: unknown) => { evaluate(): { severity: number; directive: string; value?: string }[] };
      Version: { CSP3: unknown };
      Finding: { Severity: Record<string, number> };
    };
    const evaluate = (raw: string) => new csp.CspEvaluator(new csp.CspParser(raw).csp, csp.Version.CSP3).evaluate();
    const { HIGH, SYNTAX, MEDIUM } = csp.Finding.Severity;
    const findings = evaluate(RENDERER_CSP);
    expect(findings.filter((f) => f.severity === HIGH || f.severity === SYNTAX)).toEqual([]);
    for (const f of findings.filter((f) => f.severity === MEDIUM)) {
      expect(['img-src', 'media-src']).toContain(f.directive);
      expect(f.value).toMatch(/^http:\/\/(127\.0\.0\.1|localhost):\*$/);
    }
    // The evaluator does flag a weak policy, so a clean result above means something.
    expect(evaluate("script-src 'self' 'unsafe-inline' https:").some((f) => f.severity === HIGH)).toBe(true);
  });

  it('lets the built page run under it: no inline script, no inline handler, scripts only from the app itself', async () => {
    const html = await readFile(path.join(rendererDir, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(body.trim(), 'inline script').toBe('');
      expect(attrs).toMatch(/\bsrc="\.?\/?assets\/[^"]+\.js"/);
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//i);
  });
});
