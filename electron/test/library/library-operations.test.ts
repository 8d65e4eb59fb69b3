import { mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLibraryHarness, type LibraryHarness } from './harness';

let h: LibraryHarness;

beforeAll(async () => {
  h = await startLibraryHarness();
});
afterAll(async () => {
  expect(h.services.problems).toEqual([]);
  await h.close();
});

const names = async (folderPath: string) => (await h.data('library.list', { folderPath, sort: 'ASC_NAME' })).items.map((f) => f.name);

async function waitForJob(jobId: string) {
  for (let i = 0; i < 100; i += 1) {
    const status = await h.data('library.jobStatus', { jobId });
    if (status.done) return status;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`job ${jobId} never finished`);
}

describe('file operations', () => {
  it('renames a file, and says why when the new name is taken', async () => {
    await h.upload('/ren', 'a.png');
    await h.upload('/ren', 'b.png');
    expect(await h.data('library.rename', { filePath: '/ren/a.png', newFileName: 'c.png', purgeCache: false })).toEqual({ purgeRequestId: null });
    expect(await names('/ren')).toEqual(['b.png', 'c.png']);
    expect((await h.data('library.searchNames', { text: 'c.png', folderPath: '/ren' })).items.map((f) => f.filePath)).toEqual(['/ren/c.png']);

    const clash = await h.call('library.rename', { filePath: '/ren/b.png', newFileName: 'c.png' });
    expect(clash).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(!clash.ok && clash.error.message).toMatch(/^Could not rename b\.png: .*already exists/);
  });

  it('copies and moves files to a folder, reporting each file that failed', async () => {
    await h.upload('/src', 'one.png');
    await h.upload('/src', 'two.png');
    const copied = await h.data('library.transferFiles', { mode: 'copy', filePaths: ['/src/one.png', '/src/missing.png'], destinationPath: '/dst' });
    expect(copied.succeeded).toEqual(['/src/one.png']);
    expect(copied.failed).toEqual([{ item: '/src/missing.png', message: expect.stringMatching(/^Could not copy missing\.png: /) }]);
    expect(await names('/dst')).toEqual(['one.png']);

    const moved = await h.data('library.transferFiles', { mode: 'move', filePaths: ['/src/two.png'], destinationPath: '/dst' });
    expect(moved).toEqual({ succeeded: ['/src/two.png'], failed: [] });
    expect(await names('/src')).toEqual(['one.png']);
    expect(await names('/dst')).toEqual(['one.png', 'two.png']);
  });

  it('bulk-deletes, still deleting the rest when some ids no longer exist', async () => {
    const x = await h.upload('/del', 'x.png');
    const y = await h.upload('/del', 'y.png');
    await h.data('library.list', { folderPath: '/del' });
    const outcome = await h.data('library.deleteFiles', { fileIds: [x.fileId, 'aaaaaaaaaaaaaaaaaaaaaaaa', y.fileId] });
    expect(outcome.succeeded.sort()).toEqual([x.fileId, y.fileId].sort());
    expect(outcome.failed).toEqual([{ item: 'aaaaaaaaaaaaaaaaaaaaaaaa', message: 'This file no longer exists.' }]);
    expect(await names('/del')).toEqual([]);
    expect((await h.data('library.searchNames', { text: 'y.png', folderPath: '/del' })).items).toEqual([]);
  });

  it('saves originals to a folder on disk without overwriting', async () => {
    const file = await h.upload('/dl', 'pic.png', { width: 33 });
    const privateFile = await h.upload('/dl', 'hidden.png', { isPrivateFile: true });
    const directory = path.join(h.root, 'downloads');
    await mkdir(directory);
    await h.grants.grantWrite(directory); // as the folder dialog's answer is granted
    const first = await h.data('library.saveOriginals', { fileIds: [file.fileId, privateFile.fileId], directory });
    expect(first.failed).toEqual([]);
    const again = await h.data('library.saveOriginals', { fileIds: [file.fileId], directory });
    expect(again.succeeded).toEqual([path.join(directory, 'pic (2).png')]);
    expect((await readdir(directory)).sort()).toEqual(['hidden.png', 'pic (2).png', 'pic.png']);
    const bytes = await readFile(path.join(directory, 'pic.png'));
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(bytes.readUInt32BE(16)).toBe(33); // the original's width, not a transformed copy
  });
});

describe('folder operations', () => {
  it('creates a folder, counts what a delete affects, and deletes it', async () => {
    await h.data('library.createFolder', { parentFolderPath: '/', folderName: 'made' });
    await h.data('library.createFolder', { parentFolderPath: '/made', folderName: 'inner' });
    await h.upload('/made/inner', 'f1.png');
    await h.upload('/made', 'f2.png');
    expect((await h.data('library.folders', { folderPath: '/' })).map((f) => f.name)).toContain('made');
    expect(await h.data('library.folderCounts', { folderPath: '/made' })).toEqual({ files: 2, folders: 1, capped: false });
    await h.data('library.deleteFolder', { folderPath: '/made' });
    expect((await h.data('library.folders', { folderPath: '/' })).map((f) => f.name)).not.toContain('made');
  });

  it('copies, moves and renames folders as bulk jobs that report completion', async () => {
    await h.upload('/jobs/a', 'in-a.png');
    const copy = await h.data('library.folderJob', { action: 'copy', sourceFolderPath: '/jobs/a', destinationPath: '/jobs/b' });
    expect(await waitForJob(copy.jobId)).toMatchObject({ status: 'Completed', type: 'COPY_FOLDER', done: true });
    expect(await names('/jobs/b/a')).toEqual(['in-a.png']);

    const rename = await h.data('library.folderJob', { action: 'rename', sourceFolderPath: '/jobs/b/a', newFolderName: 'renamed' });
    expect(await waitForJob(rename.jobId)).toMatchObject({ done: true, type: 'RENAME_FOLDER' });
    expect((await h.data('library.folders', { folderPath: '/jobs/b' })).map((f) => f.name)).toEqual(['renamed']);

    const move = await h.data('library.folderJob', { action: 'move', sourceFolderPath: '/jobs/b/renamed', destinationPath: '/jobs/a' });
    expect(await waitForJob(move.jobId)).toMatchObject({ done: true, type: 'MOVE_FOLDER' });
    expect(await names('/jobs/a/renamed')).toEqual(['in-a.png']);
  });

  it('refuses a folder job that ImageKit refuses, in ImageKit’s words', async () => {
    const result = await h.call('library.folderJob', { action: 'copy', sourceFolderPath: '/nowhere', destinationPath: '/jobs' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(!result.ok && result.error.message).toMatch(/^Could not copy the folder nowhere: /);
  });
});
