import { validateCustomMetadataValues, type CustomMetadataFieldDef, type SelectOption } from '../../../../shared/custom-metadata/validate';

/** How a MultiSelect value is written in one text cell (grid, CSV): options joined by this. */
export const MULTI_SEPARATOR = '|';

/**
 * A value as one line of text (form inputs, grid cells, CSV). `undefined`/`null` (no value) is the
 * empty string, so clearing a cell means "unset".
 */
export function encodeValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map((v) => String(v)).join(MULTI_SEPARATOR);
  return String(value);
}

function matchOption(text: string, options: SelectOption[] | undefined): SelectOption | string {
  // Options keep their JSON type (30 vs "30"); text that names no option stays text, and the validator says so.
  return (options ?? []).find((o) => String(o) === text) ?? text;
}

/**
 * Text back to the value ImageKit stores, by the field's type. Text that cannot be that type is
 * returned as is, so `checkCell` reports the server's own reason instead of silently dropping it.
 */
export function decodeValue(text: string, field: Pick<CustomMetadataFieldDef, 'schema'>): unknown {
  const trimmed = field.schema.type === 'Text' || field.schema.type === 'Textarea' ? text : text.trim();
  if (trimmed === '') return null;
  switch (field.schema.type) {
    case 'Text':
    case 'Textarea':
    case 'Date':
      return trimmed;
    case 'Number': {
      const n = Number(trimmed);
      return Number.isFinite(n) ? n : trimmed;
    }
    case 'Boolean':
      return trimmed === 'true' ? true : trimmed === 'false' ? false : trimmed;
    case 'SingleSelect':
      return matchOption(trimmed, field.schema.selectOptions);
    case 'MultiSelect':
      return trimmed
        .split(MULTI_SEPARATOR)
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) => matchOption(part, field.schema.selectOptions));
  }
}

/** Why this value would be refused for the field (the same words the emulator sends), or undefined. */
export function checkValue(value: unknown, field: CustomMetadataFieldDef): string | undefined {
  const result = validateCustomMetadataValues({ [field.name]: value }, [field]);
  return result.ok ? undefined : result.errors[field.name];
}

/** Two stored values are the same (arrays compared by content, in order). */
export function sameValue(a: unknown, b: unknown): boolean {
  const norm = (v: unknown) => (v === undefined ? null : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
}

// The tag text form is shared with the tag input every feature uses.
export { formatTags, parseTags } from '../../ui/tag-text';
