import { create } from 'zustand';
import type { ResponsiveFormat, UrlDraft } from '../../../../shared/domain/urls';
import type { TransformationStep } from '../../../../shared/url/url-types';
import { fromDraft, type DraftState, type QueryRow } from './draft';

/**
 * The URL builder's editing state (UI state: what is being composed). It outlives the view, so switching
 * tabs keeps the work. Server answers (URLs, previews, presets) live in react-query (src/api/urls.ts).
 */
export interface BuilderState extends DraftState {
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
  /** Replace the steps and options with a parsed URL's or a preset's (a preset has no src). */
  load(draft: Partial<UrlDraft>): void;
  reset(): void;
}

const initial: DraftState & Pick<BuilderState, 'alt' | 'widths' | 'formats'> = {
  src: '',
  steps: [{}],
  position: 'path',
  query: [],
  signed: false,
  expiresIn: '',
  alt: '',
  widths: '320, 640, 960, 1280',
  formats: ['webp', 'jpg'],
};

export const useUrlBuilderStore = create<BuilderState>()((set) => ({
  ...initial,
  open: (src) => set({ src }),
  setSrc: (src) => set({ src }),
  setSteps: (steps) => set({ steps }),
  setPosition: (position) => set({ position }),
  setQuery: (query) => set({ query }),
  setSigned: (signed) => set({ signed }),
  setExpiresIn: (expiresIn) => set({ expiresIn }),
  setAlt: (alt) => set({ alt }),
  setWidths: (widths) => set({ widths }),
  setFormats: (formats) => set({ formats }),
  load: (draft) => set((s) => fromDraft(draft, s)),
  reset: () => set(initial),
}));

/** For other features: "Open in URL builder" puts the file here; then `useViewStore.getState().show('url-builder')`. */
export function openInUrlBuilder(src: string): void {
  useUrlBuilderStore.getState().open(src);
}
