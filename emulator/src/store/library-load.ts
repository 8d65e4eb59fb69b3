import type { FileRecord, FolderRecord } from '../model/file-record.js';
import type { BlobStore } from './blobs.js';
import type { Db } from './db.js';

interface Row {
  version_id: string;
  file_id: string;
  blob_hash: string;
  seq: number;
  data: string;
}

export interface LoadedLibrary {
  versions: { record: FileRecord; seq: number }[];
  folders: FolderRecord[];
  /** Rows dropped because their blob is missing (never served). */
  droppedRows: number;
  /** Blobs deleted because no row references them. */
  orphanBlobs: number;
}

/**
 * Reads every row at start-up and repairs what a crash (or a tampered data dir) can leave:
 * rows whose blob is missing are deleted (a file that lost its current version falls back to
 * its newest remaining one) and blobs that no row references are removed.
 */
export async function loadLibrary(db: Db, blobs: BlobStore): Promise<LoadedLibrary> {
  const onDisk = await blobs.listHashes();
  const rows = db.prepare('SELECT version_id, file_id, blob_hash, seq, data FROM files ORDER BY seq, rowid').all() as Row[];
  const kept: { record: FileRecord; seq: number }[] = [];
  const missing: Row[] = [];
  for (const row of rows) {
    if (onDisk.has(row.blob_hash)) kept.push({ record: JSON.parse(row.data) as FileRecord, seq: row.seq });
    else missing.push(row);
  }

  const promote = promotions(kept);
  if (missing.length > 0 || promote.length > 0) {
    const del = db.prepare('DELETE FROM files WHERE version_id = ?');
    const upd = db.prepare('UPDATE files SET is_current = 1, data = ? WHERE version_id = ?');
    db.transaction(() => {
      for (const row of missing) del.run(row.version_id);
      for (const record of promote) upd.run(JSON.stringify(record), record.versionId);
    })();
  }

  const referenced = new Set(kept.map((k) => k.record.blobHash));
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

/** For files left without a current version, marks their newest version current (mutates it). */
function promotions(kept: { record: FileRecord }[]): FileRecord[] {
  const byFile = new Map<string, FileRecord[]>();
  for (const { record } of kept) {
    const list = byFile.get(record.fileId) ?? [];
    list.push(record);
    byFile.set(record.fileId, list);
  }
  const out: FileRecord[] = [];
  for (const list of byFile.values()) {
    if (list.some((r) => r.isCurrent)) continue;
    const newest = list.reduce((a, b) => (b.versionNumber > a.versionNumber ? b : a));
    newest.isCurrent = true;
    out.push(newest);
  }
  return out;
}
