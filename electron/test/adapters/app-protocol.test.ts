import { describe, expect, it, vi } from 'vitest';
import { createAppProtocolHandler, registerAppScheme, serveAppProtocol } from '../../adapters/app-protocol';
import { RENDERER_CSP } from '../../services/security/csp';
import { useTempDirs } from '../helpers/temp-dir';
import { writeRendererFixture } from '../helpers/renderer-fixture';

const tempDir = useTempDirs();

describe('app:// protocol', () => {
  it('registers app as a standard, secure scheme', () => {
    const protocol = { registerSchemesAsPrivileged: vi.fn() };
    registerAppScheme(protocol);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ]);
  });

  it('serves renderer files with the CSP and the right content type', async () => {
    const handler = createAppProtocolHandler(await writeRendererFixture(await tempDir()));
    const index = await handler(new Request('app://renderer/index.html'));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(RENDERER_CSP);
    expect(index.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await index.text()).toContain('<div id="root">');
    const script = await handler(new Request('app://renderer/assets/app.js'));
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect((await handler(new Request('app://renderer/'))).status).toBe(200);
  });

  it.each([
    // The URL parser already folds these dot segments into /outside.txt, which is not in the build.
    ['app://renderer/../outside.txt', 404],
    ['app://renderer/%2e%2e/outside.txt', 404],
    ['app://renderer/assets/%2e%2e%2f%2e%2e%2foutside.txt', 403],
    ['app://renderer/.env', 403],
    ['app://renderer/assets/%5c..%5coutside.txt', 400],
    ['app://renderer/index.html%00.js', 400],
    ['app://renderer/%E0%A4%A', 400],
    ['app://renderer/missing.js', 404],
    ['app://renderer/assets', 404],
    ['app://elsewhere/index.html', 403],
  ])('refuses %s with %i', async (url, status) => {
    const handler = createAppProtocolHandler(await writeRendererFixture(await tempDir()));
    const response = await handler(new Request(url));
    expect(response.status).toBe(status);
    expect(await response.text()).not.toContain('not part of the renderer');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const handler = createAppProtocolHandler(await writeRendererFixture(await tempDir()));
    expect((await handler(new Request('app://renderer/index.html', { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('shuts file:// entirely', async () => {
    const protocol = { handle: vi.fn() };
    serveAppProtocol(protocol, '/nowhere');
    const fileHandler = protocol.handle.mock.calls.find(([scheme]) => scheme === 'file')?.[1];
    expect(fileHandler).toBeTypeOf('function');
    expect((await fileHandler(new Request('file:///etc/passwd'))).status).toBe(403);
  });
});
