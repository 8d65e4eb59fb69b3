import path from 'node:path';
import { promises as fsp } from 'node:fs';
import type { LibraryEvent, LibraryReader } from '../context.js';
import type { FileRecord, FolderRecord } from '../model/file-record.js';
import { BlobStore } from './blobs.js';
import { openDatabase, nextCounter, type Db } from './db.js';
import { loadLibrary } from './library-load.js';

/** One atomic change to the library: applied to SQLite in a transaction, then to memory. */
export interface LibraryChange {
  putVersions?: FileRecord[];
  deleteVersions?: { fileId: string; versionId: string }[];
  putFolders?: FolderRecord[];
  deleteFolders?: string[];
}

/**
 * The library: SQLite rows + content-addressed blobs + an in-memory index of every file
 * version and folder (rebuilt at start, updated after each committed write) so that listing
 * and searching 100,000 files never touches the disk.
 */
export class Library implements LibraryReader {
  /** Current version per file id, in creation order (the default ASC_CREATED sort). */
  private readonly current = new Map<string, FileRecord>();
  private readonly versions = new Map<string, FileRecord[]>();
  private readonly byPath = new Map<string, string>();
  private readonly folders = new Map<string, FolderRecord>();
  private readonly fileSeq = new Map<string, number>();
  /** How many version rows reference each blob. */
  private readonly blobRefs = new Map<string, number>();
  /** Last file seq handed out; seqs live only in rows (no extra write per new file). */
  private lastFileSeq = 0;
  private readonly listeners = new Set<(event: LibraryEvent) => void>();
  /** `current` as an array in creation order, built on demand and dropped by every change. */
  private ordered: { kind: 'file'; record: FileRecord }[] | undefined;

  private constructor(
    readonly db: Db,
    readonly blobs: BlobStore,
  ) {}

  static async open(dataDir: string): Promise<Library> {
    await fsp.mkdir(dataDir, { recursive: true });
    const blobs = new BlobStore(dataDir);
    await blobs.init();
    const db = openDatabase(path.join(dataDir, 'library.db'));
    const lib = new Library(db, blobs);
    const loaded = await loadLibrary(db, blobs, (record, seq) => {
      lib.indexVersion(record, seq);
      if (seq > lib.lastFileSeq) lib.lastFileSeq = seq;
    });
    for (const fileId of lib.versions.keys()) lib.reindex(fileId, undefined);
    for (const folder of loaded.folders) lib.folders.set(folder.folderPath, folder);
    return lib;
  }

  close(): void {
    this.db.close();
  }

