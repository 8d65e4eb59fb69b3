import { availableParallelism } from 'node:os';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { RenderPool } from '../../src/delivery/pool.js';
import { withEmulator } from '../helpers/emulator.js';
import { get, uploadImage } from './http-helpers.js';
import { at, near, solid } from './pixels.js';

describe('delivery errors, versions, default images and load', () => {
  // The load test counts every render the pool runs: no background thumbnails of the uploads here.
  beforeAll(() => {
    process.env.IK_EMULATOR_PREWARM = 'off';
  });
  const emu = withEmulator();
  beforeAll(() => {
    delete process.env.IK_EMULATOR_PREWARM;
  });

  it('a missing file is a 404 with the ik-error header', async () => {
    const r = await get(`${emu.current.urlEndpoint}/nope/missing.jpg`);
    expect(r.status).toBe(404);
    expect(r.headers.get('ik-error')).toMatch(/^ENOENT/);
  });

  it('di- serves the default image with the same transformation when the file is missing', async () => {
    await uploadImage(emu.current, 'fallback.png', await solid(100, 100, [0, 255, 0]), { folder: '/defaults' });
    const r = await get(`${emu.current.urlEndpoint}/tr:w-40,di-defaults@@fallback.png/nope/missing.jpg`);
    expect([r.status, r.img?.width]).toEqual([200, 40]);
  });

  it('a bad parameter is a 400 whose message and ik-error name it; an empty tr: is a 400', async () => {
    await uploadImage(emu.current, 'x.png', await solid(20, 20, [1, 2, 3]));
    for (const [tr, param] of [['w-abc', 'w'], ['q-500', 'q'], ['zz-1', 'zz'], ['fo-!!', 'fo']]) {
      const r = await get(`${emu.current.urlEndpoint}/x.png?tr=${tr}`);
      expect(r.status, tr).toBe(400);
      expect(JSON.parse(r.body.toString()).message, tr).toContain(`"${param}"`);
      expect(r.headers.get('ik-error'), tr).toContain(param);
    }
    expect((await get(`${emu.current.urlEndpoint}/tr:/x.png`)).status).toBe(400);
  });

  it('ik-obj-version serves an older version; orig-true serves the original bytes', async () => {
    const e = emu.current;
    const v1 = await uploadImage(e, 'v.png', await solid(30, 30, [255, 0, 0]));
    await uploadImage(e, 'v.png', await solid(30, 30, [0, 0, 255]), { overwriteFile: true });
    const old = await get(`${e.urlEndpoint}/v.png?ik-obj-version=${v1.versionInfo!.id}`);
    expect(near(at(old.img!, 5, 5), [255, 0, 0], 0)).toBe(true);
    const current = await get(`${e.urlEndpoint}/v.png?tr=w-10,orig-true`);
    expect([current.img?.width, near(at(current.img!, 5, 5), [0, 0, 255], 0)]).toEqual([30, true]);
  });

  it('200 concurrent thumbnail requests queue in the bounded render pool and all succeed', async () => {
    const e = emu.current;
    await uploadImage(e, 'burst.jpg', await solid(1200, 900, [90, 90, 200], 'jpeg'));
    // Watch the pool the running emulator uses (same process): how many renders run at once, how many wait.
    const seen = { maxActive: 0, maxPending: 0, runs: 0 };
    const original = RenderPool.prototype.run;
    RenderPool.prototype.run = function <T>(this: RenderPool, task: () => Promise<T>): Promise<T> {
      const p = original.call(this, async () => {
        seen.runs += 1;
        seen.maxActive = Math.max(seen.maxActive, this.active);
        return task();
      }) as Promise<T>;
      seen.maxPending = Math.max(seen.maxPending, this.pending);
      return p;
    };
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
    try {
      const results = await Promise.all(
        Array.from({ length: 200 }, (_, i) => fetch(`${e.urlEndpoint}/burst.jpg?tr=w-100,h-100&updatedAt=${i}`).then(async (r) => [r.status, r.headers.get('content-type'), Buffer.from(await r.arrayBuffer())] as const)),
      );
      expect(results.every(([status]) => status === 200)).toBe(true);
      const dims = await Promise.all(results.slice(0, 5).map(([, , body]) => sharp(body).metadata()));
      expect(dims.map((d) => [d.width, d.height])).toEqual(Array(5).fill([100, 100]));
    } finally {
      clearInterval(sampler);
      RenderPool.prototype.run = original;
    }
    expect(seen.runs).toBe(200); // every URL is distinct (updatedAt), so each one rendered
    expect(seen.maxActive).toBeGreaterThanOrEqual(1);
    expect(seen.maxActive).toBeLessThanOrEqual(availableParallelism());
    expect(seen.maxPending).toBeGreaterThan(0); // the burst queued instead of decoding 200 images at once
    expect(peak - baseline).toBeLessThan(300 * 1024 * 1024);
  });
});

describe('corrupt stored images', () => {
  const emu = withEmulator();
  it('a truncated JPEG answers 400 with an UNIDENTIFIED ik-error instead of a 500', async () => {
    const jpeg = await solid(600, 400, [10, 200, 30], 'jpeg');
    const truncated = Buffer.concat([jpeg.subarray(0, Math.floor(jpeg.length / 3))]);
    await uploadImage(emu.current, 'broken.jpg', truncated);
    const r = await get(`${emu.current.urlEndpoint}/broken.jpg?tr=w-100`);
    expect(r.status).toBe(400);
    expect(r.headers.get('ik-error')).toMatch(/^UNIDENTIFIED/);
    expect((await get(`${emu.current.urlEndpoint}/broken.jpg`)).status).toBe(200); // the original bytes are still served
  });
});

describe('client hints and coalescing', () => {
  const emu = withEmulator();
  it('w-auto follows Sec-CH-Width (rounded up to 100) and caches each width separately', async () => {
    await uploadImage(emu.current, 'hint.jpg', await solid(1000, 500, [100, 100, 100], 'jpeg'));
    const url = `${emu.current.urlEndpoint}/hint.jpg?tr=w-auto`;
    expect((await get(url, { 'sec-ch-width': '230' })).img?.width).toBe(300);
    expect((await get(url, { 'sec-ch-width': '420' })).img?.width).toBe(500);
    expect((await get(url)).img?.width).toBe(1000);
  });

  it('identical concurrent misses share one render and one ETag', async () => {
    await uploadImage(emu.current, 'same.jpg', await solid(800, 600, [100, 10, 10], 'jpeg'));
    const url = `${emu.current.urlEndpoint}/same.jpg?tr=w-64,h-64`;
    const responses = await Promise.all(Array.from({ length: 20 }, () => fetch(url)));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(new Set(responses.map((r) => r.headers.get('etag'))).size).toBe(1);
  });
});
