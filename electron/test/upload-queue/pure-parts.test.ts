import fs from 'node:fs/promises';
import { openAsBlob } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { APIConnectionError, APIError, toFile } from '@imagekit/nodejs';
import { afterAll, describe, expect, it } from 'vitest';
import { isUniqueVariant, keepBothName, normalizeFolder, sanitizeFolder, sanitizeName } from '../../services/upload-queue/library-probe.js';
import { backoffDelay, classifyFailure, DEFAULT_RETRY } from '../../services/upload-queue/retry-policy.js';
import { createStreamingFetch } from '../../services/upload-queue/streaming-fetch.js';
import { bytes, removeTempDirs, sha, tempDir } from './helpers.js';

afterAll(removeTempDirs);

describe('names and folders', () => {
  it('sanitises like ImageKit: unicode letters kept, spaces and symbols become _', () => {
    expect(sanitizeName('my photo (1).jpg')).toBe('my_photo__1_.jpg');
    expect(sanitizeName('фото-日本.png')).toBe('фото-日本.png');
    expect(sanitizeFolder('/a b/c.d/é')).toBe('/a_b/c.d/é');
    expect(normalizeFolder('//x///y/')).toBe('/x/y');
    expect(() => normalizeFolder('/a/../b')).toThrow(/must not contain/);
  });

  it('picks the first free keep-both name', () => {
    const taken = new Set(['a-1.jpg', 'a-2.jpg']);
    expect(keepBothName('a.jpg', (n) => taken.has(n))).toBe('a-3.jpg');
    expect(keepBothName('README', () => false)).toBe('README-1');
  });

  it('recognises server-made unique names only for the same stem and extension', () => {
    expect(isUniqueVariant('a_AbC123.jpg', 'a.jpg')).toBe(true);
    expect(isUniqueVariant('a.jpg', 'a.jpg')).toBe(true);
    expect(isUniqueVariant('ab_x.jpg', 'a.jpg')).toBe(false);
    expect(isUniqueVariant('a_x.png', 'a.jpg')).toBe(false);
  });
});

describe('retry policy', () => {
  const headers = (h: Record<string, string>) => new Headers(h);

  it('classifies 429 with X-RateLimit-Reset, 5xx and network errors as retryable, other 4xx as final', () => {
    const limited = classifyFailure(APIError.generate(429, { message: 'slow down' }, undefined, headers({ 'x-ratelimit-reset': '750' })));
    expect(limited).toMatchObject({ kind: 'rate-limited', waitMs: 750 });
    expect(classifyFailure(APIError.generate(503, { message: 'x' }, undefined, headers({}))).kind).toBe('transient');
    expect(classifyFailure(new APIConnectionError({ message: 'socket hang up' })).kind).toBe('transient');
    const final = classifyFailure(APIError.generate(400, { message: 'A file with the same name already exists at the exact location.' }, undefined, headers({})));
    expect(final).toMatchObject({ kind: 'final', status: 400, message: 'A file with the same name already exists at the exact location.' });
    expect(final.help).toMatch(/Replace|Keep both/);
  });

  it('backs off exponentially with jitter, capped, and never below the server wait', () => {
    const opts = { ...DEFAULT_RETRY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelay(1, opts, null, () => 0)).toBe(50);
    expect(backoffDelay(1, opts, null, () => 1)).toBe(100);
    expect(backoffDelay(4, opts, null, () => 1)).toBe(800);
    expect(backoffDelay(10, opts, null, () => 1)).toBe(1000);
    expect(backoffDelay(1, opts, 2000, () => 0)).toBe(2000);
    expect(backoffDelay(1, opts, 2000, () => 1)).toBeGreaterThan(2000);
  });
});

describe('streaming fetch', () => {
  it('streams a disk file as multipart with an exact Content-Length and reports bytes as they go', async () => {
    let received = Buffer.alloc(0);
    let contentLength = '';
    const server = http.createServer((req, res) => {
      contentLength = String(req.headers['content-length']);
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        received = Buffer.concat(chunks);
        res.setHeader('content-type', 'application/json');
        res.end('{"ok":true}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const dir = await tempDir('sf');
      const file = path.join(dir, 'payload.bin');
      const content = bytes(7, 3 * 1024 * 1024 + 17);
      await fs.writeFile(file, content);
      const seen: number[] = [];
      const doFetch = createStreamingFetch((sent, total) => seen.push(sent / total));
      const form = new FormData();
      form.append('fileName', 'payload.bin');
      form.append('file', await toFile(await openAsBlob(file), 'payload.bin'));
      const port = (server.address() as { port: number }).port;
      const res = await doFetch(`http://127.0.0.1:${port}/api/v1/files/upload`, { method: 'POST', body: form });
      expect(await res.json()).toEqual({ ok: true });
      expect(Number(contentLength)).toBe(received.length);
      const start = received.indexOf(content.subarray(0, 64));
      expect(sha(received.subarray(start, start + content.length))).toBe(sha(content));
      expect(seen.length).toBeGreaterThan(3);
      expect(seen[seen.length - 1]).toBe(1);
    } finally {
      server.close();
    }
  });

  it('stops sending and drops the connection when the server refuses before reading the body (no half-sent request left open)', async () => {
    // As a server answering 429/500 up front does: the answer comes at once, the body is drained but not wanted.
    let socketClosed!: () => void;
    const closed = new Promise<void>((resolve) => (socketClosed = resolve));
    const server = http.createServer((req, res) => {
      req.socket.once('close', socketClosed);
      res.writeHead(500, { 'content-type': 'application/json' }).end('{"message":"refused"}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const dir = await tempDir('sf-early');
      const file = path.join(dir, 'big.bin');
      await fs.writeFile(file, bytes(9, 8 * 1024 * 1024));
      let lastSent = 0;
      let total = 0;
      const doFetch = createStreamingFetch((sent, all) => ((lastSent = sent), (total = all)));
      const form = new FormData();
      form.append('file', await toFile(await openAsBlob(file), 'big.bin'));
      const port = (server.address() as { port: number }).port;
      const res = await doFetch(`http://127.0.0.1:${port}/api/v1/files/upload`, { method: 'POST', body: form });
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ message: 'refused' });
      await expect(Promise.race([closed.then(() => 'closed'), new Promise((r) => setTimeout(() => r('still open'), 3000))])).resolves.toBe('closed');
      expect(lastSent).toBeLessThan(total);
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('rejects with an AbortError when aborted mid-upload', async () => {
    const server = http.createServer((req) => req.resume()); // never answers
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const form = new FormData();
      form.append('file', new File([new Uint8Array(bytes(8, 1024 * 1024))], 'x.bin'));
      const ctl = new AbortController();
      const doFetch = createStreamingFetch((sent) => sent > 0 && ctl.abort());
      const port = (server.address() as { port: number }).port;
      await expect(doFetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: form, signal: ctl.signal })).rejects.toMatchObject({ name: 'AbortError' });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });
});
