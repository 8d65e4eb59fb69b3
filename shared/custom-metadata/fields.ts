import { validateFieldSchema } from './schema.js';
import type { FieldErrors, FieldSchema, FieldType } from './types.js';
import { isPlainObject } from './types.js';

export interface FieldCreateInput {
  name: string;
  label: string;
  schema: FieldSchema;
  description?: string;
}

export interface FieldUpdateInput {
  label?: string;
  schema?: FieldSchema;
  description?: string;
}

export type BodyValidation<T> = { ok: true; value: T } | { ok: false; message: string; errors?: FieldErrors };

/** ImageKit's messages for field bodies (SPEC `create-new-field`, `update-existing-field`). */
export const FIELD_MESSAGES = {
  invalidField: 'Invalid field object',
  invalidSchema: 'Invalid schema object.',
  labelOrSchema: 'Either label or schema should be provided.',
  nameNotUpdatable: 'Name cannot be updated.',
} as const;

/**
 * A field name becomes a key in `customMetadata` and a path in searchQuery (`customMetadata.<name>`),
 * so it is kept to characters that need no quoting there. (ImageKit's exact rule is undocumented.)
 */
const NAME_PATTERN = /^[A-Za-z0-9_-]{1,100}$/;
const MAX_LABEL = 100;
const MAX_DESCRIPTION = 1000;

/** Validates a `POST /v1/customMetadataFields` body (uniqueness is the store's job). */
export function validateFieldCreate(body: unknown): BodyValidation<FieldCreateInput> {
  if (!isPlainObject(body)) return { ok: false, message: FIELD_MESSAGES.invalidField, errors: { body: 'should be an object' } };
  const errors: FieldErrors = {};
  if (body.name === undefined) errors.name = 'is required';
  else if (typeof body.name !== 'string' || !NAME_PATTERN.test(body.name)) {
    errors.name = 'should be 1-100 letters, digits, underscores or hyphens';
  }
  checkLabel(body.label, true, errors);
  checkDescription(body.description, errors);
  let schema: FieldSchema | undefined;
  if (body.schema === undefined) errors.schema = 'is required';
  else {
    const result = validateFieldSchema(body.schema);
    if (result.ok) schema = result.schema;
    else Object.assign(errors, result.errors);
  }
  if (Object.keys(errors).length > 0 || !schema) return { ok: false, message: FIELD_MESSAGES.invalidField, errors };
  const value: FieldCreateInput = { name: body.name as string, label: body.label as string, schema };
  if (typeof body.description === 'string') value.description = body.description;
  return { ok: true, value };
}

/**
 * Validates a `PATCH /v1/customMetadataFields/{id}` body. The new schema replaces the old one,
 * validated as the field's existing `type` (a sent `type` is ignored, as ImageKit documents).
 */
export function validateFieldUpdate(body: unknown, existingType: FieldType): BodyValidation<FieldUpdateInput> {
  if (!isPlainObject(body)) return { ok: false, message: FIELD_MESSAGES.labelOrSchema };
  if (body.name !== undefined) return { ok: false, message: FIELD_MESSAGES.nameNotUpdatable };
  if (body.label === undefined && body.schema === undefined) return { ok: false, message: FIELD_MESSAGES.labelOrSchema };
  const errors: FieldErrors = {};
  checkLabel(body.label, false, errors);
  checkDescription(body.description, errors);
  if (Object.keys(errors).length > 0) return { ok: false, message: FIELD_MESSAGES.invalidField, errors };
  const value: FieldUpdateInput = {};
  if (typeof body.label === 'string') value.label = body.label;
  if (typeof body.description === 'string') value.description = body.description;
  if (body.schema !== undefined) {
    const result = validateFieldSchema(body.schema, existingType);
    if (!result.ok) return { ok: false, message: FIELD_MESSAGES.invalidSchema, errors: result.errors };
    value.schema = result.schema;
  }
  return { ok: true, value };
}

function checkLabel(label: unknown, required: boolean, errors: FieldErrors) {
  if (label === undefined) {
    if (required) errors.label = 'is required';
  } else if (typeof label !== 'string' || label.trim() === '' || label.length > MAX_LABEL) {
    errors.label = `should be a non-empty string of at most ${MAX_LABEL} characters`;
  }
}

function checkDescription(description: unknown, errors: FieldErrors) {
  if (description === undefined) return;
  if (typeof description !== 'string' || description.length > MAX_DESCRIPTION) {
    errors.description = `should be a string of at most ${MAX_DESCRIPTION} characters`;
  }
}