  // ---- LibraryReader ----
  currentByPath(filePath: string): FileRecord | undefined {
    const id = this.byPath.get(filePath);
    return id === undefined ? undefined : this.current.get(id);
  }
  currentById(fileId: string): FileRecord | undefined {
    return this.current.get(fileId);
  }
  version(fileId: string, versionId: string): FileRecord | undefined {
    return this.versions.get(fileId)?.find((v) => v.versionId === versionId);
  }
  filesIn(folderPath: string, recursive: boolean): FileRecord[] {
    const out: FileRecord[] = [];
    for (const r of this.current.values()) {
      if (recursive ? r.folderPath.startsWith(folderPath) : r.folderPath === folderPath) out.push(r);
    }
    return out;
  }
  folder(folderPath: string): FolderRecord | undefined {
    return this.folders.get(folderPath);
  }
  blobPath(blobHash: string): string {
    return this.blobs.blobPath(blobHash);
  }
  onChange(listener: (event: LibraryEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  // ---- wider reads ----
  /** All versions of a file, oldest first. */
  versionsOf(fileId: string): FileRecord[] {
    return [...(this.versions.get(fileId) ?? [])].sort((a, b) => a.versionNumber - b.versionNumber);
  }
  currentFiles(): IterableIterator<FileRecord> {
    return this.current.values();
  }
  /**
   * Current files in creation order as search targets, in one array kept until the next change: a
   * list or search over a million files walks it with indexes instead of iterating a Map through
   * generators and wrapping every record per request. Callers must not modify it.
   */
  currentTargets(): readonly { kind: 'file'; record: FileRecord }[] {
    if (!this.ordered) {
      const out = new Array<{ kind: 'file'; record: FileRecord }>(this.current.size);
      let i = 0;
      for (const record of this.current.values()) out[i++] = { kind: 'file', record };
      this.ordered = out;
    }
    return this.ordered;
  }
  get fileCount(): number {
    return this.current.size;
  }
  *nonCurrentVersions(): IterableIterator<FileRecord> {
    for (const list of this.versions.values()) for (const v of list) if (!v.isCurrent) yield v;
  }
  allFolders(): IterableIterator<FolderRecord> {
    return this.folders.values();
  }
  /** Folders inside `folderPath`, directly or (when `recursive`) at any depth. */
  foldersIn(folderPath: string, recursive: boolean): FolderRecord[] {
    const out: FolderRecord[] = [];
    for (const f of this.folders.values()) {
      if (f.folderPath === folderPath || !f.folderPath.startsWith(folderPath)) continue;
      if (recursive || f.folderPath.slice(folderPath.length).split('/').length === 2) out.push(f);
    }
    return out;
  }
  blobReferenced(hash: string): boolean {
    return (this.blobRefs.get(hash) ?? 0) > 0;
  }
  /** Creation-order key for a new file (kept with its rows, so order survives restarts). */
  newFileSeq(): number {
    return ++this.lastFileSeq;
  }

  // ---- writes ----
  /**
   * Applies `change` atomically. New files must have a seq (`seqFor`), assigned from
   * `newFileSeq()`. Blobs of removed versions that nothing references any more are deleted.
   * `alsoInTransaction` runs inside the same transaction (libsql has no nested transactions),
   * e.g. to mark a bulk job done atomically with its effect.
   */
  apply(change: LibraryChange, seqFor: Record<string, number> = {}, alsoInTransaction?: () => void): void {
    const put = change.putVersions ?? [];
    const del = change.deleteVersions ?? [];
    const seqOf = (fileId: string): number => {
      const seq = seqFor[fileId] ?? this.fileSeq.get(fileId);
      if (seq === undefined) throw new Error(`no seq for new file ${fileId}`);
      return seq;
    };
    const { upsertFile, deleteFile, upsertFolder, deleteFolder } = this.statements();
    this.db.transaction(() => {
      for (const v of del) deleteFile.run(v.versionId);
      for (const r of put) {
        upsertFile.run(r.versionId, r.fileId, r.isCurrent ? 1 : 0, r.filePath, r.blobHash, seqOf(r.fileId), JSON.stringify(r));
      }
      for (const p of change.deleteFolders ?? []) deleteFolder.run(p);
      for (const f of change.putFolders ?? []) upsertFolder.run(f.folderPath, nextCounter(this.db, 'folder'), JSON.stringify(f));
      alsoInTransaction?.();
    })();

    // Committed: mirror in memory.
    this.ordered = undefined;
    const contentBefore = new Map<string, string | undefined>();
    if (this.listeners.size > 0) for (const r of put) if (!contentBefore.has(r.fileId)) contentBefore.set(r.fileId, this.current.get(r.fileId)?.blobHash);
    const touched = new Map<string, string | undefined>();
    const touch = (fileId: string) => {
      if (!touched.has(fileId)) touched.set(fileId, this.current.get(fileId)?.filePath);
    };
    const freed: string[] = [];
    for (const v of del) {
      touch(v.fileId);
      const list = this.versions.get(v.fileId) ?? [];
      const idx = list.findIndex((x) => x.versionId === v.versionId);
      if (idx >= 0) {
        freed.push(list[idx].blobHash);
        this.unref(list[idx].blobHash);
        list.splice(idx, 1);
      }
    }
    for (const r of put) {
      touch(r.fileId);
      const list = this.versions.get(r.fileId);
      const idx = list ? list.findIndex((x) => x.versionId === r.versionId) : -1;
      if (list && idx >= 0) list[idx] = r;
      else this.indexVersion(r, seqOf(r.fileId));
    }
    for (const [fileId, oldPath] of touched) this.reindex(fileId, oldPath);
    for (const p of change.deleteFolders ?? []) this.folders.delete(p);
    for (const f of change.putFolders ?? []) this.folders.set(f.folderPath, f);
    for (const hash of freed) {
      if (!this.blobReferenced(hash) && !this.blobs.isPending(hash)) void this.blobs.remove(hash);
    }
    if (this.listeners.size > 0) this.notify(touched.keys(), contentBefore);
  }

  private notify(touched: Iterable<string>, contentBefore: Map<string, string | undefined>): void {
    const fresh: FileRecord[] = [];
    for (const [fileId, hashBefore] of contentBefore) {
      const now = this.current.get(fileId);
      if (now && now.blobHash !== hashBefore) fresh.push(now);
    }
    const event: LibraryEvent = { fresh, touched: [...touched] };
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // An observer's failure must not undo or fail a committed write.
      }
    }
  }

  private prepared?: ReturnType<Library['prepareStatements']>;

  private statements() {
    return (this.prepared ??= this.prepareStatements());
  }

  private prepareStatements() {
    return {
      upsertFile: this.db.prepare(
        `INSERT INTO files(version_id, file_id, is_current, file_path, blob_hash, seq, data) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(version_id) DO UPDATE SET is_current = excluded.is_current, file_path = excluded.file_path, data = excluded.data`,
      ),
      deleteFile: this.db.prepare('DELETE FROM files WHERE version_id = ?'),
      upsertFolder: this.db.prepare(
        `INSERT INTO folders(folder_path, seq, data) VALUES (?, ?, ?) ON CONFLICT(folder_path) DO UPDATE SET data = excluded.data`,
      ),
      deleteFolder: this.db.prepare('DELETE FROM folders WHERE folder_path = ?'),
    };
  }

  private indexVersion(record: FileRecord, seq: number): void {
    let list = this.versions.get(record.fileId);
    if (!list) {
      list = [];
      this.versions.set(record.fileId, list);
      this.fileSeq.set(record.fileId, seq);
    }
    list.push(record);
    this.blobRefs.set(record.blobHash, (this.blobRefs.get(record.blobHash) ?? 0) + 1);
  }

  private unref(hash: string): void {
    const n = (this.blobRefs.get(hash) ?? 0) - 1;
    if (n <= 0) this.blobRefs.delete(hash);
    else this.blobRefs.set(hash, n);
  }

  /** Recomputes the current-version and path indexes of one file after a change. */
  private reindex(fileId: string, oldPath: string | undefined): void {
    if (oldPath !== undefined && this.byPath.get(oldPath) === fileId) this.byPath.delete(oldPath);
    const list = this.versions.get(fileId) ?? [];
    if (list.length === 0) {
      this.versions.delete(fileId);
      this.current.delete(fileId);
      this.fileSeq.delete(fileId);
      return;
    }
    const cur = list.find((v) => v.isCurrent);
    if (!cur) {
      this.current.delete(fileId);
      return;
    }
    this.current.set(fileId, cur);
    this.byPath.set(cur.filePath, fileId);
  }
}
