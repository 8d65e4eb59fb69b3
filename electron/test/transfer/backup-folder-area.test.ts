import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ImageKit from '@imagekit/nodejs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngBytes } from '../../../emulator/test/helpers/fixtures';
import { MemorySecretStore } from '../../services/secrets/memory-secret-store';
import { MANIFEST_NAME } from '../../services/transfer/manifest';
import { startAppHarness, type AppHarness } from '../helpers/core-harness';
import { listTree, upload } from './transfer-harness';

/**
 * The desktop app's backup and restore through the contract: only into (and from) a folder the
 * person chose in the app's own dialog (a granted path); any other folder the window names is
 * refused with NOT_ALLOWED and nothing is read or written.
 */
let app: AppHarness;
let sdk: ImageKit;
let profileId: string;
let outside: string;

beforeAll(async () => {
  app = await startAppHarness('backup-folder', { version: 'test', keychain: new MemorySecretStore() });
  sdk = new ImageKit({ privateKey: app.app.localLibrary.privateKey, baseURL: app.app.localLibrary.apiUrl, maxRetries: 0 });
  profileId = app.app.profiles.activeId();
  outside = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-backup-outside-'));
  await upload(sdk, '/album/a.png', await pngBytes(9, 9, '#123456'), { tags: ['one'], description: 'first' });
  await upload(sdk, '/album/inner/b.png', await pngBytes(10, 9, '#654321'), { tags: ['two'] });
}, 60_000);

afterAll(async () => {
  await app?.close();
  await rm(outside, { recursive: true, force: true });
});

describe('backup to a chosen folder and restore from it (desktop app)', () => {
  it('refuses a folder the window names without the dialog, and writes nothing there', async () => {
    const answer = await app.call('transfer.backupToFolder', { profileId, path: '/album', directory: outside });
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringMatching(/folder you chose in its folder dialog/) } });
    expect(await readdir(outside)).toEqual([]);
    const inspect = await app.call('transfer.inspectBackup', { directory: '/etc' });
    expect(inspect).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
  });

  it('backs up into a new folder inside the chosen one, then restores it elsewhere with its fields', async () => {
    const chosen = path.join(app.root, 'chosen');
    await mkdir(chosen);
    await app.app.grants.grantWrite(chosen); // what app.pickDirectory does for the folder the person picked
    const started = await app.data('transfer.backupToFolder', { profileId, path: '/album', directory: chosen });
    expect(started).toMatchObject({ kind: 'folder', state: 'running', path: '/album' });
    const done = await app.waitFor('transfer.backupChanged', (v) => v.id === started.id && v.state !== 'running', 30_000);
    expect(done).toMatchObject({ state: 'done', files: { done: 2, total: 2 } });
    expect(existsSync(path.join(started.destination, MANIFEST_NAME))).toBe(true);
    expect(path.dirname(started.destination)).toBe(chosen);

    await app.app.grants.grantWrite(started.destination);
    const summary = await app.data('transfer.inspectBackup', { directory: started.destination });
    expect(summary).toMatchObject({ sourcePath: '/album', files: 2, folders: 1 });
    const plan = await app.data('transfer.planRestore', { backupId: summary.backupId, target: { profileId, path: '/again' } });
    expect(plan.totals.byAction.create).toBe(2);
    const job = await app.data('transfer.start', { planId: plan.planId });
    await app.waitFor('transfer.jobChanged', (v) => v.id === job.id && v.state === 'done', 30_000);
    const files = await listTree(sdk, '/again');
    expect(files.map((f) => [f.filePath, f.tags, f.description ?? null])).toEqual([
      ['/again/a.png', ['one'], 'first'],
      ['/again/inner/b.png', ['two'], null],
    ]);
  });
});
