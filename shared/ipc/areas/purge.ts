import { z } from 'zod';
import { ProfileScope } from '../common-schemas';
import {
  FileMetadataView,
  PurgeRequestView,
  PurgeSettingsView,
  PurgeSuggestionView,
  QuotaView,
  SimilarityResult,
  SuggestionReason,
} from '../../domain/purge';

/** Channels whose only input is the profile also accept nothing at all (the active profile). */
const ProfileOnly = ProfileScope.nullish().transform((scope) => scope ?? {});

const FilePath = z.string().trim().regex(/^\//, 'A file path starts with / (e.g. /folder/file.jpg).');

/**
 * Channels and events of the purge area (purge centre and metadata tools). Names are listed again in
 * ./purge.names.ts for the preload's allow-list.
 */
export const purgeChannels = {
  /** Validates, splits into requests of at most 100 URLs and sends them; refuses the whole list if any URL is invalid. */
  'purge.submit': {
    input: ProfileScope.extend({
      urls: z.array(z.string()).min(1, 'Enter at least one URL.').max(10_000),
      suggestionId: z.string().optional(),
    }),
    output: z.object({ requests: z.array(PurgeRequestView) }),
  },
  /** The profile's purge history, newest first. */
  'purge.requests': {
    input: ProfileScope.extend({ limit: z.number().int().min(1).max(500).optional() }).nullish().transform((v) => v ?? {}),
    output: z.array(PurgeRequestView) },
  'purge.quota': { input: ProfileOnly, output: QuotaView },
  'purge.settings': { input: ProfileOnly, output: PurgeSettingsView },
  'purge.updateSettings': {
    input: ProfileScope.extend({
      monthlyQuota: z.number().int().min(1).max(10_000_000).optional(),
      transformationsInUse: z.array(z.string().max(2000)).max(200).optional(),
    }),
    output: PurgeSettingsView,
  },
  /** Open suggestions, newest first. */
  'purge.suggestions': { input: ProfileOnly, output: z.array(PurgeSuggestionView) },
  /** Records a suggestion for changed files (features call this after rename, restore, overwrite). */
  'purge.suggest': {
    input: ProfileScope.extend({
      fileUrls: z.array(z.string().min(1)).min(1).max(1000),
      reason: SuggestionReason,
      filePath: z.string().optional(),
    }),
    output: PurgeSuggestionView,
  },
  'purge.dismissSuggestion': { input: ProfileScope.extend({ id: z.string().min(1) }), output: z.object({ id: z.string() }) },
  /** Looks for files overwritten or restored since the last check and suggests purging their URLs. */
  'purge.checkForChanges': { input: ProfileOnly, output: z.object({ suggested: z.array(PurgeSuggestionView), checkedAt: z.string() }) },
  /** Full metadata of a stored file, by path. */
  'purge.fileMetadata': { input: ProfileScope.extend({ filePath: FilePath }), output: FileMetadataView },
  /** Metadata of a delivery URL, with or without a transformation. */
  'purge.urlMetadata': { input: ProfileScope.extend({ url: z.string().trim().url('Enter a full URL (https://…).') }), output: FileMetadataView },
  /** Ranks the images of a folder by pHash distance to a reference image. */
  'purge.findSimilar': {
    input: ProfileScope.extend({ referencePath: FilePath, folderPath: z.string().trim().regex(/^\//, 'A folder path starts with /.'), limit: z.number().int().min(1).max(1000).optional() }),
    output: SimilarityResult,
  },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const purgeEvents = {
  /** A purge request changed (sent, a URL completed, all done). */
  'purge.requestChanged': PurgeRequestView,
  /** A new purge suggestion was recorded. */
  'purge.suggested': PurgeSuggestionView,
} as const satisfies Record<string, z.ZodType>;
