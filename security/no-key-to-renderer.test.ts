import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ImageKit, { toFile } from '@imagekit/nodejs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, type Result } from '../shared/ipc/index';
import { startEmulator, type RunningEmulator } from '../emulator/src/index';
import { startWebApp } from '../electron/web/start-web-app';
import { MemorySecretStore } from '../electron/services/secrets/memory-secret-store';
import { connect, type TestClient } from '../electron/test/helpers/ws-client';
import { writeRendererFixture } from '../electron/test/helpers/renderer-fixture';

/**
 * No frame the web host sends to the renderer (answers and pushed events) ever carries a private
 * key, in any spelling a leak could take: raw, inside a Basic header, or a key the renderer itself
 * typed into a connection test. The page is driven through every channel of the contract, with a
 * saved ImageKit profile (a second emulator) holding files, uploads running and URLs being signed.
 */
let root: string;
let app: Awaited<ReturnType<typeof startWebApp>>;
let account: RunningEmulator;
let client: TestClient;
let fileId: string;
let filePath: string;
let fileUrl: string;
let uploadSource: string;
const TYPED_WRONG_KEY = 'private_typed_by_the_user_in_a_form_0042';

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-no-key-'));
  account = await startEmulator({ dataDir: path.join(root, 'account'), id: 'account', privateKey: 'private_account_secret_7f3a9c', publicKey: 'public_account_7f3a9c', quiet: true, faults: '' });
  const png = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#3366cc' } }).png().toBuffer();
  const sdk = new ImageKit({ privateKey: account.privateKey, baseURL: account.apiUrl, maxRetries: 0 });
  const uploaded = await sdk.files.upload({ file: await toFile(png, 'leak.png'), fileName: 'leak.png', folder: '/cases', useUniqueFileName: false, tags: ['seed'] });
  fileId = uploaded.fileId ?? '';
  filePath = uploaded.filePath ?? '';
  fileUrl = uploaded.url ?? '';
  uploadSource = path.join(root, 'to-upload.png');
  await writeFile(uploadSource, png);
  const rendererDir = await writeRendererFixture(root);
  app = await startWebApp({ port: 0, dataDir: path.join(root, 'data'), rendererDir, keychain: new MemorySecretStore() });
  client = await connect(app.port, app.token);
}, 60_000);

afterAll(async () => {
  client?.close();
  await app?.close();
  await account?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

/** Every way a key could show up in a frame. */
function leakForms(key: string): string[] {
  const forms = [key, Buffer.from(`${key}:`).toString('base64'), Buffer.from(key).toString('base64')];
  const bare = key.replace(/^private_/, '');
  if (bare.length >= 12) forms.push(bare);
  return forms.map((f) => f.replace(/=+$/, ''));
}

/** Inputs that fit many channels at once (zod drops the fields a channel does not define). */
function inputsFor(profileId: string): unknown[] {
  const scope = { profileId };
  return [
    undefined,
    {},
    scope,
    { ...scope, folderPath: '/' },
    {
      ...scope,
      folderPath: '/cases',
      fileId,
      fileIds: [fileId],
      filePath,
      url: fileUrl,
      tags: ['checked'],
      aiTags: ['checked'],
      draft: { src: filePath, signed: true, expiresIn: 300, transformation: [{ width: 32 }] },
      searchQuery: 'name : "leak"',
      query: 'leak',
      urls: [fileUrl],
    },
  ];
}

/** Destructive channels run last so the reads above see the seeded file. */
const destructive = /delete|remove|rename|transfer|restore|cancel|clear|discard|dismiss|purge\.submit/i;

async function sweep(profileId: string): Promise<Result<unknown>[]> {
  const answers: Result<unknown>[] = [];
  const ordered = [...channelNames].filter((c) => !c.startsWith('profiles.')).sort((a, b) => Number(destructive.test(a)) - Number(destructive.test(b)));
  for (const channel of ordered) for (const input of inputsFor(profileId)) answers.push(await client.request(channel, input));
  return answers;
}

describe('no private key ever reaches the renderer over the web host', () => {
  it('recognises a key in each spelling a leak could take (the scan below is not blind)', () => {
    const key = 'private_example_key_123456';
    const frames = [key, `{"h":"Basic ${Buffer.from(`${key}:`).toString('base64')}"}`, `{"k":"${key.replace('private_', '')}"}`];
    for (const frame of frames) expect(leakForms(key).some((form) => frame.includes(form)), frame).toBe(true);
  });

  it('holds across profiles, connection tests, every channel, uploads and signed URLs', async () => {
    await client.request('app.info');
    await client.request('profiles.list');
    await client.request('connection.status');
    // A key the person typed comes back neither in a refusal nor in a status.
    const refused = await client.request('profiles.testConnection', { draft: { urlEndpoint: account.urlEndpoint, publicKey: account.publicKey, privateKey: TYPED_WRONG_KEY } });
    expect(refused).toMatchObject({ ok: true, data: { state: 'key_rejected' } });
    const saved = await client.request('profiles.save', { name: 'Account', urlEndpoint: account.urlEndpoint, publicKey: account.publicKey, privateKey: account.privateKey });
    expect(saved).toMatchObject({ ok: true, data: { profile: { hasPrivateKey: true } } });
    const accountId = (saved as { data: { profile: { id: string } } }).data.profile.id;
    await client.request('profiles.testConnection', { id: accountId });
    const changed = client.nextEvent('connection.changed');
    await client.request('profiles.activate', { id: accountId });
    await changed;

    const upload = await client.request('uploads.add', { profileId: accountId, sources: [{ kind: 'path', path: uploadSource }], targetFolder: '/uploaded', options: {} });
    expect(upload).toMatchObject({ ok: true });
    await Promise.race([client.nextEvent('uploads.batchDone'), new Promise((_, reject) => setTimeout(() => reject(new Error('upload batch did not finish')), 20_000))]);

    const signed = await client.request('urls.build', { profileId: accountId, draft: { src: filePath, signed: true, expiresIn: 300 } });
    expect(JSON.stringify(signed)).toMatch(/ik-s=/);

    const answers = [...(await sweep(accountId)), ...(await sweep('local'))];
    // The sweep must exercise real handlers, not only input validation.
    expect(answers.filter((a) => a.ok).length).toBeGreaterThan(40);
    await client.request('profiles.delete', { id: accountId });
    await client.request('profiles.list');

    const keys = [account.privateKey, app.services.localLibrary.privateKey, TYPED_WRONG_KEY];
    const frames = client.received;
    expect(frames.length).toBeGreaterThan(300);
    expect(frames.some((f) => f.includes('"t":"evt"'))).toBe(true);
    const leaks = frames.flatMap((frame, i) => keys.flatMap(leakForms).filter((form) => frame.includes(form)).map((form) => `frame ${i} carries ${form.slice(0, 12)}…: ${frame.slice(0, 200)}`));
    expect(leaks).toEqual([]);
  }, 120_000);
});
