import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebApp } from '../../web/start-web-app';
import { MemorySecretStore } from '../../services/secrets/memory-secret-store';
import { connect, type TestClient } from '../helpers/ws-client';
import { writeRendererFixture } from '../helpers/renderer-fixture';

/**
 * An ImageKit look-alike on loopback that never answers the requests a person would supersede (a
 * searchQuery listing, a delivery URL under /slow/), so a test can see whether MediaDesk hangs up on them.
 * Everything else answers at once: the connection check's one-item listing, and 404 for the rest.
 */
interface HeldRequest {
  url: string;
  /** Resolves when the client closed the connection (the only way a held request ends). */
  closed: Promise<void>;
}

function startSlowServer(): Promise<{ port: number; held: HeldRequest[]; waitForHeld(match: RegExp): Promise<HeldRequest>; close(): Promise<void> }> {
  const held: HeldRequest[] = [];
  const waiters: Array<() => void> = [];
  const server = http.createServer((req, res) => {
    const url = req.url ?? '/';
    const hold = /searchQuery=/.test(url) || url.startsWith('/slow/hang');
    if (hold) {
      held.push({ url, closed: new Promise((resolve) => req.socket.once('close', () => resolve())) });
      for (const wake of waiters.splice(0)) wake();
      return; // never answered
    }
    if (url.startsWith('/v1/files')) {
      res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ message: 'Not found', help: '' }));
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      resolve({
        port: (server.address() as AddressInfo).port,
        held,
        async waitForHeld(match) {
          for (;;) {
            const hit = held.find((h) => match.test(h.url));
            if (hit) return hit;
            await new Promise<void>((wake) => waiters.push(wake));
          }
        },
        close: () => {
          server.closeAllConnections();
          return new Promise<void>((done) => server.close(() => done()));
        },
      });
    });
  });
}

const within = <T>(promise: Promise<T>, ms: number, what: string) =>
  Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms))]);

let root: string;
let app: Awaited<ReturnType<typeof startWebApp>>;
let slow: Awaited<ReturnType<typeof startSlowServer>>;
let client: TestClient;
let profileId: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-cancel-'));
  slow = await startSlowServer();
  app = await startWebApp({ port: 0, dataDir: path.join(root, 'data'), rendererDir: await writeRendererFixture(root), keychain: new MemorySecretStore() });
  client = await connect(app.port, app.token);
  const saved = await client.request('profiles.save', { name: 'Slow', urlEndpoint: `http://127.0.0.1:${slow.port}/slow`, publicKey: 'public_slow', privateKey: 'private_slow' });
  expect(saved).toMatchObject({ ok: true, data: { connection: { state: 'connected' } } });
  profileId = (saved as { data: { profile: { id: string } } }).data.profile.id;
});

afterAll(async () => {
  client?.close();
  await app?.close();
  await slow?.close();
  await rm(root, { recursive: true, force: true });
});

describe('web host: cancelling a call stops its main-side work', () => {
  it('a cancelled search closes the request it made to ImageKit and answers CANCELLED', async () => {
    const { id, answer } = client.start('library.list', { profileId, folderPath: '/', searchQuery: 'name : "first-letters"' });
    const request = await within(slow.waitForHeld(/first-letters/), 10_000, 'the search reaching the server');
    client.sendRaw(JSON.stringify({ t: 'cancel', id }));
    await expect(within(answer, 5_000, 'the answer')).resolves.toEqual({ ok: false, error: { code: 'CANCELLED', message: expect.stringContaining('library.list') } });
    await within(request.closed, 5_000, 'the server seeing its connection closed');
  });

  it('a cancelled preview closes its delivery request and answers CANCELLED', async () => {
    const { id, answer } = client.start('urls.preview', { profileId, draft: { src: '/hang/photo.jpg', transformation: [{ width: '300' }] } });
    const request = await within(slow.waitForHeld(/^\/slow\/hang\/photo\.jpg\?tr=w-300/), 10_000, 'the preview request reaching the server');
    client.sendRaw(JSON.stringify({ t: 'cancel', id }));
    await expect(within(answer, 5_000, 'the answer')).resolves.toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    await within(request.closed, 5_000, 'the server seeing its connection closed');
  });

  it('a page that goes away (its socket closes) stops the work it left running', async () => {
    const leaving = await connect(app.port, app.token);
    leaving.start('library.folderCounts', { profileId, folderPath: '/going-away' });
    const request = await within(slow.waitForHeld(/going-away/), 10_000, 'the count reaching the server');
    leaving.close();
    await within(request.closed, 5_000, 'the server seeing its connection closed');
  });

  it('ignores a cancel for an id that is not running, and keeps serving on that socket', async () => {
    client.sendRaw(JSON.stringify({ t: 'cancel', id: 987_654 }));
    await expect(client.request('profiles.list')).resolves.toMatchObject({ ok: true });
    expect(client.received.some((frame) => frame.includes('"BAD_INPUT"'))).toBe(false);
  });

  it('closes a socket that sends a cancel without an integer id, like any frame it cannot answer', async () => {
    const sloppy = await connect(app.port, app.token);
    sloppy.sendRaw(JSON.stringify({ t: 'cancel', id: 'x' }));
    await expect(within(sloppy.closed, 5_000, 'the close')).resolves.toMatchObject({ code: 1007 });
  });
});
