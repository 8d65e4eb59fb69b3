import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** What is kept beside each cached body. */
export interface CacheMeta {
  /** Full cache key: the unsigned URL relative to the endpoint, plus `|accept=…` for negotiated formats. */
  key: string;
  /** The URL part of the key (what purges compare against). */
  url: string;
  /** The raw file path (no transformation, no query), for "purge the file" requests. */
  fileKey: string;
  mime: string;
  etag: string;
  /** Negotiated from Accept: the response carries `Vary: Accept`. */
  vary: boolean;
  /** Served from a private file: a later hit still needs a valid signature. */
  isPrivate: boolean;
  size: number;
  storedAt: number;
}

const fileName = (key: string) => createHash('sha256').update(key).digest('hex');

/**
 * A disk cache of rendered responses, behaving like ImageKit's CDN: a cached URL keeps serving the
 * same bytes (even after the file is overwritten or deleted) until a purge drops it.
 */
export class RenderCache {
  private readonly index = new Map<string, CacheMeta>();
  private tmpCounter = 0;
  private totalBytes = 0;

  /** `maxBytes`: beyond it the oldest entries are evicted, as a CDN's storage would (default 2 GiB). */
  constructor(
    private readonly dir: string,
    private readonly maxBytes = 2 * 1024 ** 3,
  ) {}

  /** Loads what earlier runs stored, so the cache survives restarts like a CDN does. */
  async open(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    for (const name of await readdir(this.dir)) {
      if (name.endsWith('.tmp')) await rm(path.join(this.dir, name), { force: true });
      if (!name.endsWith('.json')) continue;
      try {
        const meta = JSON.parse(await readFile(path.join(this.dir, name), 'utf8')) as CacheMeta;
        this.index.set(meta.key, meta);
        this.totalBytes += meta.size;
      } catch {
        await rm(path.join(this.dir, name), { force: true }); // a torn write: drop it, the URL re-renders.
      }
    }
  }

  peek(key: string): CacheMeta | undefined {
    return this.index.get(key);
  }

  async read(key: string): Promise<{ meta: CacheMeta; data: Buffer } | undefined> {
    const meta = this.index.get(key);
    if (!meta) return undefined;
    try {
      return { meta, data: await readFile(path.join(this.dir, `${fileName(key)}.bin`)) };
    } catch {
      this.index.delete(key);
      return undefined;
    }
  }

  async write(meta: Omit<CacheMeta, 'size' | 'storedAt'>, data: Buffer): Promise<CacheMeta> {
    const full: CacheMeta = { ...meta, size: data.length, storedAt: Date.now() };
    const base = path.join(this.dir, fileName(meta.key));
    const tmp = `${base}.${process.pid}.${this.tmpCounter++}.tmp`;
    await writeFile(tmp, data);
    await rename(tmp, `${base}.bin`);
    await writeFile(tmp, JSON.stringify(full));
    await rename(tmp, `${base}.json`);
    const previous = this.index.get(meta.key);
    if (previous) this.totalBytes -= previous.size;
    this.index.set(meta.key, full);
    this.totalBytes += full.size;
    if (this.totalBytes > this.maxBytes) await this.evictOldest();
    return full;
  }

  private async evictOldest(): Promise<void> {
    const byAge = [...this.index.values()].sort((a, b) => a.storedAt - b.storedAt);
    const doomed = new Set<CacheMeta>();
    let bytes = this.totalBytes;
    for (const meta of byAge) {
      if (bytes <= this.maxBytes * 0.9) break;
      doomed.add(meta);
      bytes -= meta.size;
    }
    await this.purge((m) => doomed.has(m));
  }

  /** Drops every entry `matches` selects; returns how many were dropped. */
  async purge(matches: (meta: CacheMeta) => boolean): Promise<number> {
    const doomed = [...this.index.values()].filter(matches);
    for (const meta of doomed) {
      this.index.delete(meta.key);
      this.totalBytes -= meta.size;
      const base = path.join(this.dir, fileName(meta.key));
      await rm(`${base}.json`, { force: true });
      await rm(`${base}.bin`, { force: true });
    }
    return doomed.length;
  }

  get size(): number {
    return this.index.size;
  }

  get bytes(): number {
    return this.totalBytes;
  }
}

/**
 * ImageKit purge rules: an exact URL drops that URL (all Accept variants); the URL of a file without
 * transformation also drops its transformed variants; a trailing `*` drops every URL starting with
 * the prefix, compared both with and without the transformation.
 */
export function purgeMatcher(relative: string): (meta: CacheMeta) => boolean {
  if (relative.endsWith('*')) {
    const prefix = relative.slice(0, -1);
    return (m) => m.url.startsWith(prefix) || m.fileKey.startsWith(prefix);
  }
  const isBareFile = !relative.startsWith('tr:') && !relative.includes('?');
  return isBareFile ? (m) => m.url === relative || m.fileKey === relative : (m) => m.url === relative;
}
