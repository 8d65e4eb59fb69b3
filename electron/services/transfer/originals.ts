import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type ReadableWeb from 'node:stream/web';
import type ImageKit from '@imagekit/nodejs';
import { APIError } from '@imagekit/nodejs';
import { withRetry, type RetryOptions } from '../upload-queue/retry-policy';

/**
 * Original bytes of a file version, from the profile's URL endpoint. `orig-true` asks ImageKit for
 * the stored bytes (no automatic format or quality optimisation), which is what a checksum must
 * see; private files need a signed URL, older versions `ik-obj-version`. The current version carries
 * `updatedAt` as ImageKit's own file URLs do: an overwritten file keeps its path, and without it a
 * CDN (or the emulator's render cache) may answer with the previous bytes.
 */
export interface OriginalRef {
  filePath: string;
  versionId: string;
  isCurrent: boolean;
  isPrivateFile: boolean;
  updatedAt: string | null;
}

function cacheBuster(updatedAt: string | null): string {
  const ms = updatedAt ? Date.parse(updatedAt) : Number.NaN;
  return String(Number.isFinite(ms) ? ms : Date.now());
}

export function originalUrl(client: ImageKit, urlEndpoint: string, ref: OriginalRef): string {
  return client.helper.buildSrc({
    urlEndpoint,
    src: ref.filePath,
    transformation: [{ raw: 'orig-true' }],
    queryParameters: ref.isCurrent ? { updatedAt: cacheBuster(ref.updatedAt) } : { 'ik-obj-version': ref.versionId },
    ...(ref.isPrivateFile ? { signed: true, expiresIn: 3600 } : {}),
  });
}

export interface Digest {
  size: number;
  sha256: string;
}

/**
 * A pass-through that hashes and counts what flows through it. `onEnd` sees the digest when the stream
 * ends and may fail it (a source that changed while it was read), so a consumer never takes it as whole.
 */
export function hasher(options: { onBytes?: (size: number) => void; onEnd?: (digest: Digest) => Error | undefined } = {}): { stream: Transform; digest: () => Digest } {
  const hash = createHash('sha256');
  let size = 0;
  let result: Digest | undefined;
  const digest = () => (result ??= { size, sha256: hash.digest('hex') });
  const stream = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      options.onBytes?.(size);
      done(null, chunk);
    },
    flush(done) {
      done(options.onEnd?.(digest()) ?? null);
    },
  });
  return { stream, digest };
}

/** A failed delivery answer as the SDK's APIError, so the queue's retry policy classifies it (429 waits, 5xx backs off, 404 is final). */
async function requestOk(url: string, signal: AbortSignal | undefined, fetcher: typeof fetch): Promise<Response> {
  const response = await fetcher(url, { signal });
  if (response.ok && response.body) return response;
  const text = await response.text().catch(() => '');
  const message = response.status === 404 ? 'The original was not found at its URL (deleted or moved since it was listed).' : `The URL endpoint answered HTTP ${response.status}.`;
  throw APIError.generate(response.status, { message: text.slice(0, 200) || message }, message, response.headers);
}

export interface DownloadOptions {
  retry: RetryOptions;
  signal?: AbortSignal;
  onBytes?: (bytes: number) => void;
  fetch?: typeof fetch;
}

/** Streams the bytes at `url` into `dest` (created or truncated), hashing them on the way. */
export async function downloadToFile(url: string, dest: string, options: DownloadOptions): Promise<Digest> {
  await mkdir(path.dirname(dest), { recursive: true });
  return withRetry(
    async () => {
      const response = await requestOk(url, options.signal, options.fetch ?? fetch);
      const { stream, digest } = hasher({ onBytes: options.onBytes });
      try {
        await pipeline(Readable.fromWeb(response.body as ReadableWeb.ReadableStream), stream, createWriteStream(dest), { signal: options.signal });
      } catch (error) {
        await rm(dest, { force: true });
        throw error;
      }
      return digest();
    },
    options.retry,
    options.signal,
  );
}

/**
 * Small originals are kept in memory between download and upload (no staging file to write and read back).
 * Each chunk is hashed as it arrives, so the checksum is ready with the last byte instead of costing a
 * pass over the whole file after it (that pass delayed every file's upload by its hashing time).
 */
export async function downloadToBuffer(url: string, options: DownloadOptions): Promise<Digest & { bytes: Buffer }> {
  return withRetry(
    async () => {
      const response = await requestOk(url, options.signal, options.fetch ?? fetch);
      // The whole body is kept anyway, so it is read in one piece (undici collects it without a
      // promise per chunk, which iterating the stream costs) and hashed once.
      const bytes = Buffer.from(await response.arrayBuffer());
      options.onBytes?.(bytes.length);
      return { bytes, size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    },
    options.retry,
    options.signal,
  );
}

/** The checksum of the bytes at `url`, without keeping them. */
export async function digestUrl(url: string, options: DownloadOptions): Promise<Digest> {
  return withRetry(
    async () => {
      const response = await requestOk(url, options.signal, options.fetch ?? fetch);
      const { stream, digest } = hasher({ onBytes: options.onBytes });
      const sink = new Writable({ write: (_chunk, _enc, done) => done() });
      await pipeline(Readable.fromWeb(response.body as ReadableWeb.ReadableStream), stream, sink, { signal: options.signal });
      return digest();
    },
    options.retry,
    options.signal,
  );
}

export async function digestFile(file: string, signal?: AbortSignal): Promise<Digest> {
  const { stream, digest } = hasher();
  const sink = new Writable({ write: (_chunk, _enc, done) => done() });
  await pipeline(createReadStream(file), stream, sink, { signal });
  return digest();
}
