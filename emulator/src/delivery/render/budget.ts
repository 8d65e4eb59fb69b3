import { RenderAborted } from '../pool.js';
import { limitError, MAX_PIXELS } from './image.js';

/**
 * What one render may cost. ImageKit documents 100 MP for an input or transformed image (adjustable
 * per account); a laptop running the emulator cannot spend what ImageKit's servers spend, so the
 * emulator's defaults stop a single image at 25 MP (a 24 MP camera photo still renders at full size)
 * and the whole render at 100 MP of pixels produced. See delivery/README.md.
 */
export interface RenderLimits {
  /** Largest image decoded as input: the file itself or an image layer. */
  inputPixels: number;
  /** Largest image any stage may produce: a resize target, a rotated or bordered canvas, a layer, the output. */
  outputPixels: number;
  /** Pixels produced by every stage of one render together: bounds long chains and many layers. */
  totalPixels: number;
}

export const DEFAULT_RENDER_LIMITS: RenderLimits = {
  inputPixels: MAX_PIXELS,
  outputPixels: 25_000_000,
  totalPixels: 100_000_000,
};

const mp = (pixels: number) => `${Math.round(pixels / 1e5) / 10} megapixel`;

/**
 * The limits of one render plus what it has spent so far, and the client's abort signal: every stage
 * checks in here, so a refused render stops before decoding and an abandoned one stops at its next stage
 * (sharp cannot interrupt a call already running in libvips).
 */
export class RenderBudget {
  private spent = 0;

  constructor(
    readonly limits: RenderLimits = DEFAULT_RENDER_LIMITS,
    private readonly signal?: AbortSignal,
  ) {}

  throwIfAborted(): void {
    if (this.signal?.aborted) throw new RenderAborted();
  }

  /** Before decoding: the header's size against the input limit. */
  checkInput(width: number, height: number, what: string): void {
    this.throwIfAborted();
    if (width * height > this.limits.inputPixels) {
      throw limitError(`The ${what} (${width}×${height}) exceeds the ${mp(this.limits.inputPixels)} input limit.`);
    }
  }

  /** Before a stage runs: the size it will produce against the output limit. */
  checkOutput(width: number, height: number, what: string): void {
    this.throwIfAborted();
    if (width * height > this.limits.outputPixels) {
      throw limitError(`The ${what} (${Math.round(width)}×${Math.round(height)}) exceeds the ${mp(this.limits.outputPixels)} output limit.`);
    }
  }

  /** After a stage: counts what it produced; refuses to go on past the output or total limit. */
  spend(img: { width: number; height: number }, what: string): void {
    this.checkOutput(img.width, img.height, what);
    this.count(img);
  }

  /** After a stage that works on the input at its own size (trim), bounded by the input limit instead. */
  count(img: { width: number; height: number }): void {
    this.throwIfAborted();
    this.spent += img.width * img.height;
    if (this.spent > this.limits.totalPixels) {
      throw limitError(`This transformation produces more than ${mp(this.limits.totalPixels)}s in total (chained steps and layers); split it or use smaller sizes.`);
    }
  }

  get pixelsSpent(): number {
    return this.spent;
  }
}
