import { describe, expect, it } from 'vitest';
import { toFile } from '@imagekit/nodejs';
import { specValidation } from '../helpers/spec.js';
import { withEmulator } from '../helpers/emulator.js';
import { eventually, pngBytes } from '../helpers/fixtures.js';

const spec = specValidation();
const emu = withEmulator({ fetch: spec.fetch });

async function upload(name: string, folder: string, width = 10) {
  const png = await pngBytes(width, 10);
  return emu.current.sdk.files.upload({ file: await toFile(png, name), fileName: name, folder, useUniqueFileName: false });
}

const paths = async (path: string) =>
  ((await emu.current.sdk.assets.list({ path, type: 'all' })) as { type: string; filePath?: string; folderPath?: string }[]).map(
    (a) => a.filePath ?? a.folderPath,
  );

async function waitForJob(jobId: string) {
  return eventually(async () => {
    const job = await emu.current.sdk.folders.job.get(jobId);
    return job.status === 'Completed' ? job : undefined;
  });
}

describe('versions through the official SDK', () => {
  it('lists, reads, deletes (never the current) and restores versions', async () => {
    const { sdk, urlEndpoint } = emu.current;
    const v1 = await upload('ver.png', '/ver', 11);
    const v2 = await upload('ver.png', '/ver', 12);
    const v3 = await upload('ver.png', '/ver', 13);
    const list = await sdk.files.versions.list(v1.fileId!);
    expect(list.map((v) => [v.type, v.versionInfo?.id, v.width])).toEqual([
      ['file-version', v1.versionInfo?.id, 11], ['file-version', v2.versionInfo?.id, 12], ['file', v3.versionInfo?.id, 13],
    ]);
    expect(list[0].url).toMatch(new RegExp(`^${urlEndpoint}/ver/ver\\.png\\?ik-obj-version=${v1.versionInfo?.id}&updatedAt=\\d+$`));

    const detail = await sdk.files.versions.get(v2.versionInfo!.id!, { fileId: v1.fileId! });
    expect(detail).toMatchObject({ type: 'file-version', width: 12, versionInfo: { name: 'Version 2' } });

    await expect(sdk.files.versions.delete(v3.versionInfo!.id!, { fileId: v1.fileId! })).rejects.toMatchObject({ status: 400 });
    await sdk.files.versions.delete(v2.versionInfo!.id!, { fileId: v1.fileId! });
    await expect(sdk.files.versions.get(v2.versionInfo!.id!, { fileId: v1.fileId! })).rejects.toMatchObject({ status: 404 });

    const restored = await sdk.files.versions.restore(v1.versionInfo!.id!, { fileId: v1.fileId! });
    expect(restored).toMatchObject({ type: 'file', width: 11, versionInfo: { id: v1.versionInfo?.id, name: 'Version 1' } });
    expect((await sdk.files.get(v1.fileId!)).width).toBe(11);
    const after = await sdk.files.versions.list(v1.fileId!);
    expect(after.map((v) => [v.type, v.width])).toEqual([['file', 11], ['file-version', 13]]);
    const versionsInList = (await sdk.assets.list({ type: 'file-version', path: '/ver' })) as { width: number }[];
    expect(versionsInList.map((v) => v.width)).toEqual([13]);
    await expect(sdk.files.versions.restore('aaaaaaaaaaaaaaaaaaaaaaaa', { fileId: v1.fileId! })).rejects.toMatchObject({
      status: 404, error: { message: 'The requested file version does not exist.' },
    });
  });
});

describe('folders and bulk jobs through the official SDK', () => {
  it('creates (with parents, sanitised name) and deletes folders recursively', async () => {
    const { sdk } = emu.current;
    await sdk.folders.create({ folderName: 'new folder!', parentFolderPath: '/made/here' });
    expect(await paths('/made')).toEqual(['/made/here']);
    expect(await paths('/made/here')).toEqual(['/made/here/new_folder_']);
    await upload('inside.png', '/made/here/new_folder_');
    await sdk.folders.delete({ folderPath: '/made' });
    expect(await paths('/made')).toEqual([]);
    expect((await sdk.assets.list({ searchQuery: 'name = "inside.png"' })).length).toBe(0);
    await expect(sdk.folders.delete({ folderPath: '/made' })).rejects.toMatchObject({ status: 404, error: { reason: 'FOLDER_NOT_FOUND' } });
    await expect(sdk.folders.create({ folderName: '..', parentFolderPath: '/' })).rejects.toMatchObject({
      status: 400, error: { reason: 'INVALID_FOLDER_PATH' },
    });
  });

  it('copies, moves and renames folders as jobs with status', async () => {
    const { sdk } = emu.current;
    await upload('a.png', '/src/sub');
    await upload('b.png', '/src');
    await upload('b.png', '/src', 20);

    const copy = await sdk.folders.copy({ sourceFolderPath: '/src', destinationPath: '/dst', includeVersions: true });
    const copyJob = await waitForJob(copy.jobId!);
    expect(copyJob).toMatchObject({ jobId: copy.jobId, type: 'COPY_FOLDER', status: 'Completed' });
    expect(await paths('/dst/src')).toEqual(['/dst/src/sub', '/dst/src/b.png']);
    expect(await paths('/dst/src/sub')).toEqual(['/dst/src/sub/a.png']);
    const [copiedB] = (await sdk.assets.list({ path: '/dst/src', type: 'file' })) as { fileId: string }[];
    expect((await sdk.files.versions.list(copiedB.fileId)).length).toBe(2);
    expect(await paths('/src')).toEqual(['/src/sub', '/src/b.png']);

    const move = await sdk.folders.move({ sourceFolderPath: '/dst/src', destinationPath: '/moved' });
    expect((await waitForJob(move.jobId!)).type).toBe('MOVE_FOLDER');
    expect(await paths('/dst')).toEqual([]);
    expect(await paths('/moved/src')).toEqual(['/moved/src/sub', '/moved/src/b.png']);
    expect((await sdk.files.get(copiedB.fileId)).filePath).toBe('/moved/src/b.png');

    const rename = await sdk.folders.rename({ folderPath: '/moved/src', newFolderName: 'renamed', purgeCache: true });
    const renameJob = await waitForJob(rename.jobId!);
    expect(renameJob).toMatchObject({ type: 'RENAME_FOLDER', purgeRequestId: expect.stringMatching(/^[0-9a-f]{24}$/) });
    expect(await paths('/moved')).toEqual(['/moved/renamed']);
    expect(await paths('/moved/renamed/sub')).toEqual(['/moved/renamed/sub/a.png']);

    await expect(sdk.folders.move({ sourceFolderPath: '/moved', destinationPath: '/moved/renamed' })).rejects.toMatchObject({
      status: 400, error: { message: 'Parent folder cannot be moved into child folder.' },
    });
    await expect(sdk.folders.copy({ sourceFolderPath: '/nowhere', destinationPath: '/x' })).rejects.toMatchObject({
      status: 404, error: { reason: 'NO_FILES_FOLDER' },
    });
    await expect(sdk.folders.job.get('aaaaaaaaaaaaaaaaaaaaaaaa')).rejects.toMatchObject({ status: 404 });
  });
});

spec.itConformsToSpec(10);
