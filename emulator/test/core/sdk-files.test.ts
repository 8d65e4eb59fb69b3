import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import Database from 'libsql';
import { describe, expect, it } from 'vitest';
import { toFile } from '@imagekit/nodejs';
import { specValidation } from '../helpers/spec.js';
import { startTestEmulator, withEmulator } from '../helpers/emulator.js';
import { eventually, localServer, pngBytes } from '../helpers/fixtures.js';

const spec = specValidation();
// Its remote URLs and webhooks are test servers on 127.0.0.1, which only an opted-in emulator may reach.
const emu = withEmulator({ fetch: spec.fetch, allowPrivateRemoteUrls: true });

async function upload(name: string, folder = '/', tags?: string[]) {
  const png = await pngBytes(20, 10);
  return emu.current.sdk.files.upload({ file: await toFile(png, name), fileName: name, folder, tags, useUniqueFileName: false });
}

describe('file operations through the official SDK', () => {
  it('gets and updates details: tags, customCoordinates, description, extensions, publish', async () => {
    const { sdk, urlEndpoint } = emu.current;
    const up = await upload('details.png', '/d', ['one']);
    const got = await sdk.files.get(up.fileId!);
    expect(got).toMatchObject({ type: 'file', fileId: up.fileId, name: 'details.png', filePath: '/d/details.png', tags: ['one'], width: 20 });
    expect(got.url).toMatch(new RegExp(`^${urlEndpoint}/d/details\\.png\\?updatedAt=\\d+$`));
    expect(got.thumbnail).toBe(`${got.url}&tr=n-ik_ml_thumbnail`);

    const updated = await sdk.files.update(up.fileId!, {
      tags: ['two', 'three'], customCoordinates: '0,0,5,5', description: 'described',
      extensions: [{ name: 'ai-auto-description' }],
    });
    expect(updated).toMatchObject({ tags: ['two', 'three'], customCoordinates: '0,0,5,5', description: 'described' });
    expect((updated as { extensionStatus?: unknown }).extensionStatus).toEqual({ 'ai-auto-description': 'failed' });
    expect(Date.parse(updated.updatedAt!)).toBeGreaterThanOrEqual(Date.parse(got.updatedAt!));

    const unset = await sdk.files.update(up.fileId!, { tags: null, customCoordinates: null });
    expect(unset).toMatchObject({ tags: null, customCoordinates: null, description: 'described' });

    const unpublished = await sdk.files.update(up.fileId!, { publish: { isPublished: false } });
    expect(unpublished.isPublished).toBe(false);
    expect((await sdk.files.get(up.fileId!)).isPublished).toBe(false);

    await upload('details.png', '/d');
    const all = await sdk.files.update(up.fileId!, { publish: { isPublished: false, includeFileVersions: true } });
    expect(all.isPublished).toBe(false);
    expect((await sdk.files.versions.list(up.fileId!)).map((v) => v.isPublished)).toEqual([false, false]);
    await sdk.files.update(up.fileId!, { publish: { isPublished: true } });
    expect((await sdk.files.versions.list(up.fileId!)).map((v) => v.isPublished)).toEqual([false, true]);
  });

  it('POSTs the extension status of an update to its webhookUrl', async () => {
    const hook = await localServer((_req, res) => res.writeHead(200).end());
    try {
      const up = await upload('hooked.png', '/d');
      const res = await emu.current.sdk.files.update(up.fileId!, {
        extensions: [{ name: 'aws-auto-tagging', minConfidence: 10, maxTags: 3 }], webhookUrl: `${hook.url}/u`,
      });
      expect((res as { extensionStatus?: unknown }).extensionStatus).toEqual({ 'aws-auto-tagging': 'failed' });
      expect(res.AITags).toBeNull();
      const got = await eventually(() => hook.requests[0]);
      const payload = JSON.parse(got.body.toString()) as { type: string; data: Record<string, unknown> };
      expect(payload.type).toBe('upload.extension.status');
      expect(payload.data).toEqual({ fileId: up.fileId, name: 'hooked.png', filePath: '/d/hooked.png', extensionStatus: { 'aws-auto-tagging': 'failed' } });
    } finally {
      await hook.close();
    }
  });

  it('adds and removes tags in bulk, all-or-nothing', async () => {
    const { sdk } = emu.current;
    const a = await upload('bulk-a.png', '/bulk', ['x']);
    const b = await upload('bulk-b.png', '/bulk');
    const added = await sdk.files.bulk.addTags({ fileIds: [a.fileId!, b.fileId!], tags: ['new', 'x'] });
    expect(added.successfullyUpdatedFileIds).toEqual([a.fileId, b.fileId]);
    expect((await sdk.files.get(a.fileId!)).tags).toEqual(['x', 'new']);
    expect((await sdk.files.get(b.fileId!)).tags).toEqual(['new', 'x']);
    const removed = await sdk.files.bulk.removeTags({ fileIds: [a.fileId!, b.fileId!], tags: ['x'] });
    expect(removed.successfullyUpdatedFileIds).toHaveLength(2);
    expect((await sdk.files.get(a.fileId!)).tags).toEqual(['new']);
    await expect(sdk.files.bulk.addTags({ fileIds: [a.fileId!, 'aaaaaaaaaaaaaaaaaaaaaaaa'], tags: ['z'] })).rejects.toMatchObject({
      status: 404, error: { message: 'The requested file(s) does not exist.', missingFileIds: ['aaaaaaaaaaaaaaaaaaaaaaaa'] },
    });
    expect((await sdk.files.get(a.fileId!)).tags).toEqual(['new']);
  });

  it('deletes one file and many files (all-or-nothing with missingFileIds)', async () => {
    const { sdk } = emu.current;
    const one = await upload('del-1.png', '/del');
    const two = await upload('del-2.png', '/del');
    const three = await upload('del-3.png', '/del');
    await sdk.files.delete(one.fileId!);
    await expect(sdk.files.get(one.fileId!)).rejects.toMatchObject({ status: 404, error: { message: 'The requested file does not exist.' } });
    await expect(sdk.files.bulk.delete({ fileIds: [two.fileId!, one.fileId!] })).rejects.toMatchObject({
      status: 404, error: { missingFileIds: [one.fileId] },
    });
    expect((await sdk.files.get(two.fileId!)).fileId).toBe(two.fileId);
    const res = await sdk.files.bulk.delete({ fileIds: [two.fileId!, three.fileId!] });
    expect(res.successfullyDeletedFileIds).toEqual([two.fileId, three.fileId]);
    expect(await sdk.assets.list({ path: '/del' })).toEqual([]);
  });

  it('copies (appending versions to a same-name target), moves and renames with purge', async () => {
    const { sdk, urlEndpoint } = emu.current;
    const src = await upload('cm.png', '/cm-src', ['orig']);
    await upload('cm.png', '/cm-dst');
    await sdk.files.copy({ sourceFilePath: '/cm-src/cm.png', destinationPath: '/cm-new/' });
    const copied = (await sdk.assets.list({ path: '/cm-new' })) as { fileId: string; tags: string[] }[];
    expect(copied).toHaveLength(1);
    expect(copied[0].fileId).not.toBe(src.fileId);
    expect(copied[0].tags).toEqual(['orig']);

    await sdk.files.copy({ sourceFilePath: '/cm-src/cm.png', destinationPath: '/cm-dst' });
    const [dst] = (await sdk.assets.list({ path: '/cm-dst' })) as { fileId: string; tags: string[] }[];
    const dstVersions = await sdk.files.versions.list(dst.fileId);
    expect(dstVersions.map((v) => [v.type, v.versionInfo?.name])).toEqual([['file-version', 'Version 1'], ['file', 'Version 2']]);
    expect(dst.tags).toEqual(['orig']);

    await sdk.files.move({ sourceFilePath: '/cm-src/cm.png', destinationPath: '/cm-moved/' });
    const moved = await sdk.files.get(src.fileId!);
    expect(moved.filePath).toBe('/cm-moved/cm.png');
    await expect(sdk.files.copy({ sourceFilePath: '/cm-src/cm.png', destinationPath: '/x' })).rejects.toMatchObject({
      status: 404, error: { reason: 'SOURCE_FILE_MISSING' },
    });

    const renamed = await sdk.files.rename({ filePath: '/cm-moved/cm.png', newFileName: 'renamed.png', purgeCache: true });
    expect(renamed.purgeRequestId).toMatch(/^[0-9a-f]{24}$/);
    expect((await sdk.files.get(src.fileId!)).filePath).toBe('/cm-moved/renamed.png');
    const status = await sdk.cache.invalidation.get(renamed.purgeRequestId!);
    expect(['Pending', 'Completed']).toContain(status.status);
    expect(await sdk.files.rename({ filePath: '/cm-moved/renamed.png', newFileName: 'again.png' })).toEqual({});
    await upload('taken.png', '/cm-moved');
    await expect(sdk.files.rename({ filePath: '/cm-moved/again.png', newFileName: 'taken.png' })).rejects.toMatchObject({
      status: 409, error: { reason: 'FILE_ALREADY_EXISTS' },
    });
    expect(urlEndpoint).toMatch(/\/local$/);
  });

  it('answers the documented edge cases: same-name rename, same-folder copy/move, too many ids, the 101st version', async () => {
    const { sdk } = emu.current;
    const a = await upload('edge.png', '/edge');
    await expect(sdk.files.rename({ filePath: '/edge/edge.png', newFileName: 'edge.png' })).rejects.toMatchObject({
      status: 400, error: { message: 'newFileName cannot be the same as its existing name.' },
    });
    for (const op of ['copy', 'move'] as const) {
      await expect(sdk.files[op]({ sourceFilePath: '/edge/edge.png', destinationPath: '/edge' })).rejects.toMatchObject({ status: 400 });
    }
    await expect(sdk.folders.copy({ sourceFolderPath: '/edge', destinationPath: '/edge' })).rejects.toMatchObject({
      status: 400, error: { message: 'sourceFolderPath and destinationPath is same.' },
    });
    const ids = (n: number) => Array.from({ length: n }, (_, i) => i.toString(16).padStart(24, '0'));
    await expect(sdk.files.bulk.delete({ fileIds: ids(101) })).rejects.toMatchObject({ status: 400 });
    await expect(sdk.files.bulk.addTags({ fileIds: ids(51), tags: ['x'] })).rejects.toMatchObject({ status: 400 });
    expect((await sdk.files.get(a.fileId!)).filePath).toBe('/edge/edge.png');
    // At most 100 versions per file: the 101st upload onto the same path is refused and changes nothing.
    const text = (i: number) => toFile(Buffer.from(`v${i}`), 'v.txt');
    for (let i = 1; i <= 100; i += 1) await sdk.files.upload({ file: await text(i), fileName: 'many.txt', folder: '/edge', useUniqueFileName: false });
    const [many] = (await sdk.assets.list({ path: '/edge', searchQuery: 'name = "many.txt"' })) as { fileId: string }[];
    expect((await sdk.files.versions.list(many.fileId)).length).toBe(100);
    await expect(sdk.files.upload({ file: await text(101), fileName: 'many.txt', folder: '/edge', useUniqueFileName: false })).rejects.toMatchObject({
      status: 400, error: { message: expect.stringContaining('maximum of 100 versions') },
    });
    expect((await sdk.files.get(many.fileId)).size).toBe(4); // still 'v100'
  });

  it('removes AI tags per file (bulk and in update), keeping the others; overwriteAITags decides what an overwrite keeps', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'ik-ai-'));
    try {
      let emu2 = await startTestEmulator({ dataDir, fetch: spec.fetch });
      const png = await pngBytes(8, 8);
      const up = await emu2.sdk.files.upload({ file: await toFile(png, 'ai.png'), fileName: 'ai.png', useUniqueFileName: false });
      const other = await emu2.sdk.files.upload({ file: await toFile(png, 'ai2.png'), fileName: 'ai2.png', useUniqueFileName: false });
      await emu2.close();
      // AI tags come only from cloud extensions; seed them in the stored rows, as a previous sync would have.
      const db = new Database(path.join(dataDir, 'library.db'));
      for (const fileId of [up.fileId, other.fileId]) {
        const row = db.prepare('SELECT version_id, data FROM files WHERE file_id = ?').get(fileId) as { version_id: string; data: string };
        const data = JSON.parse(row.data) as Record<string, unknown>;
        data.aiTags = ['car', 'tree', 'sky'].map((name) => ({ name, confidence: 90, source: 'google-auto-tagging' }));
        db.prepare('UPDATE files SET data = ? WHERE version_id = ?').run(JSON.stringify(data), row.version_id);
      }
      db.close();
      emu2 = await startTestEmulator({ dataDir, fetch: spec.fetch });
      const aiNames = async (fileId: string) => (await emu2.sdk.files.get(fileId)).AITags?.map((t) => t.name) ?? null;
      const res = await emu2.sdk.files.bulk.removeAITags({ fileIds: [up.fileId!], AITags: ['car'] });
      expect(res.successfullyUpdatedFileIds).toEqual([up.fileId]);
      expect(await aiNames(up.fileId!)).toEqual(['tree', 'sky']);
      expect(await aiNames(other.fileId!)).toEqual(['car', 'tree', 'sky']);
      // An overwrite with overwriteAITags=false keeps them on the new version; the default removes them.
      const kept = await emu2.sdk.files.upload({ file: await toFile(png, 'ai.png'), fileName: 'ai.png', useUniqueFileName: false, overwriteAITags: false });
      expect(kept).toMatchObject({ fileId: up.fileId, versionInfo: { name: 'Version 2' } });
      expect(kept.AITags?.map((t) => t.name)).toEqual(['tree', 'sky']);
      const updated = await emu2.sdk.files.update(up.fileId!, { removeAITags: ['sky'] });
      expect(updated.AITags?.map((t) => t.name)).toEqual(['tree']);
      const dropped = await emu2.sdk.files.upload({ file: await toFile(png, 'ai.png'), fileName: 'ai.png', useUniqueFileName: false });
      expect(dropped.AITags).toBeNull();
      expect(await aiNames(up.fileId!)).toBeNull();
      expect((await emu2.sdk.files.update(other.fileId!, { removeAITags: 'all' })).AITags).toBeNull();
      await emu2.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

spec.itConformsToSpec(10);
