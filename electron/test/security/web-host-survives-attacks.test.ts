import net from 'node:net';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STAGE_CHUNK_BYTES } from '../../../shared/ipc/areas/uploads';
import { connect } from '../helpers/ws-client';
import { ok, startHostProcess, stopHostProcess, type HostProcess } from '../upload-area/web-host-process';
import { maskedTextFrame, rawExchange, resetAfterUpgradeRequest } from './raw-sockets';

/**
 * The real web host (`electron/web/cli.ts`) as a child process, attacked over real TCP and WebSocket
 * by a page without the token (any origin can open sockets to 127.0.0.1) and by one with it. After
 * every attack the process must still be running and answer a fresh, authenticated call that reaches
 * its Local library; a crash is observed as the child's exit. Each attack gets a fresh host, so one
 * that crashes it cannot hide behind another.
 */
let root: string;
let host: HostProcess;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-attack-'));
  host = await startHostProcess(path.join(root, 'data'));
}, 90_000);

afterEach(async () => {
  await stopHostProcess(host);
  await rm(root, { recursive: true, force: true });
});

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The host process is running, takes a new authenticated WebSocket, and its Local library answers through it. */
async function expectHostAlive(): Promise<void> {
  await settle(300); // a crash from a late socket error shows up as an exit within this window
  expect(host.child.exitCode, `the web host exited:\n${host.output()}`).toBeNull();
  expect(host.child.signalCode).toBeNull();
  // Hang-ups are the attacker's noise, not the host's problems: a loop of resets must not flood the log.
  expect(host.output()).not.toMatch(/a connection to the web host failed|could not accept/);
  const fresh = await connect(host.port, host.token);
  try {
    await expect(ok(fresh, 'app.info')).resolves.toMatchObject({ host: 'web' });
    const listing = await ok<{ items: unknown[] }>(fresh, 'library.list', { folderPath: '/' });
    expect(Array.isArray(listing.items)).toBe(true);
  } finally {
    fresh.close();
  }
}

describe('the web host survives hostile sockets (no token)', () => {
  it('500 connections that send a refused WebSocket upgrade and then reset', async () => {
    const requests = Array.from({ length: 500 }, (_, i) =>
      resetAfterUpgradeRequest(host.port, i % 2 === 0 ? '/ws?token=wrong' : '/ws', i % 3 === 0 ? 'http://evil.example' : `http://127.0.0.1:${host.port}`),
    );
    await Promise.all(requests);
    await expectHostAlive();
  });

  it('400 WebSockets from a foreign Origin, opened and closed at once or after the refusal', async () => {
    const opened = Array.from(
      { length: 400 },
      (_, i) =>
        new Promise<void>((resolve) => {
          const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, { origin: 'https://evil.example' });
          ws.on('error', () => resolve());
          ws.on('close', () => resolve());
          ws.on('unexpected-response', (req) => {
            // As a closing page does: the refusal arrived and the connection is dropped with a reset.
            req.socket?.resetAndDestroy();
            resolve();
          });
          if (i % 2 === 0) setImmediate(() => ws.terminate()); // closed by the page before the answer
        }),
    );
    await Promise.all(opened);
    await expectHostAlive();
  });

  it('malformed HTTP, oversized headers and unparsable request targets get an error answer, not a crash', async () => {
    expect(await rawExchange(host.port, 'NOT HTTP AT ALL\r\n\r\n')).toMatch(/^HTTP\/1\.1 400/);
    const huge = `GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`;
    expect(await rawExchange(host.port, huge)).toMatch(/^HTTP\/1\.1 431/);
    const target = `GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: close\r\n\r\n`;
    expect(await rawExchange(host.port, target)).toMatch(/^HTTP\/1\.1 400/);
    const upgrade = `GET http://[ HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n`;
    expect(await rawExchange(host.port, upgrade)).toMatch(/^HTTP\/1\.1 (400|404)/);
    await expectHostAlive();
  });
});

describe('the web host survives hostile frames (with the token)', () => {
  it('an invalid UTF-8 text frame closes that one connection with 1007', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, { origin: `http://127.0.0.1:${host.port}` });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.on('error', () => undefined);
    // A masked text frame whose payload (0xff 0xfe) is not UTF-8; the ws client would refuse to send it.
    (ws as unknown as { _socket: net.Socket })._socket.write(maskedTextFrame(Buffer.from([0xff, 0xfe])));
    expect(await closed).toBe(1007);
    await expectHostAlive();
  });

  it('a 17 MiB frame closes that one connection with 1009, while the largest frame the contract needs (a 4 MiB upload chunk) passes', async () => {
    const bytes = Buffer.alloc(STAGE_CHUNK_BYTES, 7);
    const begun = await ok<{ stagedId: string }>(host.client, 'uploads.stage.begin', { relativePath: 'big.bin', size: bytes.length });
    const chunk = { stagedId: begun.stagedId, offset: 0, data: bytes.toString('base64') };
    await expect(ok(host.client, 'uploads.stage.chunk', chunk)).resolves.toEqual({ received: bytes.length });
    await expect(ok(host.client, 'uploads.stage.end', { stagedId: begun.stagedId })).resolves.toEqual({ size: bytes.length });
    await ok(host.client, 'uploads.stage.discard', { id: begun.stagedId });

    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, { origin: `http://127.0.0.1:${host.port}` });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    ws.on('error', () => undefined);
    ws.send(JSON.stringify({ t: 'req', id: 1, channel: 'app.info', input: 'x'.repeat(17 * 1024 * 1024) }));
    expect(await closed).toBe(1009);
    await expectHostAlive();
  });
});
