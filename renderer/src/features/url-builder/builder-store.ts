import { create } from 'zustand';
import type { ResponsiveFormat, UrlDraft } from '../../../../shared/domain/urls';
import type { TransformationStep } from '../../../../shared/url/url-types';
import { fromDraft, type DraftState, type QueryRow } from './draft';
import { DEFAULT_RENDITIONS, modeForSource, videoStateFromDraft, type BuilderMode, type StreamProtocol, type VideoState } from './video-draft';

/**
 * The URL builder's editing state (UI state: what is being composed). It outlives the view, so switching
 * tabs keeps the work. Server answers (URLs, previews, presets) live in react-query (src/api/urls.ts).
 */
export interface BuilderState extends DraftState, VideoState {
  alt: string;
  widths: string;
  formats: ResponsiveFormat[];
  /** Open a file (library path) or an absolute URL in the builder, keeping the steps. */
  open(src: string): void;
  setSrc(src: string): void;
  setSteps(steps: TransformationStep[]): void;
  setPosition(position: 'path' | 'query'): void;
  setQuery(rows: QueryRow[]): void;
  setSigned(signed: boolean): void;
  setExpiresIn(expiresIn: string): void;
  setAlt(alt: string): void;
  setWidths(widths: string): void;
  setFormats(formats: ResponsiveFormat[]): void;
  /** Image, or one of a video's outputs (video, thumbnail, adaptive stream). */
  setMode(mode: BuilderMode): void;
  setThumbSteps(steps: TransformationStep[]): void;
  setRenditions(heights: number[]): void;
  setProtocol(protocol: StreamProtocol): void;
  /** Replace the steps and options with a parsed URL's or a preset's (a preset has no src). */
  load(draft: Partial<UrlDraft>): void;
  reset(): void;
}

const initial: DraftState & VideoState & Pick<BuilderState, 'alt' | 'widths' | 'formats'> = {
  src: '',
  steps: [{}],
  position: 'path',
  query: [],
  signed: false,
  expiresIn: '',
  alt: '',
  widths: '320, 640, 960, 1280',
  formats: ['webp', 'jpg'],
  mode: 'image',
  thumbSteps: [{}],
  renditions: DEFAULT_RENDITIONS,
  protocol: 'hls',
};

export const useUrlBuilderStore = create<BuilderState>()((set) => ({
  ...initial,
  // A file opened here (or a pasted derived URL) says which output it is: a video opens in Video mode.
  open: (src) => set((s) => videoStateFromDraft(src, s.steps, s)),
  setSrc: (src) => set((s) => ({ src, mode: modeForSource(src, s.mode) })),
  setSteps: (steps) => set({ steps }),
  setPosition: (position) => set({ position }),
  setQuery: (query) => set({ query }),
  setSigned: (signed) => set({ signed }),
  setExpiresIn: (expiresIn) => set({ expiresIn }),
  setAlt: (alt) => set({ alt }),
  setWidths: (widths) => set({ widths }),
  setFormats: (formats) => set({ formats }),
  setMode: (mode) => set({ mode }),
  setThumbSteps: (thumbSteps) => set({ thumbSteps }),
  setRenditions: (renditions) => set({ renditions }),
  setProtocol: (protocol) => set({ protocol }),
  load: (draft) =>
    set((s) => {
      const next = fromDraft(draft, s);
      // A preset has no src: it applies to the current output's chain.
      if (draft.src === undefined) return s.mode === 'thumbnail' ? { ...next, steps: s.steps, thumbSteps: next.steps } : next;
      return { ...next, ...videoStateFromDraft(next.src, next.steps, s) };
    }),
  reset: () => set(initial),
}));

/** For other features: "Open in URL builder" puts the file here; then `useViewStore.getState().show('url-builder')`. */
export function openInUrlBuilder(src: string): void {
  useUrlBuilderStore.getState().open(src);
}
