import { z } from 'zod';
import { ProfileScope } from '../common-schemas';
import { FileDetails, OperationOutcome } from '../../domain/library';
import { FieldSchemaShape } from '../../custom-metadata/field-schema';
import { CoordinatesString, CustomField, LibraryTags, MetadataGroup, VersionEntry, VersionPixels } from '../../domain/editing';

const FileId = z.string().min(1);
const FileIds = z.array(FileId).min(1).max(10_000);
const Tag = z.string().trim().min(1, 'A tag cannot be empty.').max(500);
const Tags = z.array(Tag).min(1).max(500);
const VersionScope = ProfileScope.extend({ fileId: FileId, versionId: z.string().min(1) });
const MetadataValues = z.record(z.string(), z.unknown());

/** A file's editable fields (update-file-details); omitted keys stay as they are, null clears. */
export const FileEdit = z.object({
  tags: z.array(Tag).max(500).nullable().optional(),
  customCoordinates: CoordinatesString.nullable().optional(),
  /** Values are checked against the fields' rules before sending; null unsets a key. */
  customMetadata: MetadataValues.optional(),
  description: z.string().max(1000).optional(),
});
export type FileEdit = z.infer<typeof FileEdit>;

/**
 * Channels of the editing area: versions, tags and AI tags, custom metadata fields and
 * values, coordinates, embedded metadata. Names are repeated in ./editing.names.ts.
 */
export const editingChannels = {
  /** Every version of a file, current first, each with a URL that serves exactly that version. */
  'editing.versions': { input: ProfileScope.extend({ fileId: FileId }), output: z.array(VersionEntry) },
  /** Two versions as same-size images for the swipe and pixel-difference views. */
  'editing.versionPixels': {
    input: ProfileScope.extend({ fileId: FileId, versionIds: z.tuple([z.string().min(1), z.string().min(1)]), maxSize: z.number().int().min(16).max(2048).default(800) }),
    output: VersionPixels,
  },
  /** Makes a version current; also records a purge suggestion for the file's URL (when the purge area runs). */
  'editing.restoreVersion': {
    input: VersionScope,
    output: z.object({ file: FileDetails, purgeSuggestionId: z.string().nullable(), purgeUrls: z.array(z.string()) }),
  },
  'editing.deleteVersion': { input: VersionScope, output: z.object({}) },

  'editing.addTags': { input: ProfileScope.extend({ fileIds: FileIds, tags: Tags }), output: OperationOutcome },
  'editing.removeTags': { input: ProfileScope.extend({ fileIds: FileIds, tags: Tags }), output: OperationOutcome },
  'editing.removeAITags': { input: ProfileScope.extend({ fileIds: FileIds, aiTags: Tags }), output: OperationOutcome },
  /** Adds the AI tags as plain tags, then removes them from the AI tags. */
  'editing.promoteAITags': { input: ProfileScope.extend({ fileIds: FileIds, aiTags: Tags }), output: OperationOutcome },
  /** Tags already used in the library (autocomplete), most used first. */
  'editing.libraryTags': { input: ProfileScope, output: LibraryTags },

  'editing.fields': { input: ProfileScope.extend({ includeDeleted: z.boolean().default(false) }), output: z.array(CustomField) },
  'editing.createField': {
    input: ProfileScope.extend({ name: z.string(), label: z.string(), schema: FieldSchemaShape, description: z.string().optional() }),
    output: CustomField,
  },
  'editing.updateField': {
    input: ProfileScope.extend({ id: z.string().min(1), label: z.string().optional(), schema: FieldSchemaShape.optional(), description: z.string().optional() }),
    output: CustomField,
  },
  'editing.deleteField': { input: ProfileScope.extend({ id: z.string().min(1) }), output: z.object({}) },

  /** Saves one file's tags, coordinates, custom metadata or description. */
  'editing.updateFile': { input: ProfileScope.extend({ fileId: FileId, edit: FileEdit }), output: FileDetails },
  /** The bulk editor's one save: each file's changes, validated first, applied file by file. */
  'editing.updateFiles': {
    input: ProfileScope.extend({ edits: z.array(z.object({ fileId: FileId, edit: FileEdit })).min(1).max(10_000) }),
    output: OperationOutcome,
  },
  /** Whole file objects for the bulk editor's rows. */
  'editing.filesDetails': { input: ProfileScope.extend({ fileIds: FileIds.max(1000) }), output: z.array(FileDetails) },
  /** Embedded metadata (EXIF, IPTC, XMP…) grouped for reading. */
  'editing.embeddedMetadata': { input: ProfileScope.extend({ fileId: FileId }), output: z.array(MetadataGroup) },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const editingEvents = {} as const satisfies Record<string, z.ZodType>;
