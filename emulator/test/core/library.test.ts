import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Library } from '../../src/store/library.js';
import { MAX_VERSIONS, versionChange } from '../../src/store/file-ops.js';
import { TransferPlan } from '../../src/store/transfer.js';
import { transferFolder } from '../../src/store/folder-transfer.js';
import type { FileRecord } from '../../src/model/file-record.js';

let dir: string;
let lib: Library;
let blob: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ik-lib-'));
  lib = await Library.open(dir);
  const staged = await lib.blobs.stageBuffer(Buffer.from('bytes'));
  await lib.blobs.commit(staged);
  lib.blobs.release(staged.hash);
  blob = staged.hash;
});
afterEach(async () => {
  lib.close();
  await rm(dir, { recursive: true, force: true });
});

function put(filePath: string, width = 1): FileRecord {
  const folderPath = filePath.slice(0, filePath.lastIndexOf('/') + 1);
  const at = new Date().toISOString();
  const { change, seqFor, record } = versionChange(lib, {
    name: filePath.slice(folderPath.length), filePath, folderPath, tags: null, aiTags: null, isPrivateFile: false, isPublished: true,
    customCoordinates: null, fileType: 'non-image', mime: 'text/plain', format: 'txt', width, height: null, size: 5, hasAlpha: false,
    duration: null, customMetadata: {}, embeddedMetadata: {}, description: null, blobHash: blob, createdBy: null, createdAt: at, updatedAt: at,
  });
  lib.apply(change, seqFor);
  return record;
}

describe('library writes', () => {
  it(`keeps at most ${MAX_VERSIONS} versions per file`, () => {
    const first = put('/v.txt');
    for (let i = 2; i <= MAX_VERSIONS; i++) put('/v.txt', i);
    expect(lib.versionsOf(first.fileId)).toHaveLength(MAX_VERSIONS);
    expect(() => put('/v.txt')).toThrow(/maximum of 100 versions/);
    expect(lib.currentById(first.fileId)!.width).toBe(MAX_VERSIONS);
  });

  it('moves onto a same-name file by appending all versions, then drops the source', () => {
    const src = put('/a/x.txt', 1);
    put('/a/x.txt', 2);
    const dst = put('/b/x.txt', 3);
    const plan = new TransferPlan(lib, new Date().toISOString());
    plan.move(lib.currentById(src.fileId)!, '/b/');
    plan.apply();
    expect(lib.currentById(src.fileId)).toBeUndefined();
    expect(lib.versionsOf(dst.fileId).map((v) => [v.versionNumber, v.width, v.isCurrent])).toEqual([
      [1, 3, false], [2, 1, false], [3, 2, true],
    ]);
    expect(lib.currentByPath('/a/x.txt')).toBeUndefined();
    expect(lib.currentByPath('/b/x.txt')!.fileId).toBe(dst.fileId);
  });

  it('renames every version and frees the old path', () => {
    const f = put('/r/old.txt');
    put('/r/old.txt');
    const plan = new TransferPlan(lib, new Date().toISOString());
    plan.rename(lib.currentById(f.fileId)!, 'new.txt');
    plan.apply();
    expect(lib.versionsOf(f.fileId).map((v) => v.filePath)).toEqual(['/r/new.txt', '/r/new.txt']);
    expect(lib.currentByPath('/r/old.txt')).toBeUndefined();
    expect(lib.currentByPath('/r/new.txt')!.fileId).toBe(f.fileId);
  });

  it('renames a folder tree keeping folder and file ids', () => {
    put('/t/sub/deep.txt');
    const top = put('/t/top.txt');
    const folderId = lib.folder('/t/sub/')!.folderId;
    transferFolder(lib, 'RENAME_FOLDER', '/t/', '/u/', true);
    expect(lib.folder('/t/')).toBeUndefined();
    expect(lib.folder('/u/sub/')!.folderId).toBe(folderId);
    expect(lib.currentById(top.fileId)!.filePath).toBe('/u/top.txt');
    expect(lib.filesIn('/u/', true).map((f) => f.filePath).sort()).toEqual(['/u/sub/deep.txt', '/u/top.txt']);
    expect(lib.foldersIn('/u/', false).map((f) => f.folderPath)).toEqual(['/u/sub/']);
  });

  it('survives a reopen with the same order and indexes', async () => {
    const a = put('/o/a.txt');
    const b = put('/o/b.txt');
    put('/o/a.txt', 9);
    lib.close();
    lib = await Library.open(dir);
    expect([...lib.currentFiles()].map((f) => f.fileId)).toEqual([a.fileId, b.fileId]);
    expect(lib.currentByPath('/o/a.txt')!.width).toBe(9);
    expect(lib.newFileSeq()).toBeGreaterThan(2);
  });
});
