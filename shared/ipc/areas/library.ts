import { z } from 'zod';
import { ProfileScope } from '../common-schemas';
import {
  BulkJobStatus,
  FileDetails,
  FileSummary,
  FileTypeFilter,
  FolderPath,
  FolderSummary,
  LibrarySort,
  NameSearchResult,
  OperationOutcome,
  RecentSearch,
  SearchScope,
  VisibilityFilter,
} from '../../domain/library';

const FilePath = z.string().min(2).max(2048).refine((p) => p.startsWith('/'), 'A file path starts with "/".');
const FileName = z.string().trim().min(1, 'Enter a name.').max(1024).refine((n) => !n.includes('/'), 'A name cannot contain "/".');
const Empty = z.object({});

/** A `tr` value as the SDK's `raw` step writes it verbatim: no characters that would end the query value or path. */
const RawTransformation = z
  .string()
  .min(1)
  .max(1024)
  .regex(/^[\w.,:@-]+$/, 'A transformation may contain only letters, digits and _ . , : @ -.');

export const SignedUrlRequest = z.object({
  filePath: FilePath.refine((p) => !/[?#]/.test(p), 'A file path cannot contain "?" or "#".'),
  transformation: RawTransformation.optional(),
  versionId: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'Not a version id.').optional(),
});
export type SignedUrlRequest = z.infer<typeof SignedUrlRequest>;

export const ListFilesInput = ProfileScope.extend({
  folderPath: FolderPath,
  scope: SearchScope.default('folder'),
  sort: LibrarySort.default('ASC_CREATED'),
  fileType: FileTypeFilter.default('all'),
  visibility: VisibilityFilter.default('all'),
  /** ImageKit's searchQuery language; blank means a plain listing. */
  searchQuery: z.string().max(4096).optional(),
  skip: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(500),
});
export type ListFilesInput = z.input<typeof ListFilesInput>;

export const ListFilesOutput = z.object({
  items: z.array(FileSummary),
  /** Where the next page starts (the API pages over files and folders together). */
  nextSkip: z.number(),
  hasMore: z.boolean(),
});

const FolderJobInput = z.discriminatedUnion('action', [
  ProfileScope.extend({ action: z.literal('copy'), sourceFolderPath: FolderPath, destinationPath: FolderPath, includeVersions: z.boolean().default(false) }),
  ProfileScope.extend({ action: z.literal('move'), sourceFolderPath: FolderPath, destinationPath: FolderPath }),
  ProfileScope.extend({ action: z.literal('rename'), sourceFolderPath: FolderPath, newFolderName: FileName, purgeCache: z.boolean().default(false) }),
]);
export type FolderJobInput = z.input<typeof FolderJobInput>;

/**
 * Channels and events of the library area. Names are repeated in ./library.names.ts for the
 * preload's allow-list.
 */
export const libraryChannels = {
  /** One page of files in a folder (or the whole library), optionally through a searchQuery. */
  'library.list': { input: ListFilesInput, output: ListFilesOutput },
  /** The direct subfolders of a folder (the tree loads one level at a time). */
  'library.folders': { input: ProfileScope.extend({ folderPath: FolderPath }), output: z.array(FolderSummary) },
  /** Every field of one file. */
  'library.file': { input: ProfileScope.extend({ fileId: z.string().min(1) }), output: FileDetails },
  'library.rename': {
    input: ProfileScope.extend({ filePath: FilePath, newFileName: FileName, purgeCache: z.boolean().default(false) }),
    output: z.object({ purgeRequestId: z.string().nullable() }),
  },
  'library.transferFiles': {
    input: ProfileScope.extend({
      mode: z.enum(['copy', 'move']),
      filePaths: z.array(FilePath).min(1).max(1000),
      destinationPath: FolderPath,
      includeVersions: z.boolean().default(false),
    }),
    output: OperationOutcome,
  },
  'library.deleteFiles': { input: ProfileScope.extend({ fileIds: z.array(z.string().min(1)).min(1).max(10_000) }), output: OperationOutcome },
  /** Saves originals to a folder on this computer (the Electron app; the web host downloads in the browser). */
  'library.saveOriginals': {
    input: ProfileScope.extend({ fileIds: z.array(z.string().min(1)).min(1).max(1000), directory: z.string().min(1).optional() }),
    output: OperationOutcome.extend({ directory: z.string() }),
  },
  'library.createFolder': { input: ProfileScope.extend({ parentFolderPath: FolderPath, folderName: FileName }), output: Empty },
  'library.deleteFolder': { input: ProfileScope.extend({ folderPath: FolderPath }), output: Empty },
  /** What deleting a folder would affect, for the confirmation (counted up to `cap`). */
  'library.folderCounts': {
    input: ProfileScope.extend({ folderPath: FolderPath }),
    output: z.object({ files: z.number(), folders: z.number(), capped: z.boolean() }),
  },
  /** Copy, move or rename a folder: an ImageKit bulk job; poll `library.jobStatus` until done. */
  'library.folderJob': { input: FolderJobInput, output: z.object({ jobId: z.string() }) },
  'library.jobStatus': { input: ProfileScope.extend({ jobId: z.string().min(1) }), output: BulkJobStatus },
  /** Substring name search over the local index of everything listed so far (instant, offline). */
  'library.searchNames': {
    input: ProfileScope.extend({ text: z.string().trim().min(1).max(256), folderPath: FolderPath.optional(), limit: z.number().int().min(1).max(5000).default(1000) }),
    output: NameSearchResult,
  },
  /** Lists the whole library once so name search covers everything. */
  'library.reindex': { input: ProfileScope, output: z.object({ indexedFiles: z.number(), completeAt: z.string() }) },
  'library.recentSearches': { input: ProfileScope, output: z.array(RecentSearch) },
  /**
   * Short-lived signed delivery URLs (private files' previews), signed on the main side with the
   * profile's key; answers in the order asked. The key itself never leaves the main process.
   */
  'library.signedUrls': {
    input: ProfileScope.extend({ items: z.array(SignedUrlRequest).min(1).max(500) }),
    output: z.object({ items: z.array(SignedUrlRequest.extend({ url: z.string() })), expiresAt: z.string() }),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const libraryEvents = {} as const satisfies Record<string, z.ZodType>;
