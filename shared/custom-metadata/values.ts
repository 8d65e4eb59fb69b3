import { parseIsoDate } from './dates.js';
import type { CustomMetadataFieldDef, FieldErrors, FieldSchema, SelectOption, Validation } from './types.js';
import { isPlainObject } from './types.js';

/**
 * Why `value` is not acceptable for a field with `schema`, or `undefined` when it is.
 * The same rules judge a file's value and a field's `defaultValue`.
 */
export function checkFieldValue(value: unknown, schema: FieldSchema): string | undefined {
  switch (schema.type) {
    case 'Text':
    case 'Textarea':
      return checkText(value, schema);
    case 'Number':
      return checkNumber(value, schema);
    case 'Date':
      return checkDate(value, schema);
    case 'Boolean':
      return typeof value === 'boolean' ? undefined : 'should be of type boolean';
    case 'SingleSelect':
      return isOption(value, schema.selectOptions) ? undefined : `should be one of ${formatOptions(schema.selectOptions)}`;
    case 'MultiSelect':
      if (!Array.isArray(value)) return 'should be an array of values from selectOptions';
      return value.every((v) => isOption(v, schema.selectOptions))
        ? undefined
        : `should only contain values from ${formatOptions(schema.selectOptions)}`;
  }
}

/**
 * Checks a file's `customMetadata` (as sent to upload or update) against the active fields.
 * `null` unsets a key, which a required field refuses; a key naming no active field is an error.
 * Missing keys are fine: a required field then keeps its current value or its default.
 */
export function validateCustomMetadataValues(
  values: Record<string, unknown>,
  fields: CustomMetadataFieldDef[],
): Validation {
  if (!isPlainObject(values)) return { ok: false, errors: { customMetadata: 'should be an object' } };
  const byName = new Map(fields.map((f) => [f.name, f]));
  const errors: FieldErrors = {};
  for (const [name, value] of Object.entries(values)) {
    const field = byName.get(name);
    if (!field) {
      errors[name] = 'is not a custom metadata field of this account';
    } else if (value === null) {
      if (field.schema.isValueRequired) errors[name] = 'is required and cannot be unset';
    } else {
      const problem = checkFieldValue(value, field.schema);
      if (problem) errors[name] = problem;
    }
  }
  return Object.keys(errors).length === 0 ? { ok: true } : { ok: false, errors };
}

/** The default value of every field that has one: what a new file gets for keys it was not given. */
export function defaultCustomMetadata(fields: CustomMetadataFieldDef[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) if (f.schema.defaultValue !== undefined) out[f.name] = f.schema.defaultValue;
  return out;
}

function checkText(value: unknown, schema: FieldSchema): string | undefined {
  if (typeof value !== 'string') return 'should be of type string';
  // Length in user-perceived characters (code points), not UTF-16 units.
  const length = [...value].length;
  if (schema.minLength !== undefined && length < schema.minLength) return `should have at least ${schema.minLength} characters`;
  if (schema.maxLength !== undefined && length > schema.maxLength) return `should have at most ${schema.maxLength} characters`;
  return undefined;
}

function checkNumber(value: unknown, schema: FieldSchema): string | undefined {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'should be of type number';
  if (typeof schema.minValue === 'number' && value < schema.minValue) return `should be greater than or equal to ${schema.minValue}`;
  if (typeof schema.maxValue === 'number' && value > schema.maxValue) return `should be less than or equal to ${schema.maxValue}`;
  return undefined;
}

function checkDate(value: unknown, schema: FieldSchema): string | undefined {
  const at = typeof value === 'string' ? parseIsoDate(value) : undefined;
  if (at === undefined) return 'should be a valid ISO 8601 date string';
  const min = typeof schema.minValue === 'string' ? parseIsoDate(schema.minValue) : undefined;
  const max = typeof schema.maxValue === 'string' ? parseIsoDate(schema.maxValue) : undefined;
  if (min !== undefined && at < min) return `should not be before ${schema.minValue}`;
  if (max !== undefined && at > max) return `should not be after ${schema.maxValue}`;
  return undefined;
}

function isOption(value: unknown, options: SelectOption[] | undefined): boolean {
  // Strict equality: the option `30` and the string "30" are different values, as in ImageKit's JSON.
  return (options ?? []).some((o) => o === value);
}

function formatOptions(options: SelectOption[] | undefined): string {
  return (options ?? []).map((o) => JSON.stringify(o)).join(', ');
}
