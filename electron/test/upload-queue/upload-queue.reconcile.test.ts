import fs from 'node:fs/promises';
import path from 'node:path';
import { toFile } from '@imagekit/nodejs';
import { afterAll, describe, expect, it } from 'vitest';
import { withEmulator } from '../../../emulator/test/helpers/emulator.js';
import { QueueStore } from '../../services/upload-queue/queue-store.js';
import { UploadQueue } from '../../services/upload-queue/upload-queue.js';
import type { TargetSnapshot } from '../../services/upload-queue/types.js';
import { bytes, removeTempDirs, tempDir } from './helpers.js';

const emu = withEmulator();
afterAll(removeTempDirs);

/**
 * Builds the on-disk state a crash leaves: an item marked `uploading` + needsReconcile with its pre-send snapshot.
 * `landed` says whether the interrupted request had reached the library before the process died.
 */
async function crashedQueue(name: string, content: Buffer, snapshot: TargetSnapshot, conflictChoice: 'replace' | null, landed: boolean, unique = false) {
  const dir = await tempDir('rec');
  const file = path.join(dir, name);
  await fs.writeFile(file, content);
  const dbPath = path.join(dir, 'q.db');
  const store = new QueueStore(dbPath);
  const batchId = store.addBatch('/rec', 'default', { useUniqueFileName: unique }, [{ sourceKind: 'file', source: file, folder: '/rec', fileName: name, size: content.length }]);
  const [item] = store.items({ batchId });
  store.update(item.id, { state: 'uploading', attempts: 1, needsReconcile: true, snapshot, conflictChoice });
  store.close();
  if (landed) {
    await emu.current.sdk.files.upload({ file: await toFile(content, name), fileName: name, folder: '/rec', useUniqueFileName: unique, overwriteFile: true });
  }
  return { dbPath, itemId: item.id };
}

async function finish(dbPath: string, itemId: number) {
  const q = new UploadQueue(emu.current.sdk, dbPath, { retry: { baseDelayMs: 10, maxDelayMs: 100, maxAttempts: 5 } });
  q.start();
  await q.whenIdle();
  const item = q.item(itemId);
  await q.close();
  return item;
}

type Listed = { fileId: string; filePath: string; size: number; updatedAt?: string; versionInfo?: { id: string } };

async function fileAt(filePath: string): Promise<Listed | undefined> {
  const list = await emu.current.sdk.assets.list({ path: '/rec/', type: 'file' });
  return (list as Listed[]).find((f) => f.filePath === filePath);
}

async function snapshotOf(filePath: string): Promise<TargetSnapshot> {
  const f = await fileAt(filePath);
  if (!f) throw new Error(`${filePath} is not in the library`);
  return { existing: { fileId: f.fileId, versionId: f.versionInfo?.id ?? null, size: f.size, updatedAt: f.updatedAt ?? null } };
}

describe('reconciliation after a crash', () => {
  it('adopts a new file that landed while the process died instead of sending it again', async () => {
    const { dbPath, itemId } = await crashedQueue('landed.bin', bytes(1, 900), { existing: null }, null, true);
    const item = await finish(dbPath, itemId);
    expect(item.state).toBe('done');
    expect(item.result?.via).toBe('reconciled');
    const f = await fileAt('/rec/landed.bin');
    expect((await emu.current.sdk.files.versions.list(f?.fileId as string)).length).toBe(1);
  });

  it('sends a file whose interrupted attempt never arrived', async () => {
    const { dbPath, itemId } = await crashedQueue('lost.bin', bytes(2, 700), { existing: null }, null, false);
    const item = await finish(dbPath, itemId);
    expect(item.state).toBe('done');
    expect(item.result?.via).toBe('upload');
    expect((await fileAt('/rec/lost.bin'))?.size).toBe(700);
  });

  it('for a replace, tells a landed new version from the old one by version id', async () => {
    const sdk = emu.current.sdk;
    const v1 = await sdk.files.upload({ file: await toFile(bytes(3, 500), 'rep.bin'), fileName: 'rep.bin', folder: '/rec', useUniqueFileName: false });

    // Not landed: the old version is still current, so the queue must send (→ version 2).
    const a = await crashedQueue('rep.bin', bytes(4, 500), await snapshotOf('/rec/rep.bin'), 'replace', false);
    expect((await finish(a.dbPath, a.itemId)).result?.via).toBe('upload');
    expect(await sdk.files.versions.list(v1.fileId as string)).toHaveLength(2);

    // Landed: a new same-size version appeared after the snapshot, so nothing is sent (3 versions, not 4).
    const b = await crashedQueue('rep.bin', bytes(5, 500), await snapshotOf('/rec/rep.bin'), 'replace', true);
    const item = await finish(b.dbPath, b.itemId);
    expect(item.result?.via).toBe('reconciled');
    expect(await sdk.files.versions.list(v1.fileId as string)).toHaveLength(3);
  });

  it('with useUniqueFileName, adopts the one new same-size sibling and no file another item already owns', async () => {
    const sdk = emu.current.sdk;
    const content = bytes(6, 640);
    const old = await sdk.files.upload({ file: await toFile(content, 'u.bin'), fileName: 'u.bin', folder: '/rec', useUniqueFileName: true });
    const list = (await sdk.assets.list({ path: '/rec/', type: 'file' })) as Listed[];
    const siblingIds = list.filter((f) => f.filePath.startsWith('/rec/u')).map((f) => f.fileId);
    expect(siblingIds).toEqual([old.fileId]);

    const a = await crashedQueue('u.bin', content, { existing: null, siblingIds }, null, true, true);
    const item = await finish(a.dbPath, a.itemId);
    expect(item.result?.via).toBe('reconciled');
    expect(item.result?.fileId).not.toBe(old.fileId);
    expect(item.result?.name).toMatch(/^u_[A-Za-z0-9]+\.bin$/);

  });

  it('with useUniqueFileName, two interrupted items of the same file never adopt the same landed sibling', async () => {
    const sdk = emu.current.sdk;
    const content = bytes(7, 650);
    const dir = await tempDir('rec2');
    const file = path.join(dir, 'w.bin');
    await fs.writeFile(file, content);
    const dbPath = path.join(dir, 'q.db');
    const store = new QueueStore(dbPath);
    const item = { sourceKind: 'file' as const, source: file, folder: '/rec', fileName: 'w.bin', size: content.length };
    const batchId = store.addBatch('/rec', 'default', { useUniqueFileName: true }, [item, item]);
    for (const it of store.items({ batchId })) {
      store.update(it.id, { state: 'uploading', attempts: 1, needsReconcile: true, snapshot: { existing: null, siblingIds: [] } });
    }
    store.close();
    await sdk.files.upload({ file: await toFile(content, 'w.bin'), fileName: 'w.bin', folder: '/rec', useUniqueFileName: true }); // only one landed

    const q = new UploadQueue(sdk, dbPath, { concurrency: 1, retry: { baseDelayMs: 10, maxDelayMs: 100, maxAttempts: 5 } });
    q.start();
    await q.whenIdle();
    const [first, second] = q.items({ batchId });
    await q.close();
    expect([first.result?.via, second.result?.via]).toEqual(['reconciled', 'upload']);
    expect(first.result?.fileId).not.toBe(second.result?.fileId);
    const list = (await sdk.assets.list({ path: '/rec/', type: 'file' })) as Listed[];
    expect(list.filter((f) => /^\/rec\/w_/.test(f.filePath))).toHaveLength(2);
  });
});
