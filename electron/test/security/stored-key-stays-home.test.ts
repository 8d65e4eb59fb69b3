import http from 'node:http';
import path from 'node:path';
import os from 'node:os';
import { mkdtemp, rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebApp } from '../../web/start-web-app';
import { MemorySecretStore } from '../../services/secrets/memory-secret-store';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';
import { connect, type TestClient } from '../helpers/ws-client';
import { writeRendererFixture } from '../helpers/renderer-fixture';

/**
 * A page holding the token tries to get a stored private key sent to an address it controls, through
 * the real web host's WebSocket. The address is a local HTTP server that records every Authorization
 * header it is sent.
 */
let root: string;
let app: Awaited<ReturnType<typeof startWebApp>>;
let account: RunningEmulator;
let client: TestClient;
let accountId: string;
const seen: string[] = [];
let trap: http.Server;
let trapEndpoint: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-keyhome-'));
  app = await startWebApp({ port: 0, dataDir: path.join(root, 'data'), rendererDir: await writeRendererFixture(root), keychain: new MemorySecretStore() });
  account = await startEmulator({ port: 0, dataDir: path.join(root, 'account'), id: 'account', quiet: true });
  trap = http.createServer((req, res) => {
    seen.push(req.headers.authorization ?? `(no Authorization) ${req.method} ${req.url}`);
    res.writeHead(200, { 'Content-Type': 'application/json' }).end('[]');
  });
  await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
  trapEndpoint = `http://127.0.0.1:${(trap.address() as { port: number }).port}/stolen`;
  client = await connect(app.port, app.token);
  const saved = await client.request('profiles.save', { name: 'Account', urlEndpoint: account.urlEndpoint, publicKey: account.publicKey, privateKey: account.privateKey });
  if (!saved.ok) throw new Error(saved.error.message);
  accountId = (saved.data as { profile: { id: string } }).profile.id;
});

afterAll(async () => {
  client?.close();
  await app?.close();
  await account?.close();
  trap?.closeAllConnections();
  await new Promise<void>((resolve) => (trap ? trap.close(() => resolve()) : resolve()));
  await rm(root, { recursive: true, force: true });
});

/** The private key in a Basic Authorization header (ImageKit's: the key is the user name). */
const keyIn = (authorization: string) => Buffer.from(authorization.replace(/^Basic /, ''), 'base64').toString().split(':')[0];

describe('a stored private key only goes to the endpoint it was saved with', () => {
  it('testConnection with a saved profile id and another endpoint is refused; the other endpoint hears nothing', async () => {
    for (const id of [accountId, 'local']) {
      const answer = await client.request('profiles.testConnection', { draft: { id, urlEndpoint: trapEndpoint, publicKey: 'public_any' } });
      expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringMatching(/Enter the private key to use http:\/\/127\.0\.0\.1:\d+\/stolen\.$/) } });
    }
    expect(seen).toEqual([]);
  });

  it('saving a profile with a new endpoint but no new key is refused, and nothing is sent or changed', async () => {
    const answer = await client.request('profiles.save', { id: accountId, name: 'Account', urlEndpoint: trapEndpoint, publicKey: account.publicKey });
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(seen).toEqual([]);
    const list = await client.request('profiles.list');
    expect(list).toMatchObject({ ok: true });
    const stored = (list as { data: { id: string; urlEndpoint: string }[] }).data.find((p) => p.id === accountId);
    expect(stored?.urlEndpoint).toBe(account.urlEndpoint);
  });

  it('the saved key is still tested at its own endpoint, spelled with a trailing slash or not', async () => {
    for (const urlEndpoint of [account.urlEndpoint, `${account.urlEndpoint}/`]) {
      const answer = await client.request('profiles.testConnection', { draft: { id: accountId, urlEndpoint, publicKey: account.publicKey } });
      expect(answer).toMatchObject({ ok: true, data: { state: 'connected' } });
    }
    expect(seen).toEqual([]);
  });

  it('a key the caller typed goes where the caller says, and only that key', async () => {
    const answer = await client.request('profiles.testConnection', { draft: { id: accountId, urlEndpoint: trapEndpoint, publicKey: 'public_x', privateKey: 'private_typed_here' } });
    expect(answer).toMatchObject({ ok: true, data: { state: 'connected' } });
    expect(seen.map(keyIn)).toEqual(['private_typed_here']);
  });
});
