// The builder player's stream loader on the main side: only files under the profile's URL endpoint, no
// redirect off it, bounded size, Range passed on; and, against the Local library, a private clip's HLS
// stream whose every playlist and segment the signed manifest names is served through it.
import { toFile } from '@imagekit/nodejs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamPart } from '../../../shared/ipc/areas/urls';
import { fetchStreamPart, streamPartUrl } from '../../services/url-builder/stream-part';
import { hlsReferences } from '../../../emulator/src/video/abs-playlists';
import { makeClip } from '../../../emulator/test/video/clips';
import { startUrlsHarness, type UrlsHarness } from './support';

const ENDPOINT = 'https://ik.imagekit.io/demo';

describe('which URLs the player may load', () => {
  it.each([
    ['https://ik.imagekit.io/demo/a.mp4/ik-master.m3u8?tr=sr-240', true],
    ['https://ik.imagekit.io/demo/a.mp4/ik-abs/0f/v0/seg1.m4s?ik-abs-s=ab', true],
    // Another account on the same host, the host itself, and a dot-segment climb out of /demo/.
    ['https://ik.imagekit.io/other/a.mp4/ik-master.m3u8', false],
    ['https://ik.imagekit.io/demo', false],
    ['https://ik.imagekit.io/demo/../other/a.m3u8', false],
    ['https://ik.imagekit.io/demo/%2e%2e/other/a.m3u8', false],
    ['https://ik.imagekit.io/demox/a.m3u8', false],
    // Other hosts, schemes, ports and credentials.
    ['http://ik.imagekit.io/demo/a.m3u8', false],
    ['https://ik.imagekit.io:8443/demo/a.m3u8', false],
    ['https://evil.example/demo/a.m3u8', false],
    ['https://user:pw@ik.imagekit.io/demo/a.m3u8', false],
    ['http://127.0.0.1:22/demo/a.m3u8', false],
    ['file:///etc/passwd', false],
    ['data:text/plain,hi', false],
    ['not a url', false],
  ])('%s → %s', (url, allowed) => {
    if (allowed) expect(streamPartUrl(url, ENDPOINT).href).toBe(url);
    else expect(() => streamPartUrl(url, ENDPOINT)).toThrow(/URL endpoint|not a URL/);
  });

  it('an endpoint without a path allows its whole host, nothing else', () => {
    expect(streamPartUrl('https://media.example.com/a.mp4/ik-master.m3u8', 'https://media.example.com').pathname).toBe('/a.mp4/ik-master.m3u8');
    expect(() => streamPartUrl('https://example.com/a.m3u8', 'https://media.example.com')).toThrow(/URL endpoint/);
  });
});

function fakeFetch(answer: (url: string, init: RequestInit) => Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fn = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return answer(url, init);
  }) as unknown as typeof fetch;
  return { fn, calls };
}

