import type { FileRecord, FolderRecord } from '../model/file-record.js';
import type { BlobStore } from './blobs.js';
import type { Db } from './db.js';

type Row = [versionId: string, blobHash: string, data: string];

export interface LoadedLibrary {
  /** Versions kept (their blob is on disk), in creation order. */
  versions: number;
  folders: FolderRecord[];
  /** Rows dropped because their blob is missing (never served). */
  droppedRows: number;
  /** Blobs deleted because no row references them. */
  orphanBlobs: number;
}

/**
 * Reads every row at start-up, handing each kept version to `onVersion` as it streams (a million rows
 * never sit in memory twice), and repairs what a crash (or a tampered data dir) can leave: rows whose
 * blob is missing are deleted (a file that lost its current version falls back to its newest remaining
 * one) and blobs that no row references are removed.
 */
export async function loadLibrary(db: Db, blobs: BlobStore, onVersion: (record: FileRecord, seq: number) => void): Promise<LoadedLibrary> {
  const onDisk = await blobs.listHashes();
  const referenced = new Set<string>();
  const missing: string[] = [];
  const withCurrent = new Set<string>();
  const older: FileRecord[] = [];
  let kept = 0;
  // Rows as arrays (raw mode): no per-row object with named keys to build and collect.
  const rows = db.prepare('SELECT version_id, blob_hash, data, seq FROM files ORDER BY seq, rowid').raw(true);
  for (const row of rows.iterate() as Iterable<[...Row, number]>) {
    const [versionId, blobHash, data, seq] = row;
    if (!onDisk.has(blobHash)) {
      missing.push(versionId);
      continue;
    }
    const record = JSON.parse(data) as FileRecord;
    referenced.add(blobHash);
    if (record.isCurrent) withCurrent.add(record.fileId);
    else older.push(record);
    onVersion(record, seq);
    kept++;
  }

  const promote = promotions(older, withCurrent);
  if (missing.length > 0 || promote.length > 0) {
    const del = db.prepare('DELETE FROM files WHERE version_id = ?');
    const upd = db.prepare('UPDATE files SET is_current = 1, data = ? WHERE version_id = ?');
    db.transaction(() => {
      for (const versionId of missing) del.run(versionId);
      for (const record of promote) upd.run(JSON.stringify(record), record.versionId);
    })();
  }

  let orphanBlobs = 0;
  for (const hash of onDisk) {
    if (!referenced.has(hash)) {
      await blobs.remove(hash);
      orphanBlobs++;
    }
  }

  const folders = (db.prepare('SELECT data FROM folders ORDER BY seq').all() as { data: string }[]).map(
    (r) => JSON.parse(r.data) as FolderRecord,
  );
  return { versions: kept, folders, droppedRows: missing.length, orphanBlobs };
}

/**
 * For files left without a current version, marks their newest version current (mutates it, so the
 * index built from the same objects sees the promotion). Only older versions are looked at.
 */
function promotions(older: FileRecord[], withCurrent: Set<string>): FileRecord[] {
  const newest = new Map<string, FileRecord>();
  for (const record of older) {
    if (withCurrent.has(record.fileId)) continue;
    const best = newest.get(record.fileId);
    if (!best || record.versionNumber > best.versionNumber) newest.set(record.fileId, record);
  }
  for (const record of newest.values()) record.isCurrent = true;
  return [...newest.values()];
}
