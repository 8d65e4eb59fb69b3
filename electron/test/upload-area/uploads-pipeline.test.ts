import sharp from 'sharp';
import { toFile } from '@imagekit/nodejs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bytes, download, listAll, sha } from '../upload-queue/helpers';
import { startUploadsHarness, type UploadsHarness } from './harness';
import type { UploadItem } from '../../../shared/domain/uploads';

/**
 * The upload pipeline behind the contract: a batch is queued at once, each file is sent as soon as its own
 * bytes are in (while the window still sends the next ones), and the near-duplicate check holds only the
 * file that looks like a library image, just before it would be sent.
 */
let h: UploadsHarness;
beforeEach(async () => {
  h = await startUploadsHarness();
});
afterEach(async () => {
  await h.close();
});

async function sendChunks(stagedId: string, content: Buffer, chunk = 64 * 1024): Promise<void> {
  for (let offset = 0; offset < content.length; offset += chunk) {
    await h.data('uploads.stage.chunk', { stagedId, offset, data: content.subarray(offset, offset + chunk).toString('base64') });
  }
  await h.data('uploads.stage.end', { stagedId });
}

const itemsOf = async (batchId: number): Promise<UploadItem[]> => (await h.data('uploads.list')).items.filter((i) => i.batchId === batchId);

async function settled(itemId: number, states: string[]): Promise<UploadItem> {
  for (let i = 0; i < 200; i++) {
    const item = (await h.data('uploads.list')).items.find((it) => it.id === itemId)!;
    if (states.includes(item.state)) return item;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`item ${itemId} did not reach ${states.join('/')}: ${JSON.stringify((await h.data('uploads.list')).items.find((it) => it.id === itemId))}`);
}

