import {
  validateFieldCreate,
  validateFieldUpdate,
  type FieldErrors,
  type FieldSchema,
  type FieldType,
  type SelectOption,
} from '../../../../shared/custom-metadata/validate';
import type { CustomField } from '../../../../shared/domain/editing';
import { decodeValue, encodeValue } from './value-codec';

/** The field form's state: everything as typed, converted to a schema only when checked or sent. */
export interface FieldDraft {
  name: string;
  label: string;
  description: string;
  type: FieldType;
  required: boolean;
  defaultValue: string;
  minValue: string;
  maxValue: string;
  minLength: string;
  maxLength: string;
  /** One option per line; `42` and `true` become a number and a boolean, `"42"` (quoted) stays text. */
  options: string;
}

export const emptyDraft: FieldDraft = {
  name: '', label: '', description: '', type: 'Text', required: false,
  defaultValue: '', minValue: '', maxValue: '', minLength: '', maxLength: '', options: '',
};

const RANGE: FieldType[] = ['Number', 'Date'];
const LENGTH: FieldType[] = ['Text', 'Textarea'];
export const SELECT: FieldType[] = ['SingleSelect', 'MultiSelect'];

const TYPE_WORDS: Record<FieldType, string> = {
  Text: 'Text',
  Textarea: 'Text area',
  Number: 'Number',
  Date: 'Date',
  Boolean: 'Yes / no',
  SingleSelect: 'Single select',
  MultiSelect: 'Multi select',
};

/** The words people read for ImageKit's schema type names ("SingleSelect" → "Single select"). */
export function fieldTypeLabel(type: string): string {
  return (TYPE_WORDS as Record<string, string>)[type] ?? type;
}

export const usesRange = (t: FieldType) => RANGE.includes(t);
export const usesLength = (t: FieldType) => LENGTH.includes(t);
export const usesOptions = (t: FieldType) => SELECT.includes(t);

export function parseOption(line: string): SelectOption {
  const text = line.trim();
  if (/^".*"$/.test(text)) return text.slice(1, -1);
  if (text === 'true' || text === 'false') return text === 'true';
  const n = Number(text);
  return text !== '' && Number.isFinite(n) ? n : text;
}

function formatOption(option: SelectOption): string {
  // A text option that would read back as a number or boolean is quoted so it stays text.
  return typeof option === 'string' && typeof parseOption(option) !== 'string' ? `"${option}"` : String(option);
}

/** Numbers for Number fields and lengths; text that is not a number is passed on so the validator names it. */
function numberOrText(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

/** The schema the draft describes (only the rules its type uses). */
export function draftSchema(draft: FieldDraft): FieldSchema {
  const schema: Record<string, unknown> = { type: draft.type };
  if (usesOptions(draft.type)) {
    schema.selectOptions = draft.options.split('\n').map((l) => l.trim()).filter(Boolean).map(parseOption);
  }
  if (usesRange(draft.type)) {
    const read = draft.type === 'Number' ? numberOrText : (t: string) => (t.trim() === '' ? undefined : t.trim());
    schema.minValue = read(draft.minValue);
    schema.maxValue = read(draft.maxValue);
  }
  if (usesLength(draft.type)) {
    schema.minLength = numberOrText(draft.minLength);
    schema.maxLength = numberOrText(draft.maxLength);
  }
  if (draft.required) schema.isValueRequired = true;
  if (draft.defaultValue.trim() !== '') {
    const value = decodeValue(draft.defaultValue, { schema: schema as unknown as FieldSchema });
    if (value !== null) schema.defaultValue = value;
  }
  for (const key of Object.keys(schema)) if (schema[key] === undefined) delete schema[key];
  return schema as unknown as FieldSchema;
}

export function draftFromField(field: CustomField): FieldDraft {
  const s = field.schema;
  return {
    name: field.name,
    label: field.label,
    description: field.description ?? '',
    type: s.type,
    required: s.isValueRequired ?? false,
    defaultValue: encodeValue(s.defaultValue),
    minValue: s.minValue === undefined ? '' : String(s.minValue),
    maxValue: s.maxValue === undefined ? '' : String(s.maxValue),
    minLength: s.minLength === undefined ? '' : String(s.minLength),
    maxLength: s.maxLength === undefined ? '' : String(s.maxLength),
    options: (s.selectOptions ?? []).map(formatOption).join('\n'),
  };
}

export type DraftCheck =
  | { ok: true; body: { name: string; label: string; schema: FieldSchema; description?: string } }
  | { ok: false; message: string; errors: FieldErrors };

/**
 * Checks the draft with the rules the emulator (and ImageKit) apply, so the form can mark each
 * input before anything is sent. `existing` set means an edit (name and type fixed).
 */
export function checkDraft(draft: FieldDraft, existing?: CustomField): DraftCheck {
  const body: Record<string, unknown> = { label: draft.label, schema: draftSchema(draft) };
  if (draft.description.trim() !== '') body.description = draft.description;
  const result = existing ? validateFieldUpdate(body, existing.schema.type) : validateFieldCreate({ ...body, name: draft.name });
  if (!result.ok) return { ok: false, message: result.message, errors: result.errors ?? {} };
  return {
    ok: true,
    body: {
      name: existing?.name ?? draft.name,
      label: draft.label,
      schema: result.value.schema ?? draftSchema(draft),
      ...(body.description !== undefined && { description: draft.description }),
    },
  };
}
