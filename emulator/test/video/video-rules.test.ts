import { toFile } from '@imagekit/nodejs';
import sharp from 'sharp';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestEmulator, type TestEmulator } from '../helpers/emulator.js';
import { get } from '../delivery/http-helpers.js';
import { signUrl } from '../../src/delivery/signature.js';
import { makeClip, probeBytes } from './clips.js';

/** Signing, private files, the render budget, "still rendering", a missing encoder and GIF to video. */
describe('video delivery rules', () => {
  const running: TestEmulator[] = [];
  const start = async (options: Parameters<typeof startTestEmulator>[0] = {}) => {
    const e = await startTestEmulator(options);
    running.push(e);
    return e;
  };
  const upload = async (e: TestEmulator, name: string, bytes: Buffer, extra: Record<string, unknown> = {}) =>
    e.sdk.files.upload({ file: await toFile(bytes, name), fileName: name, useUniqueFileName: false, ...extra });
  const savedFfmpeg = process.env.MEDIADESK_FFMPEG;
  afterEach(async () => {
    if (savedFfmpeg === undefined) delete process.env.MEDIADESK_FFMPEG;
    else process.env.MEDIADESK_FFMPEG = savedFfmpeg;
    await Promise.all(running.splice(0).map((e) => e.close()));
  });

  it('serves a private video, its renders and thumbnails only to signed URLs (unsigned → 401)', async () => {
    const e = await start();
    await upload(e, 'private.mp4', await makeClip({ seconds: 1 }), { isPrivateFile: true });
    for (const relative of ['private.mp4', 'private.mp4?tr=w-100', 'private.mp4/ik-thumbnail.jpg', 'tr:w-64/private.mp4/ik-thumbnail.jpg']) {
      const unsigned = await get(`${e.urlEndpoint}/${relative}`);
      expect(unsigned.status, relative).toBe(401);
      expect(unsigned.headers.get('ik-error')).toMatch(/^EACCES/);
      const sep = relative.includes('?') ? '&' : '?';
      const signed = await get(`${e.urlEndpoint}/${relative}${sep}ik-s=${signUrl(e.privateKey, relative)}`);
      expect(signed.status, relative).toBe(200);
      // Once cached, the render still needs the signature.
      expect((await get(`${e.urlEndpoint}/${relative}`)).status, relative).toBe(401);
    }
    const expired = 'private.mp4?tr=w-90';
    expect((await get(`${e.urlEndpoint}/${expired}&ik-t=1000&ik-s=${signUrl(e.privateKey, expired, 1000)}`)).status).toBe(401);
  });

  it('answers 302 to the original while a transcode is still running, then serves the render once it is ready', async () => {
    const e = await start({ video: { waitMs: 0 } });
    await upload(e, 'slow.mp4', await makeClip({ seconds: 2 }));
    const url = `${e.urlEndpoint}/slow.mp4?tr=w-200`;
    const first = await fetch(url, { redirect: 'manual' });
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe(`${e.urlEndpoint}/slow.mp4`);
    let ready: Response | undefined;
    for (let i = 0; i < 200 && !ready; i++) {
      const res = await fetch(url, { redirect: 'manual' });
      if (res.status === 200) ready = res;
      else await new Promise((r) => setTimeout(r, 50));
    }
    expect(ready?.headers.get('content-type')).toBe('video/mp4');
    // A poll that arrives in the last moment of the transcode joins it and is answered from the job
    // (MISS); from then on the render is served from the cache.
    const again = await fetch(url, { redirect: 'manual' });
    expect(again.status).toBe(200);
    expect(again.headers.get('x-emulator-cache')).toBe('HIT');
  });

  it('signs the 302 to a private original with the request expiry', async () => {
    const e = await start({ video: { waitMs: 0 } });
    await upload(e, 'secret.mp4', await makeClip({ seconds: 1 }), { isPrivateFile: true });
    const relative = 'secret.mp4?tr=w-120';
    const expiry = Math.floor(Date.now() / 1000) + 600;
    const res = await fetch(`${e.urlEndpoint}/${relative}&ik-t=${expiry}&ik-s=${signUrl(e.privateKey, relative, expiry)}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = res.headers.get('location')!;
    expect(location).toBe(`${e.urlEndpoint}/secret.mp4?ik-s=${signUrl(e.privateKey, 'secret.mp4', expiry)}&ik-t=${expiry}`);
    expect((await get(location)).status).toBe(200);
  });

  it('refuses renders over the megapixel-second budget before running ffmpeg', async () => {
    const e = await start({ video: { limits: { megapixelSeconds: 0.1, frameMegapixels: 9.5, inputFrameMegapixels: 36 } } });
    await upload(e, 'budget.mp4', await makeClip({ seconds: 2 }));
    const res = await get(`${e.urlEndpoint}/budget.mp4?tr=w-320`);
    expect(res.status).toBe(400);
    expect(res.headers.get('ik-error')).toMatch(/^ELIMIT - .*megapixel-seconds/);
    const huge = await get(`${e.urlEndpoint}/budget.mp4?tr=w-8000,h-8000,c-force`);
    expect(huge.headers.get('ik-error')).toMatch(/^ELIMIT - The output frame 8000×8000/);
    const ladder = await get(`${e.urlEndpoint}/budget.mp4/ik-master.m3u8?tr=sr-240_360`);
    expect(ladder.headers.get('ik-error')).toMatch(/^ELIMIT/);
  });

  it('says the encoder is missing when there is no ffmpeg, and still serves the original', async () => {
    const clip = await makeClip({ seconds: 1 });
    const e = await start();
    await upload(e, 'noenc.mp4', clip);
    process.env.MEDIADESK_FFMPEG = '/nonexistent/ffmpeg';
    const res = await get(`${e.urlEndpoint}/noenc.mp4?tr=w-100`);
    expect(res.status).toBe(501);
    expect(JSON.parse(res.body.toString('utf8'))).toMatchObject({ message: expect.stringContaining('ffmpeg, which is missing'), help: expect.any(String) });
    expect((await get(`${e.urlEndpoint}/noenc.mp4`)).body.equals(clip)).toBe(true);
  });

  it('turns an animated GIF into MP4 with f-mp4 (gif to video)', async () => {
    const e = await start();
    const frames = await Promise.all(['#ff0000', '#0000ff', '#00ff00'].map((c) => sharp({ create: { width: 64, height: 48, channels: 3, background: c } }).raw().toBuffer()));
    const gif = await sharp(Buffer.concat(frames), { raw: { width: 64, height: 48 * 3, channels: 3, pageHeight: 48 } } as never).gif({ delay: [200, 200, 200] }).toBuffer();
    await upload(e, 'anim.gif', gif);
    const res = await get(`${e.urlEndpoint}/anim.gif?tr=f-mp4`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('video/mp4');
    const probe = await probeBytes(res.body, 'mp4');
    expect(probe.streams[0]).toMatchObject({ codec_name: 'h264', width: 64, height: 48 });
    expect((await get(`${e.urlEndpoint}/anim.gif?tr=w-32`)).headers.get('content-type')).toMatch(/^image\//);
  });
});
