import path from 'node:path';
import fc from 'fast-check';
import { toFile } from '@imagekit/nodejs';
import { afterEach, describe, expect, it } from 'vitest';
import { withEmulator } from '../../../emulator/test/helpers/emulator.js';
import { UploadQueue } from '../../services/upload-queue/upload-queue.js';
import type { TotalProgress } from '../../services/upload-queue/types.js';
import { bytes, removeTempDirs, tempDir, writeTree } from './helpers.js';

/**
 * Upload totals are exact to the byte at every point: every `total` the queue emits is checked, at the moment it
 * is emitted, against the items in the store. A done item counts its size once, an uploading one at most its
 * size, nothing else counts as sent; the total is the size of every item not skipped, cancelled or cleared.
 */
const clean = withEmulator();
// A quarter of the requests fail with 500 and some connections drop: retries and reconciliation in play.
const faulty = withEmulator({ faults: '500:0.25,drop:0.05' });
const FAST_RETRY = { baseDelayMs: 5, maxDelayMs: 40, maxAttempts: 30 };
const open: UploadQueue[] = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((q) => q.close()));
  await removeTempDirs();
});

interface Bounds {
  done: number;
  inFlightAtMost: number;
  total: number;
}

function boundsNow(q: UploadQueue): Bounds {
  const b = { done: 0, inFlightAtMost: 0, total: 0 };
  for (const it of q.items({ cleared: false })) {
    const size = it.size ?? 0;
    if (it.state === 'done') b.done += size;
    if (it.state === 'uploading') b.inFlightAtMost += size;
    if (it.state !== 'skipped' && it.state !== 'cancelled') b.total += size;
  }
  return b;
}

/** Records every emitted total with the bounds that held when it was emitted; `problems` lists each violation. */
function watchTotals(q: UploadQueue): { emitted: TotalProgress[]; problems: string[] } {
  const emitted: TotalProgress[] = [];
  const problems: string[] = [];
  q.on('total', (t) => {
    emitted.push(t);
    const b = boundsNow(q);
    if (t.totalBytes !== b.total) problems.push(`total ${t.totalBytes} ≠ ${b.total}`);
    if (t.bytesSent < b.done || t.bytesSent > b.done + b.inFlightAtMost) problems.push(`sent ${t.bytesSent} outside [${b.done}, ${b.done + b.inFlightAtMost}]`);
    if (t.bytesSent > t.totalBytes) problems.push(`sent ${t.bytesSent} > total ${t.totalBytes}`);
    if (t.bytesPerSecond < 0) problems.push(`negative speed ${t.bytesPerSecond}`);
  });
  return { emitted, problems };
}

async function newQueue(sdk: ConstructorParameters<typeof UploadQueue>[0], concurrency: number): Promise<UploadQueue> {
  const q = new UploadQueue(sdk, path.join(await tempDir('db'), 'queue.db'), { concurrency, retry: FAST_RETRY, totalIntervalMs: 0 });
  open.push(q);
  q.start();
  return q;
}

describe('upload totals', () => {
  it('the last total of a batch says exactly "all of it": a file that just finished is not also counted in flight', async () => {
    const src = await tempDir('src');
    const sizes = [869 * 1024, 300_000, 1, 0, 2_000_000];
    await writeTree(src, Object.fromEntries(sizes.map((size, i) => [`t${i}.bin`, bytes(i + 40, size)])));
    const q = await newQueue(clean.current.sdk, 2);
    const watch = watchTotals(q);
    const { batchId } = await q.add({ sources: [{ kind: 'path', path: src }], targetFolder: '/totals' });
    await q.whenIdle();
    expect(q.items({ batchId }).map((i) => i.state)).toEqual(sizes.map(() => 'done'));
    expect(watch.problems).toEqual([]);
    const sum = sizes.reduce((a, b) => a + b, 0);
    expect(watch.emitted.at(-1)).toMatchObject({ bytesSent: sum, totalBytes: sum });
  });

  it('a replacing batch counts the new sizes once; clearing finished items takes them out of the totals', async () => {
    const folder = '/replaced';
    for (const name of ['r1.bin', 'r2.bin']) {
      await clean.current.sdk.files.upload({ file: await toFile(bytes(1, 100), name), fileName: name, folder, useUniqueFileName: false });
    }
    const src = await tempDir('src');
    await writeTree(src, { 'r1.bin': bytes(50, 7000), 'r2.bin': bytes(51, 12345), 'fresh.bin': bytes(52, 999) });
    const q = await newQueue(clean.current.sdk, 3);
    const watch = watchTotals(q);
    await q.add({ sources: [{ kind: 'path', path: src }], targetFolder: folder, options: { onConflict: 'replace' } });
    await q.whenIdle();
    expect(watch.problems).toEqual([]);
    expect(q.totals()).toMatchObject({ bytesSent: 7000 + 12345 + 999, totalBytes: 7000 + 12345 + 999 });

    expect(q.clearFinished()).toHaveLength(3);
    expect(watch.emitted.at(-1)).toMatchObject({ bytesSent: 0, totalBytes: 0 });
    expect(q.totals()).toMatchObject({ bytesSent: 0, totalBytes: 0 });
    expect(q.items({ cleared: false })).toEqual([]);
  });

  it('property: under failures, retries, cancels and clears, every emitted total is exact', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 400_000 }), { minLength: 1, maxLength: 10 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.nat(), { maxLength: 3 }),
        fc.boolean(),
        async (sizes, concurrency, cancelPicks, clearBetween) => {
          const src = await tempDir('src');
          await writeTree(src, Object.fromEntries(sizes.map((size, i) => [`p${i}.bin`, bytes(i + 7, size)])));
          const q = await newQueue(faulty.current.sdk, concurrency);
          const watch = watchTotals(q);
          const folder = `/prop/${Math.random().toString(36).slice(2)}`;
          const { items } = await q.add({ sources: [{ kind: 'path', path: src }], targetFolder: folder });
          for (const pick of cancelPicks) q.cancel(items[pick % items.length]!.id);
          await q.whenIdle();
          // Failed items (retries used up) go again, and count again only once.
          for (const failed of q.items({ states: ['failed'] })) q.retryItem(failed.id);
          await q.whenIdle();
          if (clearBetween) q.clearFinished();
          const b = boundsNow(q);
          expect(watch.problems).toEqual([]);
          expect(q.totals()).toMatchObject({ bytesSent: b.done, totalBytes: b.total });
          await q.close();
        },
      ),
      { numRuns: 8 },
    );
  }, 180_000);
});
