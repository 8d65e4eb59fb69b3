import type { FileRecord } from '../model/file-record.js';
import { deliveryUrl, versionInfo } from '../model/file-details.js';
import { isProbedMedia, isProbedVideo, videoFields, videoMetadata } from '../model/video-fields.js';
import type { ResponseField } from './upload-options.js';
import type { ExtensionStatus } from './extensions.js';

/**
 * ImageKit's upload `200` body: always the identity fields; `tags`, `customCoordinates`,
 * `isPrivateFile`, `isPublished`, `customMetadata`, `embeddedMetadata`, `metadata` only when
 * asked for in `responseFields`.
 */
export function uploadResponse(
  record: FileRecord,
  urlEndpoint: string,
  fields: Set<ResponseField>,
  extra: { extensionStatus?: ExtensionStatus; metadata?: Record<string, unknown> },
): Record<string, unknown> {
  const url = deliveryUrl(urlEndpoint, record.filePath);
  const out: Record<string, unknown> = {
    fileId: record.fileId,
    name: record.name,
    size: record.size,
    versionInfo: versionInfo(record),
    filePath: record.filePath,
    url,
    fileType: record.fileType,
    AITags: record.aiTags,
  };
  if (record.fileType === 'image') {
    out.thumbnailUrl = `${urlEndpoint}/tr:n-ik_ml_thumbnail${url.slice(urlEndpoint.length)}`;
  } else if (isProbedVideo(record)) {
    out.thumbnailUrl = `${urlEndpoint}/tr:n-ik_ml_thumbnail${url.slice(urlEndpoint.length)}/ik-thumbnail.jpg`;
  }
  if (record.height !== null) out.height = record.height;
  if (record.width !== null) out.width = record.width;
  Object.assign(out, videoFields(record));
  if (record.description !== null) out.description = record.description;
  if (fields.has('tags')) out.tags = record.tags;
  if (fields.has('customCoordinates')) out.customCoordinates = record.customCoordinates;
  if (fields.has('isPrivateFile')) out.isPrivateFile = record.isPrivateFile;
  if (fields.has('isPublished')) out.isPublished = record.isPublished;
  if (fields.has('customMetadata')) out.customMetadata = record.customMetadata;
  if (fields.has('embeddedMetadata')) out.embeddedMetadata = record.embeddedMetadata;
  if (fields.has('metadata') && isProbedMedia(record)) out.metadata = videoMetadata(record);
  else if (fields.has('metadata') && extra.metadata) out.metadata = extra.metadata;
  if (extra.extensionStatus) out.extensionStatus = extra.extensionStatus;
  return out;
}
