import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { toFile } from '@imagekit/nodejs';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { withEmulator } from '../helpers/emulator.js';
import { get } from '../delivery/http-helpers.js';
import { makeClip } from './clips.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Upload `transformation.post` (thumbnail, abs, transformation, gif-to-video) and video `transformation.pre` (202). */
describe('upload transformations on video', () => {
  const emu = withEmulator({ video: { waitMs: 120_000 } });
  let clip: Buffer;
  beforeAll(async () => {
    clip = await makeClip({ seconds: 2 });
  });

  /** Cache keys stored on disk so far (the render cache's metadata files). */
  async function cachedKeys(): Promise<string[]> {
    const dir = path.join(emu.current.dataDir, 'delivery-cache');
    const names = (await readdir(dir)).filter((n) => n.endsWith('.json'));
    return Promise.all(names.map(async (n) => (JSON.parse(await readFile(path.join(dir, n), 'utf8')) as { key: string }).key));
  }

  it('prepares post-transformations in the background, so the first request is a cache hit', async () => {
    const { sdk, urlEndpoint } = emu.current;
    const up = await sdk.files.upload({
      file: await toFile(clip, 'post.mp4'),
      fileName: 'post.mp4',
      useUniqueFileName: false,
      transformation: { post: [{ type: 'thumbnail', value: 'w-100' }, { type: 'transformation', value: 'w-120' }, { type: 'abs', value: 'sr-240', protocol: 'hls' }] },
    });
    expect(up.videoCodec).toBe('h264');
    const wanted = ['post.mp4/ik-thumbnail.jpg?tr=w-100|accept=none', 'post.mp4?tr=w-120|vaccept=mp4', 'post.mp4/ik-master.m3u8?tr=sr-240'];
    for (let i = 0; i < 300; i++) {
      const keys = await cachedKeys();
      if (wanted.every((k) => keys.includes(k))) break;
      await sleep(50);
    }
    expect(await cachedKeys()).toEqual(expect.arrayContaining(wanted));
    expect((await get(`${urlEndpoint}/post.mp4/ik-thumbnail.jpg?tr=w-100`)).headers.get('x-emulator-cache')).toBe('HIT');
    expect((await get(`${urlEndpoint}/post.mp4?tr=w-120`)).headers.get('x-emulator-cache')).toBe('HIT');
    expect((await get(`${urlEndpoint}/post.mp4/ik-master.m3u8?tr=sr-240`)).headers.get('x-emulator-cache')).toBe('HIT');
  });

  it('refuses post-transformations that do not fit the file type', async () => {
    const { sdk } = emu.current;
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).png().toBuffer();
    await expect(sdk.files.upload({ file: await toFile(png, 'a.png'), fileName: 'a.png', transformation: { post: [{ type: 'abs', value: 'sr-240', protocol: 'hls' }] } })).rejects.toMatchObject({
      status: 400,
      error: { message: 'The file could not be uploaded because the detected file type & post-transformation are incompatible.' },
    });
    await expect(sdk.files.upload({ file: await toFile(clip, 'b.mp4'), fileName: 'b.mp4', transformation: { post: [{ type: 'gif-to-video' }] } })).rejects.toMatchObject({ status: 400 });
  });

  it('answers 202 to a video pre-transformation and stores the transformed video when it is done', async () => {
    const { sdk, urlEndpoint, authHeader, apiUrl } = emu.current;
    const form = new FormData();
    form.set('file', new Blob([clip]), 'pre.mp4');
    form.set('fileName', 'pre.mp4');
    form.set('useUniqueFileName', 'false');
    form.set('transformation', JSON.stringify({ pre: 'w-160,du-1' }));
    const res = await fetch(`${apiUrl}/api/v1/files/upload`, { method: 'POST', headers: { authorization: authHeader }, body: form });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ message: 'The pre-transformation has been queued successfully.' });
    let found: { width?: number; duration?: number } | undefined;
    for (let i = 0; i < 400 && !found; i++) {
      found = (await sdk.assets.list({ searchQuery: 'name = "pre.mp4"' }))[0] as unknown as typeof found;
      if (!found) await sleep(50);
    }
    expect(found).toMatchObject({ width: 160, duration: 1 });
    expect((await get(`${urlEndpoint}/pre.mp4`)).headers.get('content-type')).toBe('video/mp4');
  });

  it('refuses an invalid video pre-transformation at once', async () => {
    const { sdk } = emu.current;
    await expect(sdk.files.upload({ file: await toFile(clip, 'bad.mp4'), fileName: 'bad.mp4', transformation: { pre: 'w-abc' } })).rejects.toMatchObject({ status: 400 });
  });
});
