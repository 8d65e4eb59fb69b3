import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bytes, download, listAll, sha } from '../upload-queue/helpers';
import { startUploadsHarness, type UploadsHarness } from './harness';
import { roots, stageBytes } from './stage';
import type { UploadItem } from '../../../shared/domain/uploads';

let h: UploadsHarness;
beforeEach(async () => {
  h = await startUploadsHarness({ limits: { maxUploadBytes: 256 * 1024 } });
});
afterEach(async () => {
  await h.close();
});

const finalOf = (batchId: number) =>
  h.waitFor('uploads.batchDone', (p) => p.summary.batchId === batchId).then(async () => (await h.data('uploads.list')).items.filter((i) => i.batchId === batchId));

describe('uploads area: staged drops', () => {
  it('lands three files and a nested folder at the right paths with the same bytes, then removes the staged copies', async () => {
    const files: Record<string, Buffer> = {
      'a.bin': bytes(1, 70_000),
      'b.txt': Buffer.from('hello'),
      'Ünïcode név.txt': Buffer.from('unicode'),
      'album/one.bin': bytes(2, 1000),
      'album/deep/two.bin': bytes(3, 2000),
    };
    let groupId: string | undefined;
    for (const [rel, content] of Object.entries(files)) groupId = (await stageBytes(h, rel, content, groupId)).groupId;
    const sources = roots(groupId!, Object.keys(files)).map((stagedId) => ({ kind: 'staged' as const, stagedId }));
    const added = await h.data('uploads.add', { sources, targetFolder: '/drop', options: {} });
    expect(added.items).toHaveLength(5);

    const items = await finalOf(added.batchId);
    expect(items.map((i) => i.state)).toEqual(['done', 'done', 'done', 'done', 'done']);
    const listed = await listAll(h.sdk);
    const byPath = new Map(listed.map((f) => [f.filePath, f]));
    const expected: Record<string, Buffer> = {
      '/drop/a.bin': files['a.bin']!,
      '/drop/b.txt': files['b.txt']!,
      '/drop/Ünïcode_név.txt': files['Ünïcode név.txt']!,
      '/drop/album/one.bin': files['album/one.bin']!,
      '/drop/album/deep/two.bin': files['album/deep/two.bin']!,
    };
    for (const [filePath, content] of Object.entries(expected)) {
      const file = byPath.get(filePath);
      expect(file, filePath).toBeDefined();
      expect(sha(await download(file!.url))).toBe(sha(content));
    }
    // Items name their source by the path inside the drop, never by the temp folder.
    expect(items.map((i) => i.sourceLabel).sort()).toEqual(Object.keys(files).sort());
    await expect.poll(() => existsSync(path.join(h.dataDir, 'profiles', 'local', 'staging', groupId!))).toBe(false);
    const done = await h.waitFor('uploads.batchDone', (p) => p.summary.batchId === added.batchId);
    expect(done.summary.counts.done).toBe(5);
    expect(done.summary.folders.sort()).toEqual(['/drop', '/drop/album', '/drop/album/deep']);
  });

  it('tidies drops a crash left half-received at the next start, but keeps a failed file for Retry', async () => {
    const orphan = await h.data('uploads.stage.begin', { relativePath: 'half.bin', size: 100 });
    const big = await stageBytes(h, 'too-big.bin', bytes(3, 300 * 1024));
    const added = await h.data('uploads.add', { sources: [{ kind: 'staged', stagedId: big.stagedId }], targetFolder: '/', options: {} });
    expect((await finalOf(added.batchId))[0]!.state).toBe('failed');
    await h.restart();
    await h.data('uploads.list'); // opens the profile's queue, which tidies the staging folder
    const staging = path.join(h.dataDir, 'profiles', 'local', 'staging');
    await expect.poll(() => existsSync(path.join(staging, orphan.groupId))).toBe(false);
    expect(existsSync(path.join(staging, big.groupId, 'too-big.bin'))).toBe(true);
  });

  it('refuses chunks out of order, incomplete files, and ids that climb out of the staging area', async () => {
    const begun = await h.data('uploads.stage.begin', { relativePath: 'x.bin', size: 10 });
    const gap = await h.call('uploads.stage.chunk', { stagedId: begun.stagedId, offset: 5, data: Buffer.from('12345').toString('base64') });
    expect(gap.ok ? null : gap.error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('expected 0') });
    await h.data('uploads.stage.chunk', { stagedId: begun.stagedId, offset: 0, data: Buffer.from('12345').toString('base64') });
    const early = await h.call('uploads.stage.end', { stagedId: begun.stagedId });
    expect(early.ok ? null : early.error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringContaining('5 of 10 bytes') });
    const queuedEarly = await h.call('uploads.add', { sources: [{ kind: 'staged', stagedId: begun.stagedId }], targetFolder: '/', options: {} });
    expect(queuedEarly.ok ? null : queuedEarly.error.message).toContain('still being received');
    const climb = await h.call('uploads.stage.chunk', { stagedId: `${begun.groupId}/../../x`, offset: 0, data: '' });
    expect(climb.ok ? null : climb.error.code).toBe('BAD_INPUT');
    const tooBig = await h.call('uploads.stage.begin', { relativePath: '../up.bin', size: 1 });
    expect(tooBig.ok ? null : tooBig.error.message).toContain('not a usable file name');
  });
});

