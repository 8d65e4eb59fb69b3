import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pngBytes } from '../../emulator/test/helpers/fixtures';
import { startTestEmulator, type TestEmulator } from '../../emulator/test/helpers/emulator';
import { createAppServices, type AppServices } from '../../electron/services/app/create-app-services';
import { startLocalLibraryInProcess } from '../../electron/services/local-library/in-process';
import { upload } from '../../electron/test/transfer/transfer-harness';
import type { ProfileView } from '../../shared/domain/profile';
import { runCli, spawnCli } from './cli-harness';

/**
 * The command line and the app share profiles: same settings file, same OS keychain entries (a
 * real Secret Service from scripts/with-keyring.sh). Two emulators stand in for two ImageKit
 * accounts, reached over HTTP by the CLI and by the app's own composition (createAppServices).
 */
const haveKeyring = process.env.MEDIADESK_KEYRING === '1';
const reason = 'needs a Secret Service: run through scripts/with-keyring.sh (npm test does)';

let root: string;
let dataDir: string;
let a: TestEmulator;
let b: TestEmulator;
const cli = (...args: string[]) => runCli(['--data', dataDir, ...args]);

async function withApp<T>(fn: (app: AppServices) => Promise<T>): Promise<T> {
  const app = await createAppServices({ dataDir, host: 'web', version: 'test', startLocalLibrary: startLocalLibraryInProcess, keychain: 'auto', validate: true, log: () => undefined });
  try {
    return await fn(app);
  } finally {
    await app.close();
  }
}

async function dispatch<T>(app: AppServices, channel: string, input?: unknown): Promise<T> {
  const result = await app.router.dispatch(channel, input, { transport: 'test' });
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.data as T;
}

beforeAll(async () => {
  if (!haveKeyring) return;
  root = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-cli-accounts-'));
  dataDir = path.join(root, 'data');
  a = await startTestEmulator({ privateKey: 'private_acct_a', publicKey: 'public_acct_a', id: 'acct_a' });
  b = await startTestEmulator({ privateKey: 'private_acct_b', publicKey: 'public_acct_b', id: 'acct_b' });
  await a.sdk.customMetadataFields.create({ name: 'brand', label: 'Brand', schema: { type: 'Text' } });
  await upload(a.sdk, '/src/one.png', await pngBytes(12, 12, '#101010'), { tags: ['v1'] });
  await upload(a.sdk, '/src/one.png', await pngBytes(13, 12, '#202020'), { overwriteFile: true, tags: ['v2'], customMetadata: { brand: 'Acme' }, customCoordinates: '1,1,4,4' });
  await upload(a.sdk, '/src/deep/two.bin', randomBytes(4000), { description: 'binary', isPrivateFile: true });
}, 60_000);

