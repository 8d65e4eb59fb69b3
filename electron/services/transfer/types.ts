/**
 * The transfer engine's vocabulary: what is read from a source, what a plan proposes, what a job
 * item carries through its steps. Plain data, JSON-serialisable, so it can be stored in the job's
 * SQLite file and sent over the contract as it is.
 */

/** What happens when the target already holds a file with other content at the same path. */
export type ConflictRule = 'replace' | 'keep-both' | 'skip';
export type ConflictPolicy = ConflictRule | 'ask';

/** copy: new and conflicting files; sync: new and changed files (optionally deleting extras); move: copy, then delete the verified sources. */
export type TransferMode = 'copy' | 'sync' | 'move';

export interface LibraryRef {
  profileId: string;
  /** `/` for the whole library, a folder `/a/b`, or one file `/a/b/c.jpg`. */
  path: string;
}

/** A library path, or a backup directory written by the backup (originals + manifest). */
export type SourceRef = ({ kind: 'library' } & LibraryRef) | { kind: 'directory'; directory: string };

export interface TransferSpec {
  source: SourceRef;
  target: LibraryRef;
  mode: TransferMode;
  /** Every version in order (oldest first, the current one last) instead of the current one only. */
  versions: boolean;
  /** Sync only: delete target files the source does not have. */
  deleteExtraneous: boolean;
  onConflict: ConflictPolicy;
}

/** The fields that travel with a file version. */
export interface TransferFields {
  tags: string[];
  customMetadata: Record<string, unknown>;
  customCoordinates: string | null;
  description: string | null;
  isPrivateFile: boolean;
  isPublished: boolean;
}

/** Where the bytes of one version come from. */
export type VersionOrigin =
  | { kind: 'library'; profileId: string; fileId: string; versionId: string; filePath: string; isCurrent: boolean; isPrivateFile: boolean; updatedAt: string | null }
  | { kind: 'disk'; path: string };

export interface SourceVersion {
  /** Identity of the content: the library's version id, or `disk:<sha256>` for a backup file. */
  versionKey: string;
  size: number;
  /** SHA-256 of the bytes when already known (cache or manifest); otherwise computed while downloading. */
  checksum: string | null;
  fields: TransferFields;
  origin: VersionOrigin;
}

export interface SourceFile {
  /** Path below the source root with `/` separators, e.g. `trips/2024/a.jpg`. */
  relPath: string;
  current: SourceVersion;
  /** Older versions, oldest first (empty unless versions were asked for). */
  older: SourceVersion[];
  /** AI tags cannot be written through the API; reported as not transferable. */
  aiTags: string[];
}

/** A file as found at the target. */
export interface TargetFile {
  relPath: string;
  fileId: string;
  versionId: string;
  filePath: string;
  size: number;
  fields: TransferFields;
  isPrivateFile: boolean;
  updatedAt: string | null;
}

/** A custom metadata field definition, without the account-specific id. */
export interface FieldDefinition {
  name: string;
  label: string;
  schema: Record<string, unknown> & { type: string };
  description?: string;
}

export type PlanAction = 'create' | 'replace' | 'keep-both' | 'skip' | 'update-fields' | 'conflict' | 'delete';

export interface PlanRow {
  relPath: string;
  sourcePath: string | null;
  targetPath: string;
  action: PlanAction;
  /** Why, in words: "new", "same content", "content differs", "tags differ", "absent from the source". */
  reason: string;
  /** Bytes that will be uploaded for this row (all versions). */
  bytes: number;
  /** Uploads this row makes (1, or the number of versions). */
  uploads: number;
  /** The target holds other content here: replace / keep both / skip is the person's choice. */
  choosable: boolean;
}

export interface PlanTotals {
  files: number;
  bytes: number;
  byAction: Record<PlanAction, number>;
  bytesByAction: Record<PlanAction, number>;
}

export interface NotTransferable {
  relPath: string;
  what: string;
  detail: string;
}

export interface SchemaIssue {
  field: string;
  reason: string;
}

export interface TransferPlan {
  spec: TransferSpec;
  createdAt: string;
  rows: PlanRow[];
  /** Folders (relative) that exist in the source and will be created at the target, empty ones included. */
  folders: string[];
  /** Custom metadata fields the target lacks; created before any file is written. */
  fieldsToCreate: FieldDefinition[];
  /** Non-empty: the target's custom metadata fields cannot hold the source's values; nothing may be written. */
  blocked: SchemaIssue[];
  notTransferable: NotTransferable[];
  totals: PlanTotals;
  /** Default values of the target's fields: a key the source leaves out and the target defaults is no difference. */
  targetFieldDefaults: Record<string, unknown>;
  /** Sources and targets as read, kept with the plan so the job transfers exactly what was reviewed. */
  sources: SourceFile[];
  targets: TargetFile[];
}

export function emptyActionCounts(): Record<PlanAction, number> {
  return { create: 0, replace: 0, 'keep-both': 0, skip: 0, 'update-fields': 0, conflict: 0, delete: 0 };
}
