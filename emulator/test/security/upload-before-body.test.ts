import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli, type CliEmulator } from '../helpers/cli.js';
import { parseRawResponse, rawRequest } from './raw-http.js';

/**
 * Upload refuses what it can before reading the body: no credentials at all (no Authorization header
 * and not multipart, so no client-side signature can follow), a wrong private key, and a client-side
 * signature sent ahead of the file. A 100 MB body is sent to a real emulator process; the answer must
 * arrive while the client is still sending, and the process's resident memory must not grow by
 * anything like the body. A multipart whose signature fields (if any) follow the file, the order
 * ImageKit's browser SDK uses, can only be judged once read: it is streamed to a temp file, never held
 * in memory, and the temp file is gone after the refusal.
 */
const PRIVATE_KEY = 'private_early_refusal_key';
const BODY_BYTES = 100 * 1024 * 1024;
const auth = (key: string) => `Basic ${Buffer.from(`${key}:`).toString('base64')}`;

let root: string;
let cli: CliEmulator;
let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ik-emu-early-'));
  cli = await spawnCli(['--port', '0', '--data', root, '--private-key', PRIVATE_KEY, '--public-key', 'public_early_refusal_key']);
  void cli.exited.then((e) => (exit = e));
}, 60_000);

afterAll(async () => {
  cli?.child.kill('SIGTERM');
  await cli?.exited;
  if (root) await rm(root, { recursive: true, force: true });
});

afterEach(async () => {
  expect(exit, `emulator process ended: ${JSON.stringify(exit)}`).toBeUndefined();
  expect((await rawRequest(cli.apiUrl, { target: '/v1/files', headers: { authorization: auth(PRIVATE_KEY) } })).status).toBe(200);
});

/** Resident memory of the emulator process, in MB (Linux /proc). */
function rssMb(): number {
  const status = readFileSync(`/proc/${cli.child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)![1]) / 1024;
}

interface EarlyAnswer {
  status: number;
  json: Record<string, unknown> | undefined;
  /**
   * Body bytes written when the first byte of the answer arrived. The client stops sending then, so a
   * server that read the whole body before answering would answer only at `BODY_BYTES`; anything less
   * means it answered early (typically after the few MB that socket buffers hold).
   */
  sentWhenAnswered: number;
}

/** A multipart body of `fields` then a `file` part of `BODY_BYTES`: the parts around the file's bytes. */
function multipartAround(fields: Record<string, string>): { head: string; tail: string; contentType: string; length: number } {
  const boundary = 'early-refusal-boundary';
  const head =
    Object.entries(fields)
      .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
      .join('') + `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const tail = `\r\n--${boundary}--\r\n`;
  return { head, tail, contentType: `multipart/form-data; boundary=${boundary}`, length: Buffer.byteLength(head) + BODY_BYTES + tail.length };
}

/**
 * Streams an upload of `BODY_BYTES` (wrapped in `form`'s parts when given) and stops sending once the
 * server answers. Resolves when the server closes or, after the whole body was sent, once it answered.
 */
function streamUpload(headers: Record<string, string>, form?: ReturnType<typeof multipartAround>): Promise<EarlyAnswer> {
  const url = new URL(cli.apiUrl);
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname);
    let sent = 0;
    let answeredAt = -1;
    let raw = '';
    const finish = () => {
      if (answeredAt < 0) return reject(new Error(`no answer after ${sent} bytes`));
      resolve({ ...parseRawResponse(raw), sentWhenAnswered: answeredAt });
    };
    socket.on('data', (d: Buffer) => {
      if (answeredAt < 0) answeredAt = sent;
      raw += d.toString('utf8');
    });
    // The server closes the connection after refusing; a write then fails with EPIPE/ECONNRESET.
    socket.on('error', () => socket.destroy());
    socket.on('close', finish);
    const contentHeaders = form ? { 'content-type': form.contentType, 'content-length': String(form.length) } : { 'content-length': String(BODY_BYTES) };
    const head = Object.entries({ host: url.host, ...headers, ...contentHeaders })
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    socket.write(`POST /api/v1/files/upload HTTP/1.1\r\n${head}\r\n${form?.head ?? ''}`);
    const pump = () => {
      while (answeredAt < 0 && !socket.destroyed && sent < BODY_BYTES) {
        const n = Math.min(chunk.length, BODY_BYTES - sent);
        sent += n;
        if (!socket.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void socket.once('drain', pump);
      }
      if (answeredAt >= 0) socket.end();
      else if (sent >= BODY_BYTES && form) socket.write(form.tail);
    };
    // After the whole body went out, the answer ends the exchange.
    socket.on('data', () => {
      if (sent >= BODY_BYTES) setTimeout(() => socket.end(), 200);
    });
    pump();
  });
}

describe.runIf(process.platform === 'linux')('upload: credentials refused before the body is read', () => {
  it('answers 401 to a 100 MB upload without any credentials while the client is still sending', async () => {
    const before = rssMb();
    const res = await streamUpload({ 'content-type': 'application/octet-stream' });
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ message: 'Your request does not contain private API key.', help: expect.any(String) });
    expect(res.sentWhenAnswered).toBeLessThan(BODY_BYTES);
    expect(rssMb() - before).toBeLessThan(40);
  });

  it('answers 403 to a 100 MB multipart upload with a wrong private key while the client is still sending', async () => {
    const before = rssMb();
    const res = await streamUpload({ authorization: auth('private_wrong_key'), 'content-type': 'multipart/form-data; boundary=xyz' });
    expect(res.status).toBe(403);
    expect(res.json).toMatchObject({ message: 'Your account cannot be authenticated.', help: expect.any(String) });
    expect(res.sentWhenAnswered).toBeLessThan(BODY_BYTES);
    expect(rssMb() - before).toBeLessThan(40);
  });

  it('answers 400 to a 100 MB client-side upload whose bad signature precedes the file, before reading the file', async () => {
    const before = rssMb();
    const expire = String(Math.floor(Date.now() / 1000) + 600);
    const form = multipartAround({ fileName: 'big.bin', publicKey: 'public_early_refusal_key', token: 'tok-early', expire, signature: '0'.repeat(40) });
    const res = await streamUpload({}, form);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ message: expect.stringContaining('invalid signature parameter'), help: expect.any(String) });
    expect(res.sentWhenAnswered).toBeLessThan(BODY_BYTES);
    // The rest of the file part is discarded as it arrives; allow for V8's young generation, not the body.
    expect(rssMb() - before).toBeLessThan(60);
  });

  it('streams a 100 MB multipart without credentials to a temp file (not memory), then answers 401 and removes it', async () => {
    const before = rssMb();
    const res = await streamUpload({}, multipartAround({ fileName: 'big.bin' }));
    expect(res.status).toBe(401);
    expect(res.json).toMatchObject({ message: 'Your request does not contain private API key.' });
    expect(rssMb() - before).toBeLessThan(60);
    expect(await readdir(path.join(root, 'tmp'))).toEqual([]);
  });

  it('answers 401 to a JSON body without credentials the same way (only multipart can carry a client-side signature)', async () => {
    const res = await streamUpload({ 'content-type': 'application/json' });
    expect(res.status).toBe(401);
    expect(res.sentWhenAnswered).toBeLessThan(BODY_BYTES);
  });
});
