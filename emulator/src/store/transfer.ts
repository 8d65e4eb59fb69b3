import type { FileRecord, FolderRecord } from '../model/file-record.js';
import { newObjectId } from '../model/ids.js';
import { assertVersionRoom, missingFolders } from './file-ops.js';
import type { Library, LibraryChange } from './library.js';

/** Accumulates one atomic change made of many file copies/moves (a folder job or a single op). */
export class TransferPlan {
  readonly put: FileRecord[] = [];
  readonly del: { fileId: string; versionId: string }[] = [];
  readonly folders = new Map<string, FolderRecord>();
  readonly seqFor: Record<string, number> = {};

  constructor(
    private readonly library: Library,
    readonly at: string,
  ) {}

  ensureFolder(folderPath: string): void {
    for (const f of missingFolders(this.library, folderPath, this.at)) if (!this.folders.has(f.folderPath)) this.folders.set(f.folderPath, f);
  }

  /**
   * Copies `source`'s current version (or all versions) into `destFolder`. When a file of the
   * same name is there, the copies are appended to its version history; otherwise they form a
   * new file. Returns the destination file id.
   */
  copy(source: FileRecord, destFolder: string, includeVersions: boolean, reason = 'VERSION_LIMIT_EXCEEDED'): string {
    const versions = includeVersions ? this.library.versionsOf(source.fileId) : [source];
    return this.appendOrCreate(versions, source.versionId, destFolder, source.name, reason);
  }

  /** Moves a file (all versions) into `destFolder`, keeping its id unless it merges into a same-name file there. */
  move(source: FileRecord, destFolder: string): void {
    const target = this.library.currentByPath(destFolder + source.name);
    const versions = this.library.versionsOf(source.fileId);
    if (target && target.fileId !== source.fileId) {
      this.appendOrCreate(versions, source.versionId, destFolder, source.name, 'VERSION_LIMIT_EXCEEDED');
      for (const v of versions) this.del.push({ fileId: v.fileId, versionId: v.versionId });
      return;
    }
    this.ensureFolder(destFolder);
    for (const v of versions) this.put.push({ ...v, folderPath: destFolder, filePath: destFolder + v.name, updatedAt: this.at });
  }

  /** Renames a file: every version gets the new name (and path), ids unchanged. */
  rename(source: FileRecord, newName: string): void {
    for (const v of this.library.versionsOf(source.fileId)) {
      this.put.push({ ...v, name: newName, filePath: v.folderPath + newName, updatedAt: this.at });
    }
  }

  private appendOrCreate(versions: FileRecord[], currentVersionId: string, destFolder: string, name: string, reason: string): string {
    const filePath = destFolder + name;
    const target = this.library.currentByPath(filePath);
    this.ensureFolder(destFolder);
    const base = { name, filePath, folderPath: destFolder, createdAt: this.at, updatedAt: this.at };
    if (target) {
      assertVersionRoom(this.library, target.fileId, versions.length, reason);
      let number = Math.max(...this.library.versionsOf(target.fileId).map((v) => v.versionNumber));
      this.put.push({ ...target, isCurrent: false });
      for (const v of versions) {
        number += 1;
        this.put.push({
          ...v, ...base, fileId: target.fileId, versionId: newObjectId(), versionNumber: number,
          isCurrent: v.versionId === currentVersionId, createdAt: target.createdAt,
        });
      }
      return target.fileId;
    }
    const fileId = newObjectId();
    this.seqFor[fileId] = this.library.newFileSeq();
    versions.forEach((v, i) => {
      this.put.push({
        ...v, ...base, fileId, versionId: i === 0 ? fileId : newObjectId(), versionNumber: i + 1,
        isCurrent: v.versionId === currentVersionId,
      });
    });
    return fileId;
  }

  change(extraFolderDeletes: string[] = []): LibraryChange {
    return { putVersions: this.put, deleteVersions: this.del, putFolders: [...this.folders.values()], deleteFolders: extraFolderDeletes };
  }

  apply(extraFolderDeletes: string[] = [], alsoInTransaction?: () => void): void {
    this.library.apply(this.change(extraFolderDeletes), this.seqFor, alsoInTransaction);
  }
}
