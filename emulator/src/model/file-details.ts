import type { FileRecord, FolderRecord } from './file-record.js';
import { isProbedVideo, videoFields } from './video-fields.js';

/** URL of a file in the delivery endpoint: path segments percent-encoded, nothing else. */
export function deliveryUrl(urlEndpoint: string, filePath: string): string {
  return urlEndpoint + filePath.split('/').map(encodeURIComponent).join('/');
}

function versionedUrl(urlEndpoint: string, record: FileRecord, suffix = ''): string {
  const base = deliveryUrl(urlEndpoint, record.filePath) + suffix;
  const updatedAt = Date.parse(record.updatedAt);
  return record.isCurrent
    ? `${base}?updatedAt=${updatedAt}`
    : `${base}?ik-obj-version=${encodeURIComponent(record.versionId)}&updatedAt=${updatedAt}`;
}

/**
 * ImageKit's `FileDetails` JSON. Fields the spec types as non-nullable (width, height, duration,
 * description) are omitted when unknown rather than sent as null.
 */
export function toFileDetails(record: FileRecord, urlEndpoint: string): Record<string, unknown> {
  const url = versionedUrl(urlEndpoint, record);
  const out: Record<string, unknown> = {
    type: record.isCurrent ? 'file' : 'file-version',
    name: record.name,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    fileId: record.fileId,
    tags: record.tags,
    AITags: record.aiTags,
    versionInfo: versionInfo(record),
    embeddedMetadata: record.embeddedMetadata,
    customCoordinates: record.customCoordinates,
    customMetadata: record.customMetadata,
    isPrivateFile: record.isPrivateFile,
    isPublished: record.isPublished,
    url,
    fileType: record.fileType,
    filePath: record.filePath,
    size: record.size,
    hasAlpha: record.hasAlpha,
    mime: record.mime,
  };
  if (record.fileType === 'image') out.thumbnail = `${url}&tr=n-ik_ml_thumbnail`;
  // A video's grid thumbnail is a frame of it: ImageKit's `<video>/ik-thumbnail.jpg` with the same named transformation.
  else if (isProbedVideo(record)) out.thumbnail = `${versionedUrl(urlEndpoint, record, '/ik-thumbnail.jpg')}&tr=n-ik_ml_thumbnail`;
  if (record.width !== null) out.width = record.width;
  if (record.height !== null) out.height = record.height;
  Object.assign(out, videoFields(record));
  if (record.description !== null) out.description = record.description;
  return out;
}

export function versionInfo(record: FileRecord): { id: string; name: string } {
  return { id: record.versionId, name: `Version ${record.versionNumber}` };
}

export function toFolderDetails(folder: FolderRecord): Record<string, unknown> {
  return {
    type: 'folder',
    name: folder.name,
    createdAt: folder.createdAt,
    updatedAt: folder.updatedAt,
    folderId: folder.folderId,
    folderPath: folder.folderPath === '/' ? '/' : folder.folderPath.slice(0, -1),
    customMetadata: folder.customMetadata,
  };
}
