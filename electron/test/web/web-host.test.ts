import path from 'node:path';
import { readdir, readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebApp } from '../../web/start-web-app';
import { MemorySecretStore } from '../../services/secrets/memory-secret-store';
import { RENDERER_CSP } from '../../services/security/csp';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';
import { connect, type TestClient } from '../helpers/ws-client';
import { writeRendererFixture } from '../helpers/renderer-fixture';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';

let root: string;
let app: Awaited<ReturnType<typeof startWebApp>>;
let second: RunningEmulator;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-webhost-'));
  const rendererDir = await writeRendererFixture(root);
  app = await startWebApp({ port: 0, dataDir: path.join(root, 'data'), rendererDir, keychain: new MemorySecretStore() });
  second = await startEmulator({ port: 0, dataDir: path.join(root, 'second'), id: 'second', quiet: true });
});

afterAll(async () => {
  await app?.close();
  await second?.close();
  await rm(root, { recursive: true, force: true });
});

/** A GET with full control of the Host header (fetch would not allow it). */
function get(pathname: string, host = `127.0.0.1:${app.port}`): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: app.port, path: pathname, headers: { host } }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      })
      .on('error', reject);
  });
}

describe('web host: HTTP', () => {
  it('prints a loopback URL carrying the token in the fragment', () => {
    expect(app.url).toBe(`http://127.0.0.1:${app.port}/#token=${app.token}`);
    expect(app.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('serves the renderer build with the same CSP as the Electron app', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toBe(RENDERER_CSP);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.body).toContain('<div id="root">');
    expect((await get('/assets/app.js')).headers['content-type']).toMatch(/javascript/);
  });

  it('refuses paths outside the build, dotfiles, and a foreign Host header (DNS rebinding)', async () => {
    expect((await get('/assets/%2e%2e%2f%2e%2e%2foutside.txt')).status).toBe(403);
    const folded = await get('/%2e%2e/outside.txt'); // URL parsing folds this into /outside.txt: not in the build
    expect(folded.status).toBe(404);
    expect(folded.body).not.toContain('not part of the renderer');
    expect((await get('/.env')).status).toBe(403);
    expect((await get('/', `evil.example:${app.port}`)).status).toBe(403);
  });

  it('never serves source maps, however the name is spelled', async () => {
    for (const pathname of ['/assets/app.js.map', '/assets/app.js%2Emap', '/assets/app.js.%6dap', '/assets/app.js.map?x=1']) {
      const answer = await get(pathname);
      expect(answer.status, pathname).toBe(404);
      expect(answer.body, pathname).not.toContain('secret-source');
    }
    expect((await get('/assets/app.js')).status).toBe(200);
  });

  it('is not handed source maps by the production build either (vite.config.ts)', async () => {
    // Loaded by URL: the root config belongs to no TypeScript project of electron/.
    const config = (await import(pathToFileURL(path.resolve(import.meta.dirname, '../../../vite.config.ts')).href)) as { default: { build?: { sourcemap?: unknown } } };
    expect(config.default.build?.sourcemap).toBe(false);
  });

  it('refuses request targets that are not a path (absolute form) with 400', async () => {
    expect((await get(`http://127.0.0.1:${app.port}/assets/app.js`)).status).toBe(400);
  });
});

describe('web host: WebSocket access', () => {
  it('refuses a wrong token with 401 and a missing one too', async () => {
    await expect(connect(app.port, 'x'.repeat(43))).rejects.toMatchObject({ status: 401 });
    await expect(connect(app.port, '')).rejects.toMatchObject({ status: 401 });
    await expect(connect(app.port, app.token.slice(0, -1))).rejects.toMatchObject({ status: 401 });
  });

  it('closes a socket that sends something other than JSON frames', async () => {
    const other = await connect(app.port, app.token);
    other.sendRaw('this is not json');
    await expect(other.closed).resolves.toMatchObject({ code: 1007 });
  });

  it('refuses a foreign or missing Origin with 403, even with the right token', async () => {
    await expect(connect(app.port, app.token, 'https://evil.example')).rejects.toMatchObject({ status: 403 });
    await expect(connect(app.port, app.token, `http://127.0.0.1:${app.port + 1}`)).rejects.toMatchObject({ status: 403 });
    await expect(connect(app.port, app.token, null)).rejects.toMatchObject({ status: 403 });
  });
});

describe('web host: the contract over WebSocket', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await connect(app.port, app.token);
  });
  afterAll(() => client.close());

  it('opens the Local library on first run, connected', async () => {
    const list = await client.request('profiles.list');
    expect(list).toMatchObject({ ok: true, data: [{ id: 'local', kind: 'local', active: true, keyStorage: 'embedded' }] });
    await expect(client.request('connection.status')).resolves.toMatchObject({ ok: true, data: { profileId: 'local', state: 'connected', message: 'Connected' } });
  });

  it('answers envelopes for unknown channels, bad input and malformed frames', async () => {
    await expect(client.request('files.nuke', {})).resolves.toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    await expect(client.request('profiles.save', { name: 'x', urlEndpoint: 'not a url', publicKey: 'p', privateKey: 'k' })).resolves.toMatchObject({
      ok: false,
      error: { code: 'BAD_INPUT', message: expect.stringContaining('urlEndpoint: URL endpoint "not a url" is not a URL') },
    });
    client.sendRaw(JSON.stringify({ t: 'nope', id: 999 }));
    await expect.poll(() => client.received.some((t) => t.includes('"id":999') && t.includes('BAD_INPUT'))).toBe(true);
  });

  it('adds an ImageKit account on a second emulator: Connected; a wrong key: Key rejected', async () => {
    const saved = await client.request('profiles.save', {
      name: 'Second', urlEndpoint: second.urlEndpoint, publicKey: second.publicKey, privateKey: second.privateKey,
    });
    expect(saved).toMatchObject({ ok: true, data: { profile: { kind: 'imagekit', hasPrivateKey: true, keyStorage: 'keychain' }, connection: { state: 'connected', message: 'Connected' } } });

    const wrong = await client.request('profiles.testConnection', {
      draft: { urlEndpoint: second.urlEndpoint, publicKey: second.publicKey, privateKey: 'private_wrong_key' },
    });
    expect(wrong).toMatchObject({ ok: true, data: { state: 'key_rejected', message: expect.stringMatching(/^Key rejected: .*HTTP 40[13]/) } });
  });

  it('pushes profiles.changed and connection.changed when the active profile switches', async () => {
    const list = (await client.request('profiles.list')) as { ok: true; data: { id: string; name: string }[] };
    const target = list.data.find((p) => p.name === 'Second')!;
    const changed = client.nextEvent('connection.changed', (p) => (p as { state: string }).state === 'connected');
    const activated = await client.request('profiles.activate', { id: target.id });
    expect(activated).toMatchObject({ ok: true, data: { id: target.id, active: true } });
    await expect(changed).resolves.toMatchObject({ profileId: target.id, state: 'connected' });
    await expect.poll(() => client.events('profiles.changed').length).toBeGreaterThan(0);
  });

  it('never sends a private key to the page, and never writes one under the data dir', async () => {
    const all = client.received.join('\n');
    expect(all).not.toContain(second.privateKey);
    expect(all).not.toContain(app.services.localLibrary.privateKey);
    const dataDir = path.join(root, 'data');
    const files = (await readdir(dataDir, { recursive: true })).map((f) => path.join(dataDir, f));
    for (const file of files) {
      if (!(await stat(file)).isFile()) continue;
      expect((await readFile(file)).includes(Buffer.from(second.privateKey)), file).toBe(false);
    }
  });
});
