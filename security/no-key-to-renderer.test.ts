import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ImageKit, { toFile } from '@imagekit/nodejs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { channelNames, ELECTRON_EVENT_CHANNEL, ELECTRON_GRANT_PATH_CHANNEL, ELECTRON_INVOKE_CHANNEL, type Result } from '../shared/ipc/index';
import { startEmulator, type RunningEmulator } from '../emulator/src/index';
import { startWebApp } from '../electron/web/start-web-app';
import { MemorySecretStore } from '../electron/services/secrets/memory-secret-store';
import { connect, type TestClient } from '../electron/test/helpers/ws-client';
import { writeRendererFixture } from '../electron/test/helpers/renderer-fixture';
import { ipcMain } from '../electron/test/helpers/electron-mock';
import { appWindowContents } from '../electron/test/helpers/fake-web-contents';
import { registerElectronIpc } from '../electron/ipc/electron-ipc-adapter';

// The real IPC adapter runs against Electron's API surface as the other adapter tests mock it (no binary here).
vi.mock('electron', () => import('../electron/test/helpers/electron-mock'));

/**
 * No payload the main side sends to the renderer (answers and pushed events), over the web host's
 * WebSocket or the Electron IPC adapter, ever carries a private key, in any spelling a leak could
 * take: raw, inside a Basic header, or a key the renderer itself typed into a connection test. The
 * page is driven through every channel of the contract, with a saved ImageKit profile (a second
 * emulator) holding files, uploads running and URLs being signed.
 */
let root: string;
let app: Awaited<ReturnType<typeof startWebApp>>;
let account: RunningEmulator;
let client: TestClient;

/** The renderer's side of one transport: calls in, and every payload that came back out, as text. */
interface RendererSide {
  request(channel: string, input?: unknown): Promise<Result<unknown>>;
  nextEvent(name: string): Promise<unknown>;
  frames(): string[];
  /** An upload source for a file the person dropped, the way this transport hands one over. */
  dropped(file: string): Promise<unknown>;
}
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

async function sweep(side: RendererSide, profileId: string): Promise<Result<unknown>[]> {
  const answers: Result<unknown>[] = [];
  const ordered = [...channelNames].filter((c) => !c.startsWith('profiles.')).sort((a, b) => Number(destructive.test(a)) - Number(destructive.test(b)));
  for (const channel of ordered) for (const input of inputsFor(profileId)) answers.push(await side.request(channel, input));
  return answers;
}

async function scenario(side: RendererSide, profileName: string): Promise<void> {
  await side.request('app.info');
  await side.request('profiles.list');
  await side.request('connection.status');
  // A key the person typed comes back neither in a refusal nor in a status.
  const refused = await side.request('profiles.testConnection', { draft: { urlEndpoint: account.urlEndpoint, publicKey: account.publicKey, privateKey: TYPED_WRONG_KEY } });
  expect(refused).toMatchObject({ ok: true, data: { state: 'key_rejected' } });
  const saved = await side.request('profiles.save', { name: profileName, urlEndpoint: account.urlEndpoint, publicKey: account.publicKey, privateKey: account.privateKey });
  expect(saved).toMatchObject({ ok: true, data: { profile: { hasPrivateKey: true } } });
  const accountId = (saved as { data: { profile: { id: string } } }).data.profile.id;
  await side.request('profiles.testConnection', { id: accountId });
  const changed = side.nextEvent('connection.changed');
  await side.request('profiles.activate', { id: accountId });
  await changed;

  const batchDone = side.nextEvent('uploads.batchDone');
  const upload = await side.request('uploads.add', { profileId: accountId, sources: [await side.dropped(uploadSource)], targetFolder: `/uploaded-${profileName}`, options: {} });
  expect(upload).toMatchObject({ ok: true });
  await Promise.race([batchDone, new Promise((_, reject) => setTimeout(() => reject(new Error('upload batch did not finish')), 20_000))]);

  const signed = await side.request('urls.build', { profileId: accountId, draft: { src: filePath, signed: true, expiresIn: 300 } });
  expect(JSON.stringify(signed)).toMatch(/ik-s=/);

  const answers = [...(await sweep(side, accountId)), ...(await sweep(side, 'local'))];
  // The sweep must exercise real handlers, not only input validation.
  expect(answers.filter((a) => a.ok).length).toBeGreaterThan(40);
  await side.request('profiles.activate', { id: 'local' });
  await side.request('profiles.delete', { id: accountId });
  await side.request('profiles.list');

  const keys = [account.privateKey, app.services.localLibrary.privateKey, TYPED_WRONG_KEY];
  const frames = side.frames();
  expect(frames.length).toBeGreaterThan(300);
  expect(frames.some((f) => f.includes('connection.changed'))).toBe(true);
  const leaks = frames.flatMap((frame, i) => keys.flatMap(leakForms).filter((form) => frame.includes(form)).map((form) => `frame ${i} carries ${form.slice(0, 12)}…: ${frame.slice(0, 200)}`));
  expect(leaks).toEqual([]);
}

