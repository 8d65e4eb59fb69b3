/**
 * The URL builder's video outputs, as ImageKit documents them:
 * - the video itself (`<video>` with `tr` = resize/crop, trimming, format, codecs, quality, rotation, background
 *   and text/image/solid-colour layers with `lso`/`leo`/`ldu` timing);
 * - `<video>/ik-thumbnail.jpg` (a frame at `so`, then the image parameters ImageKit lists for thumbnails, and layers);
 * - `<video>/ik-master.m3u8?tr=sr-…` (HLS) and `<video>/ik-master.mpd?tr=sr-…` (DASH) adaptive bitrate streams.
 * Pure functions over the SDK's step objects, shared by the builder form and the paste parser.
 */
import type { OverlaySpec, TransformationStep, TransformationValue } from '../url/url-types.js';
import { STREAMING_RESOLUTIONS } from './catalog.js';

export type VideoOutput = 'video' | 'thumbnail' | 'hls' | 'dash';

/** Extensions of files the Local library probes as video (ImageKit transforms these containers). */
export const VIDEO_EXTENSIONS = ['mp4', 'webm', 'mov', 'mkv', 'm4v', 'avi', 'mpeg', 'mpg', 'ogv', '3gp', 'wmv', 'flv', 'ts', 'm2ts'] as const;

const SUFFIX: Record<Exclude<VideoOutput, 'video'>, string> = {
  thumbnail: '/ik-thumbnail.jpg',
  hls: '/ik-master.m3u8',
  dash: '/ik-master.mpd',
};

