import { create } from 'zustand';
import type { FileSummary, FileTypeFilter, LibrarySort, SearchScope, VisibilityFilter } from '../../../shared/domain/library';
import { emptySelection, type Selection } from './selection';

export type ViewMode = 'grid' | 'list';
export type SearchMode = 'query' | 'name';

/** The search that is applied (the box may hold an edited, not yet submitted text). */
export interface AppliedSearch {
  mode: SearchMode;
  text: string;
  scope: SearchScope;
}

/**
 * UI state of the library browser (server data stays in react-query). Other features read what is
 * selected through `useSelectedFiles()` and where the browser is through `useCurrentFolder()`.
 */
export interface BrowserState {
  profileId: string | null;
  folderPath: string;
  viewMode: ViewMode;
  sort: LibrarySort;
  fileType: FileTypeFilter;
  visibility: VisibilityFilter;
  search: AppliedSearch | null;
  selection: Selection;
  /** The selected rows themselves, so other features get names, paths and URLs without a lookup. */
  selectedFiles: FileSummary[];
  openFolder(folderPath: string): void;
  setViewMode(mode: ViewMode): void;
  setSort(sort: LibrarySort): void;
  setFileType(fileType: FileTypeFilter): void;
  setVisibility(visibility: VisibilityFilter): void;
  applySearch(search: AppliedSearch | null): void;
  setSelection(selection: Selection, items: readonly FileSummary[]): void;
  /** A different library was opened: start at its root. */
  resetForProfile(profileId: string | null): void;
}

const cleared = { selection: emptySelection, selectedFiles: [] as FileSummary[] };

export const useBrowserStore = create<BrowserState>()((set) => ({
  profileId: null,
  folderPath: '/',
  viewMode: 'grid',
  sort: 'ASC_CREATED',
  fileType: 'all',
  visibility: 'all',
  search: null,
  ...cleared,
  openFolder: (folderPath) => set((s) => ({ folderPath, ...cleared, search: s.search?.scope === 'folder' ? null : s.search })),
  setViewMode: (viewMode) => set({ viewMode }),
  setSort: (sort) => set({ sort, ...cleared }),
  setFileType: (fileType) => set({ fileType, ...cleared }),
  setVisibility: (visibility) => set({ visibility, ...cleared }),
  applySearch: (search) => set({ search, ...cleared }),
  setSelection: (selection, items) => {
    const byId = new Map(items.map((f) => [f.fileId, f]));
    set({ selection, selectedFiles: selection.ids.map((id) => byId.get(id)).filter((f): f is FileSummary => f !== undefined) });
  },
  resetForProfile: (profileId) => set({ profileId, folderPath: '/', search: null, ...cleared }),
}));

/** The files selected in the browser, in selection order (read-only for other features). */
export function useSelectedFiles(): FileSummary[] {
  return useBrowserStore((s) => s.selectedFiles);
}

/** The folder open in the browser, e.g. `/` or `/a/b`. */
export function useCurrentFolder(): string {
  return useBrowserStore((s) => s.folderPath);
}
