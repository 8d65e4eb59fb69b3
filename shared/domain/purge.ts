import { z } from 'zod';

/** One URL of a purge request: ImageKit purges one URL per API call, each with its own request id. */
export const PurgeUrlState = z.enum(['sending', 'pending', 'completed', 'failed']);
export type PurgeUrlState = z.infer<typeof PurgeUrlState>;

export const PurgeUrlView = z.object({
  url: z.string(),
  state: PurgeUrlState,
  /** ImageKit's `requestId` once it accepted the URL. */
  imagekitRequestId: z.string().nullable(),
  /** Why sending or completing failed (ImageKit's own words where it gave any). */
  error: z.string().nullable(),
});
export type PurgeUrlView = z.infer<typeof PurgeUrlView>;

/** `completed` once every URL completed; `failed` when done but some URL failed; else `pending`. */
export const PurgeRequestState = z.enum(['pending', 'completed', 'failed']);
export type PurgeRequestState = z.infer<typeof PurgeRequestState>;

/** A group of at most 100 URLs sent together (ImageKit's dashboard limit per request). */
export const PurgeRequestView = z.object({
  id: z.string(),
  profileId: z.string(),
  createdAt: z.string(),
  completedAt: z.string().nullable(),
  state: PurgeRequestState,
  urls: z.array(PurgeUrlView),
  /** Which suggestion this request came from, if any. */
  suggestionId: z.string().nullable(),
});
export type PurgeRequestView = z.infer<typeof PurgeRequestView>;

export const QuotaView = z.object({
  profileId: z.string(),
  /** `YYYY-MM` (UTC). */
  month: z.string(),
  monthlyQuota: z.number().int().positive(),
  /** URLs ImageKit accepted this month, counted from this profile's history. */
  used: z.number().int().nonnegative(),
  remaining: z.number().int().nonnegative(),
  resetsAt: z.string(),
});
export type QuotaView = z.infer<typeof QuotaView>;

export const SuggestionReason = z.enum(['overwrite', 'restore', 'rename', 'unpublish']);
export type SuggestionReason = z.infer<typeof SuggestionReason>;

/** URLs that probably serve stale bytes after a change, offered for purging. */
export const PurgeSuggestionView = z.object({
  id: z.string(),
  profileId: z.string(),
  createdAt: z.string(),
  reason: SuggestionReason,
  /** The changed file's path (`/folder/file.jpg`), when known. */
  filePath: z.string().nullable(),
  urls: z.array(z.string()),
  state: z.enum(['open', 'purged', 'dismissed']),
});
export type PurgeSuggestionView = z.infer<typeof PurgeSuggestionView>;

export const PurgeSettingsView = z.object({
  profileId: z.string(),
  monthlyQuota: z.number().int().positive(),
  /** Transformation strings (`w-300,h-200`) whose variants suggestions include for every changed file. */
  transformationsInUse: z.array(z.string()),
  urlEndpoint: z.string(),
});
export type PurgeSettingsView = z.infer<typeof PurgeSettingsView>;

/** EXIF as ImageKit groups it; values are whatever the file carried. */
export const ExifGroups = z.record(z.string(), z.record(z.string(), z.unknown()));

/** The Metadata API's answer, with the fields people look at typed and the rest kept. */
export const FileMetadataView = z.object({
  source: z.string(),
  width: z.number().nullable(),
  height: z.number().nullable(),
  format: z.string().nullable(),
  size: z.number().nullable(),
  quality: z.number().nullable(),
  density: z.number().nullable(),
  hasColorProfile: z.boolean().nullable(),
  hasTransparency: z.boolean().nullable(),
  pHash: z.string().nullable(),
  exif: ExifGroups,
  /** Video fields when present. */
  duration: z.number().nullable(),
  bitRate: z.number().nullable(),
  videoCodec: z.string().nullable(),
  audioCodec: z.string().nullable(),
});
export type FileMetadataView = z.infer<typeof FileMetadataView>;

export const SimilarFileView = z.object({
  fileId: z.string(),
  name: z.string(),
  filePath: z.string(),
  url: z.string(),
  thumbnail: z.string().nullable(),
  pHash: z.string(),
  /** Hamming distance of the pHashes (0–64, lower is more alike). */
  distance: z.number().int().min(0).max(64),
});
export type SimilarFileView = z.infer<typeof SimilarFileView>;

export const SimilarityResult = z.object({
  reference: z.object({ fileId: z.string(), filePath: z.string(), pHash: z.string() }),
  folderPath: z.string(),
  ranked: z.array(SimilarFileView),
  /** Files of the folder left out, with why (not an image, metadata unavailable). */
  skipped: z.array(z.object({ filePath: z.string(), reason: z.string() })),
});
export type SimilarityResult = z.infer<typeof SimilarityResult>;
