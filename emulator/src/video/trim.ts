import { evaluate, TransformationError, type Expr, type ExprScope, type Step } from '../../../shared/transformations/index.js';

/** The part of the input a render uses, in seconds of the input. */
export interface TrimWindow {
  start: number;
  end: number;
  /** True when so/eo/du asked for less than the whole input. */
  trimmed: boolean;
}

/** so/eo/du may sit in any chain step; the last one written wins. */
export function trimParams(steps: Step[]): { so?: Expr; eo?: Expr; du?: Expr } {
  const out: { so?: Expr; eo?: Expr; du?: Expr } = {};
  for (const { params } of steps) {
    for (const key of ['so', 'eo', 'du'] as const) if (params[key] !== undefined) out[key] = params[key];
  }
  return out;
}

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * ImageKit's trimming: `so` (start, must be less than the duration), `eo` (end; wins over `du`), `du`
 * (length from `so`); values may be expressions of `idu` (the input duration). Values are used to
 * 2 decimal places, as ImageKit documents. An end past the input is clamped to the input's end.
 */
export function trimWindow(steps: Step[], duration: number): TrimWindow {
  const { so, eo, du } = trimParams(steps);
  const scope: ExprScope = { idu: duration, cdu: duration };
  const start = so === undefined ? 0 : round2(evaluate(so, scope, 'so'));
  if (start < 0 || (so !== undefined && start >= duration)) {
    throw new TransformationError('so', `so-${start} is not within the video, which lasts ${round2(duration)} s; it must be less than the duration.`);
  }
  let end = duration;
  if (eo !== undefined) {
    end = round2(evaluate(eo, scope, 'eo'));
    if (end <= start) throw new TransformationError('eo', `eo-${end} must be after the start offset (${start} s).`);
  } else if (du !== undefined) {
    const length = round2(evaluate(du, scope, 'du'));
    if (!(length > 0)) throw new TransformationError('du', `du-${length} must be more than 0 seconds.`);
    end = start + length;
  }
  end = Math.min(end, duration);
  return { start, end, trimmed: start > 0 || end < duration };
}
