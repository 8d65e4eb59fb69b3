import { randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ImageKit from '@imagekit/nodejs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngBytes } from '../../../emulator/test/helpers/fixtures';
import { backupTree } from '../../services/transfer/backup';
import { MANIFEST_NAME, ManifestError, type Manifest } from '../../services/transfer/manifest';
import { DEFAULT_RETRY } from '../../services/upload-queue/retry-policy';
import { accessOf, listTree, sha256, startTwoAccounts, upload, versionChecksums, type TwoAccounts } from './transfer-harness';

/**
 * Backup to a local folder (originals + manifest) and restore to another account, versions and
 * fields included; and hostile backup folders (a manifest naming paths outside the folder, a
 * symlink pointing out of it, names ImageKit would rewrite) refused before anything is uploaded.
 */
let env: TwoAccounts;
let dir: string;

beforeAll(async () => {
  env = await startTwoAccounts();
  dir = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-backup-'));
  await env.a.sdk.customMetadataFields.create({ name: 'shot', label: 'Shot', schema: { type: 'Number' } });
  await upload(env.a.sdk, '/album/cover.png', await pngBytes(9, 9, '#111111'), { tags: ['first'] });
  await upload(env.a.sdk, '/album/cover.png', await pngBytes(10, 9, '#222222'), { overwriteFile: true, tags: ['cover'], customMetadata: { shot: 3 }, description: 'front' });
  await upload(env.a.sdk, '/album/inside/page.bin', randomBytes(3000), { isPrivateFile: true });
}, 60_000);

afterAll(async () => {
  await env?.close();
  await rm(dir, { recursive: true, force: true });
});

async function restore(directory: string, to: string) {
  const service = env.service();
  const plan = await service.plan({ source: { kind: 'directory', directory }, target: { profileId: 'b', path: to }, mode: 'copy', versions: true, deleteExtraneous: false, onConflict: 'ask' });
  const { job, release } = await service.start(plan);
  await job.run();
  await release();
  return job.report();
}

describe('backup to a folder and restore from it', () => {
  it('round-trips bytes, versions and fields through a local folder', async () => {
    const target = path.join(dir, 'album');
    const result = await backupTree({ source: accessOf(env.a, 'a'), profileName: 'A', path: '/album', directory: target, versions: true, cache: env.service().cache, retry: DEFAULT_RETRY });
    expect(result).toMatchObject({ downloaded: 3, unchanged: 0 });
    const manifest = JSON.parse(await readFile(path.join(target, MANIFEST_NAME), 'utf8')) as Manifest;
    expect(manifest.customMetadataFields.map((f) => f.name)).toEqual(['shot']);
    expect(manifest.files.find((f) => f.path === 'cover.png')).toMatchObject({ fields: { tags: ['cover'], customMetadata: { shot: 3 }, description: 'front' }, versions: [{ fields: { tags: ['first'] } }] });

    const report = await restore(target, '/restored');
    expect(report).toMatchObject({ outcome: 'complete', totals: { done: 2, verified: 2 } });
    const source = await listTree(env.a.sdk, '/album');
    const restored = await listTree(env.b.sdk, '/restored');
    expect(restored.map((f) => f.filePath)).toEqual(source.map((f) => f.filePath?.replace('/album', '/restored')));
    for (const [i, file] of restored.entries()) {
      expect(await versionChecksums(env.b, file)).toEqual(await versionChecksums(env.a, source[i]));
      for (const field of ['tags', 'customMetadata', 'description', 'isPrivateFile'] as const) expect(file[field]).toEqual(source[i][field]);
    }
    expect((await env.b.sdk.customMetadataFields.list()).map((f) => f.name)).toContain('shot');
  });

  it('refuses a manifest that names a file outside the backup folder, and uploads nothing', async () => {
    const hostile = path.join(dir, 'hostile');
    await mkdir(hostile, { recursive: true });
    const secret = path.join(dir, 'secret.txt');
    await writeFile(secret, 'not for upload');
    const manifest: Manifest = {
      format: 'mediadesk-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      source: { profileName: 'x', urlEndpoint: 'http://x', path: '/' },
      customMetadataFields: [],
      folders: [],
      files: [{ path: '../secret.txt', size: 14, sha256: sha256(Buffer.from('not for upload')), fields: { tags: [], customMetadata: {}, customCoordinates: null, description: null, isPrivateFile: false, isPublished: true }, aiTags: [], versions: [] }],
    };
    await writeFile(path.join(hostile, MANIFEST_NAME), JSON.stringify(manifest));
    await expect(restore(hostile, '/hostile')).rejects.toThrow(/not a valid MediaDesk backup manifest: files\.0\.path/);
    expect(await listTree(env.b.sdk, '/hostile')).toEqual([]);
  });

  it('refuses a symlink in the backup folder that points outside it', async () => {
    const linked = path.join(dir, 'linked');
    await mkdir(linked, { recursive: true });
    await writeFile(path.join(dir, 'outside.bin'), 'outside bytes');
    await symlink(path.join(dir, 'outside.bin'), path.join(linked, 'inner.bin'));
    const manifest: Manifest = {
      format: 'mediadesk-backup',
      version: 1,
      createdAt: new Date().toISOString(),
      source: { profileName: 'x', urlEndpoint: 'http://x', path: '/' },
      customMetadataFields: [],
      folders: [],
      files: [{ path: 'inner.bin', size: 13, sha256: sha256(Buffer.from('outside bytes')), fields: { tags: [], customMetadata: {}, customCoordinates: null, description: null, isPrivateFile: false, isPublished: true }, aiTags: [], versions: [] }],
    };
    await writeFile(path.join(linked, MANIFEST_NAME), JSON.stringify(manifest));
    const failure = await restore(linked, '/linked').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ManifestError);
    expect((failure as Error).message).toContain('points outside the backup folder');
    expect(await listTree(env.b.sdk, '/linked')).toEqual([]);
  });

  it('refuses a listing whose paths would step out of the backup folder (a hostile server), writing nothing', async () => {
    // A server answering the List API with a file whose path climbs out of the listed folder.
    const server = http.createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const listed = url.searchParams.get('path') === '/' ? [{ type: 'folder', name: 'album', folderPath: '/album/' }] : [{ type: 'file', fileId: 'f1', name: 'evil.txt', filePath: '/album/../../evil.txt', size: 4, versionInfo: { id: 'f1', name: 'Version 1' } }];
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(req.url?.startsWith('/v1/customMetadataFields') ? [] : listed));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const client = new ImageKit({ privateKey: 'k', baseURL: base, maxRetries: 0 });
      const target = path.join(dir, 'evil-backup', 'album');
      const attempt = backupTree({ source: { profileId: 'evil', client, urlEndpoint: `${base}/x`, libraryKey: 'evil' }, profileName: 'evil', path: '/album', directory: target, versions: false, cache: env.service().cache, retry: DEFAULT_RETRY });
      await expect(attempt).rejects.toThrow(/unsafe path/);
      await expect(stat(path.join(dir, 'evil.txt'))).rejects.toThrow();
      await expect(stat(path.join(dir, 'evil-backup'))).rejects.toThrow();
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('stops a file whose bytes no longer match the manifest checksum (a damaged backup)', async () => {
    const target = path.join(dir, 'damaged');
    await backupTree({ source: accessOf(env.a, 'a'), profileName: 'A', path: '/album', directory: target, versions: false, cache: env.service().cache, retry: DEFAULT_RETRY });
    await writeFile(path.join(target, 'inside', 'page.bin'), randomBytes(3000));
    const report = await restore(target, '/damaged');
    expect(report.outcome).toBe('complete-with-problems');
    expect(report.files.find((f) => f.relPath === 'inside/page.bin')).toMatchObject({ state: 'failed', error: expect.stringContaining("differ from the checksum in its manifest") });
    expect((await listTree(env.b.sdk, '/damaged')).map((f) => f.name)).toEqual(['cover.png']);
  });
});
