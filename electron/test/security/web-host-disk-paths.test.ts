import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ImageKit, { toFile } from '@imagekit/nodejs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebApp } from '../../web/start-web-app';
import { MemorySecretStore } from '../../services/secrets/memory-secret-store';
import { connect, type TestClient } from '../helpers/ws-client';
import { writeRendererFixture } from '../helpers/renderer-fixture';

/**
 * A page holding the token asks the real web host, over its WebSocket, to read or write files of its
 * choosing on this machine. In browser mode nothing is ever granted, so every disk path is refused
 * and nothing is read, uploaded or written.
 */
let root: string;
let app: Awaited<ReturnType<typeof startWebApp>>;
let client: TestClient;
let sdk: ImageKit;
let fileId: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'mediadesk-diskpaths-'));
  app = await startWebApp({ port: 0, dataDir: path.join(root, 'data'), rendererDir: await writeRendererFixture(root), keychain: new MemorySecretStore() });
  client = await connect(app.port, app.token);
  sdk = new ImageKit({ privateKey: app.services.localLibrary.privateKey, baseURL: app.services.localLibrary.apiUrl, maxRetries: 0 });
  const uploaded = await sdk.files.upload({ file: await toFile(Buffer.from('original bytes'), 'note.txt'), fileName: 'note.txt', folder: '/seed', useUniqueFileName: false });
  fileId = uploaded.fileId ?? '';
});

afterAll(async () => {
  client?.close();
  await app?.close();
  await rm(root, { recursive: true, force: true });
});

const libraryPaths = async () => (await sdk.assets.list({})).map((a) => (a as { filePath?: string }).filePath);

describe('browser mode: the page cannot read or write files by path', () => {
  it('uploads.add of /etc/passwd, or of a file beside the data, is refused and uploads nothing', async () => {
    const beside = path.join(root, 'private-notes.txt');
    await writeFile(beside, 'not for the page');
    for (const requested of ['/etc/passwd', beside, root]) {
      const answer = await client.request('uploads.add', { sources: [{ kind: 'path', path: requested }], targetFolder: '/stolen', options: {} });
      expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringMatching(/only reads files you dropped or picked.*Drop or pick the files/) } });
    }
    const hashed = await client.request('uploads.nearDuplicates', { sources: [{ kind: 'path', path: '/etc/passwd' }], targetFolder: '/stolen' });
    expect(hashed).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(await client.request('uploads.list', {})).toMatchObject({ ok: true, data: { items: [] } });
    expect(await libraryPaths()).toEqual(['/seed/note.txt']);
  });

  it('library.saveOriginals into a folder the page names is refused and writes nothing', async () => {
    const evil = path.join(root, 'evil');
    await mkdir(evil);
    const answer = await client.request('library.saveOriginals', { fileIds: [fileId], directory: evil });
    expect(answer).toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED', message: expect.stringContaining('only saves into a folder you chose') } });
    expect(await readdir(evil)).toEqual([]);
    const made = path.join(root, 'autostart', 'deep');
    await expect(client.request('library.saveOriginals', { fileIds: [fileId], directory: made })).resolves.toMatchObject({ ok: false, error: { code: 'NOT_ALLOWED' } });
    expect(existsSync(path.join(root, 'autostart'))).toBe(false);
  });

  it('staged bytes, the way the browser page uploads, still work', async () => {
    const content = Buffer.from('dropped in the browser');
    const begun = await client.request('uploads.stage.begin', { relativePath: 'dropped.txt', size: content.length });
    const { stagedId } = (begun as { ok: true; data: { stagedId: string } }).data;
    await client.request('uploads.stage.chunk', { stagedId, offset: 0, data: content.toString('base64') });
    await client.request('uploads.stage.end', { stagedId });
    const done = client.nextEvent('uploads.batchDone');
    await expect(client.request('uploads.add', { sources: [{ kind: 'staged', stagedId }], targetFolder: '/browser', options: {} })).resolves.toMatchObject({ ok: true });
    await done;
    expect((await libraryPaths()).sort()).toEqual(['/browser/dropped.txt', '/seed/note.txt']);
  });
});
