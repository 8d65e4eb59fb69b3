import { create } from 'zustand';

/** The purge list being edited; a suggestion prefills it (UI state only, nothing from the server). */
interface PurgeFormState {
  text: string;
  /** The suggestion the list came from, so purging it marks the suggestion done. */
  suggestionId: string | undefined;
  setText(text: string): void;
  prefill(urls: string[], suggestionId: string): void;
  clear(): void;
}

export const usePurgeFormStore = create<PurgeFormState>()((set) => ({
  text: '',
  suggestionId: undefined,
  setText: (text) => set({ text }),
  prefill: (urls, suggestionId) => set({ text: urls.join('\n'), suggestionId }),
  clear: () => set({ text: '', suggestionId: undefined }),
}));
