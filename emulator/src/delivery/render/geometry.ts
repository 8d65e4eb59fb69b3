import { evaluate, type Expr, type ExprScope, type Position, type StepParams } from '../../../../shared/transformations/index.js';
import { TransformationError } from '../../../../shared/transformations/index.js';
import { MAX_DIMENSION, assertPixels } from './image.js';

/** What the resize/crop part of one step does, with every size already computed (our rounding, testable). */
export type ResizePlan =
  | { kind: 'none' }
  /** Scale to exactly width×height (aspect may change; used for force and for the fitting modes). */
  | { kind: 'scale'; width: number; height: number }
  /** maintain_ratio: scale to cover, then cut width×height around the focus. */
  | { kind: 'cover'; width: number; height: number; focus: Position | 'auto' | { left: number; top: number; width: number; height: number } }
  /** pad_resize: fit inside, pad the rest with bg. */
  | { kind: 'pad'; width: number; height: number; focus: Position }
  /** extract / pad_extract: cut (and pad) a region without scaling. `left/top` may be negative for padding. */
  | { kind: 'extract'; width: number; height: number; left: number; top: number };

export interface Size {
  width: number;
  height: number;
}

export function scopeFor(current: Size, initial: Size, base?: Size): ExprScope {
  const scope: ExprScope = {
    iw: initial.width, ih: initial.height, iar: initial.width / initial.height,
    cw: current.width, ch: current.height, car: current.width / current.height,
  };
  if (base) Object.assign(scope, { bw: base.width, bh: base.height, bar: base.width / base.height });
  return scope;
}

/** A w/h value: fractions (0<v<1) are relative to the input; absurd values are ignored like ImageKit does. */
function dimension(expr: Expr | undefined, relativeTo: number, scope: ExprScope, param: string): number | undefined {
  if (expr === undefined) return undefined;
  let v = evaluate(expr, scope, param);
  if (v > 0 && v < 1) v *= relativeTo;
  if (!(v > 0) || v > MAX_DIMENSION) return undefined;
  return Math.max(1, Math.round(v));
}

function applyDpr(value: number | undefined, dpr: number): number | undefined {
  if (value === undefined || dpr === 1) return value;
  const scaled = Math.round(value * dpr);
  return scaled < 1 || scaled > 5000 ? value : scaled;
}

const positionOf = (fo: StepParams['fo']): Position =>
  typeof fo === 'string' && fo !== 'auto' && fo !== 'face' && fo !== 'custom' ? fo : 'center';

/** Offset of a `size` box inside `space` for a 9-way position along one axis. */
export function align(space: number, size: number, position: Position, axis: 'x' | 'y'): number {
  const start = axis === 'x' ? position.includes('left') : position.startsWith('top');
  const end = axis === 'x' ? position.includes('right') : position.startsWith('bottom');
  if (start) return 0;
  if (end) return space - size;
  return Math.round((space - size) / 2);
}

export interface RequestedSize {
  width?: number;
  height?: number;
}

/** Evaluates w, h, ar and dpr into target pixels (either may stay undefined). */
export function requestedSize(params: StepParams, current: Size, scope: ExprScope, hints: { width?: number; dpr?: number }): RequestedSize {
  const wExpr = params.w === 'auto' ? (hints.width ? ({ kind: 'num', value: Math.ceil(hints.width / 100) * 100 } as Expr) : undefined) : params.w;
  let width = dimension(wExpr, current.width, scope, 'w');
  let height = dimension(params.h, current.height, scope, 'h');
  if (params.ar && (width === undefined) !== (height === undefined)) {
    const ar = evaluate(params.ar, scope, 'ar');
    if (!(ar > 0)) throw new TransformationError('ar', 'Aspect ratio must be positive.');
    if (width !== undefined) height = Math.max(1, Math.round(width / ar));
    else if (height !== undefined) width = Math.max(1, Math.round(height * ar));
  }
  const dpr = params.dpr === 'auto' ? (hints.dpr ?? 1) : (params.dpr ?? 1);
  return { width: applyDpr(width, dpr), height: applyDpr(height, dpr) };
}

function fitScale(current: Size, w: number | undefined, h: number | undefined, pick: 'min' | 'max'): number {
  const sx = w === undefined ? undefined : w / current.width;
  const sy = h === undefined ? undefined : h / current.height;
  if (sx === undefined) return sy as number;
  if (sy === undefined) return sx;
  return pick === 'min' ? Math.min(sx, sy) : Math.max(sx, sy);
}

