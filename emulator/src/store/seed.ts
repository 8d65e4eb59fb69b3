import path from 'node:path';
import { promises as fsp } from 'node:fs';
import type { FileRecord, FolderRecord } from '../model/file-record.js';
import { BlobStore } from './blobs.js';
import { nextCounter, openDatabase } from './db.js';

export interface SeedBlob {
  hash: string;
  width: number;
  height: number;
  size: number;
}

export interface SeedPlan {
  /** Image bytes stored once each; records reference them by hash (many rows may share one). */
  blobs: { data: Buffer; width: number; height: number }[];
  folders: FolderRecord[];
  total: number;
  /** The i-th current file version; its blob must be one of `blobs`. */
  record(i: number, blobs: SeedBlob[]): FileRecord;
  /** Sees each committed batch (to fill another index from the same records). */
  onBatch?(records: FileRecord[]): void;
}

const BATCH = 20_000;

/**
 * Bulk seeding for benches and tests: writes `plan.total` file rows straight into a closed library's
 * database, in transactions of 20,000 through one prepared statement, without building the
 * in-memory index (the emulator reads the rows when it starts). Runs with `synchronous = OFF`: a
 * seed that dies half-way is thrown away, never served, so it needs no per-commit fsync. Not for a
 * running emulator (its index would not see the rows).
 */
export async function seedLibraryRows(dataDir: string, plan: SeedPlan): Promise<void> {
  await fsp.mkdir(dataDir, { recursive: true });
  const store = new BlobStore(dataDir);
  await store.init();
  const blobs: SeedBlob[] = [];
  for (const b of plan.blobs) {
    const staged = await store.stageBuffer(b.data);
    await store.commit(staged);
    store.release(staged.hash);
    blobs.push({ hash: staged.hash, width: b.width, height: b.height, size: b.data.length });
  }
  const db = openDatabase(path.join(dataDir, 'library.db'));
  try {
    db.pragma('synchronous = OFF');
    const insert = db.prepare('INSERT INTO files(version_id, file_id, is_current, file_path, blob_hash, seq, data) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const insertFolder = db.prepare('INSERT INTO folders(folder_path, seq, data) VALUES (?, ?, ?) ON CONFLICT(folder_path) DO UPDATE SET data = excluded.data');
    db.transaction(() => {
      for (const f of plan.folders) insertFolder.run(f.folderPath, nextCounter(db, 'folder'), JSON.stringify(f));
    })();
    let seq = (db.prepare('SELECT coalesce(max(seq), 0) AS n FROM files').get() as { n: number }).n;
    for (let base = 0; base < plan.total; base += BATCH) {
      const records: FileRecord[] = [];
      for (let i = base; i < Math.min(plan.total, base + BATCH); i++) records.push(plan.record(i, blobs));
      db.transaction(() => {
        for (const r of records) insert.run(r.versionId, r.fileId, r.isCurrent ? 1 : 0, r.filePath, r.blobHash, ++seq, JSON.stringify(r));
      })();
      plan.onBatch?.(records);
    }
    db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
