import http from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRouter } from '../../../shared/ipc/index';
import { EventHub } from '../../services/app/event-hub';
import { MemorySecretStore } from '../../services/secrets/memory-secret-store';
import { startWebApp } from '../../web/start-web-app';
import { startWebHost, type WebHost, type WebHostOptions } from '../../web/web-host';
import { connect, type TestClient } from '../helpers/ws-client';
import { writeRendererFixture } from '../helpers/renderer-fixture';

/**
 * The web host listens, and serves the page, while the services behind it are still starting (the
 * Local library, settings, keychain): a cold start then loads the page and starts the library at the
 * same time. Calls wait for the services; a failed start is answered, never left hanging.
 */
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type Services = Awaited<WebHostOptions['services']>;

function deferred() {
  let resolve!: (services: Services) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<Services>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const idleServices = (): Services => ({
  router: createRouter({}, { validateOutput: true, log: () => {} }),
  events: new EventHub(true),
  stagedIntake: { receive: () => Promise.reject(new Error('no uploads in this test')) },
});

async function hostWith(services: Promise<Services>): Promise<WebHost> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-early-'));
  const host = await startWebHost({ services, rendererDir: await writeRendererFixture(root), port: 0, log: () => {} });
  cleanups.push(() => rm(root, { recursive: true, force: true }), () => host.close());
  return host;
}

function send(host: WebHost, method: string, pathname: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, method, path: pathname }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(method === 'PUT' ? 'bytes' : undefined);
  });
}

const settled = (promise: Promise<unknown>, ms: number) =>
  Promise.race([promise.then(() => 'settled', () => 'settled'), new Promise((resolve) => setTimeout(() => resolve('pending'), ms))]);

describe('web host started before its services', () => {
  it('serves the page at once, holds the WebSocket until the services are up, then routes through them', async () => {
    const services = deferred();
    const host = await hostWith(services.promise);
    expect(await send(host, 'GET', '/')).toBe(200);
    expect(await send(host, 'GET', '/assets/app.js')).toBe(200);

    const connecting = connect(host.port, host.token);
    expect(await settled(connecting, 300)).toBe('pending');
    services.resolve(idleServices());
    const client: TestClient = await connecting;
    cleanups.push(async () => client.close());
    expect(await client.request('profiles.list')).toEqual({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL', message: 'The channel profiles.list is not served here.' },
    });
  });

  it('still checks the token and origin of an upgrade before waiting for anything', async () => {
    const host = await hostWith(deferred().promise);
    await expect(connect(host.port, 'not-the-token')).rejects.toMatchObject({ status: 401 });
    await expect(connect(host.port, host.token, 'http://evil.example')).rejects.toMatchObject({ status: 403 });
  });

  it('answers 503 to the WebSocket, uploads and downloads when the services fail to start, and keeps serving files', async () => {
    const services = deferred();
    const host = await hostWith(services.promise);
    const connecting = connect(host.port, host.token);
    const upload = send(host, 'PUT', `/uploads/stage?stagedId=x&token=${host.token}`);
    services.reject(new Error('the Local library could not open its database'));
    await expect(connecting).rejects.toMatchObject({ status: 503 });
    expect(await upload).toBe(503);
    expect(await send(host, 'GET', `/downloads/original?token=${host.token}`)).toBe(503);
    expect(await send(host, 'GET', '/')).toBe(200);
  });
});

describe('startWebApp', () => {
  it('hands out the address while the services start, and a call made right then is answered once they are up', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-early-app-'));
    cleanups.push(() => rm(root, { recursive: true, force: true }));
    let early: Promise<TestClient> | undefined;
    let resolvedBeforeListening = false;
    const starting = startWebApp({
      port: 0,
      dataDir: path.join(root, 'data'),
      rendererDir: await writeRendererFixture(root),
      keychain: new MemorySecretStore(),
      onListening: (url) => {
        const { port, hash } = new URL(url);
        early = connect(Number(port), hash.replace('#token=', ''));
      },
    });
    void starting.then(() => (resolvedBeforeListening = early === undefined));
    const app = await starting;
    cleanups.push(() => app.close());
    expect(resolvedBeforeListening).toBe(false);
    const client = await early!;
    cleanups.push(async () => client.close());
    const answer = await client.request('profiles.list');
    expect(answer).toMatchObject({ ok: true, data: [expect.objectContaining({ kind: 'local' })] });
  });
});
