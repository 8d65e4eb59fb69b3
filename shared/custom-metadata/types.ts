/**
 * ImageKit custom metadata field definitions (SPEC `CustomMetadataField`). Shared by the emulator,
 * which enforces them, and the app's forms, which check values before sending.
 */
export const FIELD_TYPES = ['Text', 'Textarea', 'Number', 'Date', 'Boolean', 'SingleSelect', 'MultiSelect'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export type SelectOption = string | number | boolean;

export interface FieldSchema {
  type: FieldType;
  selectOptions?: SelectOption[];
  defaultValue?: SelectOption | SelectOption[];
  isValueRequired?: boolean;
  /** Number for `Number` fields, ISO 8601 string for `Date` fields. */
  minValue?: string | number;
  maxValue?: string | number;
  minLength?: number;
  maxLength?: number;
}

export interface CustomMetadataFieldDef {
  id: string;
  name: string;
  label: string;
  schema: FieldSchema;
  description?: string;
}

/** Per-property messages, keyed as ImageKit keys them (`minValue`, `name`, or a value's field name). */
export type FieldErrors = Record<string, string>;

export type Validation = { ok: true } | { ok: false; errors: FieldErrors };

export function isFieldType(value: unknown): value is FieldType {
  return typeof value === 'string' && (FIELD_TYPES as readonly string[]).includes(value);
}

export function isSelectOption(value: unknown): value is SelectOption {
  return typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
