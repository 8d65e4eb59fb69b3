// Video URLs through the official SDK and back: a trimmed 480p WebM with a timed text layer, the thumbnail and
// the adaptive stream manifests; the preview probe's handling of video answers, pending renders and manifests.
import { describe, expect, it } from 'vitest';
import { parseImageKitUrl } from '../../../shared/url/parse-imagekit-url.js';
import { splitStreamSteps, splitVideoSrc, streamSteps, videoOutputSrc } from '../../../shared/transformations/video-urls.js';
import { buildUrl } from '../../services/url-building/sdk-url-builder.js';
import { manifestRenditions } from '../../services/url-builder/manifest-renditions.js';
import { probeUrl } from '../../services/url-builder/url-probe.js';

const ENDPOINT = 'https://ik.imagekit.io/demo';

const trimmedWebm = [
  { height: '480', startOffset: '1', duration: '2', format: 'webm', overlay: { type: 'text' as const, text: 'Hello', timing: { start: '0.5', duration: '1' }, transformation: [{ fontSize: '40', fontColor: 'FFFFFF' }] } },
];

describe('video URLs through the SDK', () => {
  it('writes trimming, format and layer timing as ImageKit documents them, and parses them back', () => {
    const url = buildUrl({ urlEndpoint: ENDPOINT, src: '/clips/a.mp4', transformation: trimmedWebm, transformationPosition: 'query' });
    expect(url).toBe(`${ENDPOINT}/clips/a.mp4?tr=h-480,so-1,du-2,f-webm,l-text,i-Hello,lso-0.5,ldu-1,fs-40,co-FFFFFF,l-end`);
    const parsed = parseImageKitUrl(url, ENDPOINT);
    expect(parsed.src).toBe('/clips/a.mp4');
    expect(parsed.transformation).toEqual(trimmedWebm);
    expect(parsed.warnings).toEqual([]);
  });

  it('builds the thumbnail and the HLS/DASH manifests with sr- in the query, and reads them back', () => {
    const thumb = buildUrl({ urlEndpoint: ENDPOINT, src: videoOutputSrc('/a.mp4', 'thumbnail'), transformation: [{ startOffset: '2', width: '300' }], transformationPosition: 'query' });
    expect(thumb).toBe(`${ENDPOINT}/a.mp4/ik-thumbnail.jpg?tr=so-2,w-300`);

    const hls = buildUrl({ urlEndpoint: ENDPOINT, src: videoOutputSrc('/a.mp4', 'hls'), transformation: streamSteps([], [240, 360, 480, 720, 1080]), transformationPosition: 'query' });
    expect(hls).toBe(`${ENDPOINT}/a.mp4/ik-master.m3u8?tr=sr-240_360_480_720_1080`);
    const dash = buildUrl({ urlEndpoint: ENDPOINT, src: videoOutputSrc('/a.mp4', 'dash'), transformation: streamSteps([{ duration: '5', format: 'mp4' }], [480, 240]), transformationPosition: 'query' });
    expect(dash).toBe(`${ENDPOINT}/a.mp4/ik-master.mpd?tr=du-5,sr-240_480`);

    const parsed = parseImageKitUrl(dash, ENDPOINT);
    expect(splitVideoSrc(parsed.src)).toEqual({ videoPath: '/a.mp4', output: 'dash' });
    expect(splitStreamSteps(parsed.transformation)).toEqual({ steps: [{ duration: '5' }], heights: [240, 480] });
  });

  it('signs a stream manifest like any URL (private videos)', () => {
    const signed = buildUrl({ urlEndpoint: ENDPOINT, src: '/a.mp4/ik-master.m3u8', transformation: [{ streamingResolutions: ['240'] }], transformationPosition: 'query', signed: true }, 'key');
    expect(signed).toMatch(/^https:\/\/ik\.imagekit\.io\/demo\/a\.mp4\/ik-master\.m3u8\?tr=sr-240&ik-s=[0-9a-f]{40}$/);
  });
});

