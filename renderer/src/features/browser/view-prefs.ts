import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

export const THUMB_MIN = 96;
export const THUMB_MAX = 280;

/** Bounds of a list column's width in px (Name also stretches into what is left). */
export const COLUMN_MIN = 48;
export const COLUMN_MAX = 600;

export type ListColumn = 'name' | 'type' | 'size' | 'dimensions' | 'created' | 'updated' | 'tags';

/** Widths of the list columns in px; Name takes what is left and never goes below its own width. */
export const defaultColumnWidths: Record<ListColumn, number> = {
  name: 180,
  type: 64,
  size: 72,
  dimensions: 100,
  created: 100,
  updated: 100,
  tags: 110,
};

interface ViewPrefs {
  thumbSize: number;
  columnWidths: Record<ListColumn, number>;
  setThumbSize(size: number): void;
  setColumnWidth(column: ListColumn, width: number): void;
}

/** How the person likes the Files view to look (UI state, kept in localStorage). */
export const useViewPrefs = create<ViewPrefs>()(
  persist(
    (set) => ({
      thumbSize: 150,
      columnWidths: defaultColumnWidths,
      setThumbSize: (thumbSize) => set({ thumbSize: Math.min(THUMB_MAX, Math.max(THUMB_MIN, Math.round(thumbSize))) }),
      setColumnWidth: (column, width) => set((s) => ({ columnWidths: { ...s.columnWidths, [column]: Math.min(COLUMN_MAX, Math.max(COLUMN_MIN, Math.round(width))) } })),
    }),
    { name: 'mediadesk.files-view', storage: createJSONStorage(() => localStorage) },
  ),
);
