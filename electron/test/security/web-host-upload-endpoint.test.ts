import http from 'node:http';
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES } from '../../../shared/domain/uploads';
import { connect } from '../helpers/ws-client';
import { localSdk, ok, startHostProcess, stopHostProcess, type HostProcess } from '../upload-area/web-host-process';

/**
 * The web host's HTTP upload (`PUT /uploads/stage`) attacked over real HTTP, on the real host process
 * (`electron/web/cli.ts`). Every refusal happens before a byte is stored; after each attack the process must
 * still run and answer a fresh authenticated call that reaches its Local library.
 */
let root: string;
let host: HostProcess;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-upload-attack-'));
  host = await startHostProcess(path.join(root, 'data'));
}, 90_000);

afterAll(async () => {
  await stopHostProcess(host);
  await rm(root, { recursive: true, force: true });
});

interface Answer {
  status: number;
  body: string;
}

interface PutOptions {
  headers?: Record<string, string | number>;
  /** Written in pieces; an Error as a piece resets the connection there. */
  body?: (Buffer | Error)[];
  method?: string;
  target?: string;
}

/** One raw HTTP request to the host; the answer, or 'reset' when the connection died without one. */
function put(stagedId: string, options: PutOptions = {}): Promise<Answer | 'reset'> {
  const origin = `http://127.0.0.1:${host.port}`;
  const headers = { origin, 'x-mediadesk-token': host.token, ...options.headers };
  for (const [k, v] of Object.entries(headers)) if (v === '') delete (headers as Record<string, unknown>)[k];
  return new Promise((resolve) => {
    const req = http.request({
      host: '127.0.0.1',
      port: host.port,
      method: options.method ?? 'PUT',
      path: options.target ?? `/uploads/stage?stagedId=${encodeURIComponent(stagedId)}`,
      headers,
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      res.on('error', () => resolve('reset'));
    });
    req.on('error', () => resolve('reset'));
    void (async () => {
      for (const piece of options.body ?? []) {
        if (piece instanceof Error) {
          req.destroy(piece);
          return;
        }
        if (!req.write(piece)) await new Promise((r) => req.once('drain', r));
      }
      req.end();
    })().catch(() => undefined);
  });
}

/** Queues one incoming file of `size` bytes; its item waits for its bytes. */
async function incoming(name: string, size: number): Promise<{ stagedId: string; itemId: number }> {
  const added = await ok<{ incoming: { stagedId: string; itemId: number }[] }>(host.client, 'uploads.add', {
    sources: [{ kind: 'incoming', relativePath: name, size }],
    targetFolder: '/http',
    options: {},
  });
  return added.incoming[0]!;
}

async function itemState(itemId: number): Promise<{ state: string; errorMessage: string | null }> {
  for (let i = 0; i < 100; i++) {
    const list = await ok<{ items: { id: number; state: string; errorMessage: string | null }[] }>(host.client, 'uploads.list', {});
    const item = list.items.find((it) => it.id === itemId)!;
    if (!['receiving', 'pending', 'queued', 'uploading'].includes(item.state)) return item;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`item ${itemId} never settled`);
}

async function expectHostAlive(): Promise<void> {
  await new Promise((r) => setTimeout(r, 300)); // a crash from a late socket error shows up as an exit within this window
  expect(host.child.exitCode, `the web host exited:\n${host.output()}`).toBeNull();
  expect(host.output()).not.toMatch(/could not receive an uploaded file|a connection to the web host failed/);
  const fresh = await connect(host.port, host.token);
  try {
    const listing = await ok<{ items: unknown[] }>(fresh, 'library.list', { folderPath: '/' });
    expect(Array.isArray(listing.items)).toBe(true);
  } finally {
    fresh.close();
  }
}

const expectRefused = (answer: Answer | 'reset', status: number, code: string) => {
  expect(answer).not.toBe('reset');
  const { status: got, body } = answer as Answer;
  expect(got, body).toBe(status);
  expect(JSON.parse(body)).toMatchObject({ ok: false, error: { code } });
};

