import { afterAll, describe, expect, it } from 'vitest';
import { toFile } from '@imagekit/nodejs';
import sharp from 'sharp';
import { apiError, withValidatedEmulator } from '../openapi/client.js';
import { cameraJpeg, pngOf, shapes, transparentPng } from './images.js';

const api = withValidatedEmulator();
const { collector } = api;

async function upload(bytes: Buffer, fileName: string, folder = '/meta') {
  return api.sdk.files.upload({ file: await toFile(bytes, fileName), fileName, folder, useUniqueFileName: false });
}

describe('metadata API through the official SDK', () => {
  it('by fileId: computed from the stored bytes', async () => {
    const bytes = await cameraJpeg(85);
    const file = await upload(bytes, 'camera.jpg');
    const m = await api.sdk.files.metadata.get(file.fileId!);
    expect(m).toMatchObject({ width: 100, height: 68, size: bytes.length, format: 'jpg', quality: 85, density: 300, hasColorProfile: true, hasTransparency: false });
    expect(m.pHash).toMatch(/^[0-9a-f]{16}$/);
    expect(m.exif?.image).toMatchObject({ Make: 'Canon', Model: 'Canon EOS 40D' });
    expect(m.exif?.exif).toMatchObject({ ISO: 100, FNumber: 7.1 });
    expect(m.exif?.gps?.GPSVersionID).toEqual([2, 2, 0, 0]);
  });

  it('by URL: the same answer for the file URL, with or without its query', async () => {
    const file = await upload(await pngOf(shapes(60, 40)), 'shapes.png');
    const byId = await api.sdk.files.metadata.get(file.fileId!);
    expect(await api.sdk.files.metadata.getFromURL({ url: file.url! })).toEqual(byId);
    expect(await api.sdk.files.metadata.getFromURL({ url: `${api.emulator.urlEndpoint}/meta/shapes.png` })).toEqual(byId);
    expect(byId).toMatchObject({ width: 60, height: 40, format: 'png' });
  });

  it('by URL with ik-obj-version: that version’s bytes', async () => {
    const first = await upload(await pngOf(shapes(30, 30)), 'versioned.png');
    const second = await upload(await pngOf(shapes(50, 20, 'stripes')), 'versioned.png');
    expect(second.versionInfo?.id).not.toBe(first.versionInfo?.id);
    const url = `${api.emulator.urlEndpoint}/meta/versioned.png`;
    expect(await api.sdk.files.metadata.getFromURL({ url })).toMatchObject({ width: 50, height: 20 });
    expect(await api.sdk.files.metadata.getFromURL({ url: `${url}?ik-obj-version=${first.versionInfo!.id}` })).toMatchObject({ width: 30, height: 30 });
  });

  it('by URL with a transformation: metadata of the rendered output', async () => {
    await upload(await pngOf(shapes(80, 80)), 'render.png');
    const m = await api.sdk.files.metadata.getFromURL({ url: `${api.emulator.urlEndpoint}/tr:w-20,h-10,f-jpg/meta/render.png` });
    expect(m).toMatchObject({ width: 20, height: 10, format: 'jpg' });
    expect((await api.sdk.files.metadata.getFromURL({ url: `${api.emulator.urlEndpoint}/meta/render.png?tr=w-40` })).width).toBe(40);
  });

  it('reports real transparency', async () => {
    const file = await upload(await transparentPng(), 'alpha.png');
    expect(await api.sdk.files.metadata.get(file.fileId!)).toMatchObject({ format: 'png', hasTransparency: true });
  });

  it('non-images: what the upload knows (size and format)', async () => {
    const text = Buffer.from('just some text\n');
    const file = await upload(text, 'notes.txt');
    const m = await api.sdk.files.metadata.get(file.fileId!);
    expect(m.size).toBe(text.length);
    expect(m.pHash).toBeUndefined();
  });

  it('a stored image whose pixels cannot be decoded is 400 corrupt', async () => {
    const jpg = await sharp({ create: { width: 64, height: 64, channels: 3, background: 'red' } }).jpeg().toBuffer();
    const startOfScan = jpg.indexOf(Buffer.from([0xff, 0xda]));
    const truncated = Buffer.concat([jpg.subarray(0, startOfScan), Buffer.alloc(50, 0x55)]);
    const file = await upload(truncated, 'broken.jpg');
    expect(await apiError(api.sdk.files.metadata.get(file.fileId!))).toEqual({
      status: 400,
      body: { message: 'The requested file is corrupt or invalid.', help: 'For support kindly contact us at support@imagekit.io.' },
    });
  });

  it('errors: unknown file 404, foreign URL 400, missing path 404', async () => {
    expect(await apiError(api.sdk.files.metadata.get('0123456789abcdef01234567'))).toMatchObject({
      status: 404,
      body: { message: 'The requested file does not exist or is inaccessible at this time.' },
    });
    expect(await apiError(api.sdk.files.metadata.getFromURL({ url: 'https://ik.imagekit.io/demo/a.jpg' }))).toMatchObject({
      status: 400,
      body: { message: 'The url should be accessible using your ImageKit.io account.' },
    });
    expect(await apiError(api.sdk.files.metadata.getFromURL({ url: `${api.emulator.urlEndpoint}/meta/none.jpg` }))).toMatchObject({ status: 404 });
  });

  it('every response conformed to the OpenAPI spec', () => {
    expect(collector.checked).toBeGreaterThan(10);
    expect(collector.violations, collector.report()).toEqual([]);
  });
});

// Keep sharp's worker threads from outliving the file under Vitest.
afterAll(() => sharp.cache(false));
