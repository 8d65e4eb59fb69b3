import sharp, { type Metadata as SharpMetadata } from 'sharp';
import { readExifGroups, type ExifGroups } from './exif.js';
import { estimateJpegQuality } from './jpeg-quality.js';
import { perceptualHash } from './phash.js';

/** SPEC `Metadata` for an image. `quality` only for JPEG (the one format whose quality is recoverable). */
export interface ImageMetadata {
  height: number;
  width: number;
  size: number;
  format: string;
  hasColorProfile: boolean;
  quality?: number;
  density: number;
  hasTransparency: boolean;
  pHash: string;
  exif: ExifGroups;
}

/** Raised when sharp cannot decode the bytes as an image. */
export class UnreadableImageError extends Error {
  constructor(cause: unknown) {
    super(`not a readable image: ${(cause as Error)?.message ?? String(cause)}`);
    this.name = 'UnreadableImageError';
  }
}

/** libvips' format names → the extension-style names ImageKit reports (`jpg`, not `jpeg`). */
function formatName(meta: SharpMetadata): string {
  if (meta.format === 'jpeg') return 'jpg';
  if (meta.format === 'heif') return meta.compression === 'av1' ? 'avif' : 'heic';
  return meta.format ?? 'unknown';
}

/** Screen density assumed when a file declares none (the web's and ImageKit's example default). */
const DEFAULT_DENSITY = 72;

/** Computes ImageKit's metadata for image bytes with sharp: dimensions, format, profile, alpha use, pHash, EXIF. */
export async function extractImageMetadata(bytes: Buffer): Promise<ImageMetadata> {
  let meta: SharpMetadata;
  try {
    meta = await sharp(bytes, { failOn: 'none' }).metadata();
    if (!meta.width || !meta.height) throw new Error('image has no dimensions');
  } catch (err) {
    throw new UnreadableImageError(err);
  }
  const [pHash, hasTransparency] = await Promise.all([
    perceptualHash(bytes).catch((err: unknown) => {
      throw new UnreadableImageError(err);
    }),
    usesTransparency(bytes, meta),
  ]);
  const format = formatName(meta);
  const result: ImageMetadata = {
    height: meta.pageHeight ?? meta.height,
    width: meta.width,
    size: bytes.length,
    format,
    hasColorProfile: Boolean(meta.hasProfile),
    density: Math.round(meta.density ?? DEFAULT_DENSITY),
    hasTransparency,
    pHash,
    exif: readExifGroups(meta.exif),
  };
  if (format === 'jpg') {
    const quality = estimateJpegQuality(bytes);
    if (quality !== undefined) result.quality = quality;
  }
  return reorder(result);
}

/** An alpha channel alone is not transparency: some pixel must actually be less than opaque. */
async function usesTransparency(bytes: Buffer, meta: SharpMetadata): Promise<boolean> {
  if (!meta.hasAlpha) return false;
  try {
    const stats = await sharp(bytes, { failOn: 'none' }).stats();
    const alpha = stats.channels[stats.channels.length - 1];
    const opaque = meta.depth === 'ushort' ? 65535 : 255;
    return alpha.min < opaque;
  } catch (err) {
    throw new UnreadableImageError(err);
  }
}

/** Key order of SPEC's ImageMetadata example, so responses read like ImageKit's. */
function reorder(m: ImageMetadata): ImageMetadata {
  const { height, width, size, format, hasColorProfile, quality, density, hasTransparency, pHash, exif } = m;
  return {
    height, width, size, format, hasColorProfile,
    ...(quality !== undefined && { quality }),
    density, hasTransparency, pHash, exif,
  };
}