/** True when the path (or URL) names a video by its extension; query and fragment are ignored. */
export function isVideoPath(src: string): boolean {
  const path = src.split(/[?#]/)[0].toLowerCase();
  const ext = /\.([a-z0-9]+)$/.exec(path)?.[1];
  return !!ext && (VIDEO_EXTENSIONS as readonly string[]).includes(ext);
}

/**
 * A src ending in one of ImageKit's derived video names, split into the video's own path and the output.
 * Undefined when src names no derived output (`/ik-video.mp4` stays part of src: it is how a video whose
 * name has no video extension is asked for as video).
 */
export function splitVideoSrc(src: string): { videoPath: string; output: Exclude<VideoOutput, 'video'> } | undefined {
  const queryAt = src.search(/[?#]/);
  const path = queryAt < 0 ? src : src.slice(0, queryAt);
  const rest = queryAt < 0 ? '' : src.slice(queryAt);
  for (const [output, suffix] of Object.entries(SUFFIX) as [Exclude<VideoOutput, 'video'>, string][]) {
    if (path.endsWith(suffix) && path.length > suffix.length + 1) return { videoPath: path.slice(0, -suffix.length) + rest, output };
  }
  return undefined;
}

/** The src the SDK builds for this output of the video at `videoPath` (a library path or an absolute URL). */
export function videoOutputSrc(videoPath: string, output: VideoOutput): string {
  if (output === 'video') return videoPath;
  const queryAt = videoPath.search(/[?#]/);
  const path = queryAt < 0 ? videoPath : videoPath.slice(0, queryAt);
  const rest = queryAt < 0 ? '' : videoPath.slice(queryAt);
  return `${path.replace(/\/+$/, '')}${SUFFIX[output]}${rest}`;
}

/** URL parameters the builder offers on the base of each output (layers are offered separately). */
export const OUTPUT_KEYS: Readonly<Record<VideoOutput, ReadonlySet<string>>> = {
  video: new Set(['w', 'h', 'ar', 'c', 'cm', 'fo', 'so', 'eo', 'du', 'f', 'vc', 'ac', 'q', 'rt', 'bg']),
  // ImageKit's thumbnail page: so picks the frame; w, h, ar, c, cm, fo, b, bg shape the image.
  thumbnail: new Set(['so', 'w', 'h', 'ar', 'c', 'cm', 'fo', 'b', 'bg']),
  // Renditions are encoded by the stream itself (H.264/AAC), so format, codecs and quality are not offered.
  hls: new Set(['w', 'h', 'ar', 'c', 'cm', 'fo', 'so', 'eo', 'du', 'rt', 'bg']),
  dash: new Set(['w', 'h', 'ar', 'c', 'cm', 'fo', 'so', 'eo', 'du', 'rt', 'bg']),
};

/** `f-` values that apply to a video output (ImageKit: mp4, webm, and auto by the Accept header). */
export const VIDEO_FORMATS = ['auto', 'mp4', 'webm'] as const;

/** SDK options that write keys a thumbnail can take (the poster copies only these from the video's chain). */
const POSTER_OPTIONS: Readonly<Record<string, string>> = {
  width: 'w', height: 'h', aspectRatio: 'ar', crop: 'c', cropMode: 'cm', focus: 'fo', background: 'bg', startOffset: 'so',
};

/** `c-` and `cm-` values ImageKit lists for thumbnails; other values are left out of the poster. */
const POSTER_VALUES: Readonly<Record<string, readonly string[]>> = {
  crop: ['force', 'at_max', 'at_least', 'maintain_ratio'],
  cropMode: ['extract', 'pad_resize'],
};

function isOverlay(value: TransformationValue): value is OverlaySpec {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'type' in value;
}

/** True when a layer shows at the first frame of the output: no start, or a start of 0. */
function visibleAtStart(overlay: OverlaySpec): boolean {
  const start = overlay.timing?.start;
  return start === undefined || start === '' || Number(start) === 0;
}

/**
 * The poster for a video output: `<video>/ik-thumbnail.jpg` with the parts of the video's chain a thumbnail
 * allows, so it has the output's size and first frame. `so-` (the trim start) becomes the frame time; format,
 * codecs, quality, trimming ends and rotation are dropped; a layer is kept when it shows at the first frame
 * (its timing is dropped: a thumbnail is one frame).
 */
export function posterSteps(steps: TransformationStep[]): TransformationStep[] {
  const poster: TransformationStep[] = [];
  for (const step of steps) {
    const next: TransformationStep = {};
    for (const [option, value] of Object.entries(step)) {
      if (option === 'overlay' && isOverlay(value)) {
        if (!visibleAtStart(value)) continue;
        const { timing: _timing, ...rest } = value;
        void _timing;
        next.overlay = rest as OverlaySpec;
        continue;
      }
      if (!POSTER_OPTIONS[option] || value === undefined || value === null || value === '') continue;
      const allowed = POSTER_VALUES[option];
      if (allowed && !allowed.includes(String(value))) continue;
      next[option] = value;
    }
    if (Object.keys(next).length) poster.push(next);
  }
  return poster;
}

/** Sorted, de-duplicated heights ImageKit accepts in `sr-`; anything else is dropped. */
export function normaliseRenditions(heights: readonly (number | string)[]): number[] {
  const allowed = new Set<string>(STREAMING_RESOLUTIONS);
  const kept = heights.map((h) => String(h).trim()).filter((h) => allowed.has(h));
  return [...new Set(kept.map(Number))].sort((a, b) => a - b);
}

/** SDK options ImageKit's adaptive streams do not take (the stream chooses them). */
const NOT_ON_STREAMS = new Set(['format', 'videoCodec', 'audioCodec', 'quality', 'streamingResolutions']);

/**
 * The chain of an adaptive stream: the video's chain without format, codecs and quality, then `sr-` with
 * the chosen heights in the last step (ImageKit's documented form is `?tr=sr-240_360_480_720_1080`).
 */
export function streamSteps(steps: TransformationStep[], heights: readonly (number | string)[]): TransformationStep[] {
  const chain = steps
    .map((step) => Object.fromEntries(Object.entries(step).filter(([option]) => !NOT_ON_STREAMS.has(option))) as TransformationStep)
    .filter((step) => Object.keys(step).length > 0);
  const sr = normaliseRenditions(heights).map(String);
  if (!sr.length) return chain;
  if (!chain.length) return [{ streamingResolutions: sr }];
  const last = chain[chain.length - 1];
  return [...chain.slice(0, -1), { ...last, streamingResolutions: sr }];
}

/**
 * Reads a pasted stream's chain back: the heights of its `sr-` and the chain without them (so the form can
 * show the rest as the video's own steps).
 */
export function splitStreamSteps(steps: TransformationStep[]): { steps: TransformationStep[]; heights: number[] } {
  let heights: number[] = [];
  const rest = steps
    .map((step) => {
      const { streamingResolutions, ...others } = step;
      if (Array.isArray(streamingResolutions)) heights = normaliseRenditions(streamingResolutions.map(String));
      else if (typeof streamingResolutions === 'string') heights = normaliseRenditions(streamingResolutions.split('_'));
      return others as TransformationStep;
    })
    .filter((step) => Object.keys(step).length > 0);
  return { steps: rest, heights };
}
