import { create } from 'zustand';

export interface BuilderRequest {
  filePath: string;
  /** Private files are only served through signed URLs. */
  signed: boolean;
}

interface BuilderIntentState {
  request: BuilderRequest | null;
  ask(request: BuilderRequest): void;
  take(): BuilderRequest | null;
}

/**
 * "Open in URL builder" from other views (Details, a tile's quick action, a menu): the request
 * waits here until the builder, which loads lazily, takes it.
 */
export const useBuilderIntent = create<BuilderIntentState>()((set, get) => ({
  request: null,
  ask: (request) => set({ request }),
  take: () => {
    const { request } = get();
    if (request) set({ request: null });
    return request;
  },
}));
