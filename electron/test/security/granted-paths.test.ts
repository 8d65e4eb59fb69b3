import { mkdir, readdir, realpath, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GrantedPaths } from '../../services/security/granted-paths';
import { useTempDirs } from '../helpers/temp-dir';
import { bytes, listAll, removeTempDirs, tempDir as queueTempDir } from '../upload-queue/helpers';
import { startUploadsHarness, type UploadsHarness } from '../upload-area/harness';
import { startLibraryHarness, type LibraryHarness } from '../library/harness';

const tempDir = useTempDirs();
afterAll(removeTempDirs);

/** A dropped folder on disk: album/{a.bin, b.bin, deep/c.bin} plus a secret file beside it. */
async function dropTree(): Promise<{ root: string; album: string; files: string[]; secret: string }> {
  const root = await realpath(await tempDir());
  const album = path.join(root, 'album');
  await mkdir(path.join(album, 'deep'), { recursive: true });
  const files = [path.join(album, 'a.bin'), path.join(album, 'b.bin'), path.join(album, 'deep', 'c.bin')];
  for (const [i, file] of files.entries()) await writeFile(file, bytes(i + 1, 100 + i));
  const secret = path.join(root, 'secret.txt');
  await writeFile(secret, 'not dropped');
  return { root, album, files, secret };
}

describe('GrantedPaths', () => {
  it('refuses every path while nothing is granted (the web host), with the same words whether it exists or not', async () => {
    const grants = new GrantedPaths();
    const { secret } = await dropTree();
    for (const requested of ['/etc/passwd', secret, '/no/such/file', 'relative/path']) {
      await expect(grants.readable(requested)).rejects.toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining('only reads files you dropped or picked') });
      await expect(grants.writableDirectory(requested)).rejects.toMatchObject({ code: 'NOT_ALLOWED', message: expect.stringContaining('folder you chose in its folder dialog') });
    }
  });

  it('reads a granted file, and a whole granted folder with what is inside it', async () => {
    const grants = new GrantedPaths();
    const { album, files, secret } = await dropTree();
    await grants.grantRead(files[0]!);
    await expect(grants.readable(files[0]!)).resolves.toEqual({ path: files[0] });
    await expect(grants.readable(files[1]!)).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await grants.grantRead(album);
    await expect(grants.readable(files[2]!)).resolves.toEqual({ path: files[2] });
    await expect(grants.readable(album)).resolves.toEqual({ path: album });
    await expect(grants.readable(secret)).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
  });

  it('reads the top folder of a drop whose files were granted one by one, for those files only', async () => {
    const grants = new GrantedPaths();
    const { root, album, files, secret } = await dropTree();
    await grants.grantRead(files[0]!);
    await grants.grantRead(files[2]!);
    const source = await grants.readable(album);
    expect(source.path).toBe(album);
    expect([files[0], files[1], files[2], secret].map((f) => source.only!(f!))).toEqual([true, false, true, false]);
    // Any folder above granted files reads those files only, never their neighbours.
    const above = await grants.readable(root);
    expect([above.only!(files[0]!), above.only!(secret)]).toEqual([true, false]);
  });

  it('cannot be widened with `..`, a symlink out of a granted folder, or a grant that is not absolute', async () => {
    const grants = new GrantedPaths();
    const { album, secret } = await dropTree();
    await grants.grantRead(album);
    await expect(grants.readable(path.join(album, '..', 'secret.txt'))).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await expect(grants.readable(`${album}/deep/../../secret.txt`)).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    const link = path.join(album, 'link-to-secret');
    await symlink(secret, link);
    await expect(grants.readable(link)).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await grants.grantRead('secret.txt');
    await expect(grants.readable(secret)).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
  });

  it('counts a grant still being resolved when a call comes right after it (IPC order)', async () => {
    const grants = new GrantedPaths();
    const { files } = await dropTree();
    void grants.grantRead(files[1]!); // not awaited: the IPC listener fires and forgets
    await expect(grants.readable(files[1]!)).resolves.toEqual({ path: files[1] });
  });

  it('saves only into a granted folder itself, by its real path', async () => {
    const grants = new GrantedPaths();
    const { root, album } = await dropTree();
    await grants.grantWrite(album);
    await expect(grants.writableDirectory(`${root}/./album/deep/..`)).resolves.toBe(album);
    await expect(grants.writableDirectory(path.join(album, 'deep'))).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
    await expect(grants.writableDirectory(root)).rejects.toMatchObject({ code: 'NOT_ALLOWED' });
  });
});

describe('uploads area: disk paths only when granted', () => {
  let h: UploadsHarness;
  beforeEach(async () => {
    h = await startUploadsHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('refuses a path nobody granted with NOT_ALLOWED and queues nothing; nearDuplicates does not hash it either', async () => {
    const { secret } = await dropTree();
    for (const requested of ['/etc/passwd', secret]) {
      const refused = await h.call('uploads.add', { sources: [{ kind: 'path', path: requested }], targetFolder: '/x', options: {} });
      expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringContaining(requested) } });
      const hashed = await h.call('uploads.nearDuplicates', { sources: [{ kind: 'path', path: requested }], targetFolder: '/x' });
      expect(hashed).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    }
    expect((await h.data('uploads.list')).items).toEqual([]);
    expect(await listAll(h.sdk)).toEqual([]);
  });

  it('uploads a dropped folder whose files were granted, exactly those files, with its structure', async () => {
    const { album, files } = await dropTree();
    await h.grants.grantRead(files[0]!);
    await h.grants.grantRead(files[2]!);
    const added = await h.data('uploads.add', { sources: [{ kind: 'path', path: album }], targetFolder: '/drop', options: {} });
    await h.waitFor('uploads.batchDone', (p) => p.summary.batchId === added.batchId);
    expect((await listAll(h.sdk)).map((f) => f.filePath).sort()).toEqual(['/drop/album/a.bin', '/drop/album/deep/c.bin']);
  });
});

describe('library.saveOriginals: only into a granted folder', () => {
  let h: LibraryHarness;
  beforeEach(async () => {
    h = await startLibraryHarness();
  });
  afterEach(async () => {
    await h.close();
  });

  it('refuses a folder the window names on its own, writing nothing there', async () => {
    const file = await h.upload('/dl', 'pic.png');
    const evil = path.join(await queueTempDir('evil'), 'autostart');
    await mkdir(evil);
    const refused = await h.call('library.saveOriginals', { fileIds: [file.fileId], directory: evil });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringContaining('Download again and choose the folder') } });
    expect(await readdir(evil)).toEqual([]);
    const missing = await h.call('library.saveOriginals', { fileIds: [file.fileId], directory: path.join(evil, 'new') });
    expect(missing).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(await readdir(evil)).toEqual([]);
  });
});
