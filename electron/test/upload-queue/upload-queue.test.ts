import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startTestEmulator, withEmulator } from '../../../emulator/test/helpers/emulator.js';
import { UploadQueue } from '../../services/upload-queue/upload-queue.js';
import type { QueueItem } from '../../services/upload-queue/types.js';
import { bytes, download, listAll, removeTempDirs, sha, tempDir, writeTree } from './helpers.js';

// Its remote URLs and webhooks are test servers on 127.0.0.1, which only an opted-in emulator may reach.
const emu = withEmulator({ allowPrivateRemoteUrls: true });
const FAST_RETRY = { baseDelayMs: 20, maxDelayMs: 200, maxAttempts: 8 };
const open: UploadQueue[] = [];

async function newQueue(concurrency = 4): Promise<UploadQueue> {
  const q = new UploadQueue(emu.current.sdk, path.join(await tempDir('db'), 'queue.db'), { concurrency, retry: FAST_RETRY });
  open.push(q);
  q.start();
  return q;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((q) => q.close()));
  await removeTempDirs();
});

describe('UploadQueue against the emulator', () => {
  it('recreates a nested folder under the target folder with matching bytes, incl. zero-byte and unicode names', async () => {
    const src = await tempDir('src');
    const files: Record<string, Buffer> = {
      'album/a.bin': bytes(1, 5000),
      'album/empty.txt': Buffer.alloc(0),
      'album/deep/er/b.bin': bytes(2, 70_000),
      'album/deep/фото-日本.bin': bytes(3, 1234),
    };
    await writeTree(src, files);
    await writeTree(src, { 'loose.bin': bytes(4, 300) });
    const q = await newQueue();
    const progress: number[] = [];
    q.on('progress', (p) => progress.push(p.bytesSent));
    const finished: { batchId: number; done: number }[] = [];
    q.on('batchDone', (b) => finished.push({ batchId: b.batchId, done: b.counts.done }));
    const { batchId, items } = await q.add({
      sources: [{ kind: 'path', path: path.join(src, 'album') }, { kind: 'path', path: path.join(src, 'loose.bin') }],
      targetFolder: '/uploads/run1',
    });
    expect(items).toHaveLength(5);
    await q.whenIdle();
    const done = q.items({ batchId });
    expect(done.map((i) => i.state)).toEqual(Array(5).fill('done'));

    const lib = await listAll(emu.current.sdk);
    const expected: Record<string, Buffer> = {
      '/uploads/run1/album/a.bin': files['album/a.bin'],
      '/uploads/run1/album/empty.txt': files['album/empty.txt'],
      '/uploads/run1/album/deep/er/b.bin': files['album/deep/er/b.bin'],
      '/uploads/run1/album/deep/фото-日本.bin': files['album/deep/фото-日本.bin'],
      '/uploads/run1/loose.bin': bytes(4, 300),
    };
    for (const [filePath, content] of Object.entries(expected)) {
      const found = lib.filter((f) => f.filePath === filePath);
      expect(found, filePath).toHaveLength(1);
      expect(found[0].size).toBe(content.length);
      expect(sha(await download(found[0].url))).toBe(sha(content));
    }
    expect(Math.max(...progress)).toBe(70_000);
    expect(q.totals().bytesSent).toBe(q.totals().totalBytes);
    expect(finished).toEqual([{ batchId, done: 5 }]);
  });

  it('pauses and resumes a single item and all items', async () => {
    const src = await tempDir('src');
    await writeTree(src, Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`p${i}.bin`, bytes(i + 10, 2000)])));
    const q = await newQueue(1);
    const { batchId, items } = await q.add({ sources: [{ kind: 'path', path: src }], targetFolder: '/pause' });
    q.pause(items[5].id);
    q.pauseAll(batchId);
    await q.whenIdle();
    const paused = q.items({ batchId, states: ['paused'] });
    expect(paused.length).toBeGreaterThanOrEqual(5); // the one already running may have finished
    q.resume(items[5].id);
    await q.whenIdle();
    expect(q.item(items[5].id).state).toBe('done');
    q.resumeAll(batchId);
    await q.whenIdle();
    expect(q.items({ batchId }).every((i) => i.state === 'done')).toBe(true);
    const names = (await listAll(emu.current.sdk)).filter((f) => f.filePath.startsWith('/pause/')).map((f) => f.name).sort();
    expect(names).toEqual(['p0.bin', 'p1.bin', 'p2.bin', 'p3.bin', 'p4.bin', 'p5.bin']);
  });

  it('pauses an upload in flight and resumes it into exactly one file', async () => {
    const src = await tempDir('src');
    const content = bytes(25, 24 * 1024 * 1024);
    await writeTree(src, { 'inflight.bin': content });
    const q = await newQueue(1);
    const totals: number[] = [];
    q.on('total', (t) => totals.push(t.bytesPerSecond));
    const { items } = await q.add({ sources: [{ kind: 'path', path: src }], targetFolder: '/pause-inflight' });
    await new Promise<void>((resolve) => q.on('progress', (p) => p.bytesSent > 0 && resolve()));
    q.pause(items[0].id);
    await q.whenIdle();
    expect(q.item(items[0].id).state).toBe('paused');
    q.resume(items[0].id);
    await q.whenIdle();
    const item = q.item(items[0].id);
    expect(item.state).toBe('done');
    const lib = (await listAll(emu.current.sdk)).filter((f) => f.filePath.startsWith('/pause-inflight/'));
    expect(lib.map((f) => f.name)).toEqual(['inflight.bin']);
    expect(await emu.current.sdk.files.versions.list(lib[0].fileId)).toHaveLength(1);
    expect(sha(await download(lib[0].url))).toBe(sha(content));
    expect(Math.max(...totals)).toBeGreaterThan(0); // total progress carried a speed
  });

  it('asks the client factory for the client of the batch\'s profile', async () => {
    const asked: string[] = [];
    const q = new UploadQueue(
      (profileId) => {
        asked.push(profileId);
        return Promise.resolve(emu.current.sdk);
      },
      path.join(await tempDir('db'), 'q.db'),
      { retry: FAST_RETRY },
    );
    open.push(q);
    q.start();
    const src = await tempDir('src');
    await writeTree(src, { 'prof.bin': bytes(26, 10) });
    const { batchId } = await q.add({ sources: [{ kind: 'path', path: src }], targetFolder: '/profiles', profileId: 'work' });
    await q.whenIdle();
    expect(q.items({ batchId })[0].state).toBe('done');
    expect(new Set(asked)).toEqual(new Set(['work']));
  });

  it('cancels an item in flight and one waiting; neither lands, the rest do', async () => {
    const src = await tempDir('src');
    await writeTree(src, { 'big.bin': bytes(20, 24 * 1024 * 1024), 'c1.bin': bytes(21, 100), 'c2.bin': bytes(22, 100) });
    const q = await newQueue(1);
    const { batchId, items } = await q.add({ sources: [{ kind: 'path', path: src }], targetFolder: '/cancel' });
    const big = items.find((i) => i.fileName === 'big.bin') as QueueItem;
    const c2 = items.find((i) => i.fileName === 'c2.bin') as QueueItem;
    await new Promise<void>((resolve) => q.on('progress', (p) => p.itemId === big.id && p.bytesSent > 0 && resolve()));
    q.cancel(big.id);
    q.cancel(c2.id);
    await q.whenIdle();
    expect(q.item(big.id).state).toBe('cancelled');
    expect(q.item(c2.id).state).toBe('cancelled');
    expect(q.items({ batchId, states: ['done'] }).map((i) => i.fileName)).toEqual(['c1.bin']);
    const names = (await listAll(emu.current.sdk)).filter((f) => f.filePath.startsWith('/cancel/')).map((f) => f.name);
    expect(names).toEqual(['c1.bin']);
  });

  it('decides conflicts before sending: ask, then replace / keep both / skip per item and for all', async () => {
    const src = await tempDir('src');
    await writeTree(src, { 'r.bin': bytes(30, 10), 'k.bin': bytes(31, 11), 's.bin': bytes(32, 12), 'n.bin': bytes(33, 13) });
    const q = await newQueue();
    const first = await q.add({ sources: [{ kind: 'path', path: src }], targetFolder: '/conflicts' });
    await q.whenIdle();
    expect(q.items({ batchId: first.batchId }).every((i) => i.state === 'done')).toBe(true);

    await writeTree(src, { 'r.bin': bytes(40, 20), 'k.bin': bytes(41, 21), 's.bin': bytes(42, 22) });
    await writeTree(src, { 'n.bin': bytes(43, 23) });
    const second = await q.add({ sources: [{ kind: 'path', path: src }], targetFolder: '/conflicts' });
    await q.whenIdle();
    const byName = (n: string) => q.items({ batchId: second.batchId }).find((i) => i.fileName === n) as QueueItem;
    expect(q.items({ batchId: second.batchId }).map((i) => i.state)).toEqual(['conflict', 'conflict', 'conflict', 'conflict']);
    q.resolveConflict(byName('r.bin').id, 'replace');
    q.resolveConflict(byName('k.bin').id, 'keepBoth');
    q.resolveConflict(byName('s.bin').id, 'skip');
    q.resolveAllConflicts('keepBoth', second.batchId);
    await q.whenIdle();
    expect(byName('r.bin').state).toBe('done');
    expect(byName('s.bin').state).toBe('skipped');
    expect(byName('k.bin').result?.name).toBe('k-1.bin');
    expect(byName('n.bin').result?.name).toBe('n-1.bin');

    const lib = (await listAll(emu.current.sdk)).filter((f) => f.filePath.startsWith('/conflicts/'));
    const size = (n: string) => lib.find((f) => f.name === n)?.size;
    expect(lib.map((f) => f.name).sort()).toEqual(['k-1.bin', 'k.bin', 'n-1.bin', 'n.bin', 'r.bin', 's.bin']);
    expect([size('r.bin'), size('k.bin'), size('k-1.bin'), size('s.bin')]).toEqual([20, 11, 21, 12]);
    const rId = lib.find((f) => f.name === 'r.bin')?.fileId as string;
    const versions = await emu.current.sdk.files.versions.list(rId);
    expect(versions).toHaveLength(2); // replace made a new version, not a new file
  });

  it('applies a batch-wide conflict policy without asking', async () => {
    const src = await tempDir('src');
    await writeTree(src, { 'x.bin': bytes(50, 10) });
    const q = await newQueue();
    await q.add({ sources: [{ kind: 'path', path: src }], targetFolder: '/policy' });
    await q.whenIdle();
    const again = await q.add({ sources: [{ kind: 'path', path: src }], targetFolder: '/policy', options: { onConflict: 'skip' } });
    await q.whenIdle();
    expect(q.items({ batchId: again.batchId })[0].state).toBe('skipped');
  });

  it('sends every upload option through (tags, custom metadata, private flag, description, coordinates)', async () => {
    const sdk = emu.current.sdk;
    await sdk.customMetadataFields.create({ name: 'credit', label: 'Credit', schema: { type: 'Text' } });
    const src = await tempDir('src');
    await writeTree(src, { 'opt.bin': bytes(60, 64) });
    const q = await newQueue();
    const { batchId } = await q.add({
      sources: [{ kind: 'path', path: src }],
      targetFolder: '/options',
      options: {
        tags: ['one', 'two'],
        isPrivateFile: true,
        customMetadata: { credit: 'MediaDesk' },
        description: 'desc',
        customCoordinates: '1,2,3,4',
        responseFields: ['tags', 'customMetadata', 'isPrivateFile'],
      },
    });
    await q.whenIdle();
    const item = q.items({ batchId })[0];
    expect(item.state).toBe('done');
    const details = await sdk.files.get(item.result?.fileId as string);
    expect(details.tags).toEqual(['one', 'two']);
    expect(details.isPrivateFile).toBe(true);
    expect(details.customMetadata).toEqual({ credit: 'MediaDesk' });
    expect(details.description).toBe('desc');
    expect(details.customCoordinates).toBe('1,2,3,4');
  });

  it('passes extensions and webhookUrl through and keeps the per-extension status', async () => {
    const src = await tempDir('src');
    await writeTree(src, { 'ext.bin': bytes(61, 64) });
    const q = await newQueue();
    const { batchId } = await q.add({
      sources: [{ kind: 'path', path: src }],
      targetFolder: '/ext',
      options: { extensions: [{ name: 'google-auto-tagging', minConfidence: 60, maxTags: 5 }], webhookUrl: 'http://127.0.0.1:9/hook' },
    });
    await q.whenIdle();
    const item = q.items({ batchId })[0];
    expect(item.state, item.errorMessage ?? '').toBe('done');
    expect(Object.keys(item.result?.extensionStatus ?? {})).toEqual(['google-auto-tagging']);
  });

  it('fails a 4xx with the server message and advice, without retrying it', async () => {
    const sdk = emu.current.sdk;
    const src = await tempDir('src');
    await writeTree(src, { 'meta.bin': bytes(70, 10) });
    const q = await newQueue();
    const { batchId } = await q.add({ sources: [{ kind: 'path', path: src }], targetFolder: '/bad', options: { customMetadata: { noSuchField: 1 } } });
    await q.whenIdle();
    const item = q.items({ batchId })[0];
    expect(item.state).toBe('failed');
    expect(item.attempts).toBe(1);
    expect(item.errorMessage).toMatch(/metadata|field/i);
    expect(item.errorHelp).toMatch(/custom metadata/i);
    expect((await listAll(sdk)).some((f) => f.filePath.startsWith('/bad/'))).toBe(false);
  });

  it('reports an oversized file as a clear final error', async () => {
    const small = await startTestEmulator({ limits: { maxUploadBytes: 1000 } });
    try {
      const src = await tempDir('src');
      await writeTree(src, { 'huge.bin': bytes(80, 5000) });
      const q = new UploadQueue(small.sdk, path.join(await tempDir('db'), 'q.db'), { retry: FAST_RETRY });
      open.push(q);
      q.start();
      const { batchId } = await q.add({ sources: [{ kind: 'path', path: src }] });
      await q.whenIdle();
      const item = q.items({ batchId })[0];
      expect(item.state).toBe('failed');
      expect(item.errorMessage).toMatch(/size|large|limit/i);
      expect(item.errorHelp).toMatch(/larger than your plan/i);
    } finally {
      await small.close();
    }
  });

  it('uploads a remote URL served from loopback', async () => {
    const http = await import('node:http');
    const payload = bytes(90, 4321);
    const server = http.createServer((_req, res) => res.end(payload));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const port = (server.address() as { port: number }).port;
      const q = await newQueue();
      const { batchId } = await q.add({ sources: [{ kind: 'url', url: `http://127.0.0.1:${port}/files/remote.bin` }], targetFolder: '/remote' });
      await q.whenIdle();
      const item = q.items({ batchId })[0];
      expect(item.state, item.errorMessage ?? '').toBe('done');
      expect(item.result?.filePath).toBe('/remote/remote.bin');
      const lib = (await listAll(emu.current.sdk)).find((f) => f.filePath === '/remote/remote.bin');
      expect(sha(await download(lib?.url as string))).toBe(sha(payload));
    } finally {
      server.close();
    }
  });

  it('refuses a missing source path with a specific error and adds nothing', async () => {
    const q = await newQueue();
    await expect(q.add({ sources: [{ kind: 'path', path: '/definitely/not/here.bin' }] })).rejects.toThrow(/Cannot read "\/definitely\/not\/here.bin": ENOENT/);
    expect(q.items()).toHaveLength(0);
  });
});
