import type { CustomMetadataFieldDef } from '../../../../shared/custom-metadata/validate';
import type { FileDetails } from '../../../../shared/domain/library';
import type { FileEdit } from '../../../../shared/ipc/areas/editing';
import { checkValue, decodeValue, parseTags, sameValue } from './value-codec';

/** Cell texts typed in the grid, by file id then column (`tags` or a field name). */
export type CellTexts = Record<string, Record<string, string>>;

export const TAGS_COLUMN = '\u0000tags';

export interface BulkPlan {
  edits: { fileId: string; edit: FileEdit }[];
  /** Messages by file id then column. */
  errors: Record<string, Record<string, string>>;
  changedCells: number;
}

/** Works out the one save of the bulk editor: changed cells only, each checked with the shared rules. */
export function planBulkSave(files: readonly FileDetails[], fields: readonly CustomMetadataFieldDef[], texts: CellTexts): BulkPlan {
  const plan: BulkPlan = { edits: [], errors: {}, changedCells: 0 };
  for (const file of files) {
    const typed = texts[file.fileId];
    if (!typed) continue;
    const edit: FileEdit = {};
    const metadata: Record<string, unknown> = {};
    for (const field of fields) {
      if (typed[field.name] === undefined) continue;
      const value = decodeValue(typed[field.name]!, field);
      if (sameValue(value, file.customMetadata?.[field.name])) continue;
      const problem = checkValue(value, field);
      if (problem) (plan.errors[file.fileId] ??= {})[field.name] = `${field.label} ${problem}`;
      else {
        metadata[field.name] = value;
        plan.changedCells += 1;
      }
    }
    if (typed[TAGS_COLUMN] !== undefined) {
      const tags = parseTags(typed[TAGS_COLUMN]);
      if (!sameValue(tags, file.tags ?? [])) {
        edit.tags = tags.length ? tags : null;
        plan.changedCells += 1;
      }
    }
    if (Object.keys(metadata).length) edit.customMetadata = metadata;
    if (Object.keys(edit).length) plan.edits.push({ fileId: file.fileId, edit });
  }
  return plan;
}