describe('uploads pipeline', () => {
  it('queues incoming files at once and uploads the first while the last has not been sent yet', async () => {
    const files = [
      { relativePath: 'first.bin', content: bytes(1, 200_000) },
      { relativePath: 'album/second.bin', content: bytes(2, 90_000) },
      { relativePath: 'album/deep/last.bin', content: bytes(3, 150_000) },
    ];
    const added = await h.data('uploads.add', {
      sources: files.map((f) => ({ kind: 'incoming', relativePath: f.relativePath, size: f.content.length })),
      targetFolder: '/pipe',
      options: {},
    });
    expect(added.items.map((i) => [i.fileName, i.folder, i.state])).toEqual([
      ['first.bin', '/pipe', 'receiving'],
      ['second.bin', '/pipe/album', 'receiving'],
      ['last.bin', '/pipe/album/deep', 'receiving'],
    ]);
    expect(added.incoming.map((i) => i.itemId)).toEqual(added.items.map((i) => i.id));
    // Nothing is sent for a file whose bytes are not all in.
    const totalsBefore = (await h.data('uploads.list')).totals;
    expect(totalsBefore).toMatchObject({ bytesSent: 0, totalBytes: 440_000 });

    await sendChunks(added.incoming[0]!.stagedId, files[0]!.content);
    // The first file lands while the last one's bytes are still with the window.
    await settled(added.incoming[0]!.itemId, ['done']);
    expect((await itemsOf(added.batchId)).map((i) => i.state)).toEqual(['done', 'receiving', 'receiving']);

    await sendChunks(added.incoming[1]!.stagedId, files[1]!.content);
    await sendChunks(added.incoming[2]!.stagedId, files[2]!.content);
    await h.waitFor('uploads.batchDone', (p) => p.summary.batchId === added.batchId);
    const lib = await listAll(h.sdk);
    for (const f of files) {
      const found = lib.find((l) => l.filePath === `/pipe/${f.relativePath}`)!;
      expect(sha(await download(found.url)), f.relativePath).toBe(sha(f.content));
    }
    expect((await h.data('uploads.list')).totals).toMatchObject({ bytesSent: 440_000, totalBytes: 440_000 });
    // Cleared finished items leave the totals too.
    await h.data('uploads.clearFinished');
    expect((await h.data('uploads.list')).totals).toMatchObject({ bytesSent: 0, totalBytes: 0 });
  });

  it('a file the window gives up on fails with the reason; cancelling one still arriving never sends it', async () => {
    const added = await h.data('uploads.add', {
      sources: [
        { kind: 'incoming', relativePath: 'dropped.bin', size: 1000 },
        { kind: 'incoming', relativePath: 'cancelled.bin', size: 1000 },
      ],
      targetFolder: '/gaveup',
      options: {},
    });
    const [dropped, cancelled] = added.incoming;
    await h.data('uploads.stage.discard', { id: dropped!.stagedId });
    expect(await settled(dropped!.itemId, ['failed'])).toMatchObject({ errorMessage: expect.stringMatching(/did not arrive completely/) });
    await h.data('uploads.cancel', { itemId: cancelled!.itemId });
    await h.data('uploads.pause', { itemId: cancelled!.itemId }); // no effect once cancelled
    expect(await settled(cancelled!.itemId, ['cancelled'])).toBeDefined();
    expect((await listAll(h.sdk)).filter((f) => f.filePath.startsWith('/gaveup/'))).toEqual([]);
  });

  it('holds only the image that looks like one in the folder; the others upload meanwhile; skip or upload anyway', async () => {
    const gradient = async (flip: boolean, tint = 0) => {
      const w = 64;
      const raw = Buffer.alloc(w * w * 3);
      for (let y = 0; y < w; y++) for (let x = 0; x < w; x++) {
        const v = flip ? (y * 4) % 256 : (x * 4 + y) % 256;
        raw.set([v, Math.min(255, v + tint), 255 - v], (y * w + x) * 3);
      }
      return sharp(raw, { raw: { width: w, height: w, channels: 3 } }).png().toBuffer();
    };
    await h.sdk.files.upload({ file: await toFile(await gradient(false), 'orig.png'), fileName: 'orig.png', folder: '/near', useUniqueFileName: false });
    // The same picture smaller, tinted and re-encoded as JPEG: different bytes, same look.
    const lookalike = await sharp(await gradient(false, 6)).resize(48).jpeg({ quality: 70 }).toBuffer();
    const files = [
      { relativePath: 'similar.jpg', content: lookalike },
      { relativePath: 'other.png', content: await gradient(true) },
      { relativePath: 'notes.txt', content: Buffer.from('not an image') },
      { relativePath: 'similar-again.jpg', content: lookalike },
    ];
    const added = await h.data('uploads.add', {
      sources: files.map((f) => ({ kind: 'incoming', relativePath: f.relativePath, size: f.content.length })),
      targetFolder: '/near',
      options: { nearDuplicateCheck: true },
    });
    for (const [i, f] of files.entries()) await sendChunks(added.incoming[i]!.stagedId, f.content);
    const [similar, other, notes, again] = added.incoming.map((i) => i.itemId);
    expect(await settled(other!, ['done'])).toBeDefined();
    expect(await settled(notes!, ['done'])).toBeDefined();
    const held = await settled(similar!, ['conflict']);
    expect(held.lookalike).toMatchObject({ name: 'orig.png', filePath: '/near/orig.png' });
    expect(held.lookalike!.distance).toBeLessThanOrEqual(6);
    await settled(again!, ['conflict']);

    await h.data('uploads.resolveConflict', { itemId: similar!, choice: 'skip' });
    await h.data('uploads.resolveConflict', { itemId: again!, choice: 'keepBoth' });
    expect(await settled(similar!, ['skipped'])).toBeDefined();
    expect(await settled(again!, ['done'])).toMatchObject({ lookalike: null, targetName: 'similar-again.jpg' });
    const names = (await listAll(h.sdk)).filter((f) => f.filePath.startsWith('/near/')).map((f) => f.name).sort();
    expect(names).toEqual(['notes.txt', 'orig.png', 'other.png', 'similar-again.jpg']);
  });

  it('a file still arriving when the app stops fails at the next start, saying to drop it again', async () => {
    const added = await h.data('uploads.add', { sources: [{ kind: 'incoming', relativePath: 'half.bin', size: 5000 }], targetFolder: '/half', options: {} });
    await h.data('uploads.stage.chunk', { stagedId: added.incoming[0]!.stagedId, offset: 0, data: bytes(9, 1000).toString('base64') });
    await h.restart();
    expect(await settled(added.incoming[0]!.itemId, ['failed'])).toMatchObject({
      errorMessage: 'The window closed before all of this file arrived.',
      errorHelp: 'Drop or pick the file again to upload it.',
    });
  });
});
