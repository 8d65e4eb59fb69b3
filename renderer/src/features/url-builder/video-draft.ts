// The builder's video outputs as SDK drafts: the video itself, its thumbnail, its poster and its adaptive
// streams. The form keeps the video's own path in `src`; the derived names (ik-thumbnail.jpg, ik-master.*)
// are added here, so switching output never loses the file or the steps.
import type { UrlDraft } from '../../../../shared/domain/urls';
import type { TransformationStep } from '../../../../shared/url/url-types';
import {
  isVideoPath,
  posterSteps,
  splitStreamSteps,
  splitVideoSrc,
  streamSteps,
  videoOutputSrc,
} from '../../../../shared/transformations/video-urls';
import { toDraft, type DraftState } from './draft';

/** What the builder makes: an image URL, or one of a video's outputs. */
export type BuilderMode = 'image' | 'video' | 'thumbnail' | 'stream';
export type StreamProtocol = 'hls' | 'dash';

export interface VideoState {
  mode: BuilderMode;
  /** The thumbnail's own chain (`so-` and image parameters); the video's chain stays in `steps`. */
  thumbSteps: TransformationStep[];
  /** Rendition heights of the adaptive stream (`sr-`). */
  renditions: number[];
  protocol: StreamProtocol;
}

export const DEFAULT_RENDITIONS = [240, 360, 480, 720, 1080];

export const MODE_LABELS: Record<BuilderMode, string> = {
  image: 'Image',
  video: 'Video',
  thumbnail: 'Video thumbnail',
  stream: 'Adaptive stream',
};

/** The draft the preview and the URL output show for the current mode. */
export function toModeDraft(state: DraftState & VideoState): UrlDraft {
  if (state.mode === 'image' || state.mode === 'video') return toDraft(state);
  if (state.mode === 'thumbnail') return toDraft({ ...state, src: videoOutputSrc(state.src.trim(), 'thumbnail'), steps: state.thumbSteps });
  return streamDraft(state, state.protocol);
}

/** The HLS or DASH manifest URL's draft; `?tr=` as ImageKit documents it. */
export function streamDraft(state: DraftState & VideoState, protocol: StreamProtocol): UrlDraft {
  return toDraft({ ...state, src: videoOutputSrc(state.src.trim(), protocol), steps: streamSteps(state.steps, state.renditions), position: 'query' });
}

/** `<video poster>` for the video or stream outputs: the thumbnail with what a thumbnail takes of the chain. */
export function posterDraft(state: DraftState & VideoState): UrlDraft {
  return toDraft({ ...state, src: videoOutputSrc(state.src.trim(), 'thumbnail'), steps: posterSteps(state.mode === 'video' ? state.steps : streamSteps(state.steps, [])) });
}

/** The mode a newly chosen source suggests: videos open as video, images leave a video mode. */
export function modeForSource(src: string, current: BuilderMode): BuilderMode {
  const derived = splitVideoSrc(src.trim());
  if (derived) return derived.output === 'thumbnail' ? 'thumbnail' : 'stream';
  if (isVideoPath(src) || /\/ik-video\.mp4$/.test(src.split(/[?#]/)[0])) return current === 'image' ? 'video' : current;
  // Only a path with an extension says "not a video"; a bare name keeps the chosen mode.
  return /\.[a-z0-9]+$/i.test(src.split(/[?#]/)[0]) ? 'image' : current;
}

/**
 * A parsed URL (or preset) read into the video state: `<video>/ik-thumbnail.jpg` fills the thumbnail's
 * chain, `<video>/ik-master.m3u8|mpd?tr=sr-…` the renditions and protocol, and src becomes the video itself.
 */
export function videoStateFromDraft(src: string, steps: TransformationStep[], current: VideoState): Pick<DraftState, 'src' | 'steps'> & VideoState {
  const { thumbSteps, renditions, protocol } = current;
  const derived = splitVideoSrc(src.trim());
  if (!derived) return { src, steps, thumbSteps, renditions, protocol, mode: modeForSource(src, current.mode) };
  if (derived.output === 'thumbnail') return { src: derived.videoPath, steps: [{}], thumbSteps: steps, renditions, protocol, mode: 'thumbnail' };
  const stream = splitStreamSteps(steps);
  return {
    src: derived.videoPath,
    steps: stream.steps.length ? stream.steps : [{}],
    thumbSteps,
    mode: 'stream',
    protocol: derived.output,
    renditions: stream.heights.length ? stream.heights : renditions,
  };
}
