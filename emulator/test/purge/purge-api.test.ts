import { describe, expect, it } from 'vitest';
import { toFile } from '@imagekit/nodejs';
import sharp from 'sharp';
import { checkPurgeUrl } from '../../../shared/purge/purge-rules.js';
import { startTestEmulator } from '../helpers/emulator.js';
import { eventually } from '../helpers/fixtures.js';
import { apiError, validatedClient, withValidatedEmulator } from '../openapi/client.js';

const api = withValidatedEmulator();
const { collector } = api;

const solid = (color: string) => sharp({ create: { width: 16, height: 16, channels: 3, background: color } }).png().toBuffer();
const centrePixel = async (url: string) => {
  const res = await fetch(url);
  expect(res.status).toBe(200);
  const { data } = await sharp(Buffer.from(await res.arrayBuffer())).raw().toBuffer({ resolveWithObject: true });
  return [data[0], data[1], data[2]];
};

describe('purge through the official SDK', () => {
  it('records a request, completes it, and reports its status', async () => {
    const created = await api.sdk.cache.invalidation.create({ url: `${api.emulator.urlEndpoint}/any/file.jpg` });
    expect(created.requestId).toMatch(/^[0-9a-f]{24}$/);
    const status = await eventually(async () => {
      const s = await api.sdk.cache.invalidation.get(created.requestId!);
      return s.status === 'Completed' ? s : undefined;
    });
    expect(status).toEqual({ status: 'Completed' });
  });

  it('drops the cached render so the URL serves the overwritten file', async () => {
    const put = async (color: string) =>
      api.sdk.files.upload({ file: await toFile(await solid(color), 'swatch.png'), fileName: 'swatch.png', folder: '/purge', useUniqueFileName: false });
    await put('#ff0000');
    const url = `${api.emulator.urlEndpoint}/tr:w-8/purge/swatch.png`;
    expect(await centrePixel(url)).toEqual([255, 0, 0]);
    await put('#0000ff');
    // Like ImageKit's CDN, a rendered URL keeps its bytes until purged.
    expect(await centrePixel(url)).toEqual([255, 0, 0]);
    const { requestId } = await api.sdk.cache.invalidation.create({ url: `${api.emulator.urlEndpoint}/purge/swatch.png*` });
    await eventually(async () => (await api.sdk.cache.invalidation.get(requestId!)).status === 'Completed');
    expect(await centrePixel(url)).toEqual([0, 0, 255]);
  });

  it('accepts the wildcards ImageKit accepts and transformation URLs', async () => {
    const ep = api.emulator.urlEndpoint;
    for (const url of [`${ep}/folder/sub*`, `${ep}/a-long-folder-name/*`, `${ep}/file.jpg*`, `${ep}/tr:w-100/a.jpg`, `${ep}/a.jpg?tr=w-10`]) {
      expect(checkPurgeUrl(url, ep).ok, url).toBe(true);
      expect((await api.sdk.cache.invalidation.create({ url })).requestId, url).toBeDefined();
    }
  });

  it('refuses the wildcards ImageKit refuses, over HTTP with its 400, for the reason the app’s checker gives', async () => {
    const ep = api.emulator.urlEndpoint;
    const refused: [string, RegExp][] = [
      [`${ep}/*`, /needs a path with at least two levels/],
      [`${ep}/folder/*`, /needs a path with at least two levels/],
      [`${ep}/short*`, /needs a path with at least two levels/],
      [`${ep}/tr:w-100/short*`, /needs a path with at least two levels/],
      [`${ep}/media/catalog/*`, /never accepts a wildcard on \/media\/catalog\//],
      [`${ep}/s/files*`, /never accepts a wildcard on \/s\/files\//],
    ];
    for (const [url, reason] of refused) {
      const check = checkPurgeUrl(url, ep);
      expect(check.ok ? undefined : check.reason, url).toMatch(reason);
      expect(await apiError(api.sdk.cache.invalidation.create({ url })), url).toEqual({
        status: 400,
        body: { message: 'The URL is not valid for cache purging.', help: 'For support kindly contact us at support@imagekit.io.' },
      });
    }
  });

  it('refuses URLs it cannot purge with ImageKit’s message', async () => {
    const bad = [
      'not a url',
      'https://ik.imagekit.io/demo/a.jpg',
      `${api.emulator.urlEndpoint}`,
      `${api.emulator.urlEndpoint}/`,
      `${api.emulator.urlEndpoint}/*/a.jpg`,
      `${api.emulator.urlEndpoint}/a*.jpg`,
      `${api.emulator.urlEndpoint}/a**`,
      `${api.emulator.apiUrl}/other/a.jpg`,
      `${api.emulator.urlEndpoint.replace('http:', 'ftp:')}/a.jpg`,
    ];
    for (const url of bad) {
      expect(await apiError(api.sdk.cache.invalidation.create({ url })), url).toEqual({
        status: 400,
        body: { message: 'The URL is not valid for cache purging.', help: 'For support kindly contact us at support@imagekit.io.' },
      });
    }
    expect(await apiError(api.sdk.cache.invalidation.create({} as never))).toMatchObject({ status: 400 });
  });

  it('answers an unknown requestId with 400', async () => {
    expect(await apiError(api.sdk.cache.invalidation.get('0123456789abcdef01234567'))).toEqual({
      status: 400,
      body: { message: 'No request found for this requestId.', help: 'For support kindly contact us at support@imagekit.io.' },
    });
  });

  it('keeps requests across a restart', async () => {
    const { requestId } = await api.sdk.cache.invalidation.create({ url: `${api.emulator.urlEndpoint}/kept.jpg` });
    await eventually(async () => (await api.sdk.cache.invalidation.get(requestId!)).status === 'Completed');
    const again = await startTestEmulator({ dataDir: api.emulator.dataDir });
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
