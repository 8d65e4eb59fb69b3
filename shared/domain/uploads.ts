import { z } from 'zod';
import { FieldSchemaShape } from '../custom-metadata/field-schema';
import { RESPONSE_FIELDS } from '../imagekit/upload-fields';

export { RESPONSE_FIELDS };

/**
 * The uploader's data as it crosses the boundary. Options mirror the upload API's fields
 * (reference §3) in the SDK's shape, so the main side hands them to the queue unchanged.
 */

export const ConflictChoice = z.enum(['replace', 'keepBoth', 'skip']);
export type ConflictChoice = z.infer<typeof ConflictChoice>;
/** `ask` parks a conflicting file until the person chooses. */
export const ConflictPolicy = z.enum(['ask', 'replace', 'keepBoth', 'skip']);
export type ConflictPolicy = z.infer<typeof ConflictPolicy>;

export const ResponseField = z.enum(RESPONSE_FIELDS);

const Tag = z
  .string()
  .trim()
  .min(1, 'A tag cannot be empty.')
  .refine((t) => !t.includes('%'), 'Tags cannot contain "%".')
  .refine((t) => !t.includes(','), 'A tag cannot contain "," (commas separate tags).');

const AutoTagging = z.object({
  name: z.enum(['google-auto-tagging', 'aws-auto-tagging']),
  minConfidence: z.number().int().min(0).max(100),
  maxTags: z.number().int().min(1).max(100),
});
const RemoveBg = z.object({
  name: z.literal('remove-bg'),
  options: z
    .object({
      add_shadow: z.boolean().optional(),
      semitransparency: z.boolean().optional(),
      bg_color: z.string().optional(),
      bg_image_url: z.url().optional(),
    })
    .optional(),
});
const AutoDescription = z.object({ name: z.literal('ai-auto-description') });
export const UploadExtension = z.union([AutoTagging, RemoveBg, AutoDescription]);
export type UploadExtension = z.infer<typeof UploadExtension>;

export const PostTransformation = z.union([
  z.object({ type: z.literal('transformation'), value: z.string().min(1, 'Enter the transformation.') }),
  z.object({ type: z.literal('gif-to-video'), value: z.string().optional() }),
  z.object({ type: z.literal('thumbnail'), value: z.string().optional() }),
  z.object({ type: z.literal('abs'), value: z.string().min(1, 'Enter the adaptive bitrate ladder, e.g. sr-240_360_480.'), protocol: z.enum(['hls', 'dash']) }),
]);
export type PostTransformation = z.infer<typeof PostTransformation>;

/** `x,y,width,height` in whole pixels. */
const Coordinates = z.string().regex(/^\d+,\d+,\d+,\d+$/, 'Custom coordinates are "x,y,width,height" in whole pixels, e.g. 10,10,100,100.');

/** Every option of the upload API a person can set (the queue owns file, fileName, folder and overwriteFile). */
export const UploadOptions = z.object({
  useUniqueFileName: z.boolean().default(false),
  tags: z.array(Tag).max(100).refine((tags) => tags.join(',').length <= 500, 'Tags may have 500 characters in total.').default([]),
  isPrivateFile: z.boolean().default(false),
  /** Drafts are an enterprise feature; absent means the server's default (published). */
  isPublished: z.boolean().optional(),
  customCoordinates: Coordinates.optional(),
  responseFields: z.array(ResponseField).default([]),
  extensions: z.array(UploadExtension).default([]),
  webhookUrl: z.url({ protocol: /^https?$/, error: 'The webhook URL must be an http(s) address.' }).optional(),
  overwriteAITags: z.boolean().default(true),
  overwriteTags: z.boolean().default(true),
  overwriteCustomMetadata: z.boolean().default(true),
  customMetadata: z.record(z.string(), z.unknown()).default({}),
  transformation: z.object({ pre: z.string().optional(), post: z.array(PostTransformation).optional() }).optional(),
  description: z.string().max(1024).optional(),
  /** ImageKit's server-side `checks` expression. */
  checks: z.string().max(1024).optional(),
  /** The overwriteFile decision: ask per file, or one answer for every conflict. */
  onConflict: ConflictPolicy.default('ask'),
  /** Compare images with the target folder by perceptual hash before sending (the person decides). */
  nearDuplicateCheck: z.boolean().default(false),
});
export type UploadOptions = z.output<typeof UploadOptions>;

