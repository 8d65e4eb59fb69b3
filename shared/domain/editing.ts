import { z } from 'zod';
import { FieldSchemaShape } from '../custom-metadata/field-schema';
import { FileDetails } from './library';

/**
 * Data shapes of the editing area: file versions, tags, custom metadata fields and
 * values, custom coordinates and embedded metadata. Field rules themselves live in
 * shared/custom-metadata (the same code the emulator enforces).
 */

/** One entry of a file's version history; `previewUrl` serves exactly that version (`ik-obj-version`). */
export const VersionEntry = z.object({
  versionId: z.string(),
  versionName: z.string(),
  isCurrent: z.boolean(),
  previewUrl: z.string(),
  details: FileDetails,
});
export type VersionEntry = z.infer<typeof VersionEntry>;

/** Two versions decoded to the same pixel size, as data URLs (a canvas may read them without CORS). */
export const VersionPixels = z.object({
  width: z.number(),
  height: z.number(),
  images: z.array(z.object({ versionId: z.string(), dataUrl: z.string() })),
});
export type VersionPixels = z.infer<typeof VersionPixels>;

export const CustomField = z.object({
  id: z.string(),
  name: z.string(),
  label: z.string(),
  schema: FieldSchemaShape,
  description: z.string().optional(),
  /** ImageKit lists deleted fields only with `includeDeleted`; MediaDesk marks them. */
  deleted: z.boolean(),
});
export type CustomField = z.infer<typeof CustomField>;

/** A tag already used in the library, with how many of the scanned files carry it. */
export const LibraryTag = z.object({ tag: z.string(), count: z.number() });
export type LibraryTag = z.infer<typeof LibraryTag>;

export const LibraryTags = z.object({
  tags: z.array(LibraryTag),
  scannedFiles: z.number(),
  /** True when the library has more files than were scanned (suggestions may miss rare tags). */
  partial: z.boolean(),
});
export type LibraryTags = z.infer<typeof LibraryTags>;

/** One readable group of embedded metadata (EXIF image/photo/GPS…, IPTC, XMP, or ImageKit's flat list). */
export const MetadataGroup = z.object({
  name: z.string(),
  entries: z.array(z.object({ key: z.string(), value: z.string() })),
});
export type MetadataGroup = z.infer<typeof MetadataGroup>;

/** A focus box in the original image's pixels; ImageKit stores it as `x,y,width,height`. */
export interface CoordinatesBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** `"10,20,30,40"` → box; null for empty, malformed or zero-area strings. */
export function parseCoordinates(value: string | null | undefined): CoordinatesBox | null {
  if (!value) return null;
  const parts = value.split(',').map((p) => Number(p.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isInteger(n) || n < 0)) return null;
  const [x, y, width, height] = parts as [number, number, number, number];
  return width > 0 && height > 0 ? { x, y, width, height } : null;
}

export function formatCoordinates(box: CoordinatesBox): string {
  return [box.x, box.y, box.width, box.height].map((n) => Math.round(n)).join(',');
}

/** `customCoordinates` as the API accepts it: four non-negative integers, width and height above zero. */
export const CoordinatesString = z
  .string()
  .refine((s) => parseCoordinates(s) !== null, 'Coordinates are "x,y,width,height": whole numbers, width and height above 0.');
