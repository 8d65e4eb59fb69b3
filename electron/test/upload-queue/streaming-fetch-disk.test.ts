import fs from 'node:fs/promises';
import { openAsBlob } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { toFile } from '@imagekit/nodejs';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createStreamingFetch, type DiskSource } from '../../services/upload-queue/streaming-fetch.js';
import { bytes, removeTempDirs, sha, tempDir } from './helpers.js';

// Real reads, watched: which path the file part's bytes came through.
const diskReads = vi.hoisted(() => [] as string[]);
vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs')>();
  const createReadStream = ((file: string, options?: object) => (diskReads.push(file), real.createReadStream(file, options))) as typeof real.createReadStream;
  return { ...real, default: { ...real, createReadStream }, createReadStream };
});

afterAll(removeTempDirs);

interface Received {
  contentType: string;
  contentLength: number;
  body: Buffer;
}

const servers: http.Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    s.close();
  }
});

/** A server that keeps each request's body and answers 200 once it has all of it. */
async function recordingServer(): Promise<{ url: string; received: Received[] }> {
  const received: Received[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ contentType: String(req.headers['content-type']), contentLength: Number(req.headers['content-length']), body: Buffer.concat(chunks) });
      res.setHeader('content-type', 'application/json');
      res.end('{"ok":true}');
    });
    req.on('error', () => undefined);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/files/upload`, received };
}

/** The form the SDK builds for an upload: text fields around one file part (names with quotes and non-ASCII). */
async function sdkForm(file: string, name: string): Promise<FormData> {
  const form = new FormData();
  form.append('fileName', name);
  form.append('folder', '/Été "2026"');
  form.append('file', await toFile(await openAsBlob(file), name));
  form.append('tags', 'a,b');
  return form;
}

async function send(url: string, form: FormData, disk?: DiskSource, onBytes: (sent: number, total: number) => void = () => undefined): Promise<Response> {
  return createStreamingFetch(onBytes, disk)(url, { method: 'POST', body: form });
}

const boundaryOf = (contentType: string) => /boundary=(.+)$/.exec(contentType)?.[1] ?? '';

describe('streaming fetch, file part read from disk', () => {
  it('sends the same multipart body as the Blob path, byte for byte but the boundary, with an exact Content-Length', async () => {
    const dir = await tempDir('disk');
    const file = path.join(dir, 'photo.jpg');
    const content = bytes(11, 5 * 1024 * 1024 + 3);
    await fs.writeFile(file, content);
    const name = 'ph"oto\r\nÉté.jpg';
    const { url, received } = await recordingServer();
    const seen: Array<[number, number]> = [];

    expect((await send(url, await sdkForm(file, name))).status).toBe(200);
    expect(diskReads).toEqual([]);
    expect((await send(url, await sdkForm(file, name), { path: file }, (s, t) => seen.push([s, t]))).status).toBe(200);
    expect(diskReads).toEqual([file]);

    const [viaBlob, viaDisk] = received;
    expect(viaDisk.contentLength).toBe(viaDisk.body.length);
    const normalise = (r: Received) => r.body.toString('latin1').split(boundaryOf(r.contentType)).join('BOUNDARY');
    expect(normalise(viaDisk)).toBe(normalise(viaBlob));
    const start = viaDisk.body.indexOf(content.subarray(0, 64));
    expect(sha(viaDisk.body.subarray(start, start + content.length))).toBe(sha(content));
    // Progress counts the request's bytes up to the whole body, in several steps.
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.at(-1)).toEqual([viaDisk.body.length, viaDisk.body.length]);
  });

  it('sends an empty file as an empty part', async () => {
    const dir = await tempDir('disk-empty');
    const file = path.join(dir, 'empty.txt');
    await fs.writeFile(file, '');
    const { url, received } = await recordingServer();
    expect((await send(url, await sdkForm(file, 'empty.txt'), { path: file })).status).toBe(200);
    expect(received[0].contentLength).toBe(received[0].body.length);
    expect(received[0].body.toString()).toMatch(/filename="empty.txt"\r\nContent-Type: [^\r]*\r\n\r\n\r\n--/);
  });

  it('falls back to the Blob when the part is not that disk file (sizes differ)', async () => {
    const dir = await tempDir('disk-other');
    const file = path.join(dir, 'a.bin');
    const other = path.join(dir, 'b.bin');
    await fs.writeFile(file, bytes(1, 1000));
    await fs.writeFile(other, bytes(2, 2000));
    const { url, received } = await recordingServer();
    diskReads.length = 0;
    expect((await send(url, await sdkForm(file, 'a.bin'), { path: other })).status).toBe(200);
    expect(diskReads).toEqual([]);
    expect(received[0].body.includes(bytes(1, 1000))).toBe(true);
    expect(received[0].body.includes(bytes(2, 64))).toBe(false);
  });

  it('fails the request, never sends a short body, when the file shrinks while it is read', async () => {
    const dir = await tempDir('disk-shrink');
    const file = path.join(dir, 'big.bin');
    await fs.writeFile(file, bytes(3, 16 * 1024 * 1024));
    const form = await sdkForm(file, 'big.bin');
    let cut = false;
    // A server that reads slowly, so the file is cut after the first chunks went out.
    const server = http.createServer((req) => req.on('data', () => undefined));
    servers.push(server);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const onBytes = (sent: number) => {
      if (!cut && sent > 0) {
        cut = true;
        void fs.truncate(file, 1024);
      }
    };
    await expect(send(url, form, { path: file }, onBytes)).rejects.toThrow(/changed while it was being uploaded \(16777216 → \d+ bytes\)/);
  });
});
