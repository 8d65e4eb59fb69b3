// Which parameters the step form offers for the output being built: every catalog parameter for images; for
// a video's outputs only those ImageKit takes there (shared/transformations/video-urls), with `f-` limited
// to video containers and layer timing (lso/leo/ldu) on the layers of a video.
import { createContext, useContext } from 'react';
import { OUTPUT_KEYS, VIDEO_FORMATS } from '../../../../shared/transformations/video-urls';
import type { FieldSpec } from './step-fields';
import type { BuilderMode } from './video-draft';

export interface FieldScope {
  /** URL keys offered on the base chain; undefined = every catalog parameter. */
  allowed?: ReadonlySet<string>;
  /** `f-` values offered (video containers on a video). */
  formatValues?: readonly string[];
  /** Layers sit on a video: show when they appear (lso, leo, ldu). */
  layerTiming: boolean;
  /** Keys this output leaves out of its URL even when the chain has them, and why. */
  dropped?: { keys: ReadonlySet<string>; why: string };
}

export function fieldScopeFor(mode: BuilderMode, protocol: 'hls' | 'dash' = 'hls'): FieldScope {
  if (mode === 'video') return { allowed: OUTPUT_KEYS.video, formatValues: VIDEO_FORMATS, layerTiming: true };
  if (mode === 'thumbnail') return { allowed: OUTPUT_KEYS.thumbnail, layerTiming: false };
  if (mode === 'stream') {
    // The stream's chain is the video's own (shared/transformations/video-urls streamSteps) minus these.
    const dropped = { keys: new Set(['f', 'vc', 'ac', 'q']), why: 'Left out of the stream: it encodes every rendition as H.264 with AAC.' };
    return { allowed: OUTPUT_KEYS[protocol], layerTiming: true, dropped };
  }
  return { layerTiming: false };
}

export const FieldScopeContext = createContext<FieldScope>({ layerTiming: false });

export function useFieldScope(): FieldScope {
  return useContext(FieldScopeContext);
}

/** The base chain's fields narrowed to the scope (fields inside layers are never narrowed). */
export function scopeFields(fields: FieldSpec[], scope: FieldScope): FieldSpec[] {
  if (!scope.allowed) return fields;
  return fields.filter((f) => scope.allowed!.has(f.key)).map((f) => (f.key === 'f' && scope.formatValues ? { ...f, values: scope.formatValues } : f));
}
