import type ImageKit from '@imagekit/nodejs';
import type { MetadataGroup } from '../../../shared/domain/editing';
import { toEditingError } from './errors';

/** The metadata API's `exif` groups, in reading order, with the names people know them by. */
const EXIF_GROUPS: Array<[key: string, name: string]> = [
  ['image', 'EXIF: Image'],
  ['exif', 'EXIF: Photo'],
  ['gps', 'EXIF: GPS'],
  ['interoperability', 'EXIF: Interoperability'],
  ['thumbnail', 'EXIF: Thumbnail'],
  ['makernote', 'EXIF: Maker notes'],
];

const FILE_KEYS = ['format', 'width', 'height', 'size', 'density', 'quality', 'hasColorProfile', 'hasTransparency', 'pHash', 'duration', 'bitRate', 'videoCodec', 'audioCodec'];
/** Keys ImageKit reports from IPTC records (flattened into `embeddedMetadata`). */
const IPTC_KEYS = new Set([
  'ObjectName', 'Keywords', 'By-line', 'By-lineTitle', 'Caption-Abstract', 'CopyrightNotice', 'City', 'Province-State',
  'Country-PrimaryLocationName', 'Headline', 'Credit', 'Source', 'Writer-Editor', 'DateCreated', 'TimeCreated', 'Category',
  'SupplementalCategories', 'SpecialInstructions', 'OriginalTransmissionReference', 'ApplicationRecordVersion',
]);

/** A value as one readable line: long binary-ish blobs are summarised, not dumped. */
export function readable(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.length > 300 ? `${value.slice(0, 300)}… (${value.length} characters)` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length > 32 ? `${value.length} values` : value.map(readable).join(', ');
  return JSON.stringify(value);
}

function entriesOf(record: Record<string, unknown> | null | undefined, keys?: string[]): MetadataGroup['entries'] {
  if (!record || typeof record !== 'object') return [];
  const names = keys ?? Object.keys(record).sort((a, b) => a.localeCompare(b));
  return names.filter((k) => record[k] !== undefined && record[k] !== null && readable(record[k]) !== '').map((key) => ({ key, value: readable(record[key]) }));
}

/**
 * Groups what ImageKit knows about a file's embedded metadata: the metadata API's file facts and
 * EXIF groups, then `embeddedMetadata` (ImageKit's flat EXIF/IPTC/XMP list) split into IPTC, XMP
 * (`prefix:Name` keys) and the rest.
 */
export function groupMetadata(metadata: Record<string, unknown>, embedded: Record<string, unknown>): MetadataGroup[] {
  const groups: MetadataGroup[] = [{ name: 'File', entries: entriesOf(metadata, FILE_KEYS) }];
  const exif = (metadata.exif ?? {}) as Record<string, Record<string, unknown> | undefined>;
  for (const [key, name] of EXIF_GROUPS) groups.push({ name, entries: entriesOf(exif[key]) });
  const iptc: Record<string, unknown> = {};
  const xmp: Record<string, unknown> = {};
  const other: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(embedded)) {
    if (IPTC_KEYS.has(key)) iptc[key] = value;
    else if (/^[A-Za-z-]+:/.test(key)) xmp[key] = value;
    else other[key] = value;
  }
  groups.push({ name: 'IPTC', entries: entriesOf(iptc) }, { name: 'XMP', entries: entriesOf(xmp) }, { name: 'Embedded (all other fields)', entries: entriesOf(other) });
  return groups.filter((g) => g.entries.length > 0);
}

export async function embeddedMetadataOf(client: ImageKit, fileId: string): Promise<MetadataGroup[]> {
  try {
    const [file, metadata] = await Promise.all([client.files.get(fileId), client.files.metadata.get(fileId).catch(() => ({}))]);
    return groupMetadata(metadata as Record<string, unknown>, (file.embeddedMetadata ?? {}) as Record<string, unknown>);
  } catch (error) {
    throw toEditingError(error, 'read the embedded metadata');
  }
}
