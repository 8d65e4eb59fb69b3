import sharp from 'sharp';
import { evaluate, TransformationError, type Expr, type Layer, type Position, type Step, type StepParams } from '../../../../shared/transformations/index.js';
import { align, scopeFor, type Size } from './geometry.js';
import { assertPixels, inspect, open, toRaw, type Raw, type Working } from './image.js';
import { renderText } from './text.js';
// A layer's own transformation is a chain of steps: rendering it goes back through runChain (see steps.ts).
import { runChain, type ChainContext } from './steps.js';
import { trim } from './effects.js';

const BLEND = { multiply: 'multiply', cutter: 'dest-in', cutout: 'dest-out', displace: 'over' } as const;

function without(step: Step, keys: (keyof StepParams)[]): Step {
  const params = { ...step.params };
  for (const k of keys) delete params[k];
  return { ...step, params };
}

/** Solid block (`i-ik_canvas`): w×h of bg (default: the base size, white); `al` sets its opacity. */
async function canvas(first: Step, base: Size, ctx: ChainContext): Promise<Working> {
  const scope = scopeFor(base, ctx.initial, base);
  const dim = (e: StepParams['w'], fallback: number, key: string) => (e && e !== 'auto' ? Math.round(evaluate(e, scope, key)) : fallback);
  const width = dim(first.params.w, base.width, 'w');
  const height = dim(first.params.h, base.height, 'h');
  assertPixels(width, height, 'solid colour layer');
  ctx.budget.checkOutput(width, height, 'solid colour layer');
  const color = first.params.bg?.kind === 'color' ? first.params.bg.color : { r: 255, g: 255, b: 255, alpha: 1 };
  const alpha = color.alpha < 1 || first.params.al === undefined ? color.alpha : first.params.al / 10;
  return toRaw(sharp({ create: { width, height, channels: 4, background: { ...color, alpha } } }));
}

async function renderLayer(layer: Layer, base: Size, ctx: ChainContext): Promise<Working> {
  const [first, ...rest] = layer.steps;
  const inner: ChainContext = { ...ctx, base, depth: ctx.depth + 1, trimByDefault: false };
  if (layer.type === 'text') {
    const scope = scopeFor(base, ctx.initial, base);
    let fontFile: string | undefined;
    if (first.params.ff?.startsWith('/')) {
      const font = await ctx.env.loadFile(first.params.ff);
      if (!font) throw new TransformationError('ff', `Font file "${first.params.ff}" was not found in the media library.`);
      fontFile = font.diskPath;
    }
    let text: Working = await trim(await renderText(layer.input, { params: first.params, scope, customFontFile: fontFile, budget: ctx.budget }), 1);
    if (first.params.al !== undefined) text = await toRaw(open(text).ensureAlpha().linear([1, 1, 1, first.params.al / 10], [0, 0, 0, 0]));
    const remaining = without(first, ['w', 'h', 'bg', 'pa', 'fs', 'co', 'ff', 'tg', 'ia', 'lh', 'al']);
    return runChain(text, [remaining, ...rest], { ...inner, initial: text });
  }
  if (layer.input === 'ik_canvas') {
    const block = await canvas(first, base, ctx);
    return runChain(block, [without(first, ['w', 'h', 'bg', 'al']), ...rest], { ...inner, initial: block });
  }
  const file = await ctx.env.loadFile(layer.input);
  if (!file) throw new TransformationError('i', `Layer image "${layer.input}" was not found in the media library.`);
  const img = await inspect(file.buffer);
  ctx.budget.checkInput(img.width, img.height, `layer image "${layer.input}"`);
  return runChain(img, layer.steps, { ...inner, initial: img, trimByDefault: true });
}

/** One axis of the layer position: explicit coordinate (N = from the far edge), centre, or relative focus. */
function axis(space: number, size: number, start: Expr | undefined, centre: Expr | undefined, focus: Position, anchor: Position, key: 'x' | 'y', scope: ReturnType<typeof scopeFor>): number {
  if (start !== undefined) {
    const v = evaluate(start, scope, `l${key}`);
    const anchorOffset = align(size, 0, anchor, key) * -1;
    const at = v < 0 ? space - size + v : v + anchorOffset;
    return Math.round(Math.min(Math.max(at, 0), Math.max(0, space - size)));
  }
  if (centre !== undefined) return Math.round(evaluate(centre, scope, `l${key}c`) - size / 2);
  return align(space, size, focus, key);
}

/** Renders a layer and composites it on `base`; the part outside the base is cut off. */
export async function composeLayer(baseImg: Working, layer: Layer, ctx: ChainContext): Promise<Working> {
  const base = { width: baseImg.width, height: baseImg.height };
  const overlay = await toRaw(open(await renderLayer(layer, base, ctx)).ensureAlpha());
  ctx.budget.spend(overlay, 'layer');
  const pos = layer.position;
  const scope = scopeFor(overlay, ctx.initial, base);
  const usesXY = pos.lx !== undefined || pos.ly !== undefined || pos.lxc !== undefined || pos.lyc !== undefined;
  const focus = usesXY ? 'top_left' : (pos.lfo ?? 'center');
  const anchor = pos.lap ?? 'top_left';
  const left = axis(base.width, overlay.width, pos.lx, pos.lxc, focus, anchor, 'x', scope);
  const top = axis(base.height, overlay.height, pos.ly, pos.lyc, focus, anchor, 'y', scope);
  const visible = await clip(overlay, left, top, base);
  if (!visible) return baseImg;
  const input = await open(visible.img).png({ compressionLevel: 0 }).toBuffer();
  return toRaw(open(baseImg).composite([{ input, left: visible.left, top: visible.top, blend: BLEND[pos.lm ?? 'displace'] }]));
}

/** The part of the overlay that lands on the base, or undefined when none does. */
async function clip(overlay: Raw, left: number, top: number, base: Size): Promise<{ img: Raw; left: number; top: number } | undefined> {
  const x0 = Math.max(0, left);
  const y0 = Math.max(0, top);
  const x1 = Math.min(base.width, left + overlay.width);
  const y1 = Math.min(base.height, top + overlay.height);
  if (x1 <= x0 || y1 <= y0) return undefined;
  if (x1 - x0 === overlay.width && y1 - y0 === overlay.height) return { img: overlay, left, top };
  const img = await toRaw(open(overlay).extract({ left: x0 - left, top: y0 - top, width: x1 - x0, height: y1 - y0 }));
  return { img, left: x0, top: y0 };
}
