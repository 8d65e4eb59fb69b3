import fs from 'node:fs';
import { toFile } from '@imagekit/nodejs';
import type { FileUploadParams } from '@imagekit/nodejs/resources/files/files';
import type { BatchOptions, ConflictChoice, QueueItem } from './types.js';

/** Thrown when the local source can no longer be read; it is a final error for the item. */
export class SourceUnavailableError extends Error {
  readonly help = 'The file was moved, deleted or is no longer readable. Put it back (or re-add it) and retry.';
}

/**
 * Opens a disk file as a lazy, disk-backed Blob: bytes are read only as the request streams them, never
 * held whole in memory. `toFile` is the SDK's own way to name it for the multipart form.
 */
async function openFile(item: QueueItem): Promise<File> {
  let size: number;
  try {
    size = (await fs.promises.stat(item.source)).size;
  } catch (err) {
    throw new SourceUnavailableError(`Cannot read "${item.source}": ${(err as NodeJS.ErrnoException).code ?? String(err)}.`);
  }
  if (item.size !== null && size !== item.size) {
    throw new SourceUnavailableError(`"${item.source}" changed since it was queued (${item.size} → ${size} bytes).`);
  }
  return toFile(await fs.openAsBlob(item.source), item.targetName);
}

/**
 * The upload request for an item. The queue always sends `useUniqueFileName` explicitly (ImageKit defaults it to
 * true) and derives `overwriteFile` from the conflict decision, so a resend of a file that already landed is refused
 * by the server instead of creating a duplicate or a stray version.
 */
export async function buildUploadParams(item: QueueItem, options: BatchOptions, choice: ConflictChoice | null): Promise<FileUploadParams> {
  // The queue's own options are decided here and never sent.
  const { onConflict: _onConflict, nearDuplicateCheck: _nearDuplicateCheck, ...api } = options;
  const unique = api.useUniqueFileName === true;
  const file = item.sourceKind === 'url' ? item.source : await openFile(item);
  return {
    ...api,
    file,
    fileName: item.targetName,
    folder: item.folder,
    useUniqueFileName: unique,
    overwriteFile: unique ? api.overwriteFile : choice === 'replace',
  };
}
