import type ImageKit from '@imagekit/nodejs';
import {
  validateFieldCreate,
  validateFieldUpdate,
  type CustomMetadataFieldDef,
  type FieldCreateInput,
  type FieldUpdateInput,
} from '../../../shared/custom-metadata/validate';
import type { CustomField } from '../../../shared/domain/editing';
import { AppError } from '../../../shared/ipc/index';
import { describeFieldErrors, toEditingError } from './errors';

function asField(def: CustomMetadataFieldDef, deleted: boolean): CustomField {
  const field: CustomField = { id: def.id, name: def.name, label: def.label, schema: def.schema, deleted };
  if (def.description !== undefined) field.description = def.description;
  return field;
}

/**
 * Custom metadata field definitions. Bodies are checked with the same rules the emulator (and
 * ImageKit) apply before anything is sent, so a bad rule is named precisely and nothing changes.
 */
export class FieldsService {
  constructor(private readonly client: ImageKit) {}

  /** Active fields (with `includeDeleted`, deleted ones too, marked: ImageKit's answer does not say which). */
  async list(includeDeleted: boolean): Promise<CustomField[]> {
    try {
      const active = (await this.client.customMetadataFields.list({ includeDeleted: false })) as CustomMetadataFieldDef[];
      if (!includeDeleted) return active.map((f) => asField(f, false));
      const all = (await this.client.customMetadataFields.list({ includeDeleted: true })) as CustomMetadataFieldDef[];
      const activeIds = new Set(active.map((f) => f.id));
      return all.map((f) => asField(f, !activeIds.has(f.id)));
    } catch (error) {
      throw toEditingError(error, 'load the custom metadata fields');
    }
  }

  /** The active fields as the value validator wants them. */
  async activeDefinitions(): Promise<CustomMetadataFieldDef[]> {
    return (await this.list(false)).map(({ deleted: _deleted, ...def }) => def);
  }

  async create(body: FieldCreateInput): Promise<CustomField> {
    const checked = validateFieldCreate(body);
    if (!checked.ok) throw invalid(`Could not create the field "${body.label || body.name}"`, checked.message, checked.errors);
    try {
      return asField((await this.client.customMetadataFields.create(checked.value)) as CustomMetadataFieldDef, false);
    } catch (error) {
      throw toEditingError(error, `create the field "${body.label}"`);
    }
  }

  async update(id: string, body: FieldUpdateInput): Promise<CustomField> {
    const existing = (await this.list(false)).find((f) => f.id === id);
    if (!existing) throw new AppError('NOT_FOUND', 'Could not update the field: it no longer exists (or was deleted). Refresh and try again.');
    const checked = validateFieldUpdate(body, existing.schema.type);
    if (!checked.ok) throw invalid(`Could not update the field "${existing.label}"`, checked.message, checked.errors);
    try {
      return asField((await this.client.customMetadataFields.update(id, checked.value)) as CustomMetadataFieldDef, false);
    } catch (error) {
      throw toEditingError(error, `update the field "${existing.label}"`);
    }
  }

  async delete(id: string): Promise<Record<string, never>> {
    try {
      await this.client.customMetadataFields.delete(id);
      return {};
    } catch (error) {
      throw toEditingError(error, 'delete the field');
    }
  }
}

function invalid(what: string, message: string, errors: Record<string, string> | undefined): AppError {
  const details = errors && Object.keys(errors).length ? ` ${describeFieldErrors(errors)}.` : '';
  return new AppError('BAD_INPUT', `${what}: ${message.replace(/\.$/, '')}.${details}`);
}