describe('uploads area: options and outcomes', () => {
  it('sends tags, custom metadata and the private flag, as the API then reports them', async () => {
    await h.sdk.customMetadataFields.create({ name: 'shoot', label: 'Shoot', schema: { type: 'Text', maxLength: 20 } });
    const { stagedId } = await stageBytes(h, 'tagged.txt', Buffer.from('tagged'));
    const added = await h.data('uploads.add', {
      sources: [{ kind: 'staged', stagedId }],
      targetFolder: '/opts',
      options: { tags: ['alpha', 'beta'], customMetadata: { shoot: 'spring' }, isPrivateFile: true, description: 'A file' },
    });
    const [item] = await finalOf(added.batchId);
    expect(item!.state).toBe('done');
    const details = await h.sdk.files.get(item!.result!.fileId);
    expect(details.tags).toEqual(['alpha', 'beta']);
    expect(details.customMetadata).toEqual({ shoot: 'spring' });
    expect(details.isPrivateFile).toBe(true);
    expect(details.description).toBe('A file');
  });

  it('refuses custom metadata the account would refuse before anything is queued, naming the field', async () => {
    await h.sdk.customMetadataFields.create({ name: 'shoot', label: 'Shoot', schema: { type: 'Text', maxLength: 3 } });
    const { stagedId } = await stageBytes(h, 'x.txt', Buffer.from('x'));
    const bad = await h.call('uploads.add', { sources: [{ kind: 'staged', stagedId }], targetFolder: '/', options: { customMetadata: { shoot: 'too long', nope: 1 } } });
    expect(bad.ok ? null : bad.error).toMatchObject({ code: 'BAD_INPUT', message: expect.stringMatching(/shoot should have at most 3 characters.*nope is not a custom metadata field/) });
    expect((await h.data('uploads.list')).items).toEqual([]);
  });

  it('gives an oversized file and a zero-byte file a final state with the reason in plain words', async () => {
    const big = await stageBytes(h, 'big.bin', bytes(9, 300 * 1024));
    const empty = await stageBytes(h, 'empty.txt', Buffer.alloc(0));
    const added = await h.data('uploads.add', { sources: [{ kind: 'staged', stagedId: big.stagedId }, { kind: 'staged', stagedId: empty.stagedId }], targetFolder: '/', options: {} });
    const items = await finalOf(added.batchId);
    const bigItem = items.find((i) => i.fileName === 'big.bin')!;
    expect(bigItem.state).toBe('failed');
    expect(bigItem.errorMessage).toContain('file size exceeds limits');
    expect(bigItem.errorHelp).toMatch(/larger than your plan allows/);
    const emptyItem = items.find((i) => i.fileName === 'empty.txt')!;
    // An empty file is a valid upload (the Local library stores it, as ImageKit does).
    expect(emptyItem.state).toBe('done');
    expect((await h.sdk.files.get(emptyItem.result!.fileId)).size).toBe(0);
  });
});

