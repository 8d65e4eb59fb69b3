import type { UploadOptions } from '../../../shared/domain/uploads';
import { validateCustomMetadataValues, type CustomMetadataFieldDef } from '../../../shared/custom-metadata/validate';
import { AppError } from '../../../shared/ipc/index';
import type { BatchOptions } from '../upload-queue/types';

/**
 * The form's options as the queue's batch options. Empty values are left out rather than sent empty
 * (an empty `transformation.pre` or `webhookUrl` would be refused by ImageKit).
 */
export function toBatchOptions(options: UploadOptions): BatchOptions {
  const out: BatchOptions = {
    useUniqueFileName: options.useUniqueFileName,
    isPrivateFile: options.isPrivateFile,
    overwriteAITags: options.overwriteAITags,
    overwriteTags: options.overwriteTags,
    overwriteCustomMetadata: options.overwriteCustomMetadata,
    onConflict: options.onConflict,
  };
  if (options.nearDuplicateCheck) out.nearDuplicateCheck = true;
  if (options.tags.length) out.tags = options.tags;
  if (options.isPublished !== undefined) out.isPublished = options.isPublished;
  if (options.customCoordinates) out.customCoordinates = options.customCoordinates;
  if (options.responseFields.length) out.responseFields = options.responseFields;
  if (options.extensions.length) out.extensions = options.extensions;
  if (options.webhookUrl) out.webhookUrl = options.webhookUrl;
  if (Object.keys(options.customMetadata).length) out.customMetadata = options.customMetadata;
  const pre = options.transformation?.pre?.trim();
  const post = options.transformation?.post ?? [];
  if (pre || post.length) out.transformation = { ...(pre ? { pre } : {}), ...(post.length ? { post } : {}) };
  if (options.description?.trim()) out.description = options.description.trim();
  if (options.checks?.trim()) out.checks = options.checks.trim();
  return out;
}

/**
 * Refuses custom metadata the account would refuse, before a single byte is sent (the same rules the
 * emulator enforces), naming each bad field.
 */
export function checkCustomMetadata(values: Record<string, unknown>, fields: CustomMetadataFieldDef[]): void {
  if (Object.keys(values).length === 0) return;
  const result = validateCustomMetadataValues(values, fields);
  if (!result.ok) {
    const problems = Object.entries(result.errors).map(([field, message]) => `${field} ${message}`);
    throw new AppError('BAD_INPUT', `Custom metadata: ${problems.join('; ')}.`);
  }
}
