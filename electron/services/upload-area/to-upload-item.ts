import path from 'node:path';
import type { UploadItem } from '../../../shared/domain/uploads';
import type { QueueItem } from '../upload-queue/types';

/**
 * The window's view of a queue item. Staged files are named by their path inside the drop (the temp
 * folder means nothing to a person); local files by their full path.
 */
export function toUploadItem(item: QueueItem, stagingRoot: string): UploadItem {
  let sourceLabel = item.source;
  if (item.sourceKind === 'file') {
    const rel = path.relative(stagingRoot, item.source);
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) sourceLabel = rel.split(path.sep).slice(1).join('/');
  }
  return {
    id: item.id,
    batchId: item.batchId,
    sourceKind: item.sourceKind,
    sourceLabel,
    folder: item.folder,
    fileName: item.fileName,
    targetName: item.targetName,
    size: item.size,
    state: item.state,
    conflictChoice: item.conflictChoice,
    attempts: item.attempts,
    errorMessage: item.errorMessage,
    errorHelp: item.errorHelp,
    result: item.result && { fileId: item.result.fileId, filePath: item.result.filePath, url: item.result.url, via: item.result.via },
    lookalike: item.lookalike,
  };
}
