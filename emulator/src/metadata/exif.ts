import exifReader from 'exif-reader';

/** ImageKit's EXIF groups (SPEC `Metadata.exif`). */
export interface ExifGroups {
  image: Record<string, unknown>;
  thumbnail: Record<string, unknown>;
  exif: Record<string, unknown>;
  gps: Record<string, unknown>;
  interoperability: Record<string, unknown>;
  makernote: Record<string, unknown>;
}

/**
 * exif-reader names tags as the EXIF standard / Exiv2 do; ImageKit reports the exiftool-style names
 * shown in SPEC `components.examples.ImageMetadata` (`ModifyDate`, `ExifOffset`, `ISO`, …).
 */
const RENAMES: Record<keyof Omit<ExifGroups, 'makernote'>, Record<string, string>> = {
  image: { DateTime: 'ModifyDate', ExifTag: 'ExifOffset', GPSTag: 'GPSInfo' },
  thumbnail: { JPEGInterchangeFormat: 'ThumbnailOffset', JPEGInterchangeFormatLength: 'ThumbnailLength', DateTime: 'ModifyDate' },
  exif: {
    DateTimeDigitized: 'CreateDate',
    ISOSpeedRatings: 'ISO',
    ExposureBiasValue: 'ExposureCompensation',
    FocalLengthIn35mmFilm: 'FocalLengthIn35mmFormat',
    PixelXDimension: 'ExifImageWidth',
    PixelYDimension: 'ExifImageHeight',
    InteroperabilityTag: 'InteropOffset',
  },
  gps: {},
  interoperability: { InteroperabilityIndex: 'InteropIndex', InteroperabilityVersion: 'InteropVersion' },
};

/** Tags whose SPEC type is a scalar integer / string, so an odd encoding is coerced to what clients expect. */
const INTEGER_TAGS = new Set([
  'Orientation', 'ResolutionUnit', 'YCbCrPositioning', 'ExifOffset', 'GPSInfo', 'Compression', 'ThumbnailOffset',
  'ThumbnailLength', 'ExposureProgram', 'ISO', 'MeteringMode', 'Flash', 'LightSource', 'SensingMethod',
  'FocalLengthIn35mmFormat', 'ColorSpace', 'ExifImageWidth', 'ExifImageHeight', 'InteropOffset',
  'FocalPlaneResolutionUnit', 'CustomRendered', 'ExposureMode', 'WhiteBalance', 'SceneCaptureType', 'GPSAltitudeRef',
]);
const STRING_TAGS = new Set(['SceneType', 'ExifVersion', 'FlashpixVersion', 'InteropVersion', 'SubSecTime', 'UserComment']);
/** UNDEFINED-type text tags that start with an 8-byte character-code header (EXIF 2.3 §4.6.5). */
const CHARSET_TAGS = new Set(['UserComment', 'GPSProcessingMethod', 'GPSAreaInformation']);

export function emptyExif(): ExifGroups {
  return { image: {}, thumbnail: {}, exif: {}, gps: {}, interoperability: {}, makernote: {} };
}

/** Parses a raw EXIF block (sharp's `metadata().exif`); unreadable EXIF yields empty groups, never an error. */
export function readExifGroups(raw: Buffer | undefined): ExifGroups {
  const groups = emptyExif();
  if (!raw || raw.length < 8) return groups;
  let parsed: ReturnType<typeof exifReader>;
  try {
    parsed = exifReader(raw);
  } catch {
    return groups;
  }
  copyGroup(parsed.Image, groups.image, RENAMES.image);
  copyGroup(parsed.Thumbnail, groups.thumbnail, RENAMES.thumbnail);
  copyGroup(parsed.Photo, groups.exif, RENAMES.exif);
  copyGroup(parsed.GPSInfo, groups.gps, RENAMES.gps);
  copyGroup(parsed.Iop, groups.interoperability, RENAMES.interoperability);
  // Maker notes are vendor-specific binary blobs; they are not decoded (reported as `{}` like ImageKit's example).
  delete groups.exif.MakerNote;
  return groups;
}

function copyGroup(source: object | null | undefined, target: Record<string, unknown>, renames: Record<string, string>) {
  if (!source) return;
  for (const [tag, value] of Object.entries(source)) {
    if (/^\d+$/.test(tag)) continue; // unnamed (unknown) tags
    const name = renames[tag] ?? tag;
    const converted = coerce(name, toJsonValue(tag, value));
    if (converted !== undefined) target[name] = converted;
  }
}

/** Turns exif-reader values (Dates, Buffers, rationals) into JSON, dropping what has no faithful JSON form. */
function toJsonValue(tag: string, value: unknown): unknown {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : exifDate(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string') return value.replace(/\0+$/, '');
  if (Buffer.isBuffer(value)) return bufferValue(tag, value);
  if (Array.isArray(value)) {
    const items = value.map((v) => toJsonValue(tag, v));
    return items.every((v) => v !== undefined) ? items : undefined;
  }
  return undefined;
}

function bufferValue(tag: string, buf: Buffer): unknown {
  if (CHARSET_TAGS.has(tag) && buf.length >= 8) {
    const code = buf.subarray(0, 8).toString('latin1').replace(/\0+$/, '');
    const body = buf.subarray(8);
    const text = code === 'UNICODE' ? body.toString('utf16le') : body.toString(code === 'ASCII' ? 'latin1' : 'utf8');
    return text.replace(/\0+$/, '').trim();
  }
  if (buf.length > 0 && buf.every((b) => b >= 0x20 && b < 0x7f)) return buf.toString('latin1');
  if (buf.length > 0 && buf.length <= 4) return buf.length === 1 ? buf[0] : [...buf];
  const text = buf.toString('utf8').replace(/\0+$/, '');
  // Non-ASCII text (e.g. a UTF-8 Artist) survives; other binary blobs are dropped.
  return text.length > 0 && !text.includes('\uFFFD') && ![...text].some(isControl) ? text : undefined;
}

function isControl(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code < 0x20 && ch !== '\t' && ch !== '\n' && ch !== '\r';
}

function coerce(name: string, value: unknown): unknown {
  if (value === undefined) return undefined;
  const scalar = Array.isArray(value) && (INTEGER_TAGS.has(name) || STRING_TAGS.has(name)) ? value[0] : value;
  if (INTEGER_TAGS.has(name)) return typeof scalar === 'number' ? Math.round(scalar) : undefined;
  if (STRING_TAGS.has(name)) return typeof scalar === 'string' || typeof scalar === 'number' ? String(scalar) : undefined;
  return scalar;
}

/** EXIF's own date format, `YYYY:MM:DD HH:MM:SS`, as ImageKit reports it (exif-reader parsed it as UTC). */
function exifDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}:${p(d.getUTCMonth() + 1)}:${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}
