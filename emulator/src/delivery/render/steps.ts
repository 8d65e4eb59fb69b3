import { evaluate, type Step, type StepParams } from '../../../../shared/transformations/index.js';
import { applyEffect, blur, border, flatten, flip, opacity, rotate, roundCorners, trim } from './effects.js';
import { planResize, scopeFor, type Size } from './geometry.js';
import type { Working } from './image.js';
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
  const threshold = p.t === undefined ? (ctx.trimByDefault ? 10 : undefined) : p.t;
  if (threshold) img = await trim(img, threshold);
  const plan = planResize(p, img, scope(), { ...ctx.env.hints, customFocus: ctx.depth === 0 ? ctx.env.customFocus : undefined });
  img = await applyResize(img, plan, p.bg);
  if (typeof p.rt === 'number') img = await rotate(img, p.rt, backgroundColor(p.bg));
  if (p.fl) img = await flip(img, p.fl);
  for (const effect of p.effects ?? []) img = await applyEffect(img, effect, scope());
  if (p.bl) img = await blur(img, p.bl);
  if (p.r) img = await roundCorners(img, p.r);
  if (p.b) img = await border(img, evaluate(p.b.width, scope(), 'b'), p.b.color);
  if (p.o !== undefined) img = await opacity(img, p.o);
  if (p.bg?.kind === 'color' && plan.kind !== 'pad' && p.bg.color.alpha === 1) img = await flatten(img, p.bg.color);
  for (const layer of step.layers) img = await composeLayer(img, layer, ctx);
  return img;
}
