import { toFile } from '@imagekit/nodejs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestEmulator, withEmulator } from '../helpers/emulator.js';
import { makeClip } from './clips.js';
import { validatedClient } from '../openapi/client.js';

/** Upload probing of video files: ImageKit's video fields in every place it reports them. */
describe('video upload probe', () => {
  const emu = withEmulator();
  const clips: Record<string, Buffer> = {};

  beforeAll(async () => {
    clips.mp4 = await makeClip({ ext: 'mp4', seconds: 2 });
    clips.webm = await makeClip({ ext: 'webm', seconds: 2, width: 160, height: 120 });
    clips.mov = await makeClip({ ext: 'mov', seconds: 3, audio: false });
    clips.mkv = await makeClip({ ext: 'mkv', seconds: 2, width: 240, height: 160 });
  });

  const expected = {
    mp4: { width: 320, height: 240, duration: 2, videoCodec: 'h264', audioCodec: 'aac', mime: 'video/mp4' },
    webm: { width: 160, height: 120, duration: 2, videoCodec: 'vp9', audioCodec: 'opus', mime: 'video/webm' },
    mov: { width: 320, height: 240, duration: 3, videoCodec: 'h264', audioCodec: undefined, mime: 'video/quicktime' },
    mkv: { width: 240, height: 160, duration: 2, videoCodec: 'h264', audioCodec: 'opus', mime: 'video/x-matroska' },
  } as const;

  for (const ext of ['mp4', 'webm', 'mov', 'mkv'] as const) {
    it(`reports width, height, duration, bitRate and codecs of a ${ext} in the upload response, file details and metadata`, async () => {
      const { sdk } = emu.current;
      const want = expected[ext];
      const up = await sdk.files.upload({ file: await toFile(clips[ext], `clip.${ext}`), fileName: `clip.${ext}`, responseFields: ['metadata'] });
      expect(up).toMatchObject({ fileType: 'non-image', width: want.width, height: want.height, duration: want.duration, videoCodec: want.videoCodec });
      expect(up.audioCodec).toBe(want.audioCodec);
      expect(up.bitRate).toBeGreaterThan(1000);
      expect(up.thumbnailUrl).toBe(`${emu.current.urlEndpoint}/tr:n-ik_ml_thumbnail/${up.name}/ik-thumbnail.jpg`);
      expect(up.metadata).toMatchObject({ width: want.width, height: want.height, duration: want.duration, videoCodec: want.videoCodec, size: clips[ext].length, bitRate: up.bitRate });

      const details = await sdk.files.get(up.fileId!);
      expect(details).toMatchObject({ fileType: 'non-image', mime: want.mime, width: want.width, height: want.height, duration: want.duration, bitRate: up.bitRate, videoCodec: want.videoCodec });
      expect(details.audioCodec).toBe(want.audioCodec);
      expect(details.thumbnail).toMatch(new RegExp(`/${up.name}/ik-thumbnail\\.jpg\\?updatedAt=\\d+&tr=n-ik_ml_thumbnail$`));

      const meta = await sdk.files.metadata.get(up.fileId!);
      expect(meta).toMatchObject({ width: want.width, height: want.height, duration: want.duration, bitRate: up.bitRate, videoCodec: want.videoCodec, size: clips[ext].length });
      expect(await sdk.files.metadata.getFromURL({ url: up.url! })).toEqual(meta);
    });
  }

  it('finds videos by videoDuration in searchQuery', async () => {
    const { sdk } = emu.current;
    await sdk.files.upload({ file: await toFile(clips.mov, 'long.mov'), fileName: 'long.mov', folder: '/durations' });
    await sdk.files.upload({ file: await toFile(clips.mp4, 'short.mp4'), fileName: 'short.mp4', folder: '/durations' });
    const names = async (q: string) => (await sdk.assets.list({ path: '/durations', searchQuery: q })).map((f) => (f as { name: string }).name).sort();
    expect(await names('videoDuration > 2.5')).toEqual([expect.stringMatching(/^long/)]);
    expect(await names('videoDuration <= "2sec"')).toEqual([expect.stringMatching(/^short/)]);
    expect(await names('videoDuration < "1min"')).toHaveLength(2);
  });

  it('stores a file named .mp4 that ffprobe cannot read (an HLS playlist in disguise) as an opaque file', async () => {
    const { sdk } = emu.current;
    const playlist = Buffer.from('#EXTM3U\n#EXT-X-TARGETDURATION:1\n#EXTINF:1,\nfile:///etc/passwd\n#EXT-X-ENDLIST\n');
    const up = await sdk.files.upload({ file: await toFile(playlist, 'trap.mp4'), fileName: 'trap.mp4' });
    expect(up.fileType).toBe('non-image');
    expect(up.duration).toBeUndefined();
    expect(up.videoCodec).toBeUndefined();
    expect(up.thumbnailUrl).toBeUndefined();
  });
});

describe('video upload without ffprobe', () => {
  const saved = process.env.MEDIADESK_FFPROBE;
  afterEach(() => {
    if (saved === undefined) delete process.env.MEDIADESK_FFPROBE;
    else process.env.MEDIADESK_FFPROBE = saved;
  });

  it('still stores the video, without the probed fields', async () => {
    const clip = await makeClip({ seconds: 1 });
    process.env.MEDIADESK_FFPROBE = '/nonexistent/ffprobe';
    const emu = await startTestEmulator();
    try {
      const up = await emu.sdk.files.upload({ file: await toFile(clip, 'c.mp4'), fileName: 'c.mp4' });
      expect(up).toMatchObject({ fileType: 'non-image', size: clip.length });
      expect(up.duration).toBeUndefined();
      expect(up.width).toBeUndefined();
      expect((await emu.sdk.files.get(up.fileId!)).mime).toBe('video/mp4');
    } finally {
      await emu.close();
    }
  });
});

describe('metadata of a transformed video URL', () => {
  const emu = withEmulator({ video: { waitMs: 120_000 } });

  it('answers the rendered video’s VideoMetadata', async () => {
    const { sdk, urlEndpoint } = emu.current;
    await sdk.files.upload({ file: await toFile(await makeClip({ seconds: 2 }), 'm.mp4'), fileName: 'm.mp4', useUniqueFileName: false });
    const meta = await sdk.files.metadata.getFromURL({ url: `${urlEndpoint}/m.mp4?tr=w-160,du-1` });
    expect(meta).toMatchObject({ width: 160, height: 120, duration: 1, videoCodec: 'h264', audioCodec: 'aac' });
    expect(meta.bitRate).toBeGreaterThan(0);
  });
});

describe('video responses against the OpenAPI spec', () => {
  const emu = withEmulator();

  it('upload (with responseFields metadata), details, list and metadata of a video validate with zero violations', async () => {
    const { sdk, collector } = validatedClient(emu.current);
    const up = await sdk.files.upload({ file: await toFile(await makeClip({ seconds: 1 }), 'spec.mp4'), fileName: 'spec.mp4', responseFields: ['metadata', 'tags'] });
    await sdk.files.get(up.fileId!);
    await sdk.assets.list({ searchQuery: 'videoDuration >= 1' });
    await sdk.files.metadata.get(up.fileId!);
    expect(collector.violations).toEqual([]);
    expect(collector.checked).toBeGreaterThanOrEqual(4);
  });
});