describe('uploads area: conflicts', () => {
  async function seed(name: string, content: string) {
    const { toFile } = await import('@imagekit/nodejs');
    await h.sdk.files.upload({ file: await toFile(Buffer.from(content), name), fileName: name, folder: '/c', useUniqueFileName: false });
  }

  it('parks conflicts until chosen; replace makes a new version, keep both a second file, skip leaves it', async () => {
    await seed('r.txt', 'old r');
    await seed('k.txt', 'old k');
    await seed('s.txt', 'old s');
    let groupId: string | undefined;
    const staged: Record<string, string> = {};
    for (const name of ['r.txt', 'k.txt', 's.txt', 'fresh.txt']) {
      const s = await stageBytes(h, name, Buffer.from(`new ${name}`), groupId);
      groupId = s.groupId;
      staged[name] = s.stagedId;
    }
    const added = await h.data('uploads.add', { sources: Object.values(staged).map((stagedId) => ({ kind: 'staged' as const, stagedId })), targetFolder: '/c', options: { onConflict: 'ask' } });
    const idOf = (name: string) => added.items.find((i) => i.fileName === name)!.id;
    for (const name of ['r.txt', 'k.txt', 's.txt']) {
      await h.waitFor('uploads.item', (p) => p.item.id === idOf(name) && p.item.state === 'conflict');
    }
    await h.data('uploads.resolveConflict', { itemId: idOf('r.txt'), choice: 'replace' });
    await h.data('uploads.resolveConflict', { itemId: idOf('k.txt'), choice: 'keepBoth' });
    await h.data('uploads.resolveConflict', { batchId: added.batchId, choice: 'skip' }); // "for all" the rest
    const items = await finalOf(added.batchId);
    const state = (name: string) => items.find((i) => i.fileName === name)!;
    expect(state('r.txt').state).toBe('done');
    expect(state('k.txt').state).toBe('done');
    expect(state('k.txt').targetName).toBe('k-1.txt');
    expect(state('s.txt').state).toBe('skipped');
    expect(state('fresh.txt').state).toBe('done');

    const listed = new Map((await listAll(h.sdk)).map((f) => [f.filePath, f]));
    expect((await download(listed.get('/c/r.txt')!.url)).toString()).toBe('new r.txt');
    expect((await download(listed.get('/c/k.txt')!.url)).toString()).toBe('old k');
    expect((await download(listed.get('/c/k-1.txt')!.url)).toString()).toBe('new k.txt');
    expect((await download(listed.get('/c/s.txt')!.url)).toString()).toBe('old s');
    const versions = await h.sdk.files.versions.list(listed.get('/c/r.txt')!.fileId);
    expect(versions.length).toBe(2);
    // Only the replaced file keeps an old picture behind its URL: it alone gets a purge suggestion.
    const bare = listed.get('/c/r.txt')!.url.split('?')[0];
    const suggested = await h.waitFor('purge.suggested', (p) => p.urls.includes(bare));
    expect(suggested.reason).toBe('overwrite');
    const suggestions = h.events.filter((e) => e.name === 'purge.suggested');
    expect(suggestions).toHaveLength(1);
  });
});