describe('fetching a stream file', () => {
  it('sends Range for a byte range (end exclusive, as hls.js gives it) and returns the bytes as base64', async () => {
    const f = fakeFetch(() => new Response(new Uint8Array([1, 2, 3]), { status: 206, headers: { 'content-type': 'video/mp4' } }));
    const part = await fetchStreamPart({ url: `${ENDPOINT}/a/seg.mp4`, rangeStart: 100, rangeEnd: 200 }, ENDPOINT, { fetch: f.fn });
    expect(new Headers(f.calls[0].init.headers).get('range')).toBe('bytes=100-199');
    expect(f.calls[0].init.redirect).toBe('manual');
    expect(part).toEqual({ url: `${ENDPOINT}/a/seg.mp4`, status: 206, ok: true, contentType: 'video/mp4', bytes: 3, body: 'AQID' });
  });

  it('waits while the manifest is being packaged (503 with Retry-After), then returns it', async () => {
    let n = 0;
    const f = fakeFetch(() => (n++ === 0 ? new Response('{}', { status: 503, headers: { 'retry-after': '1' } }) : new Response('#EXTM3U', { status: 200 })));
    const part = await fetchStreamPart({ url: `${ENDPOINT}/a.mp4/ik-master.m3u8` }, ENDPOINT, { fetch: f.fn });
    expect(f.calls).toHaveLength(2);
    expect(Buffer.from(part.body ?? '', 'base64').toString()).toBe('#EXTM3U');
  });

  it('passes a refusal on with the server’s words and no body', async () => {
    const f = fakeFetch(() => new Response('nope', { status: 401, headers: { 'ik-error': 'EPERM - This file is private; sign the URL.' } }));
    const part = await fetchStreamPart({ url: `${ENDPOINT}/a.mp4/ik-master.m3u8` }, ENDPOINT, { fetch: f.fn });
    expect(part).toMatchObject({ ok: false, status: 401, error: 'EPERM - This file is private; sign the URL.' });
    expect(part.body).toBeUndefined();
  });

  it('refuses a file over the size cap, by its Content-Length or by what arrives', async () => {
    const declared = fakeFetch(() => new Response('x', { status: 200, headers: { 'content-length': String(10_000) } }));
    expect(await fetchStreamPart({ url: `${ENDPOINT}/big.m4s` }, ENDPOINT, { fetch: declared.fn, maxBytes: 1000 })).toMatchObject({ ok: false, status: 413 });
    const streamed = fakeFetch(() => new Response(new Uint8Array(5000), { status: 200 }));
    const part = await fetchStreamPart({ url: `${ENDPOINT}/big.m4s` }, ENDPOINT, { fetch: streamed.fn, maxBytes: 1000 });
    expect(part).toMatchObject({ ok: false, status: 413, bytes: 0 });
    expect(part.error).toMatch(/larger than/);
  });

  it('never requests a URL outside the endpoint', async () => {
    const f = fakeFetch(() => new Response('secret'));
    await expect(fetchStreamPart({ url: 'http://169.254.169.254/latest/meta-data/' }, ENDPOINT, { fetch: f.fn })).rejects.toThrow(/URL endpoint/);
    expect(f.calls).toHaveLength(0);
  });
});

describe('urls.streamPart against the Local library', () => {
  let h: UrlsHarness;
  beforeAll(async () => {
    h = await startUrlsHarness();
  }, 60_000);
  afterAll(async () => {
    await h?.close();
  });

  const text = (part: StreamPart) => Buffer.from(part.body ?? '', 'base64').toString('utf8');
  const resolve = (ref: string, base: string) => new URL(ref, base).href;

  it('serves every playlist and segment a private clip’s signed HLS manifest names, and nothing unsigned', async () => {
    const { client } = await h.core.sessions.resolve();
    await client.files.upload({ file: await toFile(await makeClip({ seconds: 2 }), 'private-clip.mp4'), fileName: 'private-clip.mp4', useUniqueFileName: false, isPrivateFile: true });
    const built = await h.data<{ url: string }>('urls.build', { draft: { src: '/private-clip.mp4/ik-master.m3u8', transformation: [{ streamingResolutions: ['240'] }], signed: true } });
    const endpoint = h.localLibrary.urlEndpoint;

    const unsigned = await h.data<StreamPart>('urls.streamPart', { url: `${endpoint}/private-clip.mp4/ik-master.m3u8?tr=sr-240` });
    expect(unsigned).toMatchObject({ ok: false });
    expect(unsigned.status).toBeGreaterThanOrEqual(400);

    const master = await h.data<StreamPart>('urls.streamPart', { url: built.url });
    expect(master).toMatchObject({ ok: true, status: 200 });
    const variants = hlsReferences(text(master)).map((ref) => resolve(ref, built.url));
    expect(variants.length).toBeGreaterThan(0);
    let segments = 0;
    for (const variant of variants) {
      const playlist = await h.data<StreamPart>('urls.streamPart', { url: variant });
      expect(playlist, variant).toMatchObject({ ok: true });
      for (const ref of hlsReferences(text(playlist))) {
        const partUrl = resolve(ref, variant);
        const part = await h.data<StreamPart>('urls.streamPart', { url: partUrl });
        expect(part, partUrl).toMatchObject({ ok: true });
        expect(part.bytes).toBeGreaterThan(0);
        segments += 1;
        // The same part without its folder signature is refused.
        const bare = await h.data<StreamPart>('urls.streamPart', { url: partUrl.split('?')[0] });
        expect(bare.ok, `${partUrl} unsigned`).toBe(false);
      }
    }
    expect(segments).toBeGreaterThanOrEqual(2);
  }, 120_000);

  it('refuses a URL of another host through the contract (BAD_INPUT), before requesting it', async () => {
    const result = await h.call('urls.streamPart', { url: 'http://127.0.0.1:1/x.m3u8' });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
  });
});