describe('manifest renditions', () => {
  it('lists the video renditions of an HLS master playlist, lowest first', () => {
    const m3u8 = ['#EXTM3U', '#EXT-X-VERSION:7', '#EXT-X-STREAM-INF:BANDWIDTH=1400000,RESOLUTION=854x480,CODECS="avc1.64001f,mp4a.40.2"', 'v1.m3u8', '#EXT-X-STREAM-INF:BANDWIDTH=400000,RESOLUTION=426x240', 'v0.m3u8'].join('\n');
    expect(manifestRenditions(m3u8, 'hls')).toEqual([
      { width: 426, height: 240, bandwidth: 400000 },
      { width: 854, height: 480, bandwidth: 1400000 },
    ]);
  });

  it('lists video Representations of a DASH MPD and skips audio', () => {
    const mpd = `<MPD><Period><AdaptationSet contentType="video"><Representation id="0" bandwidth="800000" width="640" height="360"/><Representation id="1" width='1280' height='720' bandwidth='2500000'></Representation></AdaptationSet><AdaptationSet contentType="audio"><Representation id="2" bandwidth="128000" audioSamplingRate="48000"/></AdaptationSet></Period></MPD>`;
    expect(manifestRenditions(mpd, 'dash')).toEqual([
      { width: 640, height: 360, bandwidth: 800000 },
      { width: 1280, height: 720, bandwidth: 2500000 },
    ]);
  });

  it('gives nothing for hostile or broken text', () => {
    expect(manifestRenditions('#EXT-X-STREAM-INF:RESOLUTION=99999999x1\n<Representation height="-3">', 'hls')).toEqual([]);
    expect(manifestRenditions('<Representation height="1e9" width="x">', 'dash')).toEqual([]);
  });
});

describe('preview probe of videos', () => {
  const respond = (status: number, body: string, headers: Record<string, string>) => new Response(status === 302 ? null : body, { status, headers });

  it('asks again while ImageKit redirects to the original (render being prepared), then measures the render', async () => {
    const seen: { accept: string | null; redirect: RequestRedirect | undefined }[] = [];
    let calls = 0;
    const fakeFetch = (async (_url: string, init: RequestInit) => {
      seen.push({ accept: new Headers(init.headers).get('accept'), redirect: init.redirect });
      calls++;
      return calls < 3 ? respond(302, '', { location: `${ENDPOINT}/a.mp4`, 'x-emulator-pending': 'transformation' }) : respond(200, 'webm-bytes', { 'content-type': 'video/webm' });
    }) as typeof fetch;
    const probe = await probeUrl(`${ENDPOINT}/a.mp4?tr=f-webm`, { fetch: fakeFetch, media: true, accept: '*/*' });
    expect(calls).toBe(3);
    expect(seen.every((s) => s.accept === '*/*' && s.redirect === 'manual')).toBe(true);
    expect(probe).toMatchObject({ ok: true, status: 200, format: 'webm', bytes: 10 });
    expect(probe.width).toBeUndefined();
  });

  it('waits out a stream still being packaged (503 with Retry-After), but not a plain 503', async () => {
    let calls = 0;
    const pending = (async () => (++calls === 1 ? respond(503, '{}', { 'retry-after': '1', 'ik-error': 'EPENDING - being prepared' }) : respond(200, '#EXTM3U\n', { 'content-type': 'application/vnd.apple.mpegurl' }))) as unknown as typeof fetch;
    expect(await probeUrl(`${ENDPOINT}/a.mp4/ik-master.m3u8?tr=sr-240`, { fetch: pending, media: true })).toMatchObject({ ok: true, format: 'hls', renditions: [] });
    expect(calls).toBe(2);
    const down = (async () => respond(503, 'down', {})) as unknown as typeof fetch;
    expect(await probeUrl(`${ENDPOINT}/a.mp4`, { fetch: down, media: true })).toMatchObject({ ok: false, status: 503, error: 'down' });
  });

  it('reads a manifest answer into its renditions', async () => {
    const fakeFetch = (async () => respond(200, '#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1,RESOLUTION=426x240\nv0.m3u8\n', { 'content-type': 'application/vnd.apple.mpegurl' })) as unknown as typeof fetch;
    const probe = await probeUrl(`${ENDPOINT}/a.mp4/ik-master.m3u8?tr=sr-240`, { fetch: fakeFetch, media: true });
    expect(probe).toMatchObject({ ok: true, format: 'hls', renditions: [{ width: 426, height: 240, bandwidth: 1 }] });
  });

  it('gives up with the timeout while the render stays pending', async () => {
    const fakeFetch = (async () => respond(302, '', { location: `${ENDPOINT}/a.mp4` })) as unknown as typeof fetch;
    await expect(probeUrl(`${ENDPOINT}/a.mp4?tr=w-10`, { fetch: fakeFetch, media: true, timeoutMs: 1500 })).rejects.toMatchObject({ name: 'TimeoutError' });
  });
});
