import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { toFile } from '@imagekit/nodejs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FileRecord } from '../../src/model/file-record.js';
import { seedLibraryRows } from '../../src/store/seed.js';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';

const TOTAL = 3000;

/** A library filled through the bulk seeding path, then listed deep and changed through the API. */
describe('a bulk-seeded library', () => {
  let dataDir: string;
  let emu: TestEmulator;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'ik-seeded-'));
    const png = await sharp({ create: { width: 20, height: 10, channels: 3, background: '#336699' } }).png().toBuffer();
    await seedLibraryRows(dataDir, {
      blobs: [{ data: png, width: 20, height: 10 }],
      folders: [{ folderId: 'f1', name: 'seed', folderPath: '/seed/', customMetadata: {}, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' }],
      total: TOTAL,
      record: (i, blobs): FileRecord => {
        const id = `seed${String(i).padStart(20, '0')}`;
        const at = new Date(Date.UTC(2026, 0, 1) + i * 1000).toISOString();
        return {
          fileId: id, versionId: id, versionNumber: 1, isCurrent: true, name: `p-${i}.png`, filePath: `/seed/p-${i}.png`, folderPath: '/seed/',
          tags: i % 2 ? ['odd'] : null, aiTags: null, isPrivateFile: false, isPublished: true, customCoordinates: null, fileType: 'image', mime: 'image/png',
          format: 'png', width: 20, height: 10, size: blobs[0].size, hasAlpha: false, duration: null, customMetadata: {}, embeddedMetadata: {}, description: null,
          blobHash: blobs[0].hash, createdBy: null, createdAt: at, updatedAt: at,
        };
      },
    });
    emu = await startTestEmulator({ dataDir });
  });
  afterAll(async () => {
    await emu?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const names = async (query: string) => {
    const res = await fetch(`${emu.apiUrl}/v1/files?${query}`, { headers: { authorization: emu.authHeader } });
    expect(res.status).toBe(200);
    return ((await res.json()) as { name: string; type: string }[]).map((f) => f.name);
  };

  it('serves every seeded row in creation order, at any depth', async () => {
    expect(await names('limit=3')).toEqual(['p-0.png', 'p-1.png', 'p-2.png']);
    expect(await names(`skip=${TOTAL - 2}&limit=5`)).toEqual([`p-${TOTAL - 2}.png`, `p-${TOTAL - 1}.png`]);
    expect(await names(`skip=${TOTAL}`)).toEqual([]);
    // With folders (type=all) the folder comes first, then the files.
    expect(await names('type=all&limit=2')).toEqual(['seed', 'p-0.png']);
    expect(await names(`searchQuery=${encodeURIComponent('tags IN ["odd"]')}&skip=1000&limit=2`)).toEqual(['p-2001.png', 'p-2003.png']);
  });

  it('starts a "created after" search at the first file that can match, with the same answers', async () => {
    const q = (text: string, extra = '') => names(`searchQuery=${encodeURIComponent(text)}${extra}`);
    expect(await q('createdAt > "2026-01-01T00:45:00.000Z"', '&limit=3')).toEqual(['p-2701.png', 'p-2702.png', 'p-2703.png']);
    expect(await q('createdAt >= "2026-01-01T00:45:00.000Z"', '&limit=2')).toEqual(['p-2700.png', 'p-2701.png']);
    expect(await q('createdAt >= "2026-01-01T00:45:00.000Z" AND tags IN ["odd"] AND createdAt > "2026-01-01T00:10:00.000Z"', '&skip=1&limit=2')).toEqual(['p-2703.png', 'p-2705.png']);
    expect(await q('createdAt > "2026-01-01T00:45:00.000Z" OR name = "p-3.png"', '&limit=2')).toEqual(['p-3.png', 'p-2701.png']);
    expect(await q('createdAt > "2026-01-01T00:45:00.000Z"', '&sort=DESC_CREATED&limit=1')).toEqual([`p-${TOTAL - 1}.png`]);
    expect(await q('createdAt > "2030-01-01T00:00:00.000Z"')).toEqual([]);
  });

  it('sees an upload and a delete in the very next listing', async () => {
    const data = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#aa0000' } }).png().toBuffer();
    const up = await emu.sdk.files.upload({ file: await toFile(data, 'late.png'), fileName: 'late.png', folder: '/seed', useUniqueFileName: false });
    expect(await names(`skip=${TOTAL - 1}&limit=5`)).toEqual([`p-${TOTAL - 1}.png`, 'late.png']);
    await emu.sdk.files.delete(up.fileId!);
    expect(await names(`skip=${TOTAL - 1}&limit=5`)).toEqual([`p-${TOTAL - 1}.png`]);
  });
});
