import { create } from 'zustand';

/** The app's top-level views; each is a tab of the "Views" tablist and owned by one feature. */
export type ViewId = 'library' | 'uploads' | 'url-builder' | 'purge' | 'metadata' | 'custom-metadata';

interface ViewState {
  view: ViewId;
  /** Switch views; features call this to hand over (e.g. "Open in URL builder" from the Details panel). */
  show(view: ViewId): void;
}

export const useViewStore = create<ViewState>()((set) => ({
  view: 'library',
  show: (view) => set({ view }),
}));
