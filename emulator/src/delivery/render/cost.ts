import type { Step } from '../../../../shared/transformations/index.js';
import { requestedSize, scopeFor, type Size } from './geometry.js';

/**
 * A rough count of the megapixels a render produces, from the stored size of the input and the steps,
 * before anything is decoded. It only picks the render pool's lane (light thumbnails vs. heavy renders);
 * the limits themselves are enforced stage by stage by the render budget.
 */
export function estimateMegapixels(steps: Step[], input: Size): number {
  let current = input;
  let pixels = 0;
  for (const step of steps) {
    let next = current;
    try {
      const { width, height } = requestedSize(step.params, current, scopeFor(current, input), {});
      if (width !== undefined || height !== undefined) {
        next = {
          width: width ?? Math.max(1, Math.round((current.width * (height as number)) / current.height)),
          height: height ?? Math.max(1, Math.round((current.height * (width as number)) / current.width)),
        };
      }
    } catch {
      // An expression the render will evaluate (or refuse) itself: assume the size does not change.
    }
    // The step's own output plus one composite of the base per layer.
    pixels += next.width * next.height * (1 + step.layers.length);
    current = next;
  }
  return pixels / 1e6;
}
