import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ImageKit from '@imagekit/nodejs';
import yauzl from 'yauzl';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngBytes } from '../../../emulator/test/helpers/fixtures';
import { startWebApp } from '../../web/start-web-app';
import { MemorySecretStore } from '../../services/secrets/memory-secret-store';
import { connect, type TestClient } from '../helpers/ws-client';
import { writeRendererFixture } from '../helpers/renderer-fixture';
import { listTree, upload } from './transfer-harness';
import { craftZip, manifestFor } from './zip-fixtures';

/**
 * The browser's backup and restore through the real web host: a folder tree streamed as a .zip
 * (GET, token and id), deleted, then the .zip sent back (PUT, token header) and restored through a
 * plan and a transfer job, fields included; hostile zips refused whole, nothing restored.
 */
let root: string;
let app: Awaited<ReturnType<typeof startWebApp>>;
let client: TestClient;
let sdk: ImageKit;
let profileId: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-backupzip-'));
  app = await startWebApp({ port: 0, dataDir: path.join(root, 'data'), rendererDir: await writeRendererFixture(root), keychain: new MemorySecretStore() });
  client = await connect(app.port, app.token);
  sdk = new ImageKit({ privateKey: app.services.localLibrary.privateKey, baseURL: app.services.localLibrary.apiUrl, maxRetries: 0 });
  profileId = app.services.profiles.activeId();
  await sdk.customMetadataFields.create({ name: 'shot', label: 'Shot', schema: { type: 'Number' } });
  await upload(sdk, '/trip/cover.png', await pngBytes(10, 9, '#223344'), { tags: ['cover', 'blue'], customMetadata: { shot: 3 }, description: 'front' });
  await upload(sdk, '/trip/day1/a.png', await pngBytes(11, 9, '#556677'), { tags: ['day1'] });
  await upload(sdk, '/trip/day1/night/b.png', await pngBytes(12, 9, '#8899aa'), { customMetadata: { shot: 7 } });
}, 60_000);

afterAll(async () => {
  client?.close();
  await app?.close();
  await rm(root, { recursive: true, force: true });
});

const data = async <T>(channel: string, input: unknown): Promise<T> => {
  const answer = (await client.request(channel, input)) as { ok: boolean; data?: T; error?: unknown };
  if (!answer.ok) throw new Error(`${channel}: ${JSON.stringify(answer.error)}`);
  return answer.data as T;
};

const origin = () => `http://127.0.0.1:${app.port}`;
const putZip = (body: Buffer, headers: Record<string, string> = {}) =>
  fetch(`${origin()}/transfers/restore.zip`, { method: 'PUT', body: new Uint8Array(body), headers: { Origin: origin(), 'X-MediaDesk-Token': app.token, ...headers } });

async function zipNames(bytes: Buffer): Promise<string[]> {
  const zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true });
  const names: string[] = [];
  for await (const entry of zip.eachEntry()) names.push(entry.fileName);
  return names.sort();
}

const restoreDirs = async () => readdir(path.join(root, 'data', 'transfers', 'restores')).catch(() => []);

