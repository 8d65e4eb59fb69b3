import { z } from 'zod';
import { LIST_SORTS } from '../imagekit/list-sorts';

/**
 * The library browser's data shapes. `FileSummary` is the slim row the grid and the local name
 * index keep (a 100,000-file folder must fit comfortably in the renderer); `FileDetails` is the
 * whole ImageKit file object the Details panel shows.
 */

/** Every `sort` value of the List API, in the order the sort menu lists them. */
export const librarySorts = LIST_SORTS;
export const LibrarySort = z.enum(LIST_SORTS);
export type LibrarySort = z.infer<typeof LibrarySort>;

export const FileTypeFilter = z.enum(['all', 'image', 'non-image']);
export type FileTypeFilter = z.infer<typeof FileTypeFilter>;

/** The API has no private-file parameter; MediaDesk turns this into `private = true|false` in searchQuery. */
export const VisibilityFilter = z.enum(['all', 'private', 'public']);
export type VisibilityFilter = z.infer<typeof VisibilityFilter>;

/** Where a search looks: the open folder only, or the whole library. */
export const SearchScope = z.enum(['folder', 'library']);
export type SearchScope = z.infer<typeof SearchScope>;

/** `/` or `/a/b` (no trailing slash except the root): how the UI names folders. */
export const FolderPath = z
  .string()
  .min(1)
  .max(1024)
  .refine((p) => p.startsWith('/'), 'A folder path starts with "/".')
  .transform((p) => (p.length > 1 ? p.replace(/\/+$/, '') || '/' : p));

export const FileSummary = z.object({
  fileId: z.string(),
  name: z.string(),
  filePath: z.string(),
  url: z.string(),
  fileType: z.string(),
  mime: z.string().nullable(),
  size: z.number(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  isPrivateFile: z.boolean(),
  tags: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** Seconds, for video and audio (optional: rows the name index stored before it existed lack it). */
  duration: z.number().nullable().optional(),
  /** The n of `versionInfo.name` "Version n" from the same list answer (no extra request per file). */
  versionNumber: z.number().int().nullable().optional(),
});
export type FileSummary = z.infer<typeof FileSummary>;

export const FolderSummary = z.object({
  folderId: z.string(),
  name: z.string(),
  folderPath: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FolderSummary = z.infer<typeof FolderSummary>;

const AITag = z.object({ name: z.string(), confidence: z.number().nullable().optional(), source: z.string().nullable().optional() });

/** The whole file object as ImageKit returns it (Get file details); unknown extra fields are kept. */
export const FileDetails = z.looseObject({
  fileId: z.string(),
  type: z.string(),
  name: z.string(),
  filePath: z.string(),
  url: z.string(),
  thumbnail: z.string().nullable().optional(),
  fileType: z.string(),
  mime: z.string().nullable().optional(),
  size: z.number(),
  width: z.number().nullable().optional(),
  height: z.number().nullable().optional(),
  hasAlpha: z.boolean().nullable().optional(),
  tags: z.array(z.string()).nullable().optional(),
  AITags: z.array(AITag).nullable().optional(),
  versionInfo: z.object({ id: z.string(), name: z.string() }).nullable().optional(),
  isPrivateFile: z.boolean().nullable().optional(),
  isPublished: z.boolean().nullable().optional(),
  customCoordinates: z.string().nullable().optional(),
  customMetadata: z.record(z.string(), z.unknown()).nullable().optional(),
  embeddedMetadata: z.record(z.string(), z.unknown()).nullable().optional(),
  description: z.string().nullable().optional(),
  bitRate: z.number().nullable().optional(),
  duration: z.number().nullable().optional(),
  audioCodec: z.string().nullable().optional(),
  videoCodec: z.string().nullable().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type FileDetails = z.infer<typeof FileDetails>;

/** Bulk file operations report each item: what worked, and what failed with ImageKit's words. */
export const OperationOutcome = z.object({
  succeeded: z.array(z.string()),
  failed: z.array(z.object({ item: z.string(), message: z.string() })),
});
export type OperationOutcome = z.infer<typeof OperationOutcome>;

export const BulkJobStatus = z.object({
  jobId: z.string(),
  type: z.string(),
  /** ImageKit's own words: "Pending", "Completed" or "Partial success". */
  status: z.string(),
  done: z.boolean(),
  message: z.string().nullable(),
});
export type BulkJobStatus = z.infer<typeof BulkJobStatus>;

export const NameSearchResult = z.object({
  items: z.array(FileSummary),
  /** How many names the local index holds for the searched scope. */
  indexedFiles: z.number(),
  /** When the searched scope was last listed in full; null = never. */
  completeAt: z.string().nullable(),
  stale: z.boolean(),
  /** One sentence on how complete the answer is, for the UI to show as is. */
  note: z.string(),
});
export type NameSearchResult = z.infer<typeof NameSearchResult>;

export const RecentSearch = z.object({ kind: z.enum(['query', 'name']), text: z.string(), at: z.string() });
export type RecentSearch = z.infer<typeof RecentSearch>;

// Folder-path helpers live in a module without zod, so the renderer's first screen can use them
// without loading the schemas; they stay exported from here for every other caller.
export { apiFolderPath, folderName, folderOfFilePath, imagekitFolderName } from './folder-paths';
