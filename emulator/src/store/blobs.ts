import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, promises as fsp, constants as fsc } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform, type Readable } from 'node:stream';
import { IkError } from '../http/errors.js';

/** A fully written, fsynced temp file with its digest; becomes a blob via `BlobStore.commit`. */
export interface StagedBlob {
  tempPath: string;
  hash: string;
  size: number;
}

export const FILE_TOO_LARGE = 'Your request contains invalid file parameter. The file size exceeds limits.';

/**
 * Content-addressed store: `<data>/blobs/ab/cdef…` named by sha256. Bytes are staged in
 * `<data>/tmp`, fsynced, renamed into place and the directory fsynced before any row may
 * reference them, so a committed row always has its bytes on disk.
 */
export class BlobStore {
  readonly blobsDir: string;
  readonly tmpDir: string;
  /** Hashes committed to disk whose row is not yet committed: never garbage-collect these. */
  private readonly pending = new Map<string, number>();

  constructor(dataDir: string) {
    this.blobsDir = path.join(dataDir, 'blobs');
    this.tmpDir = path.join(dataDir, 'tmp');
  }

  async init(): Promise<void> {
    await fsp.mkdir(this.blobsDir, { recursive: true });
    // Leftovers of requests that were in flight when the process died.
    await fsp.rm(this.tmpDir, { recursive: true, force: true });
    await fsp.mkdir(this.tmpDir, { recursive: true });
  }

  blobPath(hash: string): string {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`not a blob hash: ${hash}`);
    return path.join(this.blobsDir, hash.slice(0, 2), hash.slice(2));
  }

  newTempPath(): string {
    return path.join(this.tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}.part`);
  }

  /** Streams `source` to a temp file, hashing as it goes; refuses more than `maxBytes`. */
  async stage(source: Readable, maxBytes: number): Promise<StagedBlob> {
    const tempPath = this.newTempPath();
    const hasher = createHash('sha256');
    let size = 0;
    const meter = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) return done(new IkError(400, FILE_TOO_LARGE));
        hasher.update(chunk);
        done(null, chunk);
      },
    });
    const out = createWriteStream(tempPath, { flags: 'wx' });
    try {
      await pipeline(source, meter, out);
      await fsyncFile(tempPath);
    } catch (err) {
      await fsp.rm(tempPath, { force: true });
      throw err;
    }
    return { tempPath, hash: hasher.digest('hex'), size };
  }

  async stageBuffer(data: Buffer): Promise<StagedBlob> {
    const tempPath = this.newTempPath();
    const handle = await fsp.open(tempPath, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    return { tempPath, hash: createHash('sha256').update(data).digest('hex'), size: data.length };
  }

  /**
   * Moves a staged file into the store (or drops it when identical bytes exist) and marks the
   * hash pending until `release` — call `release` once the referencing row has committed or failed.
   */
  async commit(staged: StagedBlob): Promise<string> {
    const target = this.blobPath(staged.hash);
    this.pending.set(staged.hash, (this.pending.get(staged.hash) ?? 0) + 1);
    try {
      if (await exists(target)) {
        await fsp.rm(staged.tempPath, { force: true });
      } else {
        const dir = path.dirname(target);
        const created = !(await exists(dir));
        await fsp.mkdir(dir, { recursive: true });
        if (created) await fsyncDir(this.blobsDir);
        await fsp.rename(staged.tempPath, target);
        await fsyncDir(dir);
      }
    } catch (err) {
      this.release(staged.hash);
      throw err;
    }
    return target;
  }

  release(hash: string): void {
    const n = (this.pending.get(hash) ?? 0) - 1;
    if (n <= 0) this.pending.delete(hash);
    else this.pending.set(hash, n);
  }

  isPending(hash: string): boolean {
    return this.pending.has(hash);
  }

  async discard(staged: StagedBlob): Promise<void> {
    await fsp.rm(staged.tempPath, { force: true });
  }

  async remove(hash: string): Promise<void> {
    await fsp.rm(this.blobPath(hash), { force: true });
  }

  /** Every hash present on disk. */
  async listHashes(): Promise<Set<string>> {
    const out = new Set<string>();
    for (const prefix of await fsp.readdir(this.blobsDir)) {
      if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
      for (const rest of await fsp.readdir(path.join(this.blobsDir, prefix))) out.add(prefix + rest);
    }
    return out;
  }
}

async function exists(p: string): Promise<boolean> {
  try {
    await fsp.access(p, fsc.F_OK);
    return true;
  } catch {
    return false;
  }
}

async function fsyncFile(p: string): Promise<void> {
  const handle = await fsp.open(p, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function fsyncDir(dir: string): Promise<void> {
  const handle = await fsp.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