/** `receiving`: the window is still sending the file's bytes; it is checked and sent as soon as they are in. */
export const ItemState = z.enum(['receiving', 'pending', 'conflict', 'queued', 'uploading', 'paused', 'done', 'skipped', 'failed', 'cancelled']);
export type ItemState = z.infer<typeof ItemState>;
export const FINAL_STATES: readonly ItemState[] = ['done', 'skipped', 'failed', 'cancelled'];

export const UploadItem = z.object({
  id: z.number().int(),
  batchId: z.number().int(),
  sourceKind: z.enum(['file', 'url']),
  /** What the person gave: the file's name (or relative path), or the URL. */
  sourceLabel: z.string(),
  folder: z.string(),
  fileName: z.string(),
  targetName: z.string(),
  size: z.number().nullable(),
  state: ItemState,
  conflictChoice: ConflictChoice.nullable(),
  attempts: z.number().int(),
  errorMessage: z.string().nullable(),
  errorHelp: z.string().nullable(),
  result: z
    .object({ fileId: z.string(), filePath: z.string(), url: z.string().nullable(), via: z.enum(['upload', 'reconciled']) })
    .nullable(),
  /**
   * In `conflict` because of the near-duplicate check: the library image this file looks like. Skip leaves
   * it out; replace or keep both upload it anyway.
   */
  lookalike: z
    .object({ fileId: z.string(), name: z.string(), filePath: z.string(), thumbnail: z.string().nullable(), distance: z.number().int() })
    .nullable()
    .default(null),
});
export type UploadItem = z.output<typeof UploadItem>;

export const FileProgress = z.object({
  itemId: z.number().int(),
  batchId: z.number().int(),
  bytesSent: z.number(),
  totalBytes: z.number().nullable(),
  bytesPerSecond: z.number(),
  etaSeconds: z.number().nullable(),
});
export type FileProgress = z.infer<typeof FileProgress>;

export const StateCounts = z.record(ItemState, z.number().int());
export type StateCounts = z.infer<typeof StateCounts>;

export const TotalProgress = z.object({
  bytesSent: z.number(),
  totalBytes: z.number(),
  bytesPerSecond: z.number(),
  etaSeconds: z.number().nullable(),
  counts: StateCounts,
});
export type TotalProgress = z.infer<typeof TotalProgress>;

/** A candidate image that looks like a file already in the target folder. */
export const NearDuplicate = z.object({
  /** The staged id of that very file (or its path on disk): what to leave out of the batch. */
  source: z.string(),
  name: z.string(),
  match: z.object({ fileId: z.string(), name: z.string(), filePath: z.string(), thumbnail: z.string().nullable() }),
  /** Differing pHash bits: 0 is the same picture. */
  distance: z.number().int(),
});
export type NearDuplicate = z.infer<typeof NearDuplicate>;

/** Where files come from: a path on this computer, bytes staged through `uploads.stage*`, or a URL the server fetches. */
/**
 * The largest file any ImageKit plan accepts (2 GB videos on Pro, reference §3 limits). Also the most the web host
 * takes in one request for a file's bytes.
 */
export const MAX_UPLOAD_BYTES = 2 * 1024 ** 3;

export const UploadSource = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('path'), path: z.string().min(1) }),
  z.object({ kind: z.literal('staged'), stagedId: z.string().min(1) }),
  /**
   * A file the window holds (dropped, picked, pasted) whose bytes it sends after the batch is queued: the item
   * waits in `receiving` and is sent as soon as its bytes are in, while the window sends the next ones.
   */
  z.object({
    kind: z.literal('incoming'),
    relativePath: z.string().min(1).max(2048),
    size: z.number().int().min(0).max(MAX_UPLOAD_BYTES, 'The file is larger than ImageKit accepts (2 GB).'),
  }),
  z.object({ kind: z.literal('url'), url: z.url({ protocol: /^https?$/, error: 'Enter an http(s) address.' }), fileName: z.string().min(1).optional() }),
]);
export type UploadSource = z.infer<typeof UploadSource>;

/** Summary pushed when every file of a batch has its final state. */
export const BatchSummary = z.object({ batchId: z.number().int(), counts: StateCounts, folders: z.array(z.string()) });
export type BatchSummary = z.infer<typeof BatchSummary>;

/** A custom metadata field of the account, as the customMetadata form needs it (rules: shared/custom-metadata). */
export const MetadataField = z.object({
  id: z.string(),
  name: z.string(),
  label: z.string(),
  description: z.string().optional(),
  schema: FieldSchemaShape,
});
export type MetadataField = z.infer<typeof MetadataField>;
