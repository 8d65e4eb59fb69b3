import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export type CollapsiblePane = 'folders' | 'details';

interface PaneState {
  collapsed: Record<CollapsiblePane, boolean>;
  /** Ask the layout to collapse or expand a pane (the layout reports back through `settle`). */
  toggle(pane: CollapsiblePane): void;
  /** The layout's own report: a pane was dragged shut or open. */
  settle(pane: CollapsiblePane, collapsed: boolean): void;
}

/** Which side panes of the Library are collapsed (UI state; sizes are kept by react-resizable-panels). */
export const usePaneStore = create<PaneState>()(
  persist(
    (set) => ({
      collapsed: { folders: false, details: false },
      toggle: (pane) => set((s) => ({ collapsed: { ...s.collapsed, [pane]: !s.collapsed[pane] } })),
      settle: (pane, collapsed) => set((s) => (s.collapsed[pane] === collapsed ? s : { collapsed: { ...s.collapsed, [pane]: collapsed } })),
    }),
    { name: 'mediadesk.panes', storage: createJSONStorage(() => localStorage) },
  ),
);
