import { useMemo } from 'react';
import type { FileSummary } from '../../../../shared/domain/library';
import { useFilePages, useNameSearch } from '../../api/library';
import { useBrowserStore } from '../../ui/browser-store';

export interface FileSource {
  items: FileSummary[];
  isLoading: boolean;
  error: unknown;
  /** The error came from the searchQuery (a 400): the search box shows it inline. */
  isQueryError: boolean;
  hasMore: boolean;
  isFetchingMore: boolean;
  fetchMore(): void;
  /** How complete a name search is (from the local index), shown above the results. */
  note: string | null;
  stale: boolean;
}

/** What the Files grid shows: the folder listing, a searchQuery's pages or a local name search. */
export function useFileSource(): FileSource {
  const { folderPath, sort, fileType, visibility, search } = useBrowserStore();
  const nameMode = search?.mode === 'name';
  const params = useMemo(
    () => ({
      folderPath,
      sort,
      fileType,
      visibility,
      scope: search?.mode === 'query' ? search.scope : ('folder' as const),
      ...(search?.mode === 'query' ? { searchQuery: search.text } : {}),
    }),
    [folderPath, sort, fileType, visibility, search],
  );
  const pages = useFilePages(params, !nameMode);
  const names = useNameSearch(search?.text ?? '', search?.scope === 'folder' ? folderPath : undefined, nameMode);

  const listed = useMemo(() => pages.data?.pages.flatMap((p) => p.items) ?? [], [pages.data]);
  const found = useMemo(() => {
    const items = names.data?.items ?? [];
    // The index holds every file type; the grid's filters still apply.
    return items.filter(
      (f) =>
        (fileType === 'all' || f.fileType === fileType) &&
        (visibility === 'all' || f.isPrivateFile === (visibility === 'private')),
    );
  }, [names.data, fileType, visibility]);

  if (nameMode) {
    return {
      items: found,
      isLoading: names.isPending && names.fetchStatus !== 'idle',
      error: names.error,
      isQueryError: false,
      hasMore: false,
      isFetchingMore: false,
      fetchMore: () => undefined,
      note: names.data?.note ?? null,
      stale: names.data?.stale ?? false,
    };
  }
  return {
    items: listed,
    isLoading: pages.isPending,
    error: pages.error,
    isQueryError: Boolean(pages.error && search?.mode === 'query'),
    hasMore: Boolean(pages.hasNextPage),
    isFetchingMore: pages.isFetchingNextPage,
    fetchMore: () => {
      if (pages.hasNextPage && !pages.isFetchingNextPage) void pages.fetchNextPage();
    },
    note: null,
    stale: false,
  };
}