const scaled = (current: Size, s: number) => ({
  width: Math.max(1, Math.round(current.width * s)),
  height: Math.max(1, Math.round(current.height * s)),
});

/** Plans the resize/crop of one step from its parameters. `customFocus` is the file's customCoordinates. */
export function planResize(
  params: StepParams,
  current: Size,
  scope: ExprScope,
  hints: { width?: number; dpr?: number; customFocus?: { left: number; top: number; width: number; height: number } },
): ResizePlan {
  const { width: w, height: h } = requestedSize(params, current, scope, hints);
  if (params.cm === 'extract' || params.cm === 'pad_extract') return planExtract(params, current, scope, w, h, hints.customFocus);
  if (w === undefined && h === undefined) return { kind: 'none' };
  let plan: ResizePlan;
  if (params.cm === 'pad_resize') {
    plan = { kind: 'pad', width: w ?? scaled(current, (h as number) / current.height).width, height: h ?? scaled(current, (w as number) / current.width).height, focus: positionOf(params.fo) };
  } else {
    switch (params.c ?? 'maintain_ratio') {
      case 'force':
        plan = { kind: 'scale', width: w ?? current.width, height: h ?? current.height };
        break;
      case 'at_max': {
        const s = Math.min(1, fitScale(current, w, h, 'min'));
        plan = s === 1 ? { kind: 'none' } : { kind: 'scale', ...scaled(current, s) };
        break;
      }
      case 'at_max_enlarge':
        plan = { kind: 'scale', ...scaled(current, fitScale(current, w, h, 'min')) };
        break;
      case 'at_least':
        plan = { kind: 'scale', ...scaled(current, fitScale(current, w, h, 'max')) };
        break;
      default:
        if (w === undefined || h === undefined) {
          plan = { kind: 'scale', ...scaled(current, fitScale(current, w, h, 'min')) };
        } else {
          const focus = params.fo === 'custom' && hints.customFocus ? hints.customFocus : params.fo === 'auto' || params.fo === 'face' || typeof params.fo === 'object' ? 'auto' : positionOf(params.fo);
          plan = { kind: 'cover', width: w, height: h, focus };
        }
    }
  }
  if (plan.kind !== 'none') assertPixels(plan.width, plan.height, 'requested output');
  return plan;
}

function planExtract(
  params: StepParams,
  current: Size,
  scope: ExprScope,
  w: number | undefined,
  h: number | undefined,
  customFocus?: { left: number; top: number; width: number; height: number },
): ResizePlan {
  const width = w ?? current.width;
  const height = h ?? current.height;
  assertPixels(width, height, 'requested region');
  const pad = params.cm === 'pad_extract';
  if (!pad && (width > current.width || height > current.height)) {
    throw new TransformationError('cm', `The extract region ${width}×${height} is larger than the ${current.width}×${current.height} image; use cm-pad_extract to pad.`);
  }
  const axis = (size: number, space: number, start: Expr | undefined, centre: Expr | undefined, key: 'x' | 'y') => {
    if (start !== undefined) return Math.round(evaluate(start, scope, key));
    if (centre !== undefined) return Math.round(evaluate(centre, scope, `${key}c`) - size / 2);
    if (params.fo === 'custom' && customFocus) {
      // ImageKit: fo-custom works with cm-extract too; the region is centred on the stored focus area, kept inside the image.
      const middle = key === 'x' ? customFocus.left + customFocus.width / 2 : customFocus.top + customFocus.height / 2;
      return Math.min(Math.max(0, Math.round(middle - size / 2)), Math.max(0, space - size));
    }
    return align(space, size, positionOf(params.fo), key);
  };
  const left = axis(width, current.width, params.x, params.xc, 'x');
  const top = axis(height, current.height, params.y, params.yc, 'y');
  if (!pad && (left < 0 || top < 0 || left + width > current.width || top + height > current.height)) {
    const param = params.xc !== undefined ? 'xc' : params.yc !== undefined ? 'yc' : params.x !== undefined ? 'x' : params.y !== undefined ? 'y' : 'cm';
    throw new TransformationError(param,
      `The extract region ${width}×${height} at ${left},${top} lies outside the ${current.width}×${current.height} image.`);
  }
  return { kind: 'extract', width, height, left, top };
}
