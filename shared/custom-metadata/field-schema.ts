import { z } from 'zod';
import { FIELD_TYPES, type FieldSchema } from './types.js';

const SelectOption = z.union([z.string(), z.number(), z.boolean()]);

/**
 * `CustomMetadataField.schema` as it crosses the IPC contract: the shape of `FieldSchema` (which it must
 * stay assignable to); its rules are `validateFieldSchema`'s, the same code the emulator enforces.
 */
export const FieldSchemaShape = z.object({
  type: z.enum(FIELD_TYPES),
  selectOptions: z.array(SelectOption).optional(),
  defaultValue: z.union([SelectOption, z.array(SelectOption)]).optional(),
  isValueRequired: z.boolean().optional(),
  minValue: z.union([z.string(), z.number()]).optional(),
  maxValue: z.union([z.string(), z.number()]).optional(),
  minLength: z.number().optional(),
  maxLength: z.number().optional(),
}) satisfies z.ZodType<FieldSchema>;
