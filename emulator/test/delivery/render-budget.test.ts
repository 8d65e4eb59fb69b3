import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseTransformation } from '../../../shared/transformations/index.js';
import { RenderAborted, RenderPool } from '../../src/delivery/pool.js';
import { DEFAULT_RENDER_LIMITS, RenderBudget } from '../../src/delivery/render/budget.js';
import { renderImage } from '../../src/delivery/render/render.js';
import { withEmulator } from '../helpers/emulator.js';
import { get, uploadImage, type Fetched } from './http-helpers.js';
import { solid } from './pixels.js';

/** A small JPEG whose frame header (SOF0) is patched to claim 12000×12000 (144 MP): a stored "image" over the input limit. */
async function oversizedJpeg(): Promise<Buffer> {
  const jpeg = Buffer.from(await solid(16, 16, [10, 10, 10], 'jpeg'));
  const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
  jpeg.writeUInt16BE(12_000, sof + 5); // height
  jpeg.writeUInt16BE(12_000, sof + 7); // width
  return jpeg;
}

function expectLimit(r: Fetched, what: string) {
  expect(r.status, what).toBe(400);
  expect(r.headers.get('ik-error'), what).toMatch(/^ELIMIT - /);
  expect(JSON.parse(r.body.toString()), what).toEqual({ message: expect.stringMatching(/megapixel/), help: expect.any(String) });
}

