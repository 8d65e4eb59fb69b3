import sharp, { type Sharp } from 'sharp';
import type { Background, Position } from '../../../../shared/transformations/index.js';
import type { ResizePlan } from './geometry.js';
import { open, toRaw, type Working } from './image.js';

const GRAVITY: Record<Position, string> = {
  center: 'centre', top: 'north', bottom: 'south', left: 'west', right: 'east',
  top_left: 'northwest', top_right: 'northeast', bottom_left: 'southwest', bottom_right: 'southeast',
};

export type SharpColor = { r: number; g: number; b: number; alpha: number };
const BLACK: SharpColor = { r: 0, g: 0, b: 0, alpha: 1 };

export function backgroundColor(bg: Background | undefined, fallback: SharpColor = BLACK): SharpColor {
  return bg?.kind === 'color' ? bg.color : fallback;
}

/** Applies a resize plan. Encoded inputs keep sharp's shrink-on-load, which is where JPEG speed comes from. */
export async function applyResize(img: Working, plan: ResizePlan, bg: Background | undefined): Promise<Working> {
  if (plan.kind === 'none') return img;
  if (plan.kind === 'pad' && bg?.kind === 'blurred') return padOverBlur(img, plan.width, plan.height, plan.focus, bg);
  if (plan.kind === 'extract') return extractWithPadding(img, plan, backgroundColor(bg));
  return toRaw(await resizePipeline(img, plan, bg));
}

/**
 * The single sharp pipeline for plans that need one call; the renderer's fast path encodes straight
 * from it, so a plain resize costs the same as a bare sharp pipeline.
 */
export async function resizePipeline(img: Working, plan: Exclude<ResizePlan, { kind: 'none' | 'extract' }>, bg: Background | undefined): Promise<Sharp> {
  switch (plan.kind) {
    case 'scale':
      return open(img).resize(plan.width, plan.height, { fit: 'fill' });
    case 'cover': {
      if (typeof plan.focus === 'object') return coverAround(open(img), img, plan.width, plan.height, plan.focus);
      const position = plan.focus === 'auto' ? sharp.strategy.attention : GRAVITY[plan.focus];
      return open(img).resize(plan.width, plan.height, { fit: 'cover', position });
    }
    case 'pad': {
      let background = backgroundColor(bg);
      if (bg?.kind === 'dominant') background = { ...(await open(img).stats()).dominant, alpha: 1 };
      return open(img).resize(plan.width, plan.height, { fit: 'contain', position: GRAVITY[plan.focus], background });
    }
  }
}

/** maintain_ratio with fo-custom: the crop window is centred on the stored focus area. */
function coverAround(pipeline: Sharp, img: Working, width: number, height: number, focus: { left: number; top: number; width: number; height: number }) {
  const s = Math.max(width / img.width, height / img.height);
  const cropW = Math.min(img.width, Math.round(width / s));
  const cropH = Math.min(img.height, Math.round(height / s));
  const cx = focus.left + focus.width / 2;
  const cy = focus.top + focus.height / 2;
  const left = Math.min(Math.max(0, Math.round(cx - cropW / 2)), img.width - cropW);
  const top = Math.min(Math.max(0, Math.round(cy - cropH / 2)), img.height - cropH);
  return pipeline.extract({ left, top, width: cropW, height: cropH }).resize(width, height, { fit: 'fill' });
}

async function padOverBlur(img: Working, width: number, height: number, focus: Position, bg: Extract<Background, { kind: 'blurred' }>): Promise<Working> {
  const sigma = bg.amount === 'auto' ? 20 : Math.max(0.3, bg.amount / 2);
  let under = open(img).resize(width, height, { fit: 'cover' }).blur(sigma);
  if (bg.brightness !== 0) under = under.linear(1, bg.brightness);
  const inner = await open(img).resize(width, height, { fit: 'inside' }).png().toBuffer({ resolveWithObject: true });
  const left = Math.round(alignAxis(width, inner.info.width, focus, 'x'));
  const top = Math.round(alignAxis(height, inner.info.height, focus, 'y'));
  const base = await toRaw(under);
  return toRaw(open(base).composite([{ input: inner.data, left, top }]));
}

function alignAxis(space: number, size: number, position: Position, axis: 'x' | 'y'): number {
  const start = axis === 'x' ? position.includes('left') : position.startsWith('top');
  const end = axis === 'x' ? position.includes('right') : position.startsWith('bottom');
  return start ? 0 : end ? space - size : (space - size) / 2;
}

/** Cuts `plan` out of the image; parts of the region outside the image are filled with `fill`. */
async function extractWithPadding(img: Working, plan: Extract<ResizePlan, { kind: 'extract' }>, fill: SharpColor): Promise<Working> {
  const left = Math.max(0, plan.left);
  const top = Math.max(0, plan.top);
  const right = Math.min(img.width, plan.left + plan.width);
  const bottom = Math.min(img.height, plan.top + plan.height);
  let pipeline = open(img);
  if (right > left && bottom > top) {
    pipeline = pipeline.extract({ left, top, width: right - left, height: bottom - top });
  }
  const extend = { top: top - plan.top, left: left - plan.left, bottom: plan.top + plan.height - bottom, right: plan.left + plan.width - right };
  if (extend.top || extend.left || extend.bottom || extend.right) {
    // extract and extend in one pipeline run in that order in sharp, which is the order we need.
    pipeline = pipeline.extend({ ...extend, background: fill });
  }
  return toRaw(pipeline);
}
