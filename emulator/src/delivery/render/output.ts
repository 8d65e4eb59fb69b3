import { TransformationError, type Step, type StepParams } from '../../../../shared/transformations/index.js';
import type { Sharp } from 'sharp';
import { hasAlpha, open, type Working } from './image.js';

export type OutputFormat = 'jpeg' | 'png' | 'webp' | 'avif' | 'gif';

export const MIME: Record<OutputFormat, string> = {
  jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif',
};

export interface OutputSettings {
  format: OutputFormat;
  /** True when the format came from the Accept header (the response must `Vary: Accept`). */
  negotiated: boolean;
  quality: number;
  progressive: boolean;
  lossless: boolean;
  keepMetadata: boolean;
  keepIcc: boolean;
}

/** Output parameters may sit in any step; the last one written wins. */
export function outputParams(steps: Step[]): Pick<StepParams, 'f' | 'q' | 'pr' | 'lo' | 'md' | 'cp'> {
  const out: Pick<StepParams, 'f' | 'q' | 'pr' | 'lo' | 'md' | 'cp'> = {};
  for (const { params } of steps) {
    for (const key of ['f', 'q', 'pr', 'lo', 'md', 'cp'] as const) {
      if (params[key] !== undefined) Object.assign(out, { [key]: params[key] });
    }
  }
  return out;
}

function sameAsInput(inputFormat: string, alpha: boolean): OutputFormat {
  if (inputFormat === 'jpeg' || inputFormat === 'png' || inputFormat === 'webp' || inputFormat === 'gif' || inputFormat === 'avif') return inputFormat;
  return alpha ? 'png' : 'jpeg'; // SVG, TIFF, HEIF…: a web format that keeps transparency when there is some.
}

/**
 * f-auto (also the default, as ImageKit's dashboard has "best format" on): AVIF only when enabled and
 * accepted, WebP when `Accept` lists image/webp, otherwise the input's own format. A bare `*\/*` does
 * not count as accepting WebP (emulator choice; ImageKit's answer to it is undocumented).
 */
export function chooseOutput(
  params: ReturnType<typeof outputParams>,
  input: { format: string; alpha: boolean },
  accept: string,
  options: { avifEnabled: boolean },
): OutputSettings {
  const common = {
    quality: params.q ?? 80,
    progressive: params.pr ?? false,
    lossless: params.lo ?? false,
    keepMetadata: params.md ?? false,
    keepIcc: params.cp ?? false,
  };
  const f = params.f ?? 'auto';
  if (f === 'mp4' || f === 'webm') {
    // Reached only for still images: animated GIFs and videos go to the video pipeline before this.
    throw new TransformationError('f', `f-${f} is a video format; it applies to videos and animated GIFs, not to a still ${input.format} image.`);
  }
  if (f !== 'auto') {
    const format: OutputFormat = f === 'jpg' ? 'jpeg' : f === 'orig' ? sameAsInput(input.format, input.alpha) : f;
    return { ...common, format, negotiated: false };
  }
  const accepts = (mime: string) => accept.toLowerCase().split(',').some((part) => part.trim().split(';')[0] === mime);
  let format: OutputFormat = sameAsInput(input.format, input.alpha);
  if (options.avifEnabled && accepts('image/avif') && !params.cp) format = 'avif';
  else if (accepts('image/webp') && format !== 'gif') format = 'webp';
  return { ...common, format, negotiated: true };
}

/** Encodes the working image. Formats without alpha get transparent areas flattened onto white. */
export async function encode(img: Working, out: OutputSettings, original?: Working): Promise<Buffer> {
  const p = out.keepMetadata || out.keepIcc ? withOriginalMetadata(img, original) : open(img);
  return encodePipeline(p, hasAlpha(img), out);
}

/** Encodes a pipeline whose input still carries the original's metadata (or does not need it). */
export async function encodePipeline(pipeline: Sharp, alpha: boolean, out: OutputSettings): Promise<Buffer> {
  let p = pipeline;
  if (out.keepMetadata) p = p.keepMetadata();
  else if (out.keepIcc) p = p.keepIccProfile();
  switch (out.format) {
    case 'jpeg':
      if (alpha) p = p.flatten({ background: '#ffffff' });
      return p.jpeg({ quality: out.quality, progressive: out.progressive, mozjpeg: false }).toBuffer();
    case 'png':
      return p.png({ progressive: out.progressive }).toBuffer();
    case 'webp':
      return p.webp({ quality: out.quality, lossless: out.lossless }).toBuffer();
    case 'avif':
      return p.avif({ quality: Math.max(1, Math.round(out.quality * 0.625)), lossless: out.lossless }).toBuffer();
    case 'gif':
      return p.gif().toBuffer();
  }
}

/**
 * Decoded pixels carry no metadata, so md-true/cp-true re-attach the original's: the original is
 * opened (cheap: shrink-on-load) at the output size and fully replaced by the rendered pixels,
 * keeping its EXIF/XMP/ICC for `keepMetadata()`/`keepIccProfile()`.
 */
function withOriginalMetadata(img: Working, original: Working | undefined): Sharp {
  if (img.kind === 'encoded' || !original || original.kind !== 'encoded') return open(img);
  let carrier = open(original).resize(img.width, img.height, { fit: 'fill' });
  if (hasAlpha(img)) carrier = carrier.ensureAlpha();
  return carrier.composite([{ input: img.data, raw: { width: img.width, height: img.height, channels: img.channels }, blend: 'source' }]);
}
