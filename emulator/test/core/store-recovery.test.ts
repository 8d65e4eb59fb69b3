import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { toFile } from '@imagekit/nodejs';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { pngBytes, sha256 } from '../helpers/fixtures.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'ik-store-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

const blobFile = (hash: string) => path.join(dataDir, 'blobs', hash.slice(0, 2), hash.slice(2));

async function put(emu: TestEmulator, name: string, bytes: Buffer) {
  return emu.sdk.files.upload({ file: await toFile(bytes, name), fileName: name, useUniqueFileName: false });
}

describe('blob store recovery and sharing', () => {
  it('never serves a row whose blob is missing, falls back to an older version, and removes orphans and temp files', async () => {
    const a = await pngBytes(5, 5, '#010101');
    const b = await pngBytes(6, 6, '#020202');
    const v1 = await pngBytes(7, 7, '#030303');
    const v2 = await pngBytes(8, 8, '#040404');
    let emu = await startTestEmulator({ dataDir });
    const upA = await put(emu, 'a.png', a);
    const upB = await put(emu, 'b.png', b);
    const upV = await put(emu, 'v.png', v1);
    await put(emu, 'v.png', v2);
    await emu.close();

    await rm(blobFile(sha256(b)));
    await rm(blobFile(sha256(v2)));
    const orphan = 'f'.repeat(64);
    await mkdir(path.dirname(blobFile(orphan)), { recursive: true });
    await writeFile(blobFile(orphan), 'nobody references me');
    await writeFile(path.join(dataDir, 'tmp', 'leftover.part'), 'half an upload');

    emu = await startTestEmulator({ dataDir });
    try {
      const names = (await emu.sdk.assets.list()).map((f) => (f as { name: string }).name);
      expect(names).toEqual(['a.png', 'v.png']);
      await expect(emu.sdk.files.get(upB.fileId!)).rejects.toMatchObject({ status: 404 });
      const v = await emu.sdk.files.get(upV.fileId!);
      expect(v).toMatchObject({ width: 7, versionInfo: { name: 'Version 1' } });
      expect((await emu.sdk.files.versions.list(upV.fileId!)).length).toBe(1);
      expect((await emu.sdk.files.get(upA.fileId!)).width).toBe(5);
      expect(existsSync(blobFile(orphan))).toBe(false);
      expect(await readdir(path.join(dataDir, 'tmp'))).toEqual([]);
      // The freed path can be uploaded to again.
      expect((await put(emu, 'b.png', b)).fileId).not.toBe(upB.fileId);
    } finally {
      await emu.close();
    }
  });

  it('stores identical bytes once and deletes a blob only when nothing references it', async () => {
    const same = await pngBytes(9, 9, '#0a0a0a');
    const emu = await startTestEmulator({ dataDir });
    try {
      const one = await put(emu, 'one.png', same);
      const two = await put(emu, 'two.png', same);
      expect(existsSync(blobFile(sha256(same)))).toBe(true);
      await emu.sdk.files.delete(one.fileId!);
      expect(existsSync(blobFile(sha256(same)))).toBe(true);
      expect((await emu.sdk.files.get(two.fileId!)).size).toBe(same.length);
      await emu.sdk.files.delete(two.fileId!);
      await new Promise((r) => setTimeout(r, 50));
      expect(existsSync(blobFile(sha256(same)))).toBe(false);
    } finally {
      await emu.close();
    }
  });

  it('keeps everything across a clean restart: versions, folders, jobs, tags, order', async () => {
    let emu = await startTestEmulator({ dataDir });
    const first = await put(emu, 'z.png', await pngBytes(3, 3, '#111111'));
    await put(emu, 'y.png', await pngBytes(3, 3, '#222222'));
    await put(emu, 'z.png', await pngBytes(4, 4, '#333333'));
    await emu.sdk.files.bulk.addTags({ fileIds: [first.fileId!], tags: ['kept'] });
    await emu.sdk.folders.create({ folderName: 'f', parentFolderPath: '/' });
    const job = await emu.sdk.folders.copy({ sourceFolderPath: '/f', destinationPath: '/g' });
    await new Promise((r) => setTimeout(r, 100));
    // URLs carry the port, which changes between runs.
    const snapshot = async (e: TestEmulator) => JSON.stringify(await e.sdk.assets.list({ type: 'all' })).replaceAll(e.apiUrl, 'API');
    const before = await snapshot(emu);
    await emu.close();
    emu = await startTestEmulator({ dataDir });
    try {
      expect(await snapshot(emu)).toEqual(before);
      expect(JSON.parse(before)).toHaveLength(5);
      expect((await emu.sdk.files.versions.list(first.fileId!)).length).toBe(2);
      expect((await emu.sdk.folders.job.get(job.jobId!)).status).toBe('Completed');
    } finally {
      await emu.close();
    }
  });
});
