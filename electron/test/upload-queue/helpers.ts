import { createHash } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { ImageKit } from '@imagekit/nodejs';

const made: string[] = [];

export async function tempDir(prefix: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), `uq-${prefix}-`));
  made.push(dir);
  return dir;
}

export async function removeTempDirs(): Promise<void> {
  await Promise.all(made.splice(0).map((d) => fs.rm(d, { recursive: true, force: true })));
}

/** Writes `files` (relative path → content) under `root`. */
export async function writeTree(root: string, files: Record<string, Buffer | string>): Promise<void> {
  for (const [rel, content] of Object.entries(files)) {
    const full = path.join(root, rel);
    await fs.mkdir(path.dirname(full), { recursive: true });
    await fs.writeFile(full, content);
  }
}

/** Deterministic pseudo-random bytes, different per seed, so byte comparisons catch mix-ups. */
export function bytes(seed: number, size: number): Buffer {
  const out = Buffer.alloc(size);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return out;
}

export function sha(buf: Buffer | Uint8Array): string {
  return createHash('sha256').update(buf).digest('hex');
}

export interface ListedFile {
  fileId: string;
  name: string;
  filePath: string;
  size: number;
  url: string;
}

/** Every file in the library (all folders), via the real list API. */
export async function listAll(sdk: ImageKit): Promise<ListedFile[]> {
  const out: ListedFile[] = [];
  for (let skip = 0; ; skip += 1000) {
    const page = (await sdk.assets.list({ type: 'file', limit: 1000, skip })) as unknown as ListedFile[];
    out.push(...page);
    if (page.length < 1000) return out;
  }
}

/** Downloads a stored file's original bytes through the emulator's delivery endpoint. */
export async function download(url: string): Promise<Buffer> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`GET ${url} → ${res.status}`);
  return Buffer.from(await res.arrayBuffer());
}
