import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import type { EmulatorConfig, LibraryReader } from '../../src/context.js';
import type { FileRecord } from '../../src/model/file-record.js';
import { RenderCache } from '../../src/delivery/cache.js';
import { RenderPool } from '../../src/delivery/pool.js';
import { DeliveryService } from '../../src/delivery/service.js';
import { startTestEmulator } from '../helpers/emulator.js';
import { get, uploadImage, waitForPurge } from './http-helpers.js';

const GRID_TR = 'w-192,h-192,c-at_max';
const ACCEPT = 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8';

function record(fileId: string, filePath: string, blobHash: string, extra: Partial<FileRecord> = {}): FileRecord {
  return {
    fileId, versionId: `${fileId}-v1`, versionNumber: 1, isCurrent: true, name: path.basename(filePath), filePath, folderPath: '/',
    tags: null, aiTags: null, isPrivateFile: false, isPublished: true, customCoordinates: null, fileType: 'image', mime: 'image/jpeg', format: 'jpg',
    width: 2400, height: 1800, size: 1, hasAlpha: false, duration: null, customMetadata: {}, embeddedMetadata: {}, description: null,
    blobHash, createdBy: null, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z', ...extra,
  };
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

/** A delivery service over two library files (a photo and a small public logo) with a pool we can count. */
async function service(): Promise<{ service: DeliveryService; pool: RenderPool }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ik-prewarm-join-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await writeFile(path.join(dir, 'photo'), await sharp({ create: { width: 2400, height: 1800, channels: 3, background: { r: 30, g: 140, b: 90 } } }).jpeg().toBuffer());
  await writeFile(path.join(dir, 'logo'), await sharp({ create: { width: 40, height: 40, channels: 3, background: { r: 250, g: 0, b: 0 } } }).png().toBuffer());
  const files = [record('p', '/shoot/photo.jpg', 'photo'), record('l', '/logo.png', 'logo', { mime: 'image/png', format: 'png', width: 40, height: 40 })];
  const library: LibraryReader = {
    currentById: (id) => files.find((f) => f.fileId === id),
    currentByPath: (p) => files.find((f) => f.filePath === p),
    version: () => undefined,
    filesIn: () => [],
    folder: () => undefined,
    blobPath: (hash) => path.join(dir, hash),
  };
  const config: EmulatorConfig = { id: 'local', privateKey: 'private_k', publicKey: 'public_k', dataDir: dir, apiUrl: '', urlEndpoint: '' };
  const cache = new RenderCache(path.join(dir, 'cache'));
  await cache.open();
  const pool = new RenderPool(2);
  return { service: new DeliveryService(config, library, cache, pool, { avifEnabled: false }), pool };
}

describe('a tile requested while its thumbnail is being prewarmed', () => {
  it('joins the prewarm render (trusted and unsigned share it when no layer reads another file)', async () => {
    const { service: svc, pool } = await service();
    const relative = `shoot/photo.jpg?updatedAt=1&tr=${GRID_TR}`;
    // The prewarm's request (trusted, like the emulator's own) and the grid's (unsigned, Chromium's Accept) together.
    const [prewarm, tile] = await Promise.all([svc.serve({ relative, accept: ACCEPT, trusted: true }), svc.serve({ relative, accept: ACCEPT })]);
    expect([prewarm.status, tile.status]).toEqual([200, 200]);
    expect(pool.stats.started).toBe(1);
    expect(tile.headers['content-type']).toBe('image/webp');
    expect(tile.headers.etag).toBe(prewarm.headers.etag);
    const meta = await sharp(tile.body).metadata();
    expect([meta.width, meta.height]).toEqual([192, 144]);
    // Afterwards it is an ordinary hit.
    expect((await svc.serve({ relative, accept: ACCEPT })).headers['x-emulator-cache']).toBe('HIT');
  });

  it('never shares a render that reads another library file (a layer) between signed and unsigned requests', async () => {
    const { service: svc, pool } = await service();
    const relative = `shoot/photo.jpg?tr=${GRID_TR},l-image,i-logo.png,l-end`;
    const [trusted, unsigned] = await Promise.all([svc.serve({ relative, accept: ACCEPT, trusted: true }), svc.serve({ relative, accept: ACCEPT })]);
    expect([trusted.status, unsigned.status]).toEqual([200, 200]);
    expect(pool.stats.started).toBe(2);
  });

  it('keeps a different Accept class apart (f-auto gives JPEG to a client without WebP)', async () => {
    const { service: svc, pool } = await service();
    const relative = `shoot/photo.jpg?tr=${GRID_TR}`;
    const [webp, jpeg] = await Promise.all([svc.serve({ relative, accept: ACCEPT, trusted: true }), svc.serve({ relative, accept: 'image/jpeg,*/*' })]);
    expect([webp.headers['content-type'], jpeg.headers['content-type']]).toEqual(['image/webp', 'image/jpeg']);
    expect(pool.stats.started).toBe(2);
  });
});

describe('purging a prewarmed thumbnail', () => {
  it('drops it with the file: the bare file URL purge removes the prewarmed rendition, and the next tile renders again', async () => {
    const emu = await startTestEmulator();
    try {
      const bytes = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 200, g: 40, b: 40 } } }).jpeg().toBuffer();
      const up = await uploadImage(emu, 'purged.jpg', bytes, { folder: '/shoot' });
      const updatedAt = Date.parse((await emu.sdk.files.get(up.fileId!)).updatedAt!);
      const relative = `shoot/purged.jpg?updatedAt=${updatedAt}&tr=${GRID_TR}`;
      const cached = path.join(emu.dataDir, 'delivery-cache', `${createHash('sha256').update(`${relative}|accept=webp`).digest('hex')}.json`);
      for (let i = 0; i < 400 && !existsSync(cached); i++) await new Promise((r) => setTimeout(r, 25));
      expect(existsSync(cached)).toBe(true);

      await waitForPurge(emu, `${emu.urlEndpoint}/shoot/purged.jpg`);
      expect(existsSync(cached)).toBe(false);
      const tile = await get(`${emu.urlEndpoint}/${relative}`, { accept: ACCEPT });
      expect(tile.status).toBe(200);
      expect(tile.headers.get('x-emulator-cache')).toBe('MISS');
      expect(Math.max(tile.img!.width, tile.img!.height)).toBe(192);
    } finally {
      await emu.close();
    }
  });
});
