import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toFile } from '@imagekit/nodejs';
import sharp from 'sharp';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { eventually } from '../helpers/fixtures.js';
import { apiError, validatedClient } from '../openapi/client.js';
import { ViolationCollector } from '../openapi/validator.js';

let emu: TestEmulator;
const collector = new ViolationCollector();
let sdk: ReturnType<typeof validatedClient>['sdk'];

beforeAll(async () => {
  emu = await startTestEmulator();
  sdk = validatedClient(emu, collector).sdk;
});
afterAll(async () => {
  await emu?.close();
});

const solid = (color: string) => sharp({ create: { width: 16, height: 16, channels: 3, background: color } }).png().toBuffer();
const centrePixel = async (url: string) => {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  const { data } = await sharp(Buffer.from(await res.arrayBuffer())).raw().toBuffer({ resolveWithObject: true });
  return [data[0], data[1], data[2]];
};

describe('purge through the official SDK', () => {
  it('records a request, completes it, and reports its status', async () => {
    const created = await sdk.cache.invalidation.create({ url: `${emu.urlEndpoint}/any/file.jpg` });
    expect(created.requestId).toMatch(/^[0-9a-f]{24}$/);
    const status = await eventually(async () => {
      const s = await sdk.cache.invalidation.get(created.requestId!);
      return s.status === 'Completed' ? s : undefined;
    });
    expect(status).toEqual({ status: 'Completed' });
  });

  it('drops the cached render so the URL serves the overwritten file', async () => {
    const put = async (color: string) =>
      sdk.files.upload({ file: await toFile(await solid(color), 'swatch.png'), fileName: 'swatch.png', folder: '/purge', useUniqueFileName: false });
    await put('#ff0000');
    const url = `${emu.urlEndpoint}/tr:w-8/purge/swatch.png`;
    expect(await centrePixel(url)).toEqual([255, 0, 0]);
    await put('#0000ff');
    // Like ImageKit's CDN, a rendered URL keeps its bytes until purged.
    expect(await centrePixel(url)).toEqual([255, 0, 0]);
    const { requestId } = await sdk.cache.invalidation.create({ url: `${emu.urlEndpoint}/purge/swatch.png*` });
    await eventually(async () => (await sdk.cache.invalidation.get(requestId!)).status === 'Completed');
    expect(await centrePixel(url)).toEqual([0, 0, 255]);
  });

  it('accepts a trailing wildcard and transformation URLs', async () => {
    for (const url of [`${emu.urlEndpoint}/*`, `${emu.urlEndpoint}/folder/*`, `${emu.urlEndpoint}/tr:w-100/a.jpg`, `${emu.urlEndpoint}/a.jpg?tr=w-10`]) {
      expect((await sdk.cache.invalidation.create({ url })).requestId, url).toBeDefined();
    }
  });

  it('refuses URLs it cannot purge with ImageKit’s message', async () => {
    const bad = [
      'not a url',
      'https://ik.imagekit.io/demo/a.jpg',
      `${emu.urlEndpoint}`,
      `${emu.urlEndpoint}/`,
      `${emu.urlEndpoint}/*/a.jpg`,
      `${emu.urlEndpoint}/a*.jpg`,
      `${emu.urlEndpoint}/a**`,
      `${emu.apiUrl}/other/a.jpg`,
      `${emu.urlEndpoint.replace('http:', 'ftp:')}/a.jpg`,
    ];
    for (const url of bad) {
      expect(await apiError(sdk.cache.invalidation.create({ url })), url).toEqual({
        status: 400,
        body: { message: 'The URL is not valid for cache purging.', help: 'For support kindly contact us at support@imagekit.io.' },
      });
    }
    expect(await apiError(sdk.cache.invalidation.create({} as never))).toMatchObject({ status: 400 });
  });

  it('answers an unknown requestId with 400', async () => {
    expect(await apiError(sdk.cache.invalidation.get('0123456789abcdef01234567'))).toEqual({
      status: 400,
      body: { message: 'No request found for this requestId.', help: 'For support kindly contact us at support@imagekit.io.' },
    });
  });

  it('keeps requests across a restart', async () => {
    const { requestId } = await sdk.cache.invalidation.create({ url: `${emu.urlEndpoint}/kept.jpg` });
    await eventually(async () => (await sdk.cache.invalidation.get(requestId!)).status === 'Completed');
    const again = await startTestEmulator({ dataDir: emu.dataDir });
    try {
      expect(await validatedClient(again, collector).sdk.cache.invalidation.get(requestId!)).toEqual({ status: 'Completed' });
    } finally {
      await again.close();
    }
  });

  it('every response conformed to the OpenAPI spec', () => {
    expect(collector.checked).toBeGreaterThan(15);
    expect(collector.violations, collector.report()).toEqual([]);
  });
});
