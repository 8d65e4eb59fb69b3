import Papa from 'papaparse';
import type { CustomMetadataFieldDef } from '../../../../shared/custom-metadata/validate';
import type { FileDetails } from '../../../../shared/domain/library';
import type { FileEdit } from '../../../../shared/ipc/areas/editing';
import { checkValue, decodeValue, encodeValue, formatTags, parseTags, sameValue } from './value-codec';

/** Columns every export has before the fields: which file, where, and its tags. */
export const FIXED_COLUMNS = ['fileId', 'filePath', 'tags'] as const;

/** One CSV row per file: id, path, tags, then one column per field (by its name). */
export function exportCsv(files: readonly FileDetails[], fields: readonly CustomMetadataFieldDef[]): string {
  const header = [...FIXED_COLUMNS, ...fields.map((f) => f.name)];
  const rows = files.map((file) => [
    file.fileId,
    file.filePath,
    formatTags(file.tags),
    ...fields.map((f) => encodeValue(file.customMetadata?.[f.name])),
  ]);
  return Papa.unparse({ fields: header, data: rows }, { newline: '\r\n' });
}

export interface CsvProblem {
  /** 1-based line in the file (the header is line 1); 0 for problems with the file as a whole. */
  line: number;
  column?: string;
  message: string;
}

export interface CsvPlan {
  /** The changes that would be written, only for files whose values differ. */
  edits: { fileId: string; filePath: string; edit: FileEdit; changed: string[] }[];
  problems: CsvProblem[];
  /** Columns that are neither fixed nor an active field: reported and not imported. */
  ignoredColumns: string[];
  rows: number;
}

/**
 * Reads a CSV (as exported above) and works out what importing it would change, checking every
 * value with the shared validator. Nothing is written here: the caller shows the report first.
 */
export function planCsvImport(text: string, files: readonly FileDetails[], fields: readonly CustomMetadataFieldDef[]): CsvPlan {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy' });
  const problems: CsvProblem[] = parsed.errors.map((e) => ({ line: (e.row ?? -1) + 2, message: e.message }));
  const columns = parsed.meta.fields ?? [];
  const plan: CsvPlan = { edits: [], problems, ignoredColumns: [], rows: parsed.data.length };
  if (!columns.includes('fileId')) {
    problems.push({ line: 1, column: 'fileId', message: 'The file has no "fileId" column, so its rows cannot be matched to files.' });
    return plan;
  }
  const byName = new Map(fields.map((f) => [f.name, f]));
  plan.ignoredColumns = columns.filter((c) => !(FIXED_COLUMNS as readonly string[]).includes(c) && !byName.has(c));
  const byId = new Map(files.map((f) => [f.fileId, f]));
  const seen = new Set<string>();
  parsed.data.forEach((row, index) => {
    const line = index + 2;
    const fileId = (row.fileId ?? '').trim();
    const file = byId.get(fileId);
    if (!file) {
      problems.push({ line, column: 'fileId', message: fileId ? `No file with id ${fileId} is open in the editor.` : 'The fileId is empty.' });
      return;
    }
    if (seen.has(fileId)) {
      problems.push({ line, column: 'fileId', message: `The file ${file.filePath} appears more than once.` });
      return;
    }
    seen.add(fileId);
    const edit: FileEdit = {};
    const changed: string[] = [];
    const metadata: Record<string, unknown> = {};
    for (const column of columns) {
      const field = byName.get(column);
      if (!field) continue;
      const value = decodeValue(row[column] ?? '', field);
      if (sameValue(value, file.customMetadata?.[column])) continue;
      const problem = checkValue(value, field);
      if (problem) problems.push({ line, column, message: `${field.label} ${problem}` });
      else {
        metadata[column] = value;
        changed.push(column);
      }
    }
    if (columns.includes('tags')) {
      const tags = parseTags(row.tags ?? '');
      if (!sameValue(tags, file.tags ?? [])) {
        edit.tags = tags.length ? tags : null;
        changed.push('tags');
      }
    }
    if (Object.keys(metadata).length) edit.customMetadata = metadata;
    if (changed.length) plan.edits.push({ fileId, filePath: file.filePath, edit, changed });
  });
  return plan;
}
