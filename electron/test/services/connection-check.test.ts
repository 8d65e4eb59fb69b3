import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConnection } from '../../services/connection/connection-service';
import type { ProfileConnection } from '../../services/profiles/profile-service';
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index';

let emulator: RunningEmulator;
let root: string;
const servers: net.Server[] = [];

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-conn-'));
  emulator = await startEmulator({ port: 0, dataDir: root, quiet: true });
});

afterAll(async () => {
  for (const server of servers) server.close();
  await emulator?.close();
  await rm(root, { recursive: true, force: true });
});

async function listen(server: net.Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return (server.address() as net.AddressInfo).port;
}

const conn = (apiBaseUrl: string | undefined, privateKey = 'private_x'): ProfileConnection => ({
  profileId: 'p1',
  urlEndpoint: 'https://ik.imagekit.io/demo',
  publicKey: 'public_x',
  privateKey,
  apiBaseUrl,
});

const check = (c: ProfileConnection, timeoutMs = 3000) => checkConnection(c, { timeoutMs, now: () => new Date('2026-01-02T03:04:05Z') });

describe('connection check', () => {
  it('says Connected for the right key', async () => {
    await expect(check(conn(emulator.apiUrl, emulator.privateKey))).resolves.toEqual({
      profileId: 'p1', state: 'connected', message: 'Connected', checkedAt: '2026-01-02T03:04:05.000Z',
    });
  });

  it('says the key was rejected for a wrong key', async () => {
    const status = await check(conn(emulator.apiUrl, 'private_wrong'));
    expect(status.state).toBe('key_rejected');
    expect(status.message).toMatch(/^Key rejected: ImageKit did not accept this private key \(HTTP 40[13]\)/);
  });

  it('says the server refused the connection when nothing listens', async () => {
    const port = await listen(net.createServer());
    servers.pop()!.close();
    await new Promise((r) => setTimeout(r, 50));
    const status = await check(conn(`http://127.0.0.1:${port}`));
    expect(status).toMatchObject({ state: 'unreachable', message: `Unreachable: 127.0.0.1:${port} refused the connection. Is the server running?` });
  });

  it('says the host did not answer in time when it accepts and stays silent', async () => {
    const port = await listen(net.createServer(() => undefined));
    const started = Date.now();
    const status = await check(conn(`http://127.0.0.1:${port}`), 400);
    expect(status).toMatchObject({ state: 'unreachable', message: `Unreachable: 127.0.0.1:${port} did not answer within 400 ms.` });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('says the secure connection failed when TLS cannot be negotiated', async () => {
    const port = await listen(http.createServer((_req, res) => res.end('plain http')));
    const status = await check(conn(`https://127.0.0.1:${port}`));
    expect(status.state).toBe('unreachable');
    expect(status.message).toMatch(new RegExp(`^Unreachable: the secure connection \\(TLS\\) to 127\\.0\\.0\\.1:${port} failed`));
  });

  it('says the host could not be found when DNS has no answer', async () => {
    const status = await check(conn('https://mediadesk-check.invalid'), 5000);
    expect(status).toMatchObject({
      state: 'unreachable',
      message: 'Unreachable: mediadesk-check.invalid could not be found (DNS). Check the URL endpoint and your network.',
    });
  });

  it('reports other HTTP failures with the server message', async () => {
    const port = await listen(
      http.createServer((_req, res) => res.writeHead(500, { 'Content-Type': 'application/json' }).end(JSON.stringify({ message: 'Something broke' }))),
    );
    const status = await check(conn(`http://127.0.0.1:${port}`));
    expect(status).toMatchObject({ state: 'error', message: 'ImageKit answered HTTP 500: Something broke. Try again later.' });
  });
});
