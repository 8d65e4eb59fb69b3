export interface Size {
  width: number;
  height: number;
}

/** Aspect ratios closer than this are "the same shape": rounding in a resize must not split the view. */
const SAME_SHAPE_TOLERANCE = 0.01;

/**
 * How the original and the rendered result are shown together. Same shape: one frame, the result
 * swiped over the original, sized to the smaller of the two so neither is enlarged past its own pixels.
 * Different shapes (a crop, a rotation, an overlay that grows the canvas): side by side, each at its
 * own aspect, because laying one over the other would line up nothing.
 */
export type CompareLayout = { kind: 'overlay'; frame: Size } | { kind: 'side-by-side' } | { kind: 'loading' };

export function compareLayout(original: Size | undefined, result: Size | undefined): CompareLayout {
  if (!original || !result || !original.width || !original.height || !result.width || !result.height) return { kind: 'loading' };
  const ratio = (s: Size) => s.width / s.height;
  const same = Math.abs(ratio(original) / ratio(result) - 1) <= SAME_SHAPE_TOLERANCE;
  if (!same) return { kind: 'side-by-side' };
  return { kind: 'overlay', frame: result.width <= original.width ? result : original };
}

/** clip-path for the result when the slider is at `value` (0 = all original, 100 = all result), revealed from the left. */
export function resultClip(value: number): string {
  const hidden = Math.min(100, Math.max(0, 100 - value));
  return `inset(0 ${hidden}% 0 0)`;
}
