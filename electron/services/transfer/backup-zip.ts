import { Readable, type Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type ReadableWeb from 'node:stream/web';
import { APIError } from '@imagekit/nodejs';
import yazl from 'yazl';
import { withRetry, type RetryOptions } from '../upload-queue/retry-policy';
import { buildManifest, versionRel } from './backup';
import type { ChecksumCache } from './checksum-cache';
import type { LibraryAccess } from './item-runner';
import { LibraryReader } from './library-reader';
import { MANIFEST_NAME, type ManifestFile } from './manifest';
import { hasher, originalUrl } from './originals';
import { readLibrarySource, type SourceSnapshot } from './snapshots';
import type { SourceVersion } from './types';

export interface ZipBackupOptions {
  source: LibraryAccess;
  profileName: string;
  /** Library path: `/`, a folder or one file. */
  path: string;
  versions: boolean;
  cache: ChecksumCache;
  retry: RetryOptions;
  signal?: AbortSignal;
  /** Called once the tree is read: how much the archive will hold. */
  onStart?: (totals: { files: number; bytes: number }) => void;
  onProgress?: (progress: { files: number; bytes: number }) => void;
}

export class BackupSourceChangedError extends Error {
  override readonly name = 'BackupSourceChangedError';
}

/** Opens the original's bytes (retrying the request the way the queue does); the body itself is streamed once. */
async function openOriginal(url: string, retry: RetryOptions, signal?: AbortSignal): Promise<Readable> {
  return withRetry(
    async () => {
      const response = await fetch(url, { signal });
      if (response.ok && response.body) return Readable.fromWeb(response.body as ReadableWeb.ReadableStream);
      const message = response.status === 404 ? 'The original was not found at its URL (deleted or moved since it was listed).' : `The URL endpoint answered HTTP ${response.status}.`;
      await response.body?.cancel().catch(() => undefined);
      throw APIError.generate(response.status, { message }, message, response.headers);
    },
    retry,
    signal,
  );
}

/**
 * Reads the tree to back up (files, versions, fields); nothing is written yet, so a bad path or an
 * unreachable profile is answered before the archive starts.
 */
export function readBackupSource(options: Pick<ZipBackupOptions, 'source' | 'path' | 'versions' | 'cache' | 'retry' | 'signal'>): Promise<SourceSnapshot> {
  const { source, cache } = options;
  return readLibrarySource(new LibraryReader(source.client, options.retry, options.signal), source.profileId, options.path, {
    versions: options.versions,
    checksumOf: (fileId, versionId, size) => cache.get(source.libraryKey, fileId, versionId, size),
  });
}

/**
 * Streams a backup of a folder tree as a .zip into `out`, in the layout `backupTree` writes to a
 * folder: the originals at their relative paths, older versions under `.mediadesk-versions/`, and
 * `mediadesk-manifest.json` last (it carries the checksums computed on the way). Originals are
 * stored, not deflated (images and videos are compressed already); yazl switches to ZIP64 past 4 GB.
 * Bytes that differ from what the listing said (size, or a cached checksum) stop the archive with
 * an error instead of a backup that would not restore.
 */
export async function streamBackupZip(snapshot: SourceSnapshot, options: ZipBackupOptions, out: Writable): Promise<{ files: number; bytes: number }> {
  const { source, retry } = options;
  // Stops the fetches too when the reader goes away (the browser cancelled the download) or the caller aborts.
  const stop = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal;
  const zip = new yazl.ZipFile();
  // yazl reports a failed entry stream here; unheard, an 'error' event would end the process.
  zip.on('error', (error: Error) => (zip.outputStream as Readable).destroy(error));
  const piping = pipeline(zip.outputStream as Readable, out, { signal });
  // An entry waits for yazl to read it; if the output broke, it never would: this ends the wait instead.
  const broken = new Promise<never>((_resolve, reject) => {
    piping.catch((error: unknown) => {
      stop.abort(error);
      reject(error as Error);
    });
  });
  broken.catch(() => undefined);
  const totalBytes = snapshot.files.reduce((sum, f) => sum + f.current.size + f.older.reduce((s, v) => s + v.size, 0), 0);
  options.onStart?.({ files: snapshot.files.length, bytes: totalBytes });
  let bytes = 0;
  let files = 0;
  const mtime = new Date();

  /** Adds one version; resolves with its checksum once yazl has read all of it. */
  const addVersion = (version: SourceVersion, rel: string) =>
    new Promise<string>((resolve, reject) => {
      if (version.origin.kind !== 'library') return reject(new Error('A backup reads from a library.'));
      const origin = version.origin;
      const url = originalUrl(source.client, source.urlEndpoint, origin);
      zip.addReadStreamLazy(rel, { compress: false, mtime, size: version.size }, (give) => {
        openOriginal(url, retry, signal).then((body) => {
          let counted = 0;
          const { stream: counter } = hasher({
            onBytes: (size) => {
              bytes += size - counted;
              counted = size;
            },
            onEnd: ({ size, sha256 }) => {
              if (size !== version.size || (version.checksum && version.checksum !== sha256)) {
                return new BackupSourceChangedError(`${origin.filePath} changed while it was being backed up (${version.size} bytes listed, ${size} read); back it up again.`);
              }
              options.cache.put(source.libraryKey, origin.fileId, origin.versionId, size, sha256);
              resolve(sha256);
              return undefined;
            },
          });
          body.on('error', (error) => counter.destroy(error));
          counter.on('error', reject);
          give(null, body.pipe(counter));
        }, (error: unknown) => {
          reject(error);
          give(error, undefined as unknown as Readable);
        });
      });
    });

  try {
    const entries: ManifestFile[] = [];
    for (const file of snapshot.files) {
      if (signal?.aborted) throw signal.reason;
      const versions: ManifestFile['versions'] = [];
      for (const [i, version] of file.older.entries()) {
        const rel = versionRel(file.relPath, i, version);
        versions.push({ file: rel, size: version.size, sha256: await Promise.race([addVersion(version, rel), broken]), fields: version.fields });
      }
      const sha256 = await Promise.race([addVersion(file.current, file.relPath), broken]);
      entries.push({ path: file.relPath, size: file.current.size, sha256, fields: file.current.fields, aiTags: file.aiTags, versions });
      options.onProgress?.({ files: ++files, bytes });
    }
    const manifest = buildManifest(snapshot, entries, { profileName: options.profileName, urlEndpoint: source.urlEndpoint, path: options.path });
    zip.addBuffer(Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), MANIFEST_NAME, { mtime });
    zip.end();
    await piping;
    stop.abort();
    return { files, bytes };
  } catch (error) {
    // The archive is incomplete: the reader must see a failed download, not a short zip that looks whole.
    stop.abort(error);
    (zip.outputStream as Readable).destroy(error as Error);
    out.destroy(error as Error);
    await piping.catch(() => undefined);
    throw error;
  }
}
