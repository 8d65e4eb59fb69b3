import { describe, expect, it } from 'vitest';
import { withEmulator } from '../helpers/emulator.js';
import { get, uploadImage, waitForPurge } from './http-helpers.js';
import { at, near, solid } from './pixels.js';

const RED: [number, number, number] = [255, 0, 0];
const BLUE: [number, number, number] = [0, 0, 255];

describe('render cache behaves like the CDN: stale until purged', () => {
  const emu = withEmulator();

  it('after an overwrite the transformed URL keeps the old render until a purge, then serves the new one', async () => {
    const e = emu.current;
    await uploadImage(e, 'swap.png', await solid(200, 100, RED));
    const url = `${e.urlEndpoint}/tr:w-50/swap.png`;
    const first = await get(url);
    expect(near(at(first.img!, 25, 12), RED)).toBe(true);
    expect(first.headers.get('x-emulator-cache')).toBe('MISS');

    await uploadImage(e, 'swap.png', await solid(200, 100, BLUE), { overwriteFile: true });
    const stale = await get(url);
    expect(stale.headers.get('x-emulator-cache')).toBe('HIT');
    expect(near(at(stale.img!, 25, 12), RED)).toBe(true);
    expect(stale.headers.get('etag')).toBe(first.headers.get('etag'));

    // A new updatedAt value is a new URL, so it renders the current file.
    const busted = await get(`${url}?updatedAt=${Date.now()}`);
    expect(near(at(busted.img!, 25, 12), BLUE)).toBe(true);

    await waitForPurge(e, url);
    const fresh = await get(url);
    expect(fresh.headers.get('x-emulator-cache')).toBe('MISS');
    expect(near(at(fresh.img!, 25, 12), BLUE)).toBe(true);
  });

  it('a deleted file keeps serving cached URLs until purged; purging the bare file URL drops its transformations', async () => {
    const e = emu.current;
    const up = await uploadImage(e, 'gone.png', await solid(60, 60, RED));
    const original = `${e.urlEndpoint}/gone.png`;
    const small = `${e.urlEndpoint}/gone.png?tr=w-30`;
    expect((await get(original)).status).toBe(200);
    expect((await get(small)).status).toBe(200);
    await e.sdk.files.delete(up.fileId!);
    expect((await get(small)).status).toBe(200);
    expect((await get(original)).status).toBe(200);
    await waitForPurge(e, original);
    expect((await get(small)).status).toBe(404);
    expect((await get(original)).status).toBe(404);
  });

  it('a wildcard purge drops every URL under the prefix', async () => {
    const e = emu.current;
    await uploadImage(e, 'a.png', await solid(40, 40, RED), { folder: '/wildcard-purge' });
    await uploadImage(e, 'b.png', await solid(40, 40, RED), { folder: '/wildcard-purge' });
    const urls = [`${e.urlEndpoint}/wildcard-purge/a.png?tr=w-10`, `${e.urlEndpoint}/tr:w-20/wildcard-purge/b.png`];
    for (const u of urls) await get(u);
    for (const [name] of [['a.png'], ['b.png']]) await uploadImage(e, name, await solid(40, 40, BLUE), { folder: '/wildcard-purge', overwriteFile: true });
    for (const u of urls) expect(near(at((await get(u)).img!, 5, 5), RED)).toBe(true);
    // A one-level wildcard needs 15+ characters of path for ImageKit to accept it.
    await waitForPurge(e, `${e.urlEndpoint}/wildcard-purge/*`);
    for (const u of urls) expect(near(at((await get(u)).img!, 5, 5), BLUE), u).toBe(true);
  });

  it('headers: ETag with 304 on If-None-Match, Cache-Control, Content-Type, Vary: Accept only for negotiated formats', async () => {
    const e = emu.current;
    await uploadImage(e, 'h.png', await solid(80, 80, RED));
    const auto = await get(`${e.urlEndpoint}/h.png?tr=w-40`, { accept: 'image/webp,*/*' });
    expect(auto.headers.get('content-type')).toBe('image/webp');
    expect(auto.headers.get('vary')).toBe('Accept');
    expect(auto.headers.get('cache-control')).toMatch(/max-age=\d+/);
    const plain = await get(`${e.urlEndpoint}/h.png?tr=w-40`, { accept: 'image/png' });
    expect(plain.headers.get('content-type')).toBe('image/png'); // a separate cache entry per Accept class
    const fixed = await get(`${e.urlEndpoint}/h.png?tr=w-40,f-png`, { accept: 'image/webp' });
    expect(fixed.headers.get('vary')).toBeNull();
    const etag = fixed.headers.get('etag')!;
    const notModified = await fetch(`${e.urlEndpoint}/h.png?tr=w-40,f-png`, { headers: { 'if-none-match': etag } });
    expect(notModified.status).toBe(304);
    const head = await fetch(`${e.urlEndpoint}/h.png?tr=w-40,f-png`, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-type'), head.headers.get('etag')]).toEqual([200, 'image/png', etag]);
  });
});
