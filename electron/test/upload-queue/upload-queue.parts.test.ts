import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withEmulator } from '../../../emulator/test/helpers/emulator.js';
import { UploadQueue } from '../../services/upload-queue/upload-queue.js';
import { bytes, listAll, removeTempDirs, tempDir, writeTree } from './helpers.js';

/**
 * A large selection from the window is queued in parts (`more`, then `batchId`), so its first files upload while
 * the rest is still being registered: one batch, reported finished once, after its last part, with every file.
 */
const emu = withEmulator();
const open: UploadQueue[] = [];

async function newQueue(): Promise<UploadQueue> {
  const q = new UploadQueue(emu.current.sdk, path.join(await tempDir('db'), 'queue.db'), { concurrency: 2 });
  open.push(q);
  q.start();
  return q;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((q) => q.close()));
  await removeTempDirs();
});

describe('a batch queued in parts', () => {
  it('is one batch, reported finished only after its last part, even when the first part finished before it came', async () => {
    const src = await tempDir('src');
    await writeTree(src, { 'a.bin': bytes(1, 3000), 'b.bin': bytes(2, 4000), 'c.bin': bytes(3, 5000) });
    const q = await newQueue();
    const finished: { batchId: number; done: number }[] = [];
    q.on('batchDone', (b) => finished.push({ batchId: b.batchId, done: b.counts.done }));

    const first = await q.add({ sources: [{ kind: 'path', path: path.join(src, 'a.bin') }], targetFolder: '/parts', more: true });
    await q.whenIdle();
    expect(q.item(first.items[0]!.id).state).toBe('done');
    expect(finished).toEqual([]); // more is on its way: not finished yet

    const second = await q.add({
      sources: [{ kind: 'path', path: path.join(src, 'b.bin') }, { kind: 'path', path: path.join(src, 'c.bin') }],
      // The batch's own folder applies to a later part, whatever the part says.
      targetFolder: '/elsewhere',
      batchId: first.batchId,
    });
    expect(second.batchId).toBe(first.batchId);
    expect(second.items.map((it) => it.fileName)).toEqual(['b.bin', 'c.bin']); // this part's items only
    await q.whenIdle();
    expect(finished).toEqual([{ batchId: first.batchId, done: 3 }]);
    expect(q.items({ batchId: first.batchId }).map((it) => [it.seq, it.folder])).toEqual([
      [0, '/parts'],
      [1, '/parts'],
      [2, '/parts'],
    ]);
    const stored = (await listAll(emu.current.sdk)).map((f) => f.filePath).sort();
    expect(stored).toEqual(['/parts/a.bin', '/parts/b.bin', '/parts/c.bin']);
  });

  it('refuses a part for a batch that is not expecting one (finished, unknown, or another profile\'s) and adds nothing', async () => {
    const src = await tempDir('src');
    await writeTree(src, { 'a.bin': bytes(4, 100), 'b.bin': bytes(5, 100) });
    const q = await newQueue();
    const a = path.join(src, 'a.bin');
    const closed = await q.add({ sources: [{ kind: 'path', path: a }], targetFolder: '/x' });
    const open = await q.add({ sources: [{ kind: 'path', path: a }], targetFolder: '/y', profileId: 'p1', more: true });
    const part = { sources: [{ kind: 'path' as const, path: path.join(src, 'b.bin') }] };
    await expect(q.add({ ...part, batchId: closed.batchId })).rejects.toThrow(/not taking more files/);
    await expect(q.add({ ...part, batchId: 999 })).rejects.toThrow(/not taking more files/);
    await expect(q.add({ ...part, batchId: open.batchId, profileId: 'p2' })).rejects.toThrow(/not taking more files/);
    expect(q.items().map((it) => it.fileName)).toEqual(['a.bin', 'a.bin']);
    // The right profile may add to it.
    await q.add({ ...part, batchId: open.batchId, profileId: 'p1' });
    expect(q.items({ batchId: open.batchId }).map((it) => it.fileName)).toEqual(['a.bin', 'b.bin']);
  });

  it('takes no further part once the batch was cancelled, and then reports it finished', async () => {
    const src = await tempDir('src');
    await writeTree(src, { 'a.bin': bytes(6, 100), 'b.bin': bytes(7, 100) });
    const q = await newQueue();
    const finished: number[] = [];
    q.on('batchDone', (b) => finished.push(b.counts.cancelled));
    const first = await q.add({ sources: [{ kind: 'path', path: path.join(src, 'a.bin') }], targetFolder: '/c', more: true });
    q.cancelAll(first.batchId);
    await expect(q.add({ sources: [{ kind: 'path', path: path.join(src, 'b.bin') }], batchId: first.batchId })).rejects.toThrow(/not taking more files/);
    await q.whenIdle();
    expect(q.items({ batchId: first.batchId }).map((it) => it.state)).toEqual(['cancelled']);
    expect(finished).toEqual([1]);
  });
});