describe('PUT /uploads/stage', () => {
  it('takes a file streamed by our own page with the token, and uploads it with exactly those bytes', async () => {
    const bytes = Buffer.alloc(3 * 1024 * 1024 + 5, 9);
    bytes.write('streamed over HTTP', 0);
    const { stagedId, itemId } = await incoming('via-http.bin', bytes.length);
    const answer = await put(stagedId, { headers: { 'sec-fetch-site': 'same-origin' }, body: [bytes.subarray(0, 1_000_000), bytes.subarray(1_000_000)] });
    expect(answer).toEqual({ status: 200, body: JSON.stringify({ ok: true, data: { size: bytes.length } }) });
    expect(await itemState(itemId)).toMatchObject({ state: 'done' });
    const sdk = localSdk(path.join(root, 'data'));
    const [file] = (await sdk.assets.list({ path: '/http', type: 'file', searchQuery: 'name = "via-http.bin"' })) as { url: string }[];
    expect(Buffer.from(await (await fetch(file!.url)).arrayBuffer()).equals(bytes)).toBe(true);
    await expectHostAlive();
  });

  it('no token, a wrong token, or the token in the URL instead of the header: 401, nothing stored', async () => {
    const { stagedId, itemId } = await incoming('no-token.bin', 10);
    expectRefused(await put(stagedId, { headers: { 'x-mediadesk-token': '' }, body: [Buffer.alloc(10)] }), 401, 'NOT_ALLOWED');
    expectRefused(await put(stagedId, { headers: { 'x-mediadesk-token': 'guessed' }, body: [Buffer.alloc(10)] }), 401, 'NOT_ALLOWED');
    const inUrl = `/uploads/stage?stagedId=${encodeURIComponent(stagedId)}&token=${host.token}`;
    expectRefused(await put(stagedId, { target: inUrl, headers: { 'x-mediadesk-token': '' }, body: [Buffer.alloc(10)] }), 401, 'NOT_ALLOWED');
    expect((await ok<{ items: { id: number; state: string }[] }>(host.client, 'uploads.list', {})).items.find((i) => i.id === itemId)?.state).toBe('receiving');
    await expectHostAlive();
  });

  it('a foreign or missing Origin, or a cross-site fetch, is refused with 403 even with the token', async () => {
    const { stagedId } = await incoming('origin.bin', 10);
    expectRefused(await put(stagedId, { headers: { origin: 'https://evil.example' }, body: [Buffer.alloc(10)] }), 403, 'NOT_ALLOWED');
    expectRefused(await put(stagedId, { headers: { origin: `http://127.0.0.1:${host.port + 1}` }, body: [Buffer.alloc(10)] }), 403, 'NOT_ALLOWED');
    expectRefused(await put(stagedId, { headers: { origin: '' }, body: [Buffer.alloc(10)] }), 403, 'NOT_ALLOWED');
    expectRefused(await put(stagedId, { headers: { 'sec-fetch-site': 'cross-site' }, body: [Buffer.alloc(10)] }), 403, 'NOT_ALLOWED');
    // A DNS-rebinding page reaches us under its own host name: refused before anything else.
    const rebound = await put(stagedId, { headers: { host: `evil.example:${host.port}` }, body: [Buffer.alloc(10)] });
    expect(rebound !== 'reset' && rebound.status).toBe(403);
    await expectHostAlive();
  });

  it('a body declared over the upload limit gets 413 at once; one that outgrows its announced size gets 413 and its item fails', async () => {
    const { stagedId, itemId } = await incoming('big.bin', 1000);
    // Headers announcing 3 GiB and a first slice only: the answer must come without the host taking the rest.
    expectRefused(await put(stagedId, { headers: { 'content-length': MAX_UPLOAD_BYTES + 1 }, body: [Buffer.alloc(64 * 1024)] }), 413, 'BAD_INPUT');
    // Chunked, no length: counted as it arrives, cut off past the 1000 bytes this file announced.
    const over = await put(stagedId, { headers: { 'transfer-encoding': 'chunked' }, body: [Buffer.alloc(600), Buffer.alloc(600), Buffer.alloc(4 * 1024 * 1024)] });
    if (over !== 'reset') expectRefused(over, 413, 'BAD_INPUT');
    expect(await itemState(itemId)).toMatchObject({ state: 'failed', errorMessage: expect.stringMatching(/larger than the 1000 bytes announced/) });
    await expectHostAlive();
  });

  it('a connection reset halfway through a file fails that item with the reason and leaves the host running', async () => {
    const { stagedId, itemId } = await incoming('reset.bin', 2 * 1024 * 1024);
    expect(await put(stagedId, { body: [Buffer.alloc(512 * 1024), new Error('reset by the page')] })).toBe('reset');
    expect(await itemState(itemId)).toMatchObject({ state: 'failed', errorMessage: expect.stringMatching(/did not arrive completely/) });
    // The same staged id is gone: a second attempt is told so, not appended to a half file.
    expectRefused(await put(stagedId, { body: [Buffer.alloc(10)] }), 404, 'NOT_FOUND');
    await expectHostAlive();
  });

  it('other methods, unknown or climbing staged ids and a second writer are refused', async () => {
    const { stagedId, itemId } = await incoming('twice.bin', 100_000);
    expect(await put(stagedId, { method: 'POST', body: [Buffer.alloc(10)] })).toMatchObject({ status: 405 });
    expect(await put(stagedId, { method: 'GET' })).toMatchObject({ status: 405 });
    expectRefused(await put('AAAAAAAAAAAA/../../outside.txt', { body: [Buffer.alloc(10)] }), 400, 'BAD_INPUT');
    expectRefused(await put('AAAAAAAAAAAA/nobody.bin', { body: [Buffer.alloc(10)] }), 404, 'NOT_FOUND');
    // Two writers for one file: the first holds it, the second is refused, the first completes.
    const first = put(stagedId, { body: [Buffer.alloc(50_000), Buffer.alloc(50_000)] });
    await new Promise((r) => setTimeout(r, 20));
    const second = await put(stagedId, { body: [Buffer.alloc(100_000)] });
    if (second !== 'reset' && second.status !== 200) expect([404, 409]).toContain(second.status);
    expect(await first).toMatchObject({ status: 200 });
    expect(await itemState(itemId)).toMatchObject({ state: 'done' });
    await expectHostAlive();
  });
});