/** Waits (polling, no fixed delay) until `condition` holds; fails after `tries` event-loop turns of 10 ms. */
async function until(condition: () => boolean, what: string, tries = 3000): Promise<void> {
  for (let i = 0; i < tries; i += 1) {
    if (condition()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for: ${what}`);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('render budget over HTTP (no auth needed, so an attacker meets it first)', () => {
  const emu = withEmulator();
  const url = (relative: string) => `${emu.current.urlEndpoint}/${relative}`;

  it('tr:w-10000,h-10000 is refused with ELIMIT before any pixel is decoded, and the server stays up', async () => {
    await uploadImage(emu.current, 'white.png', await solid(100, 100, [255, 255, 255]), { folder: '/pub' });
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
    try {
      expectLimit(await get(url('tr:w-10000,h-10000/pub/white.png')), 'path');
      expectLimit(await get(url('pub/white.png?tr=w-10000,h-10000,f-webp')), 'query');
    } finally {
      clearInterval(sampler);
    }
    // A 100 MP render holds at least 300 MB of pixels; a refusal before decoding holds none.
    expect(peak - before).toBeLessThan(100 * 1024 * 1024);
    expect((await get(url('tr:w-10/pub/white.png'))).status).toBe(200);
  });

  it('every stage that would grow past the output limit is refused before it runs: rotation, border, canvas layer, chained step', async () => {
    for (const tr of ['w-3600,h-3600,rt-45', 'b-2600_FF0000', 'l-image,i-ik_canvas,w-6000,h-6000,l-end', 'w-100:w-6000,h-6000']) {
      expectLimit(await get(url(`tr:${tr}/pub/white.png`)), tr);
    }
    expect((await get(url('tr:w-10/pub/white.png'))).status).toBe(200);
  });

  it('an input whose header claims more than the input limit is refused from the header', async () => {
    const stored = await uploadImage(emu.current, 'huge.jpg', await oversizedJpeg(), { folder: '/pub' });
    expect([stored.width, stored.height]).toEqual([12_000, 12_000]);
    const r = await get(url('tr:w-100/pub/huge.jpg'));
    expectLimit(r, 'pixel bomb');
    expect(JSON.parse(r.body.toString()).message).toMatch(/input/);
    expect((await get(url('tr:w-10/pub/white.png'))).status).toBe(200);
  });
});

describe('the render budget inside one render', () => {
  const steps = (tr: string) => parseTransformation(tr);
  const env = { hints: {}, loadFile: async () => undefined };

  it('a chain that stays under the per-image limit but goes over the total is refused part-way', async () => {
    const input = await solid(100, 100, [0, 0, 0]);
    const limits = { ...DEFAULT_RENDER_LIMITS, outputPixels: 1_000_000, totalPixels: 3_000_000 };
    // Each step produces 1 MP: the first three fit the total, the fourth does not.
    await expect(renderImage({ input, steps: steps('w-1000,h-1000,c-force:fl-h:fl-v'), accept: '', env, limits })).resolves.toMatchObject({ width: 1000 });
    await expect(renderImage({ input, steps: steps('w-1000,h-1000,c-force:fl-h:fl-v:fl-h'), accept: '', env, limits })).rejects.toMatchObject({
      status: 400,
      headers: { 'ik-error': expect.stringMatching(/^ELIMIT - .*in total/) },
    });
  });

  it('an aborted render stops at its next stage instead of finishing', async () => {
    const input = await solid(100, 100, [0, 0, 0]);
    const gone = new AbortController();
    const stages = vi.spyOn(RenderBudget.prototype, 'spend').mockImplementation(function (this: RenderBudget) {
      gone.abort(); // the client leaves while the first stage runs
      this.throwIfAborted();
    });
    await expect(renderImage({ input, steps: steps('w-200,c-force:fl-h:fl-v:e-grayscale'), accept: '', env, signal: gone.signal })).rejects.toBeInstanceOf(RenderAborted);
    expect(stages).toHaveBeenCalledTimes(1);
  });
});

describe('abandoned heavy renders do not hold up a thumbnail', () => {
  // The test counts the renders the pool starts: a background thumbnail of an upload would be one more.
  beforeAll(() => {
    process.env.IK_EMULATOR_PREWARM = 'off';
  });
  const emu = withEmulator();
  beforeAll(() => {
    delete process.env.IK_EMULATOR_PREWARM;
  });
  const url = (relative: string) => `${emu.current.urlEndpoint}/${relative}`;

  it('six heavy renders whose clients disconnect are dropped from the queue; a thumbnail queued after them is served first', async () => {
    await uploadImage(emu.current, 'big.jpg', await solid(2000, 2000, [40, 90, 160], 'jpeg'));
    await uploadImage(emu.current, 'thumb.png', await solid(300, 300, [200, 30, 30]));
    const run = vi.spyOn(RenderPool.prototype, 'run');
    const aborted = vi.spyOn(RenderBudget.prototype, 'throwIfAborted');

    const clients = Array.from({ length: 6 }, () => new AbortController());
    const heavy = clients.map((c, i) => fetch(url(`tr:w-5000,h-5000,e-grayscale,bl-20,f-png/big.jpg?client=${i}`), { signal: c.signal }).catch((e: unknown) => e));
    await until(() => run.mock.contexts.length === 6, 'all six heavy renders reached the pool');
    const pool = run.mock.contexts[0] as RenderPool;
    const heavySlots = Math.max(1, pool.concurrency - 1);
    await until(() => pool.active + pool.pending === 6, 'six renders running or queued');
    expect(pool.stats.startedHeavy).toBe(heavySlots); // heavy renders never take every slot
    const before = { ...pool.stats };

    for (const c of clients) c.abort();
    expect((await Promise.all(heavy)).every((e) => e instanceof Error && e.name === 'AbortError')).toBe(true);
    await until(() => pool.pending === 0, 'the queue emptied');
    // The queued ones were dropped without ever starting.
    expect(pool.stats.skipped - before.skipped).toBe(6 - heavySlots);
    expect(pool.stats.startedHeavy).toBe(heavySlots);

    const thumb = await get(url('tr:w-40,h-40/thumb.png'));
    expect([thumb.status, thumb.img?.width]).toEqual([200, 40]);
    expect(pool.stats.startedLight - before.startedLight).toBe(1);
    // Nothing that was dropped ever ran, before or after the thumbnail.
    await until(() => pool.active === 0, 'the running heavy renders stopped');
    expect(pool.stats.startedHeavy).toBe(heavySlots);
    // The running ones gave up at a stage boundary (sharp cannot stop mid-call) rather than rendering to the end.
    expect(aborted.mock.results.some((r) => r.type === 'throw')).toBe(true);
    expect((await get(url('tr:w-10/thumb.png'))).status).toBe(200);
  });

  it('with heavy renders running and queued, a thumbnail goes ahead of the queued ones', async () => {
    const run = vi.spyOn(RenderPool.prototype, 'run');
    const clients = Array.from({ length: 6 }, () => new AbortController());
    const heavy = clients.map((c, i) => fetch(url(`tr:w-5000,h-5000,e-grayscale,bl-20,f-png/big.jpg?live=${i}`), { signal: c.signal }).catch((e: unknown) => e));
    try {
      await until(() => run.mock.contexts.length === 6, 'all six heavy renders reached the pool');
      const pool = run.mock.contexts[0] as RenderPool;
      const startedHeavy = pool.stats.startedHeavy;
      const thumb = await get(url('tr:w-30,h-30/thumb.png'));
      expect([thumb.status, thumb.img?.width]).toEqual([200, 30]);
      // At most one more heavy render could have started while the thumbnail ran; four or more still wait.
      expect(pool.stats.startedHeavy - startedHeavy).toBeLessThanOrEqual(1);
      expect(pool.pending).toBeGreaterThanOrEqual(6 - Math.max(1, pool.concurrency - 1) - 1);
    } finally {
      for (const c of clients) c.abort();
      await Promise.all(heavy);
    }
  });
});
