import { isDeepStrictEqual } from 'node:util';
import type { FileUpdateParams, FileUploadParams } from '@imagekit/nodejs/resources/files/files';
import type { TransferFields } from './types';

/** What the target account fills in for keys a file does not set: defaults are not differences. */
export type FieldDefaults = Record<string, unknown>;

const sameTags = (a: string[], b: string[]) => isDeepStrictEqual([...a].sort(), [...b].sort());
const emptyAsNull = (v: string | null) => (v === '' ? null : v);

/** Names of the transferable fields that differ between a source version and a target file (empty: equal). */
export function fieldDifferences(source: TransferFields, target: TransferFields, targetDefaults: FieldDefaults = {}): string[] {
  const out: string[] = [];
  if (!sameTags(source.tags, target.tags)) out.push('tags');
  if (customMetadataDiffers(source.customMetadata, target.customMetadata, targetDefaults)) out.push('customMetadata');
  if (emptyAsNull(source.customCoordinates) !== emptyAsNull(target.customCoordinates)) out.push('customCoordinates');
  if (emptyAsNull(source.description) !== emptyAsNull(target.description)) out.push('description');
  if (source.isPrivateFile !== target.isPrivateFile) out.push('isPrivateFile');
  if (source.isPublished !== target.isPublished) out.push('isPublished');
  return out;
}

function customMetadataDiffers(source: Record<string, unknown>, target: Record<string, unknown>, defaults: FieldDefaults): boolean {
  for (const [key, value] of Object.entries(source)) if (!isDeepStrictEqual(value, target[key])) return true;
  for (const [key, value] of Object.entries(target)) {
    if (key in source) continue;
    if (!(key in defaults) || !isDeepStrictEqual(value, defaults[key])) return true;
  }
  return false;
}

/**
 * The upload fields that carry a version's metadata. Absent tags, custom metadata and coordinates
 * clear what an overwritten file had (ImageKit's overwrite* defaults are true), which is what a
 * replace must do; `isPublished` is only sent when false (drafts are an enterprise feature, and
 * true is the default everywhere).
 */
export function uploadFields(fields: TransferFields): Pick<FileUploadParams, 'tags' | 'customMetadata' | 'customCoordinates' | 'description' | 'isPrivateFile' | 'isPublished'> {
  return {
    ...(fields.tags.length ? { tags: fields.tags } : {}),
    ...(Object.keys(fields.customMetadata).length ? { customMetadata: fields.customMetadata } : {}),
    ...(fields.customCoordinates ? { customCoordinates: fields.customCoordinates } : {}),
    ...(fields.description ? { description: fields.description } : {}),
    isPrivateFile: fields.isPrivateFile,
    ...(fields.isPublished ? {} : { isPublished: false }),
  };
}

/**
 * The details update that makes a target file's fields equal to `wanted` (content unchanged).
 * Keys the target has and the source lacks are unset (null), except values equal to the target
 * field's default, which an unset would only bring back.
 */
export function detailsUpdate(wanted: TransferFields, current: TransferFields, targetDefaults: FieldDefaults = {}): FileUpdateParams.UpdateFileDetails {
  const customMetadata: Record<string, unknown> = { ...wanted.customMetadata };
  for (const [key, value] of Object.entries(current.customMetadata)) {
    if (key in wanted.customMetadata) continue;
    if (key in targetDefaults && isDeepStrictEqual(value, targetDefaults[key])) continue;
    customMetadata[key] = null;
  }
  return {
    tags: wanted.tags.length ? wanted.tags : null,
    customCoordinates: wanted.customCoordinates || null,
    customMetadata,
    description: wanted.description ?? '',
  };
}
