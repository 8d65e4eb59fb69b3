import { toFile } from '@imagekit/nodejs';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { withEmulator, type TestEmulator } from '../helpers/emulator.js';
import { get, waitForPurge } from '../delivery/http-helpers.js';
import { brightPixels, frameAt, makeClip, meanColor, probeBytes } from './clips.js';

/** Transformed videos and thumbnails over real HTTP, checked with ffprobe and by their pixels. */
describe('video delivery', () => {
  const emu = withEmulator({ video: { waitMs: 120_000 } });
  let base: string;

  const upload = async (e: TestEmulator, name: string, bytes: Buffer, extra: Record<string, unknown> = {}) =>
    e.sdk.files.upload({ file: await toFile(bytes, name), fileName: name, useUniqueFileName: false, ...extra });

  beforeAll(async () => {
    const e = emu.current;
    base = e.urlEndpoint;
    await upload(e, 'redblue.mp4', await makeClip({ colors: [['red', 1], ['blue', 1]] }));
    await upload(e, 'test.mp4', await makeClip({ seconds: 2 }));
    await upload(e, 'black.mp4', await makeClip({ colors: [['black', 3]], audio: false }));
  });

  const decode = async (jpeg: Buffer) => {
    const { data, info } = await sharp(jpeg).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    return { data, width: info.width, height: info.height };
  };

  it('serves the first frame at /ik-thumbnail.jpg and the frame at so- seconds', async () => {
    const first = await get(`${base}/redblue.mp4/ik-thumbnail.jpg`);
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('image/jpeg');
    const [r0, , b0] = meanColor(await decode(first.body));
    expect(r0).toBeGreaterThan(200);
    expect(b0).toBeLessThan(60);
    const later = await get(`${base}/redblue.mp4/ik-thumbnail.jpg?tr=so-1.5`);
    const [r1, , b1] = meanColor(await decode(later.body));
    expect(b1).toBeGreaterThan(200);
    expect(r1).toBeLessThan(60);
  });

  it('applies image transformations to the thumbnail (resize, border, n-ik_ml_thumbnail)', async () => {
    const small = await get(`${base}/test.mp4/ik-thumbnail.jpg?tr=w-100,b-5_00FF00`);
    expect(small.status).toBe(200);
    expect(small.img).toMatchObject({ width: 110, height: 85 });
    const details = (await emu.current.sdk.assets.list({ searchQuery: 'name = "test.mp4"' }))[0] as { thumbnail: string };
    const grid = await get(details.thumbnail);
    expect(grid.status).toBe(200);
    expect(grid.img!.width).toBeLessThanOrEqual(400);
    expect(grid.img!.height).toBeLessThanOrEqual(300);
  });

  it('refuses a thumbnail offset past the end', async () => {
    const res = await get(`${base}/test.mp4/ik-thumbnail.jpg?tr=so-5`);
    expect(res.status).toBe(400);
    expect(res.headers.get('ik-error')).toMatch(/^EINVALIDTRANSFORMATION - so:/);
  });

  it('resizes, crops and trims a video (checked with ffprobe)', async () => {
    const res = await get(`${base}/tr:w-160,h-160,so-0.5,du-1/test.mp4`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('video/mp4');
    const probe = await probeBytes(res.body, 'mp4');
    const video = probe.streams.find((s) => s.codec_type === 'video')!;
    expect(video).toMatchObject({ codec_name: 'h264', width: 160, height: 160 });
    expect(Number(probe.format.duration)).toBeCloseTo(1, 0);
    expect(probe.streams.some((s) => s.codec_type === 'audio' && s.codec_name === 'aac')).toBe(true);
  });

  it('delivers f-webm as VP9/Opus, ac-none without sound, vc-none as sound only, and rotates', async () => {
    const webm = await probeBytes((await get(`${base}/test.mp4?tr=f-webm,w-120`)).body, 'webm');
    expect(webm.format.format_name).toMatch(/webm/);
    expect(webm.streams.map((s) => s.codec_name).sort()).toEqual(['opus', 'vp9']);
    const silent = await probeBytes((await get(`${base}/test.mp4?tr=ac-none,rt-90`)).body, 'mp4');
    expect(silent.streams).toHaveLength(1);
    expect(silent.streams[0]).toMatchObject({ codec_type: 'video', width: 240, height: 320 });
    const sound = await get(`${base}/test.mp4?tr=vc-none`);
    expect(sound.headers.get('content-type')).toBe('audio/mp4');
    expect((await probeBytes(sound.body, 'mp4')).streams.map((s) => s.codec_type)).toEqual(['audio']);
  });

  it('negotiates f-auto from Accept: WebM for clients that list video/webm, MP4 otherwise', async () => {
    const url = `${base}/test.mp4?tr=w-100`;
    const webm = await get(url, { accept: 'video/webm,video/*;q=0.9' });
    expect(webm.headers.get('content-type')).toBe('video/webm');
    expect(webm.headers.get('vary')).toBe('Accept');
    const mp4 = await get(url, { accept: '*/*' });
    expect(mp4.headers.get('content-type')).toBe('video/mp4');
  });

  it('refuses codecs the container cannot carry and image-only parameters', async () => {
    expect((await get(`${base}/test.mp4?tr=f-webm,vc-h264`)).headers.get('ik-error')).toMatch(/^EINVALIDTRANSFORMATION - vc:/);
    expect((await get(`${base}/test.mp4?tr=e-grayscale`)).headers.get('ik-error')).toMatch(/^EINVALIDTRANSFORMATION - e-grayscale:/);
    expect((await get(`${base}/test.mp4?tr=rt-45`)).status).toBe(400);
  });

  it('shows a text layer only inside its lso/ldu window', async () => {
    const res = await get(`${base}/black.mp4?tr=l-text,i-HELLO,fs-80,co-FFFFFF,lso-1,ldu-1,l-end`);
    expect(res.status).toBe(200);
    const before = brightPixels(await frameAt(res.body, 'mp4', 0.5));
    const during = brightPixels(await frameAt(res.body, 'mp4', 1.5));
    const after = brightPixels(await frameAt(res.body, 'mp4', 2.5));
    expect(before).toBe(0);
    expect(during).toBeGreaterThan(500);
    expect(after).toBe(0);
  });

  it('overlays image and solid colour layers at lx/ly', async () => {
    const res = await get(`${base}/black.mp4?tr=l-image,i-ik_canvas,bg-00FF00,w-40,h-40,lx-10,ly-20,l-end`);
    const frame = await frameAt(res.body, 'mp4', 1);
    const at = (x: number, y: number) => [...frame.data.subarray((y * frame.width + x) * 3, (y * frame.width + x) * 3 + 3)];
    expect(at(30, 40)[1]).toBeGreaterThan(200); // inside the block
    expect(at(100, 100)[1]).toBeLessThan(40); // outside it
  });

  it('answers Range requests with 206 on renders and on originals', async () => {
    const render = await get(`${base}/test.mp4?tr=w-100`);
    const part = await get(`${base}/test.mp4?tr=w-100`, { range: 'bytes=100-199' });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 100-199/${render.body.length}`);
    expect(part.body.equals(render.body.subarray(100, 200))).toBe(true);
    const original = await get(`${base}/test.mp4`, { range: 'bytes=0-9' });
    expect(original.status).toBe(206);
    expect(original.body).toHaveLength(10);
    expect(original.headers.get('accept-ranges')).toBe('bytes');
    expect((await get(`${base}/test.mp4`, { range: 'bytes=99999999-' })).status).toBe(416);
  });

  it('keeps a render in the cache until the video is purged', async () => {
    const url = `${base}/test.mp4?tr=w-80`;
    expect((await get(url)).headers.get('x-emulator-cache')).toBe('MISS');
    expect((await get(url)).headers.get('x-emulator-cache')).toBe('HIT');
    expect((await get(`${base}/test.mp4/ik-thumbnail.jpg?tr=w-50`)).status).toBe(200);
    await waitForPurge(emu.current, `${base}/test.mp4`);
    expect((await get(url)).headers.get('x-emulator-cache')).toBe('MISS');
    expect((await get(`${base}/test.mp4/ik-thumbnail.jpg?tr=w-50`)).headers.get('x-emulator-cache')).toBe('MISS');
  });
});
