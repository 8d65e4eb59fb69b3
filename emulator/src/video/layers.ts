import sharp from 'sharp';
import { evaluate, TransformationError, type ExprScope, type Layer } from '../../../shared/transformations/index.js';
import type { Size } from '../delivery/render/geometry.js';
import { composeLayer } from '../delivery/render/layers.js';
import type { ChainContext } from '../delivery/render/steps.js';

/** A layer drawn by the image pipeline, cut to its visible pixels, and where it sits on the frame. */
export interface OverlayImage {
  png: Buffer;
  left: number;
  top: number;
}

/**
 * Renders a layer exactly as it would look on an image of the frame's size (same text rendering with
 * the bundled fonts, same positioning, clamping and nested layers), on a transparent canvas, then keeps
 * only the box its pixels cover so ffmpeg overlays a small image instead of a whole frame.
 */
export async function renderOverlay(layer: Layer, frame: Size, ctx: ChainContext): Promise<OverlayImage | undefined> {
  if (layer.position.lm !== undefined) {
    throw new TransformationError('lm', `lm-${layer.position.lm} (layer modes) is supported on images only; on a video a layer is drawn over the frame.`);
  }
  const canvas = { kind: 'raw' as const, data: Buffer.alloc(frame.width * frame.height * 4), width: frame.width, height: frame.height, channels: 4 as const };
  const drawn = await composeLayer(canvas, layer, ctx);
  const raw = drawn.kind === 'raw' && drawn.channels === 4 ? drawn : await toRgba(drawn);
  const box = alphaBox(raw.data, raw.width, raw.height);
  if (!box) return undefined;
  const png = await sharp(raw.data, { raw: { width: raw.width, height: raw.height, channels: 4 } })
    .extract({ left: box.left, top: box.top, width: box.width, height: box.height })
    .png({ compressionLevel: 1 })
    .toBuffer();
  return { png, left: box.left, top: box.top };
}

async function toRgba(img: Awaited<ReturnType<typeof composeLayer>>): Promise<{ data: Buffer; width: number; height: number }> {
  const input = img.kind === 'raw' ? sharp(img.data, { raw: { width: img.width, height: img.height, channels: img.channels } }) : sharp(img.buffer);
  const { data, info } = await input.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Bounding box of the pixels with any opacity; undefined when the layer left nothing visible. */
function alphaBox(rgba: Buffer, width: number, height: number): { left: number; top: number; width: number; height: number } | undefined {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < height; y++) {
    const row = y * width * 4;
    for (let x = 0; x < width; x++) {
      if (rgba[row + x * 4 + 3] === 0) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      y1 = y;
    }
  }
  return x1 < 0 ? undefined : { left: x0, top: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/**
 * When the layer shows, in seconds of the output: `lso` (default 0) to `leo`, or `lso + ldu`, or the
 * end; `leo` wins over `ldu` (ImageKit: "If both end and duration are provided, duration is ignored").
 * `bdu` is the base video's duration.
 */
export function layerWindow(layer: Layer, baseDuration: number, inputDuration: number): { from: number; to: number } {
  const scope: ExprScope = { bdu: baseDuration, idu: inputDuration, cdu: baseDuration };
  const { lso, leo, ldu } = layer.position;
  const from = lso === undefined ? 0 : evaluate(lso, scope, 'lso');
  let to = baseDuration;
  if (leo !== undefined) to = evaluate(leo, scope, 'leo');
  else if (ldu !== undefined) to = from + evaluate(ldu, scope, 'ldu');
  if (to <= from) throw new TransformationError(leo !== undefined ? 'leo' : 'ldu', `The layer would never show: it ends (${to} s) before it starts (${from} s).`);
  return { from: Math.round(from * 100) / 100, to: Math.round(to * 100) / 100 };
}
