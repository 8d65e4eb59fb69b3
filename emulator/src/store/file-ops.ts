import { badRequest, IkError } from '../http/errors.js';
import type { FileRecord, FolderRecord } from '../model/file-record.js';
import { newObjectId } from '../model/ids.js';
import { folderAncestry, folderNameOf } from '../model/paths.js';
import type { Library, LibraryChange } from './library.js';

/** ImageKit keeps at most this many versions of one file. */
export const MAX_VERSIONS = 100;

export function nowIso(): string {
  return new Date().toISOString();
}

/** Folder records to create so that `folderPath` and all its ancestors exist. */
export function missingFolders(library: Library, folderPath: string, at = nowIso()): FolderRecord[] {
  return folderAncestry(folderPath)
    .filter((p) => !library.folder(p))
    .map((p) => ({ folderId: newObjectId(), name: folderNameOf(p), folderPath: p, customMetadata: {}, createdAt: at, updatedAt: at }));
}

/** Throws when `existing` already has the maximum number of versions (`extra` = versions about to be added). */
export function assertVersionRoom(library: Library, fileId: string, extra = 1, reason?: string): void {
  if (library.versionsOf(fileId).length + extra > MAX_VERSIONS) {
    throw badRequest(`A file can have a maximum of ${MAX_VERSIONS} versions. Delete older versions first.`, reason ? { reason } : {});
  }
}

/**
 * The change that makes `incoming` (fields of a new version) the current version of the file
 * at `incoming.filePath`: a new file when none is there, else a new version of that file.
 * Synchronous by design: callers compute and apply it without awaiting in between.
 */
export function versionChange(
  library: Library,
  incoming: Omit<FileRecord, 'fileId' | 'versionId' | 'versionNumber' | 'isCurrent'>,
  at = incoming.updatedAt,
): { change: LibraryChange; seqFor: Record<string, number>; record: FileRecord; previous?: FileRecord } {
  const previous = library.currentByPath(incoming.filePath);
  const folders = missingFolders(library, incoming.folderPath, at);
  if (!previous) {
    const fileId = newObjectId();
    const record: FileRecord = { ...incoming, fileId, versionId: fileId, versionNumber: 1, isCurrent: true };
    return { change: { putVersions: [record], putFolders: folders }, seqFor: { [fileId]: library.newFileSeq() }, record };
  }
  assertVersionRoom(library, previous.fileId);
  const number = Math.max(...library.versionsOf(previous.fileId).map((v) => v.versionNumber)) + 1;
  const record: FileRecord = {
    ...incoming,
    fileId: previous.fileId,
    versionId: newObjectId(),
    versionNumber: number,
    isCurrent: true,
    createdAt: previous.createdAt,
  };
  return {
    change: { putVersions: [{ ...previous, isCurrent: false }, record], putFolders: folders },
    seqFor: {},
    record,
    previous,
  };
}

/** Deletes a whole file (all versions). */
export function deleteFileChange(library: Library, fileId: string): LibraryChange {
  return { deleteVersions: library.versionsOf(fileId).map((v) => ({ fileId, versionId: v.versionId })) };
}

export function notFoundFile(): IkError {
  return new IkError(404, 'The requested file does not exist.');
}

/** File ids are ImageKit object ids; anything else is a 400 as ImageKit answers. */
export function assertFileIdShape(fileId: string, param = 'fileId'): void {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(fileId)) throw badRequest(`Your request contains invalid ${param} parameter.`);
}
