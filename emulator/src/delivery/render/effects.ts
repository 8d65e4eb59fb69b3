import sharp from 'sharp';
import { evaluate, TransformationError, type Effect, type ExprScope, type Radius, type Rgba } from '../../../../shared/transformations/index.js';
import { assertPixels, hasAlpha, open, toRaw, type Working } from './image.js';
import type { SharpColor } from './resize.js';

export async function trim(img: Working, threshold: number): Promise<Working> {
  try {
    return await toRaw(open(img).trim({ threshold }));
  } catch {
    return img; // sharp refuses to trim an image that is one solid colour; ImageKit leaves it as is.
  }
}

/** Rotation grows the canvas for angles that are not multiples of 90; the corners get `fill`. */
export async function rotate(img: Working, degrees: number, fill: SharpColor): Promise<Working> {
  const angle = ((degrees % 360) + 360) % 360;
  if (angle === 0) return img;
  const { width, height } = rotatedSize(img, angle);
  assertPixels(width, height, 'rotated image');
  return toRaw(open(img).rotate(angle, { background: fill }));
}

/** The canvas a rotation by `degrees` produces (known before any pixel is touched). */
export function rotatedSize(img: { width: number; height: number }, degrees: number): { width: number; height: number } {
  const rad = (degrees * Math.PI) / 180;
  return {
    width: Math.ceil(Math.abs(img.width * Math.cos(rad)) + Math.abs(img.height * Math.sin(rad))),
    height: Math.ceil(Math.abs(img.width * Math.sin(rad)) + Math.abs(img.height * Math.cos(rad))),
  };
}

export async function flip(img: Working, mode: 'h' | 'v' | 'h_v'): Promise<Working> {
  let p = open(img);
  if (mode !== 'v') p = p.flop();
  if (mode !== 'h') p = p.flip();
  return toRaw(p);
}

export async function blur(img: Working, radius: number): Promise<Working> {
  return radius <= 0 ? img : toRaw(open(img).blur(Math.max(0.3, radius / 2)));
}

export async function applyEffect(img: Working, effect: Effect, scope: ExprScope): Promise<Working> {
  switch (effect.name) {
    case 'grayscale':
      return toRaw(open(img).grayscale());
    case 'contrast':
      return toRaw(open(img).normalise());
    case 'sharpen':
      return toRaw(open(img).sharpen({ sigma: effect.amount === null ? 1 : 1 + effect.amount / 20 }));
    case 'usm':
      return toRaw(open(img).sharpen({ sigma: Math.max(0.3, effect.sigma || effect.radius / 2), m1: 0, m2: Math.max(0, effect.amount * 3), x1: effect.threshold * 10 }));
    case 'shadow':
      return shadow(img, effect);
    case 'gradient':
      return gradient(img, effect, scope);
  }
}

async function shadow(img: Working, e: Extract<Effect, { name: 'shadow' }>): Promise<Working> {
  if (img.width * img.height > 2_000_000) {
    throw new TransformationError('e-shadow', 'e-shadow works on images up to 2 megapixels; resize first in an earlier chain step.');
  }
  const rgba = await toRaw(open(img).ensureAlpha().toColourspace('srgb'));
  const alpha = Buffer.alloc(rgba.width * rgba.height * 4);
  const strength = e.saturation / 100;
  for (let i = 0; i < rgba.width * rgba.height; i += 1) alpha[i * 4 + 3] = Math.round(rgba.data[i * 4 + 3] * strength);
  const dx = Math.round((e.x / 100) * img.width);
  const dy = Math.round((e.y / 100) * img.height);
  let shadowLayer = sharp(alpha, { raw: { width: rgba.width, height: rgba.height, channels: 4 } });
  if (e.blur > 0) shadowLayer = shadowLayer.blur(Math.max(0.3, e.blur));
  const shadowPng = await shadowLayer.png().toBuffer();
  const base = sharp({ create: { width: rgba.width, height: rgba.height, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } });
  const composed = await toRaw(
    base.composite([
      { input: shadowPng, left: dx, top: dy },
      { input: rgba.data, raw: { width: rgba.width, height: rgba.height, channels: 4 }, left: 0, top: 0 },
    ]),
  );
  return composed;
}

