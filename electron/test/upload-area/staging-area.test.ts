import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { StagingArea } from '../../services/upload-area/staging';
import { useTempDirs } from '../helpers/temp-dir';

/**
 * The staging area on its own: staged files are created by their first bytes, and a file that was uploaded is
 * released with the folders it leaves empty, so a folder may be empty while files of the same drop are still
 * to arrive in it (the page sends a few at a time). Those files must still be received.
 */
const tempDir = useTempDirs();

const bytes = (seed: number, size: number) => Buffer.alloc(size, seed);

describe('staging area', () => {
  it('keeps a drop folder while its other files are still to arrive, streamed or in chunks', async () => {
    const staging = new StagingArea(path.join(await tempDir(), 'staging'));
    const group = staging.newGroupId();
    const first = await staging.begin('first.bin', 10, group);
    const streamed = await staging.begin('streamed.bin', 20, group);
    const chunked = await staging.begin('chunked.bin', 30, group);

    expect(await staging.receive(first.stagedId, Readable.from([bytes(1, 10)]))).toBe(10);
    // The first file was uploaded: its release leaves the drop's folder empty of files for a moment.
    await staging.release(staging.fileOf(first.stagedId));
    expect(existsSync(path.join(staging.root, group))).toBe(true);

    expect(await staging.receive(streamed.stagedId, Readable.from([bytes(2, 20)]))).toBe(20);
    await staging.release(staging.fileOf(streamed.stagedId));
    expect(existsSync(path.join(staging.root, group))).toBe(true);

    await staging.chunk(chunked.stagedId, 0, bytes(3, 12).toString('base64'));
    await staging.chunk(chunked.stagedId, 12, bytes(3, 18).toString('base64'));
    expect(await staging.end(chunked.stagedId)).toBe(30);
    expect(readFileSync(staging.fileOf(chunked.stagedId))).toEqual(bytes(3, 30));
    // The last file of the drop released: now the whole drop folder goes.
    await staging.release(staging.fileOf(chunked.stagedId));
    expect(existsSync(path.join(staging.root, group))).toBe(false);
  });

  it('receives a file whose folder was removed after it was announced', async () => {
    const staging = new StagingArea(path.join(await tempDir(), 'staging'));
    const late = await staging.begin('album/late.bin', 5);
    const other = await staging.begin('album/other.bin', 4, late.groupId);
    // As if the folder had been tidied away between `begin` and the first bytes.
    await import('node:fs/promises').then((fs) => fs.rm(path.join(staging.root, late.groupId), { recursive: true }));
    expect(await staging.receive(late.stagedId, Readable.from([bytes(7, 5)]))).toBe(5);
    expect(readFileSync(staging.fileOf(late.stagedId))).toEqual(bytes(7, 5));
    await import('node:fs/promises').then((fs) => fs.rm(path.join(staging.root, late.groupId), { recursive: true }));
    await staging.chunk(other.stagedId, 0, bytes(8, 4).toString('base64'));
    expect(await staging.end(other.stagedId)).toBe(4);
    expect(readFileSync(staging.fileOf(other.stagedId))).toEqual(bytes(8, 4));
  });

  it('leaves no file behind for a stream discarded while it arrives', async () => {
    const staging = new StagingArea(path.join(await tempDir(), 'staging'));
    const { stagedId, groupId } = await staging.begin('slow.bin', 100);
    const body = new Readable({ read() {} });
    body.push(bytes(1, 10));
    const receiving = staging.receive(stagedId, body).then(
      () => null,
      (error: unknown) => error,
    );
    await new Promise((r) => setTimeout(r, 20));
    await staging.discard(groupId);
    expect(await receiving).toMatchObject({ code: 'NOT_FOUND' });
    expect(existsSync(staging.fileOf(stagedId))).toBe(false);
  });

  it('makes a drop folder once for many files, and again when it was removed before the next file of the drop', async () => {
    const staging = new StagingArea(path.join(await tempDir(), 'staging'));
    const group = staging.newGroupId();
    const many = await Promise.all(Array.from({ length: 50 }, (_, i) => staging.begin(`album/f${i}.bin`, 4, group)));
    expect(existsSync(path.join(staging.root, group, 'album'))).toBe(true);
    for (const [i, f] of many.entries()) expect(await staging.receive(f.stagedId, Readable.from([bytes(i, 4)]))).toBe(4);
    for (const f of many) await staging.release(staging.fileOf(f.stagedId));
    expect(existsSync(path.join(staging.root, group))).toBe(false);
    // The same drop's folder is begun again after it was removed: it is made again, not assumed.
    const later = await staging.begin('album/later.bin', 3, group);
    expect(existsSync(path.join(staging.root, group, 'album'))).toBe(true);
    expect(await staging.receive(later.stagedId, Readable.from([bytes(9, 3)]))).toBe(3);
    await staging.discard(group);
    const again = await staging.begin('album/again.bin', 2, group);
    expect(await staging.receive(again.stagedId, Readable.from([bytes(8, 2)]))).toBe(2);
    expect(readFileSync(staging.fileOf(again.stagedId))).toEqual(bytes(8, 2));
  });
});
