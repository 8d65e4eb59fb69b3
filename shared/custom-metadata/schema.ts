import { parseIsoDate } from './dates.js';
import { checkFieldValue } from './values.js';
import type { FieldErrors, FieldSchema, FieldType, SelectOption } from './types.js';
import { FIELD_TYPES, isFieldType, isPlainObject, isSelectOption } from './types.js';

export type SchemaValidation = { ok: true; schema: FieldSchema } | { ok: false; errors: FieldErrors };

const SCHEMA_KEYS = new Set([
  'type', 'selectOptions', 'defaultValue', 'isValueRequired', 'minValue', 'maxValue', 'minLength', 'maxLength',
]);
const RANGE_TYPES: FieldType[] = ['Number', 'Date'];
const LENGTH_TYPES: FieldType[] = ['Text', 'Textarea'];
const SELECT_TYPES: FieldType[] = ['SingleSelect', 'MultiSelect'];

/**
 * Validates a field's `schema` object with ImageKit's rules ([DOCS] custom-metadata-fields-api):
 * `min/maxValue` only for Number/Date, `min/maxLength` only for Text/Textarea, `selectOptions`
 * only (and always) for the select types, `defaultValue` matching the type and range and
 * required when `isValueRequired`. On update pass the field's existing type as `fixedType`:
 * ImageKit ignores a `type` sent then and validates the schema as that type.
 * Returns the cleaned schema (only known keys, `type` first) or every problem found.
 */
export function validateFieldSchema(raw: unknown, fixedType?: FieldType): SchemaValidation {
  if (!isPlainObject(raw)) return { ok: false, errors: { schema: 'should be an object' } };
  const errors: FieldErrors = {};
  for (const key of Object.keys(raw)) if (!SCHEMA_KEYS.has(key)) errors[key] = 'not allowed in a field schema';

  const type = fixedType ?? raw.type;
  if (!isFieldType(type)) {
    errors.type = raw.type === undefined ? 'is required' : `should be one of ${FIELD_TYPES.join(', ')}`;
    return { ok: false, errors };
  }
  const schema: FieldSchema = { type };

  checkSelectOptions(raw, type, schema, errors);
  checkRange(raw, type, schema, errors);
  checkLengths(raw, type, schema, errors);
  if (raw.isValueRequired !== undefined) {
    if (typeof raw.isValueRequired === 'boolean') schema.isValueRequired = raw.isValueRequired;
    else errors.isValueRequired = 'should be of type boolean';
  }
  checkDefault(raw, schema, errors);

  return Object.keys(errors).length === 0 ? { ok: true, schema } : { ok: false, errors };
}

function checkSelectOptions(raw: Record<string, unknown>, type: FieldType, schema: FieldSchema, errors: FieldErrors) {
  const options = raw.selectOptions;
  if (!SELECT_TYPES.includes(type)) {
    if (options !== undefined) errors.selectOptions = 'not allowed for this type';
    return;
  }
  if (options === undefined) errors.selectOptions = 'is required for this type';
  else if (!Array.isArray(options) || options.length === 0 || !options.every(isSelectOption)) {
    errors.selectOptions = 'should be a non-empty array of strings, numbers or booleans';
  } else if (new Set(options).size !== options.length) errors.selectOptions = 'should not contain duplicate values';
  else schema.selectOptions = options as SelectOption[];
}

function checkRange(raw: Record<string, unknown>, type: FieldType, schema: FieldSchema, errors: FieldErrors) {
  for (const key of ['minValue', 'maxValue'] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    if (!RANGE_TYPES.includes(type)) errors[key] = 'not allowed for this type';
    else if (type === 'Number' && (typeof value !== 'number' || !Number.isFinite(value))) errors[key] = 'should be of type number';
    else if (type === 'Date' && (typeof value !== 'string' || parseIsoDate(value) === undefined)) {
      errors[key] = 'should be a valid ISO 8601 date string';
    } else schema[key] = value as string | number;
  }
  if (schema.minValue === undefined || schema.maxValue === undefined) return;
  const [min, max] = type === 'Date'
    ? [parseIsoDate(schema.minValue as string)!, parseIsoDate(schema.maxValue as string)!]
    : [schema.minValue as number, schema.maxValue as number];
  if (min > max) errors.maxValue = 'should be greater than or equal to minValue';
}

function checkLengths(raw: Record<string, unknown>, type: FieldType, schema: FieldSchema, errors: FieldErrors) {
  for (const key of ['minLength', 'maxLength'] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    if (!LENGTH_TYPES.includes(type)) errors[key] = 'not allowed for this type';
    else if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) errors[key] = 'should be a non-negative integer';
    else schema[key] = value;
  }
  const { minLength, maxLength } = schema;
  if (minLength !== undefined && maxLength !== undefined && minLength > maxLength) {
    errors.maxLength = 'should be greater than or equal to minLength';
  }
}

function checkDefault(raw: Record<string, unknown>, schema: FieldSchema, errors: FieldErrors) {
  const value = raw.defaultValue;
  if (value === undefined) {
    if (schema.isValueRequired) errors.defaultValue = 'is required when isValueRequired is true';
    return;
  }
  // Judge the default against the rules that passed; a broken rule is already reported on its own key.
  const problem = checkFieldValue(value, schema);
  if (problem && !(SELECT_TYPES.includes(schema.type) && errors.selectOptions)) errors.defaultValue = problem;
  else if (!problem) schema.defaultValue = value as SelectOption | SelectOption[];
}
