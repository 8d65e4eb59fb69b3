import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toFile } from '@imagekit/nodejs';
import Database from 'libsql';
import sharp from 'sharp';
import { postTransformationsOf } from '../../src/store/post-transformations.js';
import { specValidation } from '../helpers/spec.js';
import { withEmulator } from '../helpers/emulator.js';
import { eventually, jpegBytes, localServer, pngBytes, sha256, type LocalServer } from '../helpers/fixtures.js';

const spec = specValidation();
// Its remote URLs and webhooks are test servers on 127.0.0.1, which only an opted-in emulator may reach.
const emu = withEmulator({ limits: { remoteHeaderTimeoutMs: 400 }, fetch: spec.fetch, allowPrivateRemoteUrls: true });
let remote: LocalServer;
let webhook: LocalServer;
let png: Buffer;

const blobOnDisk = (hash: string) => readFile(path.join(emu.current.dataDir, 'blobs', hash.slice(0, 2), hash.slice(2)));

beforeAll(async () => {
  png = await pngBytes(64, 48, '#112233', true);
  remote = await localServer((req, res) => {
    if (req.url === '/photo.png') {
      res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    } else if (req.url === '/slow') {
      setTimeout(() => res.writeHead(200).end('late'), 2000);
    } else {
      res.writeHead(404).end('nope');
    }
  });
  webhook = await localServer((_req, res) => res.writeHead(204).end());
});
afterAll(async () => {
  await remote.close();
  await webhook.close();
});

