import { checkFieldValue, type FieldSchema } from '../../../shared/custom-metadata/validate';
import type { FieldDefinition, SchemaIssue, SourceFile } from './types';

export interface AccountField extends FieldDefinition {
  id: string;
}

export interface SchemaCheck {
  fieldsToCreate: FieldDefinition[];
  blocked: SchemaIssue[];
}

const MAX_ISSUES_PER_FIELD = 5;

/**
 * Can the target account hold the custom metadata values of every version that will travel?
 * A field the target lacks is created with the source's definition; a field it has must be of
 * the same type and accept every value (options, ranges, lengths) — otherwise the transfer is
 * blocked, before anything is written, with the reason per field. Names of deleted target fields
 * can never be reused (ImageKit), and labels must be unique, so those block too.
 */
export function checkSchemas(
  sources: SourceFile[],
  sourceFields: AccountField[],
  targetFields: AccountField[],
  deletedTargetNames: ReadonlySet<string>,
): SchemaCheck {
  const used = new Map<string, { relPath: string; value: unknown }[]>();
  for (const file of sources) {
    for (const version of [...file.older, file.current]) {
      for (const [name, value] of Object.entries(version.fields.customMetadata)) {
        if (value === null || value === undefined) continue;
        const list = used.get(name) ?? [];
        list.push({ relPath: file.relPath, value });
        used.set(name, list);
      }
    }
  }
  const fieldsToCreate: FieldDefinition[] = [];
  const blocked: SchemaIssue[] = [];
  const sourceByName = new Map(sourceFields.map((f) => [f.name, f]));
  const targetByName = new Map(targetFields.map((f) => [f.name, f]));
  const targetLabels = new Map(targetFields.map((f) => [f.label, f.name]));

  for (const [name, values] of [...used.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    const target = targetByName.get(name);
    const source = sourceByName.get(name);
    if (!target) {
      if (!source) {
        blocked.push({ field: name, reason: `Files use the key "${name}", which is not a custom metadata field of the source account; its schema is unknown, so it cannot be created on the target.` });
      } else if (deletedTargetNames.has(name)) {
        blocked.push({ field: name, reason: `The target account once had a field named "${name}" and deleted it; ImageKit never lets a deleted field's name be used again. Rename the field on the source, or leave its values out.` });
      } else if (targetLabels.has(source.label)) {
        blocked.push({ field: name, reason: `The target's field "${targetLabels.get(source.label)}" already uses the label "${source.label}", and labels must be unique. Change one of the labels first.` });
      } else {
        fieldsToCreate.push({ name: source.name, label: source.label, schema: { ...source.schema }, ...(source.description ? { description: source.description } : {}) });
      }
      continue;
    }
    if (source && source.schema.type !== target.schema.type) {
      blocked.push({ field: name, reason: `"${name}" is a ${source.schema.type} field on the source but a ${target.schema.type} field on the target.` });
      continue;
    }
    let problems = 0;
    for (const { relPath, value } of values) {
      const problem = checkFieldValue(value, target.schema as unknown as FieldSchema);
      if (!problem) continue;
      if (problems++ < MAX_ISSUES_PER_FIELD) {
        blocked.push({ field: name, reason: `${relPath}: the value ${JSON.stringify(value)} does not fit the target's "${name}" field (${problem}).` });
      }
    }
    if (problems > MAX_ISSUES_PER_FIELD) blocked.push({ field: name, reason: `…and ${problems - MAX_ISSUES_PER_FIELD} more values of "${name}" that do not fit the target's field.` });
  }
  return { fieldsToCreate, blocked };
}