describe('backup as a .zip download and restore from it (web host)', () => {
  let zipBytes: Buffer;

  it('streams the tree as a .zip with the directory layout, once, for the token holder only', async () => {
    const prepared = await data<{ id: string; state: string; files: { total: number } }>('transfer.prepareBackupZip', { profileId, path: '/trip' });
    expect(prepared).toMatchObject({ state: 'waiting', files: { total: 3 } });
    expect((await fetch(`${origin()}/transfers/backup.zip?token=wrong&id=${prepared.id}`)).status).toBe(401);
    const response = await fetch(`${origin()}/transfers/backup.zip?token=${app.token}&id=${prepared.id}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/attachment; filename="trip-backup-\d{4}-\d\d-\d\d\.zip"/);
    zipBytes = Buffer.from(await response.arrayBuffer());
    expect(await zipNames(zipBytes)).toEqual(['cover.png', 'day1/a.png', 'day1/night/b.png', 'mediadesk-manifest.json']);
    expect((await fetch(`${origin()}/transfers/backup.zip?token=${app.token}&id=${prepared.id}`)).status).toBe(404);
    const backups = await data<Array<{ id: string; state: string; files: { done: number } }>>('transfer.backups', undefined);
    expect(backups.find((b) => b.id === prepared.id)).toMatchObject({ state: 'done', files: { done: 3 } });
    expect(client.events('transfer.backupChanged').length).toBeGreaterThanOrEqual(2);
  });

  it('restores the deleted folder from the .zip with tags, custom metadata and description', async () => {
    await sdk.folders.delete({ folderPath: '/trip' });
    expect(await listTree(sdk, '/trip').catch(() => [])).toEqual([]);
    const put = await putZip(zipBytes);
    const summary = ((await put.json()) as { ok: boolean; data: { backupId: string; sourcePath: string; files: number } }).data;
    expect(summary).toMatchObject({ sourcePath: '/trip', files: 3 });
    const plan = await data<{ planId: string; totals: { byAction: { create: number } } }>('transfer.planRestore', { backupId: summary.backupId, target: { profileId, path: '/trip' } });
    expect(plan.totals.byAction.create).toBe(3);
    const job = await data<{ id: string }>('transfer.start', { planId: plan.planId });
    await expect.poll(async () => (await data<Array<{ id: string; state: string }>>('transfer.jobs', undefined)).find((j) => j.id === job.id)?.state, { timeout: 30_000 }).toBe('done');
    const files = await listTree(sdk, '/trip');
    expect(files.map((f) => f.filePath).sort()).toEqual(['/trip/cover.png', '/trip/day1/a.png', '/trip/day1/night/b.png']);
    const cover = files.find((f) => f.name === 'cover.png')!;
    expect(cover).toMatchObject({ tags: ['cover', 'blue'], customMetadata: { shot: 3 }, description: 'front' });
    expect(files.find((f) => f.name === 'b.png')).toMatchObject({ customMetadata: { shot: 7 } });
  });

  it('refuses hostile zips whole (zip-slip, checksum, size, symlink, no manifest, bad manifest, not a zip, no token, foreign Origin) and restores nothing', async () => {
    const before = (await listTree(sdk, '/')).length;
    const okFile = { rel: 'x.png', bytes: Buffer.from('x bytes') };
    const cases: Array<[string, Buffer, RegExp]> = [
      ['zip-slip', await craftZip([{ rel: '../evil.png', bytes: okFile.bytes }], manifestFor([{ rel: '../evil.png', bytes: okFile.bytes }])), /not a MediaDesk backup|relative|"\.\."/],
      ['checksum', await craftZip([{ rel: 'x.png', bytes: Buffer.from('other bytes') }], manifestFor([{ rel: 'x.png', bytes: Buffer.from('other bytez') }])), /checksum/],
      ['size', await craftZip([okFile], manifestFor([{ rel: 'x.png', bytes: Buffer.from('x bytes and more') }])), /holds 7 bytes but its manifest says/],
      ['symlink', await craftZip([{ ...okFile, symlink: true }], manifestFor([okFile])), /symbolic link/],
      ['no manifest', await craftZip([okFile], null), /no mediadesk-manifest\.json/],
      ['bad manifest', await craftZip([okFile], Buffer.from('{"format":"something-else"}')), /does not match the backup format/],
      ['not a zip', Buffer.from('just some text, not a zip at all'), /cannot be read as a zip/],
    ];
    for (const [name, body, message] of cases) {
      const answer = (await (await putZip(body)).json()) as { ok: boolean; error?: { code: string; message: string } };
      expect(answer, name).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(message) } });
    }
    expect((await putZip(Buffer.alloc(10), { 'X-MediaDesk-Token': 'wrong' })).status).toBe(401);
    expect((await putZip(Buffer.alloc(10), { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await listTree(sdk, '/')).length).toBe(before);
    // Only the restore unpacked above is kept; every refused one was removed.
    expect((await restoreDirs()).length).toBe(1);
  });
});
