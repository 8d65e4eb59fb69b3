import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { LibraryReader } from '../../src/context.js';
import type { FileRecord } from '../../src/model/file-record.js';
import { RenderPool } from '../../src/delivery/pool.js';
import { DEFAULT_PREWARM, ThumbnailPrewarmer } from '../../src/delivery/prewarm.js';
import type { DeliveryRequest, DeliveryResponse } from '../../src/delivery/service.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { get, uploadImage } from './http-helpers.js';

/** What MediaDesk's grid sends for an image tile (Chromium's image Accept picks WebP for f-auto). */
const GRID_TR = 'w-192,h-192,c-at_max';
const ACCEPT = 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8';

const photo = (seed: number) =>
  sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: seed * 40, g: 120, b: 200 - seed * 30 } } }).jpeg().toBuffer();

/** The render cache's files for a key (cache.ts names them by the key's sha256). */
function cachedFile(emu: TestEmulator, key: string): string {
  return path.join(emu.dataDir, 'delivery-cache', `${createHash('sha256').update(key).digest('hex')}.json`);
}

async function waitFor(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('thumbnails of new uploads rendered in the background', () => {
  it('puts the grid thumbnail of an uploaded image in the render cache, and the grid then gets a cache hit', async () => {
    const emu = await startTestEmulator();
    try {
      const up = await uploadImage(emu, 'fresh.jpg', await photo(1), { folder: '/shoot' });
      const relative = `shoot/fresh.jpg?updatedAt=${Date.parse((await emu.sdk.files.get(up.fileId!)).updatedAt!)}&tr=${GRID_TR}`;
      await waitFor(() => existsSync(cachedFile(emu, `${relative}|accept=webp`)), 'the prewarmed thumbnail');
      const tile = await get(`${emu.urlEndpoint}/${relative}`, { accept: ACCEPT });
      expect(tile.status).toBe(200);
      expect(tile.headers.get('x-emulator-cache')).toBe('HIT');
      expect(tile.headers.get('content-type')).toBe('image/webp');
      expect(Math.max(tile.img!.width, tile.img!.height)).toBe(192);
      // A size nobody asked for is not rendered ahead: it is a miss, rendered on demand.
      const direct = await get(`${emu.urlEndpoint}/shoot/fresh.jpg?tr=w-191,h-191,c-at_max`, { accept: ACCEPT });
      expect(direct.headers.get('x-emulator-cache')).toBe('MISS');
    } finally {
      await emu.close();
    }
  });

  it('keeps a private file private: the prewarmed render answers 401 unsigned and a hit only to a signed URL', async () => {
    const emu = await startTestEmulator();
    try {
      await uploadImage(emu, 'secret.jpg', await photo(2), { folder: '/vault', isPrivateFile: true });
      await waitFor(() => existsSync(cachedFile(emu, `vault/secret.jpg?tr=${GRID_TR}|accept=webp`)), 'the prewarmed private thumbnail');
      const unsigned = await get(`${emu.urlEndpoint}/vault/secret.jpg?tr=${GRID_TR}`, { accept: ACCEPT });
      expect(unsigned.status).toBe(401);
      expect(unsigned.headers.get('ik-error')).toMatch(/^EACCES/);
      const signed = emu.sdk.helper.buildSrc({ urlEndpoint: emu.urlEndpoint, src: '/vault/secret.jpg', transformation: [{ raw: GRID_TR }], signed: true, expiresIn: 600 });
      const tile = await get(signed, { accept: ACCEPT });
      expect(tile.status).toBe(200);
      expect(tile.headers.get('x-emulator-cache')).toBe('HIT');
    } finally {
      await emu.close();
    }
  });

  it('is off with IK_EMULATOR_PREWARM=off: the first grid request is a miss', async () => {
    process.env.IK_EMULATOR_PREWARM = 'off';
    const emu = await startTestEmulator().finally(() => delete process.env.IK_EMULATOR_PREWARM);
    try {
      const up = await uploadImage(emu, 'cold.jpg', await photo(3));
      await new Promise((r) => setTimeout(r, 300));
      const updatedAt = Date.parse((await emu.sdk.files.get(up.fileId!)).updatedAt!);
      const tile = await get(`${emu.urlEndpoint}/cold.jpg?updatedAt=${updatedAt}&tr=${GRID_TR}`, { accept: ACCEPT });
      expect(tile.status).toBe(200);
      expect(tile.headers.get('x-emulator-cache')).toBe('MISS');
    } finally {
      await emu.close();
    }
  });
});

/** A library of current files the test changes by hand, as the store's change events describe. */
function fakeLibrary(): LibraryReader & { files: Map<string, FileRecord> } {
  const files = new Map<string, FileRecord>();
  return {
    files,
    currentById: (id) => files.get(id),
    currentByPath: (p) => [...files.values()].find((f) => f.filePath === p),
    version: () => undefined,
    filesIn: () => [],
    folder: () => undefined,
    blobPath: () => '/nonexistent',
  };
}

function image(fileId: string, extra: Partial<FileRecord> = {}): FileRecord {
  return {
    fileId, versionId: `${fileId}-v1`, versionNumber: 1, isCurrent: true, name: `${fileId}.jpg`, filePath: `/${fileId}.jpg`, folderPath: '/',
    tags: null, aiTags: null, isPrivateFile: false, isPublished: true, customCoordinates: null, fileType: 'image', mime: 'image/jpeg', format: 'jpg',
    width: 4000, height: 3000, size: 1, hasAlpha: false, duration: null, customMetadata: {}, embeddedMetadata: {}, description: null,
    blobHash: 'a'.repeat(64), createdBy: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', ...extra,
  };
}

describe('the prewarm queue', () => {
  const ok: DeliveryResponse = { status: 200, headers: {}, body: Buffer.alloc(0) };

  it('waits while foreground renders hold the pool, drops a deleted or overwritten file, renders the rest in order', async () => {
    const library = fakeLibrary();
    const pool = new RenderPool(1);
    let release!: () => void;
    const foreground = pool.run(() => new Promise<void>((r) => (release = r)));
    const served: string[] = [];
    const prewarm = new ThumbnailPrewarmer(library, pool, async (req: DeliveryRequest) => {
      served.push(req.relative);
      return ok;
    }, { ...DEFAULT_PREWARM, pollMs: 5 });
    for (const id of ['a', 'b', 'c', 'd']) library.files.set(id, image(id));
    prewarm.observe({ fresh: [...library.files.values()], touched: ['a', 'b', 'c', 'd'] });
    await new Promise((r) => setTimeout(r, 40));
    expect(served).toEqual([]); // the pool's only slot is busy with a foreground render
    expect(prewarm.pending).toBe(4);

    library.files.delete('b');
    library.files.set('c', image('c', { versionId: 'c-v2', updatedAt: '2026-02-01T00:00:00.000Z', isPrivateFile: true }));
    prewarm.observe({ fresh: [], touched: ['b', 'c'] });
    expect(prewarm.pending).toBe(2);
    expect(prewarm.stats.dropped).toBe(2);

    release();
    await foreground;
    await prewarm.idle();
    expect(served).toEqual([`a.jpg?updatedAt=${Date.parse('2026-01-01T00:00:00.000Z')}&tr=${GRID_TR}`, `d.jpg?updatedAt=${Date.parse('2026-01-01T00:00:00.000Z')}&tr=${GRID_TR}`]);
    expect(prewarm.stats.rendered).toBe(2);
    await prewarm.close();
  });

  it('prewarms the grid sizes clients asked for lately instead of the default, ignores other transformations and non-images, and bounds the queue', async () => {
    const library = fakeLibrary();
    const served: string[] = [];
    const prewarm = new ThumbnailPrewarmer(library, new RenderPool(1), async (req) => {
      served.push(req.relative);
      return ok;
    }, { ...DEFAULT_PREWARM, pollMs: 5 });
    prewarm.learn('w-320,h-320,c-at_max');
    prewarm.learn('w-400,h-300'); // not the grid's form
    prewarm.learn('w-320,h-320,c-at_max:e-grayscale');
    library.files.set('p', image('p', { isPrivateFile: true }));
    library.files.set('v', image('v', { fileType: 'non-image', mime: 'video/mp4' }));
    prewarm.observe({ fresh: [library.files.get('p')!, library.files.get('v')!], touched: ['p', 'v'] });
    await prewarm.idle();
    // The learnt size replaces the default: a DPR 2 grid never asks for the DPR 1 tile, and each form costs a decode.
    expect(served).toEqual([`p.jpg?tr=w-320,h-320,c-at_max`]);
    // A second window at the default size: the two most recent forms, newest first.
    prewarm.learn(GRID_TR);
    const again = image('q');
    library.files.set('q', again);
    prewarm.observe({ fresh: [again], touched: ['q'] });
    await prewarm.idle();
    expect(served.slice(1)).toEqual([`q.jpg?updatedAt=${Date.parse(again.updatedAt)}&tr=${GRID_TR}`, `q.jpg?updatedAt=${Date.parse(again.updatedAt)}&tr=w-320,h-320,c-at_max`]);

    const small = new ThumbnailPrewarmer(library, { pending: 1, active: 1, concurrency: 1 } as RenderPool, async () => ok, { ...DEFAULT_PREWARM, maxQueued: 3, pollMs: 5 });
    const many = ['1', '2', '3', '4', '5'].map((id) => image(id));
    for (const r of many) library.files.set(r.fileId, r);
    small.observe({ fresh: many, touched: many.map((r) => r.fileId) });
    expect(small.pending).toBe(3);
    expect(small.stats.dropped).toBe(2);
    await small.close();
    expect(small.pending).toBe(0);
  });
});
