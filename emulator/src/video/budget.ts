import { IkError } from '../http/errors.js';

/**
 * What one video render may cost. Video work grows with pixels × seconds, so the budget is in
 * megapixel-seconds of output (all renditions of a streaming ladder together). The default lets a
 * 1080p output (2.07 MP) run for about 10 minutes, 720p for about 23, 4K for about 2.5; the URL endpoint
 * needs no authentication, so an absurd request must not hold a laptop's CPU for hours.
 */
export interface VideoLimits {
  megapixelSeconds: number;
  /** Largest output frame (any rendition): 4096×2304. */
  frameMegapixels: number;
  /** Largest input frame decoded. */
  inputFrameMegapixels: number;
}

export const DEFAULT_VIDEO_LIMITS: VideoLimits = { megapixelSeconds: 1300, frameMegapixels: 9.5, inputFrameMegapixels: 36 };

function limitError(message: string): IkError {
  return new IkError(400, message, {}, { 'ik-error': `ELIMIT - ${message}` });
}

const mp = (w: number, h: number) => (w * h) / 1e6;

export function checkVideoBudget(limits: VideoLimits, input: { width: number; height: number }, outputs: { width: number; height: number }[], seconds: number): void {
  if (mp(input.width, input.height) > limits.inputFrameMegapixels) {
    throw limitError(`The video's frames (${input.width}×${input.height}) exceed the ${limits.inputFrameMegapixels} megapixel input limit of the emulator.`);
  }
  let total = 0;
  for (const o of outputs) {
    if (mp(o.width, o.height) > limits.frameMegapixels) {
      throw limitError(`The output frame ${o.width}×${o.height} exceeds the ${limits.frameMegapixels} megapixel video frame limit; ask for a smaller size.`);
    }
    total += mp(o.width, o.height) * seconds;
  }
  if (total > limits.megapixelSeconds) {
    throw limitError(
      `This video render would produce ${Math.round(total)} megapixel-seconds (frame size × duration${outputs.length > 1 ? ', all renditions' : ''}), over the emulator's limit of ${limits.megapixelSeconds}; trim it (so/eo/du) or ask for a smaller size.`,
    );
  }
}
