import { badRequest } from '../http/errors.js';
import type { Db } from '../store/db.js';
import { defaultCustomMetadata, validateCustomMetadataValues } from '../../../shared/custom-metadata/validate.js';
import { listActiveFields } from '../store/custom-fields-repo.js';

/**
 * Validates custom metadata values against the account's active field definitions (one
 * implementation, shared with the app's forms). `null` means "unset".
 */
export function assertValidCustomMetadata(db: Db, values: Record<string, unknown>): void {
  const result = validateCustomMetadataValues(values, listActiveFields(db));
  if (!result.ok) throw badRequest('Invalid custom metadata.', { errors: result.errors });
}

/** Default values of the active fields: what a fresh set of custom metadata starts from. */
export function customMetadataDefaults(db: Db): Record<string, unknown> {
  return defaultCustomMetadata(listActiveFields(db));
}
