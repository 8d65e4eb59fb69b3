import type { FileMetadataView } from '../../../shared/domain/purge';

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const bool = (v: unknown) => (typeof v === 'boolean' ? v : null);
const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);

/** Keeps only EXIF groups that are objects (ImageKit: image, thumbnail, exif, gps, interoperability, makernote). */
function exifGroups(value: unknown): FileMetadataView['exif'] {
  const out: FileMetadataView['exif'] = {};
  if (!value || typeof value !== 'object') return out;
  for (const [group, fields] of Object.entries(value)) {
    if (fields && typeof fields === 'object' && !Array.isArray(fields) && Object.keys(fields).length) {
      out[group] = fields as Record<string, unknown>;
    }
  }
  return out;
}

/** ImageKit's Metadata object (SPEC `Metadata`) as the tools show it. */
export function toMetadataView(source: string, raw: Record<string, unknown>): FileMetadataView {
  return {
    source,
    width: num(raw.width),
    height: num(raw.height),
    format: str(raw.format),
    size: num(raw.size),
    quality: num(raw.quality),
    density: num(raw.density),
    hasColorProfile: bool(raw.hasColorProfile),
    hasTransparency: bool(raw.hasTransparency),
    pHash: str(raw.pHash),
    exif: exifGroups(raw.exif),
    duration: num(raw.duration),
    bitRate: num(raw.bitRate),
    videoCodec: str(raw.videoCodec),
    audioCodec: str(raw.audioCodec),
  };
}
