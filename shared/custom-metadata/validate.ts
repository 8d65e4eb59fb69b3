/**
 * The one implementation of ImageKit's custom-metadata rules: field schemas (create/update) and
 * file values. The emulator enforces these; the app's forms call the same functions before sending.
 */
export { validateFieldSchema, type SchemaValidation } from './schema.js';
export { checkFieldValue, validateCustomMetadataValues, defaultCustomMetadata } from './values.js';
export {
  validateFieldCreate,
  validateFieldUpdate,
  FIELD_MESSAGES,
  type FieldCreateInput,
  type FieldUpdateInput,
  type BodyValidation,
} from './fields.js';
export { parseIsoDate } from './dates.js';
export * from './types.js';
