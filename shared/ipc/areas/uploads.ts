import { z } from 'zod';
import { ProfileScope } from '../common-schemas';
import {
  BatchSummary,
  ConflictChoice,
  FileProgress,
  MetadataField,
  NearDuplicate,
  TotalProgress,
  UploadItem,
  UploadOptions,
  UploadSource,
} from '../../domain/uploads';
import { FolderPath } from '../../domain/library';

/** `<group>/<relative path>`: letters of the group id, then a relative path without `..`. */
export const StagedId = z
  .string()
  .min(3)
  .max(4096)
  .regex(/^[A-Za-z0-9_-]{8,64}\/.+/, 'Not a staged upload id.')
  .refine((id) => !id.split('/').some((seg) => seg === '..' || seg === '.' || seg === ''), 'A staged path cannot contain empty, "." or ".." segments.');

/** Bytes per staging chunk: large enough to keep round trips few, small enough for one WebSocket frame (base64 ≈ 5.4 MB). */
export const STAGE_CHUNK_BYTES = 4 * 1024 * 1024;
const Base64Chunk = z.string().max(Math.ceil(STAGE_CHUNK_BYTES / 3) * 4, 'A chunk may hold at most 4 MiB.');

const ItemTarget = ProfileScope.extend({ itemId: z.number().int().optional(), batchId: z.number().int().optional() });
const Empty = z.object({});

export const UploadsSnapshot = z.object({
  items: z.array(UploadItem),
  totals: TotalProgress,
  concurrency: z.number().int(),
});

/**
 * Channels and events of the uploads area. Names are repeated in ./uploads.names.ts for the
 * preload's allow-list.
 */
export const uploadsChannels = {
  /**
   * Queue files, folders (recursively), staged bytes, URLs and incoming files as one batch under `targetFolder`.
   * Answers at once; for each `incoming` source (in order) `incoming` names the staged id its bytes go to
   * (`PUT /uploads/stage` on the web host, `uploads.stage.chunk`/`end` over IPC) and the item they start.
   */
  'uploads.add': {
    input: ProfileScope.extend({
      sources: z.array(UploadSource).min(1).max(100_000),
      targetFolder: FolderPath,
      options: UploadOptions,
      /**
       * A large selection is queued in parts, so its first files are sent while the rest is still being queued:
       * `more` says another part follows (the batch is not reported finished before it arrives), `batchId` (from
       * the first part's answer) adds this part to that batch, which must still be expecting more.
       */
      batchId: z.number().int().positive().optional(),
      more: z.boolean().optional(),
    }),
    output: z.object({
      batchId: z.number().int(),
      items: z.array(UploadItem),
      incoming: z.array(z.object({ stagedId: StagedId, itemId: z.number().int() })).default([]),
    }),
  },
  /**
   * Starts a file whose bytes the window sends in chunks (a dropped or pasted File has no path in a browser).
   * `groupId` (from an earlier answer) keeps the files of one drop together, so dropped folders keep their structure.
   */
  'uploads.stage.begin': {
    input: ProfileScope.extend({
      relativePath: z.string().min(1).max(2048),
      size: z.number().int().min(0),
      groupId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/).optional(),
    }),
    output: z.object({ stagedId: StagedId, groupId: z.string() }),
  },
  'uploads.stage.chunk': {
    input: ProfileScope.extend({ stagedId: StagedId, offset: z.number().int().min(0), data: Base64Chunk }),
    output: z.object({ received: z.number().int() }),
  },
  /** Checks every byte arrived; the staged id can then be queued as a source. */
  'uploads.stage.end': { input: ProfileScope.extend({ stagedId: StagedId }), output: z.object({ size: z.number().int() }) },
  /** Drops staged bytes that will not be queued: a whole drop (`groupId`), or one file or folder of it (a staged id). */
  'uploads.stage.discard': { input: ProfileScope.extend({ id: z.union([z.string().regex(/^[A-Za-z0-9_-]{8,64}$/), StagedId]) }), output: Empty },
  /** The queue as it is now: recent items, totals and the concurrency. */
  'uploads.list': { input: ProfileScope.optional().default({}), output: UploadsSnapshot },
  'uploads.pause': { input: ItemTarget, output: Empty },
  'uploads.resume': { input: ItemTarget, output: Empty },
  'uploads.cancel': { input: ItemTarget, output: Empty },
  /** Sends failed or cancelled items again (one, a batch, or all). */
  'uploads.retry': { input: ItemTarget, output: Empty },
  /** The answer for one conflicting file, or for all of them (of one batch, or every batch). */
  'uploads.resolveConflict': { input: ItemTarget.extend({ choice: ConflictChoice }), output: Empty },
  /** Forgets finished items (done, skipped, cancelled) so the list shows what still matters. */
  'uploads.clearFinished': { input: ProfileScope.optional().default({}), output: z.object({ removed: z.number().int() }) },
  'uploads.setConcurrency': { input: ProfileScope.extend({ concurrency: z.number().int().min(1).max(16) }), output: Empty },
  /** This profile's default options (what the form starts with). */
  'uploads.defaults.get': { input: ProfileScope.optional().default({}), output: UploadOptions },
  'uploads.defaults.save': { input: ProfileScope.extend({ options: UploadOptions }), output: UploadOptions },
  /** The account's custom metadata fields, which drive the customMetadata form. */
  'uploads.metadataFields': {
    input: ProfileScope.optional().default({}),
    output: z.array(MetadataField),
  },
  /** Images among `sources` that look like files already in `targetFolder` (perceptual hash). */
  'uploads.nearDuplicates': {
    input: ProfileScope.extend({
      sources: z.array(UploadSource).min(1).max(10_000),
      targetFolder: FolderPath,
      maxDistance: z.number().int().min(0).max(32).default(6),
    }),
    output: z.array(NearDuplicate),
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const uploadsEvents = {
  'uploads.item': z.object({ profileId: z.string(), item: UploadItem }),
  'uploads.progress': z.object({ profileId: z.string(), progress: z.array(FileProgress) }),
  'uploads.total': z.object({ profileId: z.string(), total: TotalProgress }),
  'uploads.batchDone': z.object({ profileId: z.string(), summary: BatchSummary }),
} as const satisfies Record<string, z.ZodType>;
