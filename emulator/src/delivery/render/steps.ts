import { evaluate, type Step, type StepParams } from '../../../../shared/transformations/index.js';
import { applyEffect, blur, border, flatten, flip, opacity, rotate, rotatedSize, roundCorners, trim } from './effects.js';
import { planResize, scopeFor, type Size } from './geometry.js';
import type { RenderBudget } from './budget.js';
import type { Working } from './image.js';
// steps.ts and layers.ts recurse on purpose: a step may carry layers (l-…,l-end), and each layer is
// rendered by its own chain of steps, nested as deep as the URL nests them (the grammar bounds the depth).
import { composeLayer } from './layers.js';
import { applyResize, backgroundColor } from './resize.js';

/** What rendering needs from outside the pixels: the library, client hints, the file's focus area. */
export interface RenderEnv {
  /** Bytes and on-disk path of a library file (image layers, `di`, custom fonts); undefined when missing. */
  loadFile(path: string): Promise<{ buffer: Buffer; diskPath: string } | undefined>;
  hints: { width?: number; dpr?: number };
  /** `customCoordinates` of the file being rendered, for `fo-custom`. */
  customFocus?: { left: number; top: number; width: number; height: number };
}

export interface ChainContext {
  env: RenderEnv;
  /** Limits, pixels spent so far and the client's abort signal, shared by every step and layer of the render. */
  budget: RenderBudget;
  /** Size of the chain's input (`iw`, `ih`). */
  initial: Size;
  /** Size of the parent image when rendering a layer (`bw`, `bh`). */
  base?: Size;
  /** Image layers trim by default (ImageKit), unless `t-false`. */
  trimByDefault?: boolean;
  /** Nesting depth of the layer being rendered (0 = the base image). */
  depth: number;
}

/** Runs chain steps left to right; each step sees the previous step's output as `cw`/`ch`. */
export async function runChain(img: Working, steps: Step[], ctx: ChainContext): Promise<Working> {
  let current = img;
  for (const [index, step] of steps.entries()) {
    current = await runStep(current, step, { ...ctx, trimByDefault: ctx.trimByDefault && index === 0 });
  }
  return current;
}

/**
 * One step, in a fixed order: trim → resize/crop → rotate → flip → effects (as written) → blur →
 * radius → border → opacity → background → layers. Parameters whose order matters across each other
 * belong in separate chain steps, as ImageKit documents.
 */
export async function runStep(input: Working, step: Step, ctx: ChainContext): Promise<Working> {
  const p: StepParams = step.params;
  let img = input;
  const scope = () => scopeFor(img, ctx.initial, ctx.base);
  // Every stage that produced an image is counted; the budget also stops a render whose client left.
  const spent = (out: Working, what: string) => (ctx.budget.spend(out, what), out);
  const threshold = p.t === undefined ? (ctx.trimByDefault ? 10 : undefined) : p.t;
  if (threshold) {
    img = await trim(img, threshold);
    ctx.budget.count(img);
  }
  const plan = planResize(p, img, scope(), { ...ctx.env.hints, customFocus: ctx.depth === 0 ? ctx.env.customFocus : undefined });
  if (plan.kind !== 'none') {
    ctx.budget.checkOutput(plan.width, plan.height, 'requested output');
    img = spent(await applyResize(img, plan, p.bg), 'resized image');
  } else {
    // Without a resize the input's own size is this step's output: refuse it before any stage decodes it.
    ctx.budget.checkOutput(img.width, img.height, 'output image');
  }
  if (typeof p.rt === 'number') {
    const turned = rotatedSize(img, p.rt);
    ctx.budget.checkOutput(turned.width, turned.height, 'rotated image');
    img = spent(await rotate(img, p.rt, backgroundColor(p.bg)), 'rotated image');
  }
  if (p.fl) img = spent(await flip(img, p.fl), 'flipped image');
  for (const effect of p.effects ?? []) img = spent(await applyEffect(img, effect, scope()), `image after e-${effect.name}`);
  if (p.bl) img = spent(await blur(img, p.bl), 'blurred image');
  if (p.r) img = spent(await roundCorners(img, p.r), 'rounded image');
  if (p.b) {
    const width = Math.max(0, Math.round(evaluate(p.b.width, scope(), 'b')));
    ctx.budget.checkOutput(img.width + 2 * width, img.height + 2 * width, 'bordered image');
    img = spent(await border(img, width, p.b.color), 'bordered image');
  }
  if (p.o !== undefined) img = spent(await opacity(img, p.o), 'image with opacity');
  if (p.bg?.kind === 'color' && plan.kind !== 'pad' && p.bg.color.alpha === 1) img = spent(await flatten(img, p.bg.color), 'flattened image');
  for (const layer of step.layers) img = spent(await composeLayer(img, layer, ctx), 'image with its layers');
  return img;
}