describe('uploads area: queue controls, defaults and the near-duplicate check', () => {
  it('keeps per-profile defaults and the concurrency across a restart', async () => {
    const saved = await h.data('uploads.defaults.save', { options: { tags: ['keep'], useUniqueFileName: true, onConflict: 'keepBoth', nearDuplicateCheck: true } });
    expect(saved.tags).toEqual(['keep']);
    await h.data('uploads.setConcurrency', { concurrency: 2 });
    await h.restart();
    expect(await h.data('uploads.defaults.get')).toMatchObject({ tags: ['keep'], useUniqueFileName: true, onConflict: 'keepBoth', nearDuplicateCheck: true });
    expect((await h.data('uploads.list')).concurrency).toBe(2);
    const unknown = await h.call('uploads.list', { profileId: 'nobody' });
    expect(unknown.ok ? null : unknown.error.code).toBe('NOT_FOUND');
  });

  it('pauses, resumes and cancels items, and clears finished ones from the list', async () => {
    await h.data('uploads.setConcurrency', { concurrency: 1 });
    let groupId: string | undefined;
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      const s = await stageBytes(h, `p${i}.bin`, bytes(40 + i, 200_000), groupId);
      groupId = s.groupId;
      ids.push(s.stagedId);
    }
    const added = await h.data('uploads.add', { sources: ids.map((stagedId) => ({ kind: 'staged' as const, stagedId })), targetFolder: '/p', options: {} });
    const [, second, third] = added.items as UploadItem[];
    await h.data('uploads.pause', { itemId: second!.id });
    await h.data('uploads.cancel', { itemId: third!.id });
    await h.waitFor('uploads.item', (p) => p.item.id === second!.id && p.item.state === 'paused');
    const cancelled = await h.waitFor('uploads.item', (p) => p.item.id === third!.id && p.item.state === 'cancelled');
    expect(cancelled.item.state).toBe('cancelled');
    await h.waitFor('uploads.item', (p) => p.item.id === added.items[3]!.id && p.item.state === 'done');
    expect((await h.data('uploads.list')).items.find((i) => i.id === second!.id)!.state).toBe('paused');
    await h.data('uploads.resume', { batchId: added.batchId });
    const items = await finalOf(added.batchId);
    expect(items.map((i) => i.state)).toEqual(['done', 'done', 'cancelled', 'done']);
    const progress = h.events.filter((e) => e.name === 'uploads.progress');
    expect(progress.length).toBeGreaterThan(0);
    const { removed } = await h.data('uploads.clearFinished');
    expect(removed).toBe(4);
    expect((await h.data('uploads.list')).items).toEqual([]);
    expect(readdirSync(path.join(h.dataDir, 'profiles', 'local'))).toContain('uploads.db');
  });

  it('finds an image that looks like one already in the target folder, and not an unrelated one', async () => {
    const gradient = async (flip: boolean, tint = 0) => {
      const w = 64;
      const raw = Buffer.alloc(w * w * 3);
      for (let y = 0; y < w; y++) for (let x = 0; x < w; x++) {
        const v = flip ? (y * 4) % 256 : (x * 4 + y) % 256;
        raw.set([v, Math.min(255, v + tint), 255 - v], (y * w + x) * 3);
      }
      return sharp(raw, { raw: { width: w, height: w, channels: 3 } }).png().toBuffer();
    };
    const { toFile } = await import('@imagekit/nodejs');
    await h.sdk.files.upload({ file: await toFile(await gradient(false), 'orig.png'), fileName: 'orig.png', folder: '/d', useUniqueFileName: false });
    // The same picture smaller, tinted and re-encoded as JPEG: different bytes, same look.
    const similar = await stageBytes(h, 'similar.jpg', await sharp(await gradient(false, 6)).resize(48).jpeg({ quality: 70 }).toBuffer());
    const other = await stageBytes(h, 'other.png', await gradient(true));
    const found = await h.data('uploads.nearDuplicates', {
      sources: [{ kind: 'staged', stagedId: similar.stagedId }, { kind: 'staged', stagedId: other.stagedId }],
      targetFolder: '/d',
    });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ source: similar.stagedId, name: 'similar.jpg', match: { name: 'orig.png', filePath: '/d/orig.png' } });
    expect(found[0]!.distance).toBeLessThanOrEqual(6);
  });
});