function webSocketSide(): RendererSide {
  const request = (channel: string, input?: unknown) => client.request(channel, input);
  return {
    request,
    nextEvent: (name) => client.nextEvent(name),
    frames: () => client.received,
    // The browser page has no paths: it sends the dropped file's bytes through the staging channels.
    async dropped(file) {
      const bytes = await readFile(file);
      const begun = (await request('uploads.stage.begin', { relativePath: path.basename(file), size: bytes.length })) as { ok: true; data: { stagedId: string } };
      await request('uploads.stage.chunk', { stagedId: begun.data.stagedId, offset: 0, data: bytes.toString('base64') });
      await request('uploads.stage.end', { stagedId: begun.data.stagedId });
      return { kind: 'staged', stagedId: begun.data.stagedId };
    },
  };
}

/** The Electron transport: the real adapter on the same services, a window that records what main sends it. */
function ipcSide(): RendererSide & { unregister(): void } {
  const win = appWindowContents();
  const unregister = registerElectronIpc({
    router: app.services.router,
    events: app.services.events,
    trustedContents: () => win.asWebContents(),
    log: () => undefined,
    grantPath: (p) => void app.services.grants.grantRead(p),
  });
  const event = { sender: win.asWebContents(), senderFrame: win.mainFrame } as unknown as IpcMainInvokeEvent;
  const answers: string[] = [];
  const pushed = () => win.sent.filter(([channel]) => channel === ELECTRON_EVENT_CHANNEL);
  return {
    async request(channel, input) {
      const result = (await ipcMain.invoke(ELECTRON_INVOKE_CHANNEL, event, channel, input)) as Result<unknown>;
      answers.push(JSON.stringify(result));
      return result;
    },
    nextEvent(name) {
      const seen = pushed().length;
      return vi.waitFor(() => {
        const found = pushed().slice(seen).find(([, event]) => event === name);
        if (!found) throw new Error(`no ${name} event yet`);
        return found[2];
      }, { timeout: 20_000, interval: 20 });
    },
    frames: () => [...answers, ...win.sent.map((message) => JSON.stringify(message))],
    // The preload reports a dropped File's path (webUtils) to main, which then reads it in place.
    async dropped(file) {
      ipcMain.emit(ELECTRON_GRANT_PATH_CHANNEL, event, file);
      return { kind: 'path', path: file };
    },
    unregister,
  };
}

describe('no private key ever reaches the renderer', () => {
  it('recognises a key in each spelling a leak could take (the scan below is not blind)', () => {
    const key = 'private_example_key_123456';
    const frames = [key, `{"h":"Basic ${Buffer.from(`${key}:`).toString('base64')}"}`, `{"k":"${key.replace('private_', '')}"}`];
    for (const frame of frames) expect(leakForms(key).some((form) => frame.includes(form)), frame).toBe(true);
  });

  it('holds over the web host WebSocket: profiles, connection tests, every channel, uploads, signed URLs', async () => {
    await scenario(webSocketSide(), 'Account over WebSocket');
  }, 120_000);

  it('holds over the Electron IPC adapter, answers and pushed events alike', async () => {
    const side = ipcSide();
    try {
      await scenario(side, 'Account over IPC');
    } finally {
      side.unregister();
    }
  }, 120_000);
});
