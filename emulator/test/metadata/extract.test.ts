import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { pHashDistance } from '../../../shared/imagekit/phash.js';
import { estimateJpegQuality, extractImageMetadata, perceptualHash, readExifGroups, UnreadableImageError } from '../../src/metadata/index.js';
import { cameraJpeg, opaqueRgbaPng, pngOf, shapes, transparentPng } from './images.js';

const tmp = mkdtempSync(path.join(os.tmpdir(), 'a2-meta-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** ImageMagick's own quality estimate, as an independent reference. */
function imageMagickQuality(bytes: Buffer): number {
  const file = path.join(tmp, `q-${Math.random().toString(36).slice(2)}.jpg`);
  writeFileSync(file, bytes);
  return Number(execFileSync('/usr/bin/identify', ['-format', '%Q', file]).toString());
}

describe('extractImageMetadata', () => {
  it('reports dimensions, format, size, profile, density, quality and EXIF groups of a camera JPEG', async () => {
    const bytes = await cameraJpeg(80);
    const m = await extractImageMetadata(bytes);
    expect(m).toMatchObject({ height: 68, width: 100, size: bytes.length, format: 'jpg', hasColorProfile: true, density: 300, hasTransparency: false });
    expect(m.quality).toBe(80);
    expect(m.pHash).toMatch(/^[0-9a-f]{16}$/);
    expect(Object.keys(m)).toEqual(['height', 'width', 'size', 'format', 'hasColorProfile', 'quality', 'density', 'hasTransparency', 'pHash', 'exif']);
    expect(m.exif.image).toMatchObject({ Make: 'Canon', Model: 'Canon EOS 40D', Software: 'GIMP 2.4.5', ModifyDate: '2008:07:31 10:38:11', Orientation: 1 });
    expect(m.exif.image.ExifOffset).toEqual(expect.any(Number));
    expect(m.exif.image.GPSInfo).toEqual(expect.any(Number));
    expect(m.exif.exif).toMatchObject({
      ExposureTime: 0.00625, FNumber: 7.1, ISO: 100, DateTimeOriginal: '2008:05:30 15:56:01', CreateDate: '2008:05:30 15:56:01',
      UserComment: 'hello', ExifImageWidth: 100, ExifImageHeight: 68,
    });
    expect(m.exif.exif.ExifVersion).toMatch(/^\d{4}$/);
    expect(m.exif.gps).toEqual({ GPSVersionID: [2, 2, 0, 0], GPSLatitudeRef: 'N', GPSLatitude: [12, 30, 0] });
    expect(m.exif.makernote).toEqual({});
  });

  it('estimates JPEG quality like ImageMagick across the range', async () => {
    for (const q of [5, 10, 35, 50, 75, 90, 97, 100]) {
      const bytes = await sharp(shapes(64, 64)).jpeg({ quality: q }).toBuffer();
      const ours = estimateJpegQuality(bytes)!;
      expect(Math.abs(ours - q), `quality ${q}`).toBeLessThanOrEqual(1);
      expect(Math.abs(ours - imageMagickQuality(bytes)), `vs ImageMagick at ${q}`).toBeLessThanOrEqual(2);
    }
    expect(estimateJpegQuality(await pngOf(shapes(8, 8)))).toBeUndefined();
    expect(estimateJpegQuality(Buffer.from([0xff, 0xd8, 0xff]))).toBeUndefined();
  });

  it('tells an opaque alpha channel from real transparency', async () => {
    expect((await extractImageMetadata(await opaqueRgbaPng())).hasTransparency).toBe(false);
    const transparent = await extractImageMetadata(await transparentPng());
    expect(transparent).toMatchObject({ format: 'png', hasTransparency: true, hasColorProfile: false, density: 72 });
    expect(transparent.quality).toBeUndefined();
  });

  it('names formats as ImageKit does', async () => {
    const svg = shapes(40, 20);
    expect((await extractImageMetadata(await sharp(svg).webp().toBuffer())).format).toBe('webp');
    expect((await extractImageMetadata(await sharp(svg).gif().toBuffer())).format).toBe('gif');
    expect((await extractImageMetadata(await sharp(svg).avif({ effort: 0 }).toBuffer())).format).toBe('avif');
    expect(await extractImageMetadata(svg)).toMatchObject({ format: 'svg', width: 40, height: 20 });
  });

  it('gives near pHashes to the same picture at other sizes and far ones to another picture', async () => {
    const a = await perceptualHash(await pngOf(shapes(200, 200)));
    const aSmall = await perceptualHash(await sharp(shapes(90, 90)).jpeg({ quality: 60 }).toBuffer());
    const b = await perceptualHash(await pngOf(shapes(200, 200, 'stripes')));
    expect(pHashDistance(a, aSmall)).toBeLessThanOrEqual(6);
    expect(pHashDistance(a, b)).toBeGreaterThanOrEqual(20);
    expect(await perceptualHash(await pngOf(shapes(200, 200)))).toBe(a);
  });

  it('refuses bytes that are not an image', async () => {
    await expect(extractImageMetadata(Buffer.from('not an image'))).rejects.toBeInstanceOf(UnreadableImageError);
  });

  it('reads no EXIF from nothing or garbage, without throwing', () => {
    const empty = { image: {}, thumbnail: {}, exif: {}, gps: {}, interoperability: {}, makernote: {} };
    expect(readExifGroups(undefined)).toEqual(empty);
    expect(readExifGroups(Buffer.from('Exif\0\0garbage-garbage'))).toEqual(empty);
  });
});
