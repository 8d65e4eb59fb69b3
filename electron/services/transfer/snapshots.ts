import pLimit from 'p-limit';
import type { File as IkFile } from '@imagekit/nodejs/resources/files/files';
import type { CustomMetadataField } from '@imagekit/nodejs/resources/custom-metadata-fields';
import { fieldsOf, type LibraryReader } from './library-reader';
import { BadPathError, baseName, joinLibrary } from './paths';
import type { AccountField } from './schema-check';
import type { SourceFile, SourceVersion, TargetFile } from './types';

/** What a plan reads from the source: files with their versions and fields, folders, field definitions. */
export interface SourceSnapshot {
  /** The source folder the relative paths hang from. */
  root: string;
  files: SourceFile[];
  folders: string[];
  fields: AccountField[];
}

/** What a plan reads from the target folder. */
export interface TargetSnapshot {
  root: string;
  files: TargetFile[];
  folders: string[];
  fields: AccountField[];
  deletedFieldNames: Set<string>;
  /** Default values of the target's fields (not differences when the source leaves a key out). */
  defaults: Record<string, unknown>;
}

export function toAccountField(field: CustomMetadataField): AccountField {
  return {
    id: field.id,
    name: field.name,
    label: field.label,
    schema: { ...(field.schema as unknown as Record<string, unknown>), type: field.schema.type },
    ...(field.description ? { description: field.description } : {}),
  };
}

function libraryVersion(profileId: string, file: IkFile, isCurrent: boolean, checksumOf: (fileId: string, versionId: string, size: number) => string | null): SourceVersion {
  const versionId = file.versionInfo?.id ?? file.fileId ?? '';
  const size = file.size ?? 0;
  const fields = fieldsOf(file);
  return {
    versionKey: versionId,
    size,
    checksum: checksumOf(file.fileId ?? '', versionId, size),
    fields,
    origin: { kind: 'library', profileId, fileId: file.fileId ?? '', versionId, filePath: file.filePath ?? '', isCurrent, isPrivateFile: fields.isPrivateFile, updatedAt: file.updatedAt ?? null },
  };
}

export interface ReadSourceOptions {
  versions: boolean;
  checksumOf: (fileId: string, versionId: string, size: number) => string | null;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Reads the source side of a transfer: a single file, a folder tree or the whole library, and with
 * `versions` every version of each file (oldest first; the current version is moved last so it is
 * current again on the target).
 */
export async function readLibrarySource(reader: LibraryReader, profileId: string, path: string, options: ReadSourceOptions): Promise<SourceSnapshot> {
  const resolved = await reader.resolve(path);
  const listed = resolved.kind === 'file' ? { files: [{ relPath: baseName(path), file: resolved.file }], folders: [] } : await reader.tree(resolved.folder);
  const root = resolved.folder;
  const limit = pLimit(8);
  let done = 0;
  const files = await Promise.all(
    listed.files.map(({ relPath, file }) =>
      limit(async (): Promise<SourceFile> => {
        const current = libraryVersion(profileId, file, true, options.checksumOf);
        let older: SourceVersion[] = [];
        if (options.versions) {
          const all = await reader.versions(file.fileId ?? '');
          older = all.filter((v) => (v.versionInfo?.id ?? '') !== current.versionKey).map((v) => libraryVersion(profileId, { ...v, filePath: file.filePath }, false, options.checksumOf));
        }
        options.onProgress?.(++done, listed.files.length);
        return { relPath, current, older, aiTags: (file.AITags ?? []).map((t) => t.name ?? '').filter(Boolean) };
      }),
    ),
  );
  const fields = (await reader.metadataFields()).map(toAccountField);
  return { root, files: files.sort((a, b) => a.relPath.localeCompare(b.relPath)), folders: listed.folders, fields };
}

/**
 * Reads the target folder. It may not exist yet (the transfer creates it); a path naming a file is
 * refused, since files travel into a folder.
 */
export async function readLibraryTarget(reader: LibraryReader, root: string, allFields: () => Promise<CustomMetadataField[]>): Promise<TargetSnapshot> {
  let files: TargetFile[] = [];
  let folders: string[] = [];
  if (root !== '/') {
    const atPath = await reader.fileAt(root);
    if (atPath) throw new BadPathError(`The target ${root} is a file; give the folder the files should go into.`);
  }
  if (await reader.folderExists(root)) {
    const tree = await reader.tree(root);
    folders = tree.folders;
    files = tree.files.map(({ relPath, file }) => ({
      relPath,
      fileId: file.fileId ?? '',
      versionId: file.versionInfo?.id ?? file.fileId ?? '',
      filePath: file.filePath ?? joinLibrary(root, relPath),
      size: file.size ?? 0,
      fields: fieldsOf(file),
      isPrivateFile: file.isPrivateFile === true,
      updatedAt: file.updatedAt ?? null,
    }));
  }
  const active = (await reader.metadataFields()).map(toAccountField);
  const activeNames = new Set(active.map((f) => f.name));
  const everything = await allFields();
  const deletedFieldNames = new Set(everything.map((f) => f.name).filter((name) => !activeNames.has(name)));
  const defaults: Record<string, unknown> = {};
  for (const f of active) if (f.schema.defaultValue !== undefined) defaults[f.name] = f.schema.defaultValue;
  return { root, files, folders, fields: active, deletedFieldNames, defaults };
}