const svgColor = (c: Rgba) => `rgb(${c.r},${c.g},${c.b})" stop-opacity="${c.alpha}`;

export function gradientSvg(width: number, height: number, e: Extract<Effect, { name: 'gradient' }>, scope: ExprScope): Buffer {
  const stopRaw = evaluate(e.stop, scope, 'e-gradient');
  const extent = Math.abs(Math.cos((e.direction * Math.PI) / 180)) * height + Math.abs(Math.sin((e.direction * Math.PI) / 180)) * width;
  const stop = Math.min(1, stopRaw <= 1 ? stopRaw : stopRaw / Math.max(1, extent));
  // ld is the direction the gradient travels: 0 = towards the top, 180 = towards the bottom.
  const rad = (e.direction * Math.PI) / 180;
  const [dx, dy] = [Math.sin(rad) / 2, -Math.cos(rad) / 2];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
<defs><linearGradient id="g" x1="${0.5 - dx}" y1="${0.5 - dy}" x2="${0.5 + dx}" y2="${0.5 + dy}">
<stop offset="0" stop-color="${svgColor(e.from)}"/><stop offset="${stop}" stop-color="${svgColor(e.to)}"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/></svg>`;
  return Buffer.from(svg);
}

async function gradient(img: Working, e: Extract<Effect, { name: 'gradient' }>, scope: ExprScope): Promise<Working> {
  return toRaw(open(img).composite([{ input: gradientSvg(img.width, img.height, e, scope) }]));
}

function roundedPath(w: number, h: number, r: Radius): string {
  if (r.kind === 'max') return `<ellipse cx="${w / 2}" cy="${h / 2}" rx="${w / 2}" ry="${h / 2}"/>`;
  const cap = (v: number) => Math.min(v, w / 2, h / 2);
  const [tl, tr, br, bl] = [cap(r.tl), cap(r.tr), cap(r.br), cap(r.bl)];
  return `<path d="M${tl},0 H${w - tr} A${tr},${tr} 0 0 1 ${w},${tr} V${h - br} A${br},${br} 0 0 1 ${w - br},${h} H${bl} A${bl},${bl} 0 0 1 0,${h - bl} V${tl} A${tl},${tl} 0 0 1 ${tl},0 Z"/>`;
}

/** Rounded corners: the outside becomes transparent (flattened later for formats without alpha). */
export async function roundCorners(img: Working, r: Radius): Promise<Working> {
  const mask = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${img.width}" height="${img.height}">${roundedPath(img.width, img.height, r)}</svg>`);
  return toRaw(open(img).ensureAlpha().composite([{ input: mask, blend: 'dest-in' }]));
}

export async function border(img: Working, width: number, color: Rgba): Promise<Working> {
  const b = Math.round(width);
  if (b <= 0) return img;
  assertPixels(img.width + 2 * b, img.height + 2 * b, 'bordered image');
  return toRaw(open(img).extend({ top: b, bottom: b, left: b, right: b, background: color }));
}

export async function opacity(img: Working, percent: number): Promise<Working> {
  if (percent >= 100) return img;
  const rgba = await toRaw(open(img).toColourspace('srgb').ensureAlpha());
  return toRaw(open(rgba).linear([1, 1, 1, percent / 100], [0, 0, 0, 0]));
}

/** `bg` on an image with transparency blends it onto an opaque background. */
export async function flatten(img: Working, color: SharpColor): Promise<Working> {
  if (!hasAlpha(img)) return img;
  return toRaw(open(img).flatten({ background: { r: color.r, g: color.g, b: color.b } }));
}
