import sharp, { type Metadata } from 'sharp';
import exifReader from 'exif-reader';
import mime from 'mime-types';
import type { FileRecord } from './file-record.js';
import { mediaTools, EncoderMissing } from '../video/ffmpeg-locator.js';
import { probeVideo } from '../video/probe.js';

export type ProbedFacts = Pick<
  FileRecord,
  'fileType' | 'mime' | 'format' | 'width' | 'height' | 'hasAlpha' | 'duration' | 'embeddedMetadata' | 'bitRate' | 'videoCodec' | 'audioCodec'
>;

/** sharp's format names → the lower-case names ImageKit's `format` search field uses. */
const SHARP_FORMATS: Record<string, { format: string; mime: string }> = {
  jpeg: { format: 'jpg', mime: 'image/jpeg' },
  png: { format: 'png', mime: 'image/png' },
  webp: { format: 'webp', mime: 'image/webp' },
  gif: { format: 'gif', mime: 'image/gif' },
  svg: { format: 'svg', mime: 'image/svg+xml' },
  avif: { format: 'avif', mime: 'image/avif' },
  heif: { format: 'heif', mime: 'image/heif' },
  tiff: { format: 'tiff', mime: 'image/tiff' },
  jp2: { format: 'jp2', mime: 'image/jp2' },
  jxl: { format: 'jxl', mime: 'image/jxl' },
};

/**
 * What the stored bytes are: images are identified by their content (sharp reads the header
 * only), everything else by the file name's extension.
 */
export async function probeFile(filePath: string, fileName: string): Promise<ProbedFacts> {
  try {
    const meta = await sharp(filePath, { failOn: 'none', animated: true }).metadata();
    const known = meta.format ? SHARP_FORMATS[meta.format] : undefined;
    if (known && meta.width && meta.height) {
      const format = meta.format === 'heif' && meta.compression === 'av1' ? 'avif' : known.format;
      const height = meta.pageHeight && meta.pages && meta.pages > 1 ? meta.pageHeight : meta.height;
      return {
        fileType: 'image',
        mime: format === 'avif' ? 'image/avif' : known.mime,
        format,
        width: meta.width,
        height,
        hasAlpha: meta.hasAlpha ?? false,
        duration: null,
        embeddedMetadata: embeddedMetadataOf(meta, height),
      };
    }
  } catch {
    // Not an image sharp can read: fall through to the extension.
  }
  const ext = fileName.includes('.') ? fileName.slice(fileName.lastIndexOf('.') + 1).toLowerCase() : '';
  const typeByName = (ext && mime.lookup(ext)) || 'application/octet-stream';
  const plain: ProbedFacts = {
    fileType: 'non-image',
    mime: typeByName,
    format: ext,
    width: null,
    height: null,
    hasAlpha: false,
    duration: null,
    embeddedMetadata: {},
  };
  return isAudioOrVideoName(typeByName) ? withVideoFacts(plain, filePath) : plain;
}

/** Only files named as audio/video are handed to ffprobe (a spawn per PDF or ZIP would buy nothing). */
function isAudioOrVideoName(type: string): boolean {
  return type.startsWith('video/') || type.startsWith('audio/');
}

/**
 * ImageKit reports video as `non-image` with width, height, duration, bitRate and codecs. Without
 * ffprobe (EncoderMissing) or for a file ffprobe cannot read, the file is stored without those fields.
 */
async function withVideoFacts(plain: ProbedFacts, filePath: string): Promise<ProbedFacts> {
  const tools = mediaTools();
  if (tools instanceof EncoderMissing) return plain;
  const facts = await probeVideo(tools, filePath);
  if (!facts) return plain;
  return {
    ...plain,
    width: facts.width,
    height: facts.height,
    duration: facts.duration,
    bitRate: facts.bitRate,
    videoCodec: facts.videoCodec,
    audioCodec: facts.audioCodec,
  };
}

/** ImageKit's flat `embeddedMetadata`: EXIF tags by name, dates as ISO strings. */
function embeddedMetadataOf(meta: Metadata, height: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (meta.exif) {
    try {
      const exif = exifReader(meta.exif);
      for (const group of [exif.Image, exif.Photo, exif.GPSInfo, exif.Iop]) {
        for (const [key, value] of Object.entries(group ?? {})) {
          const plain = plainValue(value);
          if (plain !== undefined) out[key] = plain;
        }
      }
    } catch {
      // Corrupt EXIF: keep what sharp itself knows.
    }
  }
  out.ImageWidth ??= meta.width;
  out.ImageHeight ??= height;
  if (meta.density) {
    out.XResolution ??= meta.density;
    out.YResolution ??= meta.density;
  }
  return out;
}

function plainValue(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
  if (Buffer.isBuffer(value)) return undefined;
  if (typeof value === 'string') return value.replace(/\0+$/, '');
  if (typeof value === 'number' || typeof value === 'boolean') return Number.isNaN(value) ? undefined : value;
  if (Array.isArray(value)) {
    const items = value.map(plainValue);
    return items.every((v) => v !== undefined) ? items : undefined;
  }
  return undefined;
}