afterAll(async () => {
  await a?.close();
  await b?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

describe.skipIf(!haveKeyring)(`mediadesk and the app share profiles and keys (${haveKeyring ? 'gnome-keyring' : `skipped: ${reason}`})`, () => {
  it('adds a profile from standard input that the app then lists and connects with', async () => {
    const added = await spawnCli(['--data', dataDir, '--json', 'profiles', 'add', 'work', '--url-endpoint', a.urlEndpoint, '--public-key', 'public_acct_a'], { stdin: 'private_acct_a\n' });
    expect(added.code, added.stderr).toBe(0);
    expect(added.json()).toMatchObject({ profile: { name: 'work', keyStorage: 'keychain', keyHint: '…ct_a' }, connection: { state: 'connected' } });
    expect(added.stdout).not.toContain('private_acct_a');

    await withApp(async (app) => {
      const list = await dispatch<ProfileView[]>(app, 'profiles.list');
      const work = list.find((p) => p.name === 'work');
      expect(work).toMatchObject({ kind: 'imagekit', keyStorage: 'keychain', hasPrivateKey: true, urlEndpoint: a.urlEndpoint });
      expect(await dispatch(app, 'profiles.testConnection', { id: work?.id })).toMatchObject({ state: 'connected' });
    });
  });

  it('uses a profile the app saved', async () => {
    await withApp((app) => dispatch(app, 'profiles.save', { name: 'other', urlEndpoint: b.urlEndpoint, publicKey: 'public_acct_b', privateKey: 'private_acct_b' }));
    const human = await cli('profiles', 'list');
    expect(human.stdout).toMatch(/other\s*│ ImageKit\s*│ http:\/\/127\.0\.0\.1:\d+\/acct_b\s*│ keychain …ct_b/);
    const listed = await cli('--profile', 'other', '--json', 'ls', '/');
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.json()).toEqual([]);
  });

  it('never takes the private key from an argument, and adds nothing without one', async () => {
    const asArgument = await cli('profiles', 'add', 'leak', '--url-endpoint', a.urlEndpoint, '--public-key', 'p', '--private-key', 'secret');
    expect(asArgument.code).toBe(2);
    const empty = await runCli(['--data', dataDir, 'profiles', 'add', 'nokey', '--url-endpoint', a.urlEndpoint, '--public-key', 'p'], { stdin: '' });
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('No private key on standard input');
    const duplicate = await runCli(['--data', dataDir, 'profiles', 'add', 'WORK', '--url-endpoint', a.urlEndpoint, '--public-key', 'p'], { stdin: 'k' });
    expect(duplicate.code).toBe(2);
    const names = (await cli('--json', 'profiles', 'list')).json<ProfileView[]>().map((p) => p.name);
    expect(names).toEqual(['Local library', 'work', 'other']);
  });

  it('transfers between the two accounts with every version and field, then moves nothing the second time', async () => {
    const reportFile = path.join(root, 'report.json');
    const dry = await cli('transfer', 'work:/src', 'other:/dst', '--versions', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/Plan: 2 to create/);
    expect(dry.stdout).toContain('Custom metadata fields to create on the target: brand (Text).');
    const run = await cli('--json', 'transfer', 'work:/src', 'other:/dst', '--versions', '--report', reportFile);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.json()).toMatchObject({ outcome: 'complete', totals: { done: 2, verified: 2 } });
    expect(JSON.parse(await readFile(reportFile, 'utf8'))).toMatchObject({ format: 'mediadesk-transfer-report', outcome: 'complete' });
    const one = (await b.sdk.assets.list({ path: '/dst/', type: 'file' })).find((f) => f.name === 'one.png');
    expect(one).toMatchObject({ tags: ['v2'], customMetadata: { brand: 'Acme' }, customCoordinates: '1,1,4,4' });
    expect(await b.sdk.files.versions.list(one?.fileId ?? '')).toHaveLength(2);
    const two = (await b.sdk.assets.list({ path: '/dst/deep/', type: 'file' }))[0];
    expect(two).toMatchObject({ name: 'two.bin', isPrivateFile: true, description: 'binary' });

    const again = await cli('transfer', 'work:/src', 'other:/dst', '--versions');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/complete\. 0 transferred, 2 skipped/);
  });

  it('stops on conflicts unless a rule is given (exit 6, nothing written), then keeps both', async () => {
    await upload(a.sdk, '/src/one.png', await pngBytes(14, 12, '#303030'), { overwriteFile: true, tags: ['v3'] });
    const before = await b.sdk.assets.list({ path: '/dst/', type: 'file' });
    const refused = await cli('--json', 'transfer', 'work:/src', 'other:/dst');
    expect(refused.code).toBe(6);
    expect(refused.json()).toMatchObject({ ok: false, error: { code: 'CONFLICTS' } });
    expect(await b.sdk.assets.list({ path: '/dst/', type: 'file' })).toEqual(before);
    const kept = await cli('transfer', 'work:/src', 'other:/dst', '--on-conflict', 'keep-both');
    expect(kept.code, kept.stdout).toBe(0);
    expect((await b.sdk.assets.list({ path: '/dst/', type: 'file' })).map((f) => f.name).sort()).toEqual(['one-1.png', 'one.png']);
  });

  it('syncs an account folder into the Local library, and purges an account URL', async () => {
    const sync = await cli('sync', 'work:/src', 'local:/offline');
    expect(sync.code, sync.stdout + sync.stderr).toBe(0);
    expect(sync.stdout).toMatch(/complete\. 2 transferred/);
    const offline = (await cli('--json', 'ls', '/offline')).json<{ name: string }[]>();
    expect(offline.map((e) => e.name).sort()).toEqual(['deep', 'one.png']);

    const url = `${a.urlEndpoint}/src/one.png`;
    const purged = await cli('--profile', 'work', '--json', 'purge', url);
    expect(purged.code).toBe(0);
    expect(purged.json()).toEqual([{ url, requestId: expect.any(String), status: 'Pending' }]);
  });

  it('removes a profile and its keychain entry; the app no longer has it', async () => {
    const removed = await cli('profiles', 'remove', 'work');
    expect(removed.code).toBe(0);
    await withApp(async (app) => {
      const list = await dispatch<ProfileView[]>(app, 'profiles.list');
      expect(list.map((p) => p.name)).toEqual(['Local library', 'other']);
    });
    expect((await cli('--profile', 'work', 'ls')).code).toBe(2);
  });
});
