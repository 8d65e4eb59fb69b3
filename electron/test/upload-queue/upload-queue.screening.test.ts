import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { withEmulator } from '../../../emulator/test/helpers/emulator.js';
import { UploadQueue } from '../../services/upload-queue/upload-queue.js';
import type { LookalikeCheck } from '../../services/upload-queue/screening-lane.js';
import type { Lookalike, QueueItem } from '../../services/upload-queue/types.js';
import { bytes, removeTempDirs, tempDir, writeTree } from './helpers.js';

/**
 * The near-duplicate check runs beside the uploads: files waiting for their check never hold an upload slot,
 * so files behind them that need no check are sent meanwhile. The check itself is a controllable double here
 * (the real one, by pHash, is covered in upload-area/uploads-pipeline.test.ts); uploads go to the emulator.
 */
const emu = withEmulator();
const open: UploadQueue[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((q) => q.close()));
  await removeTempDirs();
});

function gatedCheck() {
  const gates = new Map<string, (found: Lookalike | null) => void>();
  const asked: string[] = [];
  const check: LookalikeCheck = {
    applies: (item) => item.fileName.endsWith('.jpg'),
    find: (item: QueueItem) => {
      asked.push(item.fileName);
      return new Promise((resolve) => gates.set(item.fileName, resolve));
    },
  };
  return { check, asked, release: (name: string, found: Lookalike | null) => gates.get(name)!(found) };
}

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(cond()).toBe(true);
};

describe('near-duplicate check beside the uploads', () => {
  it('sends files that need no check while images wait for theirs, with one upload slot', async () => {
    const src = await tempDir('src');
    await writeTree(src, { 'a.jpg': bytes(1, 3000), 'b.jpg': bytes(2, 3000), 'c.bin': bytes(3, 3000), 'd.bin': bytes(4, 3000) });
    const gate = gatedCheck();
    const q = new UploadQueue(emu.current.sdk, path.join(await tempDir('db'), 'q.db'), { concurrency: 1, lookalikes: gate.check });
    open.push(q);
    q.start();
    const { batchId } = await q.add({ sources: [{ kind: 'path', path: src }], targetFolder: '/screen', options: { nearDuplicateCheck: true } });
    const state = (name: string) => q.items({ batchId }).find((i) => i.fileName === name)!;
    await until(() => state('c.bin').state === 'done' && state('d.bin').state === 'done');
    expect(state('a.jpg')).toMatchObject({ state: 'pending', screened: false });
    expect(state('b.jpg')).toMatchObject({ state: 'pending', screened: false });
    expect(gate.asked.sort()).toEqual(['a.jpg', 'b.jpg']);

    gate.release('a.jpg', null);
    const match = { fileId: 'f1', name: 'old.jpg', filePath: '/screen/src/old.jpg', thumbnail: null, distance: 3 };
    gate.release('b.jpg', match);
    await q.whenIdle();
    expect(state('a.jpg')).toMatchObject({ state: 'done', screened: true });
    expect(state('b.jpg')).toMatchObject({ state: 'conflict', lookalike: match });
    // Uploading it anyway does not ask again.
    q.resolveConflict(state('b.jpg').id, 'keepBoth');
    await q.whenIdle();
    expect(state('b.jpg')).toMatchObject({ state: 'done', lookalike: null, screened: true });
    expect(gate.asked.filter((n) => n === 'b.jpg')).toHaveLength(1);
  });

  it('a batch without the check is never held', async () => {
    const src = await tempDir('src');
    await writeTree(src, { 'x.jpg': bytes(5, 100) });
    const gate = gatedCheck();
    const q = new UploadQueue(emu.current.sdk, path.join(await tempDir('db'), 'q.db'), { lookalikes: gate.check });
    open.push(q);
    q.start();
    await q.add({ sources: [{ kind: 'path', path: src }], targetFolder: '/no-check' });
    await q.whenIdle();
    expect(q.items().map((i) => i.state)).toEqual(['done']);
    expect(gate.asked).toEqual([]);
  });
});