describe('upload through the official SDK', () => {
  it('stores a local file with every option and answers the requested fields', async () => {
    const { sdk, urlEndpoint } = emu.current;
    const res = await sdk.files.upload({
      file: await toFile(png, 'ignored.png'),
      fileName: 'summer sale (1).png',
      useUniqueFileName: false,
      folder: '/products/summer',
      tags: ['sale', 'summer'],
      isPrivateFile: true,
      isPublished: true,
      customCoordinates: '1,2,30,20',
      responseFields: ['tags', 'customCoordinates', 'isPrivateFile', 'isPublished', 'embeddedMetadata', 'customMetadata', 'metadata'],
      extensions: [{ name: 'google-auto-tagging', minConfidence: 80, maxTags: 5 }, { name: 'remove-bg' }],
      webhookUrl: `${webhook.url}/hook`,
      description: 'a dark swatch',
      transformation: { post: [{ type: 'thumbnail', value: 'w-20' }] },
    });
    expect(res.name).toBe('summer_sale__1_.png');
    expect(res.filePath).toBe('/products/summer/summer_sale__1_.png');
    expect(res.url).toBe(`${urlEndpoint}/products/summer/summer_sale__1_.png`);
    expect(res.thumbnailUrl).toBe(`${urlEndpoint}/tr:n-ik_ml_thumbnail/products/summer/summer_sale__1_.png`);
    expect(res).toMatchObject({
      width: 64, height: 48, size: png.length, fileType: 'image', tags: ['sale', 'summer'], customCoordinates: '1,2,30,20',
      isPrivateFile: true, isPublished: true, customMetadata: {}, description: 'a dark swatch', AITags: null,
      versionInfo: { id: res.fileId, name: 'Version 1' },
      extensionStatus: { 'google-auto-tagging': 'failed', 'remove-bg': 'failed' },
    });
    expect(res.metadata).toMatchObject({ width: 64, height: 48, format: 'png', hasTransparency: true, size: png.length });
    expect(res.embeddedMetadata).toMatchObject({ ImageWidth: 64, ImageHeight: 48 });
    // Bytes are stored exactly, content-addressed.
    expect(sha256(await blobOnDisk(sha256(png)))).toBe(sha256(png));
    // The webhook receives the final extension status.
    const hook = await eventually(() => webhook.requests.find((r) => r.url === '/hook'));
    expect(JSON.parse(hook.body.toString())).toMatchObject({
      data: { fileId: res.fileId, extensionStatus: { 'google-auto-tagging': 'failed', 'remove-bg': 'failed' } },
    });
    // The folder chain was created.
    const folders = await sdk.assets.list({ type: 'folder' });
    expect(folders.map((f) => (f as { folderPath: string }).folderPath)).toEqual(expect.arrayContaining(['/products', '/products/summer']));
    const details = await sdk.files.get(res.fileId!);
    expect(details).toMatchObject({ isPrivateFile: true, customCoordinates: '1,2,30,20', mime: 'image/png', hasAlpha: true });
    // transformation.post is recorded for the version it came with.
    const db = new Database(path.join(emu.current.dataDir, 'library.db'));
    try {
      expect(postTransformationsOf(db, res.versionInfo!.id!)).toEqual([{ type: 'thumbnail', value: 'w-20' }]);
    } finally {
      db.close();
    }
  });

  it('adds a unique suffix by default and leaves other fields out of the response', async () => {
    const { sdk } = emu.current;
    const a = await sdk.files.upload({ file: await toFile(png, 'x.png'), fileName: 'dup.png' });
    const b = await sdk.files.upload({ file: await toFile(png, 'x.png'), fileName: 'dup.png' });
    expect(a.name).toMatch(/^dup_[A-Za-z0-9]{9}\.png$/);
    expect(b.name).not.toBe(a.name);
    expect(a.fileId).not.toBe(b.fileId);
    expect(a).not.toHaveProperty('tags');
    expect(a).not.toHaveProperty('extensionStatus');
  });

  it('overwrites as a new version and honours overwriteTags / overwriteFile', async () => {
    const { sdk } = emu.current;
    const first = await sdk.files.upload({ file: await toFile(png, 'a.png'), fileName: 'v.png', useUniqueFileName: false, tags: ['keep'] });
    const jpg = await jpegBytes(10, 10);
    const second = await sdk.files.upload({
      file: await toFile(jpg, 'a.jpg'), fileName: 'v.png', useUniqueFileName: false, overwriteTags: false, responseFields: ['tags'],
    });
    expect(second.fileId).toBe(first.fileId);
    expect(second.versionInfo?.name).toBe('Version 2');
    expect(second.versionInfo?.id).not.toBe(first.versionInfo?.id);
    expect(second.tags).toEqual(['keep']);
    expect(second.width).toBe(10);
    const third = await sdk.files.upload({ file: await toFile(png, 'a.png'), fileName: 'v.png', useUniqueFileName: false, responseFields: ['tags'] });
    expect(third.tags).toBeNull();
    await expect(
      sdk.files.upload({ file: await toFile(png, 'a.png'), fileName: 'v.png', useUniqueFileName: false, overwriteFile: false }),
    ).rejects.toMatchObject({ status: 400, error: { message: expect.stringContaining('both overwriteFile and useUniqueFileName are set to false') } });
    const versions = await sdk.files.versions.list(first.fileId!);
    expect(versions.map((v) => v.versionInfo?.name)).toEqual(['Version 1', 'Version 2', 'Version 3']);
  });

  it('fetches a remote http URL, and refuses unreachable or slow ones', async () => {
    const { sdk } = emu.current;
    const res = await sdk.files.upload({ file: `${remote.url}/photo.png`, fileName: 'remote.png', useUniqueFileName: false });
    expect(res).toMatchObject({ size: png.length, width: 64, height: 48 });
    expect(sha256(await blobOnDisk(sha256(png)))).toBe(sha256(png));
    await expect(sdk.files.upload({ file: `${remote.url}/missing`, fileName: 'x.png' })).rejects.toMatchObject({
      status: 400, error: { message: expect.stringContaining('HTTP 404') },
    });
    const started = Date.now();
    await expect(sdk.files.upload({ file: `${remote.url}/slow`, fileName: 'x.png' })).rejects.toMatchObject({
      status: 400, error: { message: expect.stringContaining('did not respond within') },
    });
    expect(Date.now() - started).toBeLessThan(1800);
  });

  it('accepts base64 and data URIs', async () => {
    const { sdk } = emu.current;
    const b64 = await sdk.files.upload({ file: png.toString('base64'), fileName: 'b64.png' });
    expect(b64).toMatchObject({ size: png.length, width: 64 });
    const uri = await sdk.files.upload({ file: `data:image/png;base64,${png.toString('base64')}`, fileName: 'uri.png' });
    expect(uri).toMatchObject({ size: png.length, height: 48 });
    await expect(sdk.files.upload({ file: 'not base64 !!', fileName: 'bad.png' })).rejects.toMatchObject({ status: 400 });
  });

  it('stores non-images by extension', async () => {
    const { sdk } = emu.current;
    const res = await sdk.files.upload({ file: await toFile(Buffer.from('hello world'), 'n.txt'), fileName: 'notes.txt', responseFields: ['metadata'] });
    expect(res).toMatchObject({ fileType: 'non-image', size: 11 });
    expect(res).not.toHaveProperty('width');
    expect(res).not.toHaveProperty('thumbnailUrl');
    const details = await sdk.files.get(res.fileId!);
    expect(details).toMatchObject({ mime: 'text/plain', fileType: 'non-image' });
  });

  it('applies transformation.pre to the stored original, and refuses a bad one naming the parameter', async () => {
    const { sdk, urlEndpoint } = emu.current;
    const res = await sdk.files.upload({ file: await toFile(png, 'p.png'), fileName: 'pre.png', useUniqueFileName: false, transformation: { pre: 'w-16,e-grayscale' } });
    expect(res).toMatchObject({ width: 16, height: 12 });
    const stored = Buffer.from(await (await fetch(`${urlEndpoint}/pre.png`)).arrayBuffer());
    expect(res.size).toBe(stored.length);
    const { data, info } = await sharp(stored).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    expect(info.width).toBe(16);
    expect(data[0] === data[1] && data[1] === data[2]).toBe(true); // grayscale was applied to the stored bytes
    await expect(sdk.files.upload({ file: await toFile(png, 'p.png'), fileName: 'bad-pre.png', transformation: { pre: 'w-abc' } })).rejects.toMatchObject({
      status: 400, error: { message: expect.stringContaining('"w"') },
    });
    expect(await sdk.assets.list({ searchQuery: 'name : "bad-pre"' })).toEqual([]);
  });
});

spec.itConformsToSpec(10);
