import sharp, { type Metadata, type Sharp } from 'sharp';
import { IkError } from '../../http/errors.js';

/** ImageKit's default input/output limit (ELIMIT): 100 megapixels. */
export const MAX_PIXELS = 100_000_000;
/** Dimensions above this are ignored by ImageKit rather than honoured. */
export const MAX_DIMENSION = 65_535;

/** An image between pipeline hops: either the still-encoded original or decoded pixels. */
export type Working =
  | { kind: 'encoded'; buffer: Buffer; width: number; height: number; hasAlpha: boolean; format: string; page?: number }
  | { kind: 'raw'; data: Buffer; width: number; height: number; channels: 1 | 2 | 3 | 4 };

export type Raw = Extract<Working, { kind: 'raw' }>;

export const hasAlpha = (img: Working) => (img.kind === 'encoded' ? img.hasAlpha : img.channels === 2 || img.channels === 4);

export function limitError(message: string): IkError {
  return new IkError(400, message, {}, { 'ik-error': `ELIMIT - ${message}` });
}

export function assertPixels(width: number, height: number, what: string): void {
  if (!(width >= 1 && height >= 1)) throw new IkError(400, `The ${what} would be empty (${width}×${height}).`);
  if (width * height > MAX_PIXELS) {
    throw limitError(`The ${what} (${Math.round(width)}×${Math.round(height)}) exceeds the ${MAX_PIXELS / 1e6} megapixel limit.`);
  }
}

/** A sharp pipeline reading the working image; encoded inputs get EXIF orientation applied first. */
export function open(img: Working): Sharp {
  if (img.kind === 'encoded') {
    return sharp(img.buffer, { limitInputPixels: MAX_PIXELS, failOn: 'error', page: img.page ?? 0 }).autoOrient();
  }
  return sharp(img.data, { raw: { width: img.width, height: img.height, channels: img.channels } });
}

/** Runs a pipeline to raw pixels, the hand-off format between steps whose order sharp would not keep. */
export async function toRaw(pipeline: Sharp): Promise<Raw> {
  const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
  return { kind: 'raw', data, width: info.width, height: info.height, channels: info.channels as 1 | 2 | 3 | 4 };
}

/** Reads the header only (no decode) so limits are enforced before any pixel memory is spent. */
export async function inspect(buffer: Buffer, page?: number): Promise<Working> {
  let meta: Metadata;
  try {
    meta = await sharp(buffer, { limitInputPixels: false }).metadata();
  } catch {
    throw new IkError(400, 'The file is not an image the emulator can transform.', {}, { 'ik-error': 'UNIDENTIFIED - unsupported or corrupt image' });
  }
  const { width = 0, height = 0 } = meta;
  assertPixels(width, height, 'input image');
  const swap = (meta.orientation ?? 1) >= 5;
  return {
    kind: 'encoded',
    buffer,
    width: swap ? height : width,
    height: swap ? width : height,
    hasAlpha: meta.hasAlpha ?? false,
    format: meta.format === 'heif' && meta.compression === 'av1' ? 'avif' : (meta.format ?? 'unknown'),
    page,
  };
}

