import path from 'node:path';
import Database from 'libsql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { withEmulator } from '../../../emulator/test/helpers/emulator.js';
import { QueueStore } from '../../services/upload-queue/queue-store.js';
import { UploadQueue } from '../../services/upload-queue/upload-queue.js';
import { bytes, listAll, removeTempDirs, tempDir, writeTree } from './helpers.js';

// Work the queue repeats for every file (each pass over the runnable files, each "is the batch done?") must not
// grow with the batch: a 10,000-file upload would spend most of its time there.
const emu = withEmulator();
const open: UploadQueue[] = [];

afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(open.splice(0).map((q) => q.close()));
  await removeTempDirs();
});

describe('upload queue passes', () => {
  it('asks the batch "any file unfinished?" through an index seek, and answers it right', async () => {
    const file = path.join(await tempDir('db'), 'queue.db');
    const store = new QueueStore(file);
    const items = Array.from({ length: 5 }, (_, i) => ({ sourceKind: 'file' as const, source: `/s/${i}`, folder: '/f', fileName: `${i}.bin`, size: 1 }));
    const batch = store.addBatch('/f', 'p', {}, items);
    const other = store.addBatch('/g', 'p', {}, items.slice(0, 1));
    const unfinished = ['receiving', 'pending', 'conflict', 'queued', 'uploading', 'paused'] as const;
    expect(store.hasItemIn(batch, unfinished)).toBe(true);
    store.moveStates(['pending'], 'done', batch);
    expect(store.hasItemIn(batch, unfinished)).toBe(false);
    expect(store.hasItemIn(other, unfinished)).toBe(true);
    store.close();

    const db = new Database(file);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN SELECT 1 FROM items WHERE batch_id = ? AND state IN (${unfinished.map(() => '?').join(',')}) LIMIT 1`)
      .all(batch, ...unfinished) as { detail: string }[];
    db.close();
    expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX items_batch_state \(batch_id=\? AND state=\?\)/);
  });

  it('without the look-alike check, reads no more runnable files per pass than it has free slots', async () => {
    const nextWork = vi.spyOn(QueueStore.prototype, 'nextWork');
    const src = await tempDir('src');
    await writeTree(src, Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`f${i}.bin`, bytes(i, 2000)])));
    const q = new UploadQueue(emu.current.sdk, path.join(await tempDir('db'), 'queue.db'), { concurrency: 2 });
    open.push(q);
    q.start();
    await q.add({ sources: [{ kind: 'path', path: src }], targetFolder: '/passes' });
    await q.whenIdle();
    expect(q.items().map((it) => it.state)).toEqual(Array(12).fill('done'));
    expect((await listAll(emu.current.sdk)).filter((f) => f.filePath.startsWith('/passes/'))).toHaveLength(12);
    const limits = nextWork.mock.calls.map(([, , limit]) => limit);
    expect(limits.length).toBeGreaterThan(0);
    expect(Math.max(...limits)).toBeLessThanOrEqual(2);
  });
});
