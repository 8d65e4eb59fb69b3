import { evaluate, TransformationError, type Step } from '../../../shared/transformations/index.js';
import { align, planResize, scopeFor, type ResizePlan, type Size } from '../delivery/render/geometry.js';
import { backgroundColor } from '../delivery/render/resize.js';
import type { ChainContext } from '../delivery/render/steps.js';
import { ffColor, type FilterGraph } from './graph.js';
import { layerWindow, renderOverlay, type OverlayImage } from './layers.js';

/** Parameters a step on a video may hold; anything else is refused with a 400 naming it. */
const VIDEO_KEYS = new Set(['w', 'h', 'ar', 'c', 'cm', 'fo', 'x', 'y', 'xc', 'yc', 'dpr', 'z', 'bg', 'rt', 'fl', 'b', 'q', 'f', 'vc', 'ac', 'so', 'eo', 'du', 'sr', 'di', 'orig']);

export function assertVideoParams(steps: Step[]): void {
  for (const step of steps) {
    for (const key of step.keys) {
      if (!VIDEO_KEYS.has(key)) {
        throw new TransformationError(key, `Transformation parameter "${key}" is not supported on videos in the emulator (it is on images and on <video>/ik-thumbnail.jpg).`);
      }
    }
  }
}

export interface StepsContext {
  /** The image pipeline's context, used to draw layers (library access, budget, fonts). */
  chain: ChainContext;
  /** Display size of the input (`iw`, `ih`). */
  initial: Size;
  /** Seconds of output (`bdu` inside layers) and of input (`idu`). */
  outputDuration: number;
  inputDuration: number;
  hints: { width?: number; dpr?: number };
  customFocus?: { left: number; top: number; width: number; height: number };
  /** Receives each layer image; returns its ffmpeg input index. */
  addOverlay(image: OverlayImage): number;
}

/** Runs every step on the graph in ImageKit's step order (resize/crop → rotate → flip → border → layers); returns the output size. */
export async function applySteps(graph: FilterGraph, steps: Step[], ctx: StepsContext): Promise<Size> {
  let size = ctx.initial;
  for (const step of steps) size = await applyStep(graph, step, size, ctx);
  return size;
}

async function applyStep(graph: FilterGraph, step: Step, input: Size, ctx: StepsContext): Promise<Size> {
  const p = step.params;
  const scope = { ...scopeFor(input, ctx.initial), idu: ctx.inputDuration, cdu: ctx.outputDuration };
  const plan = planResize(p, input, scope, { ...ctx.hints, customFocus: ctx.customFocus });
  let size = resize(graph, plan, input, p.bg);
  if (typeof p.rt === 'number') size = rotate(graph, p.rt, size);
  if (p.fl) graph.chain(p.fl === 'h' ? ['hflip'] : p.fl === 'v' ? ['vflip'] : ['hflip', 'vflip']);
  if (p.b) {
    const width = Math.max(0, Math.round(evaluate(p.b.width, { ...scope, cw: size.width, ch: size.height }, 'b')));
    graph.chain([`pad=${size.width + 2 * width}:${size.height + 2 * width}:${width}:${width}:color=${ffColor(p.b.color)}`]);
    size = { width: size.width + 2 * width, height: size.height + 2 * width };
  }
  for (const layer of step.layers) {
    const image = await renderOverlay(layer, size, { ...ctx.chain, initial: ctx.initial });
    const { from, to } = layerWindow(layer, ctx.outputDuration, ctx.inputDuration);
    if (image) graph.overlay(ctx.addOverlay(image), image.left, image.top, from, to);
  }
  return size;
}

function rotate(graph: FilterGraph, degrees: number, size: Size): Size {
  const turn = (((degrees % 360) + 360) % 360) as number;
  if (turn % 90 !== 0) throw new TransformationError('rt', `rt-${degrees}: videos rotate by 0, 90, 180, 270 or 360 degrees only.`);
  if (turn === 0) return size;
  if (turn === 180) {
    graph.chain(['hflip', 'vflip']);
    return size;
  }
  graph.chain([turn === 90 ? 'transpose=clock' : 'transpose=cclock']);
  return { width: size.height, height: size.width };
}

/** The image pipeline's resize plan, as ffmpeg filters (same sizes, same focus positions). */
function resize(graph: FilterGraph, plan: ResizePlan, current: Size, bg: Step['params']['bg']): Size {
  const fill = ffColor(backgroundColor(bg));
  switch (plan.kind) {
    case 'none':
      return current;
    case 'scale':
      graph.chain([`scale=${plan.width}:${plan.height}`, 'setsar=1']);
      return plan;
    case 'cover': {
      const s = Math.max(plan.width / current.width, plan.height / current.height);
      const sw = Math.max(plan.width, Math.round(current.width * s));
      const sh = Math.max(plan.height, Math.round(current.height * s));
      let x: number;
      let y: number;
      if (typeof plan.focus === 'object') {
        // fo-custom: centre the window on the stored focus area, kept inside the frame.
        x = Math.min(Math.max(0, Math.round((plan.focus.left + plan.focus.width / 2) * s - plan.width / 2)), sw - plan.width);
        y = Math.min(Math.max(0, Math.round((plan.focus.top + plan.focus.height / 2) * s - plan.height / 2)), sh - plan.height);
      } else {
        const focus = plan.focus === 'auto' ? 'center' : plan.focus; // no saliency model for moving pictures
        x = align(sw, plan.width, focus, 'x');
        y = align(sh, plan.height, focus, 'y');
      }
      graph.chain([`scale=${sw}:${sh}`, `crop=${plan.width}:${plan.height}:${x}:${y}`, 'setsar=1']);
      return plan;
    }
    case 'pad': {
      const s = Math.min(plan.width / current.width, plan.height / current.height);
      const fw = Math.max(1, Math.min(plan.width, Math.round(current.width * s)));
      const fh = Math.max(1, Math.min(plan.height, Math.round(current.height * s)));
      const x = align(plan.width, fw, plan.focus, 'x');
      const y = align(plan.height, fh, plan.focus, 'y');
      if (bg?.kind === 'blurred') {
        const sigma = bg.amount === 'auto' ? 20 : Math.max(0.3, bg.amount / 2);
        graph.padOverBlur(plan.width, plan.height, fw, fh, x, y, sigma, bg.brightness);
      } else {
        graph.chain([`scale=${fw}:${fh}`, `pad=${plan.width}:${plan.height}:${x}:${y}:color=${fill}`, 'setsar=1']);
      }
      return plan;
    }
    case 'extract': {
      const left = Math.max(0, plan.left);
      const top = Math.max(0, plan.top);
      const right = Math.min(current.width, plan.left + plan.width);
      const bottom = Math.min(current.height, plan.top + plan.height);
      const filters = [`crop=${Math.max(1, right - left)}:${Math.max(1, bottom - top)}:${left}:${top}`];
      if (right - left !== plan.width || bottom - top !== plan.height) filters.push(`pad=${plan.width}:${plan.height}:${left - plan.left}:${top - plan.top}:color=${fill}`);
      graph.chain(filters);
      return plan;
    }
  }
}
