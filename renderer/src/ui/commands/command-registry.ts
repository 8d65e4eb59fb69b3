import { useEffect, useRef } from 'react';
import { create } from 'zustand';
import type { UiAction } from '../controls/actions';

type Source = () => ReadonlyArray<UiAction | null>;

interface CommandRegistry {
  sources: ReadonlyMap<string, Source>;
  paletteOpen: boolean;
  register(id: string, source: Source): void;
  unregister(id: string): void;
  setPaletteOpen(open: boolean): void;
}

/**
 * Every action the mounted parts of the app offer, for the command palette. A part registers a
 * function, not a list, so the palette reads the actions as they are when it opens (the selection,
 * the open folder) without the part re-registering on every render.
 */
export const useCommandRegistry = create<CommandRegistry>()((set) => ({
  sources: new Map(),
  paletteOpen: false,
  register: (id, source) => set((s) => ({ sources: new Map(s.sources).set(id, source) })),
  unregister: (id) =>
    set((s) => {
      const sources = new Map(s.sources);
      sources.delete(id);
      return { sources };
    }),
  setPaletteOpen: (paletteOpen) => set({ paletteOpen }),
}));

/** Offers `actions` in the command palette while the calling component is mounted. */
export function useRegisterCommands(id: string, actions: () => ReadonlyArray<UiAction | null>): void {
  const latest = useRef(actions);
  latest.current = actions;
  useEffect(() => {
    const { register, unregister } = useCommandRegistry.getState();
    register(id, () => latest.current());
    return () => unregister(id);
  }, [id]);
}

/** Every registered, enabled action, in registration order, without separators or duplicates. */
export function collectCommands(sources: ReadonlyMap<string, Source>): UiAction[] {
  const seen = new Set<string>();
  const out: UiAction[] = [];
  for (const source of sources.values()) {
    for (const action of source()) {
      if (!action || seen.has(action.id)) continue;
      seen.add(action.id);
      out.push(action);
    }
  }
  return out;
}
