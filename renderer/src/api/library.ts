import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type Query, type QueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/ipc/contract';
import type { FileSummary } from '../../../shared/domain/library';
import { invoke } from './client';
import { useActiveProfile } from './profiles';
import { purgeKeys } from './purge';

/** Every library query key starts with ['library', profileId], so one invalidation refreshes the browser. */
export const libraryKeys = {
  all: ['library'] as const,
  profile: (profileId: string) => ['library', profileId] as const,
  folders: (profileId: string, folderPath: string) => ['library', profileId, 'folders', folderPath] as const,
  files: (profileId: string, params: object) => ['library', profileId, 'files', params] as const,
  names: (profileId: string, text: string, folderPath: string | undefined) => ['library', profileId, 'names', text, folderPath ?? '*'] as const,
  file: (profileId: string, fileId: string) => ['library', profileId, 'file', fileId] as const,
  counts: (profileId: string, folderPath: string) => ['library', profileId, 'counts', folderPath] as const,
  job: (profileId: string, jobId: string) => ['library', profileId, 'job', jobId] as const,
  recent: (profileId: string) => ['library', profileId, 'recent'] as const,
};

export type ListParams = Omit<ChannelInput<'library.list'>, 'skip' | 'limit' | 'profileId'>;

/** Rows per page: large pages mean few round trips while scrolling a 100,000-file folder. */
export const PAGE_SIZE = 1000;

function useProfileId(): string | undefined {
  return useActiveProfile()?.id;
}

export function useFolders(folderPath: string, enabled = true) {
  const profileId = useProfileId();
  return useQuery({
    queryKey: libraryKeys.folders(profileId ?? '', folderPath),
    queryFn: ({ signal }) => invoke('library.folders', { profileId, folderPath }, { signal }),
    enabled: enabled && Boolean(profileId),
  });
}

/** Pages of a folder listing or a searchQuery, fetched as the grid scrolls. */
export function useFilePages(params: ListParams, enabled = true) {
  const profileId = useProfileId();
  return useInfiniteQuery({
    queryKey: libraryKeys.files(profileId ?? '', params),
    // A search superseded by the next keystroke (or a folder left) stops its listing on the main side too.
    queryFn: ({ pageParam, signal }) => invoke('library.list', { ...params, profileId, skip: pageParam, limit: PAGE_SIZE }, { signal }),
    initialPageParam: 0,
    getNextPageParam: (last) => (last.hasMore ? last.nextSkip : undefined),
    enabled: enabled && Boolean(profileId),
    // A new sort of the same listing keeps the rows on screen until the sorted ones arrive, so the grid
    // (and the header button that was pressed) stays mounted and keeps the keyboard focus.
    placeholderData: (previous, previousQuery) =>
      previousQuery && sameListingOtherSort(previousQuery.queryKey[3] as ListParams, params) ? previous : undefined,
  });
}

function sameListingOtherSort(a: ListParams, b: ListParams): boolean {
  const { sort: _a, ...restA } = a;
  const { sort: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}

export function useNameSearch(text: string, folderPath: string | undefined, enabled = true) {
  const profileId = useProfileId();
  return useQuery({
    queryKey: libraryKeys.names(profileId ?? '', text, folderPath),
    queryFn: ({ signal }) => invoke('library.searchNames', { profileId, text, folderPath }, { signal }),
    enabled: enabled && Boolean(profileId) && text.trim() !== '',
    staleTime: 0,
  });
}

export function useFileDetails(fileId: string | undefined) {
  const profileId = useProfileId();
  return useQuery({
    queryKey: libraryKeys.file(profileId ?? '', fileId ?? ''),
    queryFn: ({ signal }) => invoke('library.file', { profileId, fileId: fileId ?? '' }, { signal }),
    enabled: Boolean(profileId && fileId),
  });
}

export function useRecentSearches() {
  const profileId = useProfileId();
  return useQuery({ queryKey: libraryKeys.recent(profileId ?? ''), queryFn: () => invoke('library.recentSearches', { profileId }), enabled: Boolean(profileId) });
}

export function useFolderCounts(folderPath: string | undefined) {
  const profileId = useProfileId();
  return useQuery({
    queryKey: libraryKeys.counts(profileId ?? '', folderPath ?? ''),
    queryFn: ({ signal }) => invoke('library.folderCounts', { profileId, folderPath: folderPath ?? '/' }, { signal }),
    enabled: Boolean(profileId && folderPath),
    staleTime: 0,
  });
}

/** Polls a folder bulk job until ImageKit says it is done, then refreshes the browser. */
export function useJobStatus(jobId: string | undefined) {
  const profileId = useProfileId();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: libraryKeys.job(profileId ?? '', jobId ?? ''),
    queryFn: async () => {
      const status = await invoke('library.jobStatus', { profileId, jobId: jobId ?? '' });
      if (status.done) void refreshLibrary(queryClient, { keepJobs: true });
      return status;
    },
    enabled: Boolean(profileId && jobId),
    refetchInterval: (query) => (query.state.data?.done ? false : 400),
    staleTime: 0,
  });
}

/**
 * After a change to the library: every library query off screen is dropped and every one on screen is
 * fetched again. A listing kept off screen would show, when its folder is opened again, the files as
 * they were before the change (a deleted and restored folder's old files, under ids that no longer
 * exist) until the new listing arrives, and a click in that moment would select a file that is gone.
 * `keepJobs`: a folder job's status query stays (its poll is what called this).
 */
export async function refreshLibrary(queryClient: QueryClient, options: { keepJobs?: boolean } = {}): Promise<void> {
  const affected = (q: Query) => !(options.keepJobs && q.queryKey[2] === 'job');
  queryClient.removeQueries({ queryKey: libraryKeys.all, type: 'inactive', predicate: affected });
  await queryClient.invalidateQueries({ queryKey: libraryKeys.all, predicate: affected });
}

/** A mutation over a library channel that refreshes every library query once it settles. */
function useLibraryMutation<TIn, TOut>(run: (input: TIn, profileId: string | undefined) => Promise<TOut>) {
  const profileId = useProfileId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TIn) => run(input, profileId),
    onSettled: () => refreshLibrary(queryClient, { keepJobs: true }),
  });
}

/**
 * A rename either purges the old URL (that request joins the purge history and quota) or leaves a
 * "Renamed" suggestion: the Purge view's data is refreshed with the library's.
 */
export function useRenameFile() {
  const profileId = useProfileId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { filePath: string; newFileName: string; purgeCache: boolean }) => invoke('library.rename', { ...input, profileId }),
    onSettled: () =>
      Promise.all([refreshLibrary(queryClient, { keepJobs: true }), profileId && queryClient.invalidateQueries({ queryKey: purgeKeys.all(profileId) })]),
  });
}

export const useTransferFiles = () =>
  useLibraryMutation(
    (input: { mode: 'copy' | 'move'; filePaths: string[]; destinationPath: string; includeVersions: boolean }, profileId) =>
      invoke('library.transferFiles', { ...input, profileId }),
  );

export const useDeleteFiles = () => useLibraryMutation((fileIds: string[], profileId) => invoke('library.deleteFiles', { fileIds, profileId }));

export const useSaveOriginals = () =>
  useLibraryMutation((input: { fileIds: string[]; directory?: string }, profileId) => invoke('library.saveOriginals', { ...input, profileId }));

/** Asks the desktop app for a folder (the OS dialog); null when the person cancels. */
export async function pickDirectory(): Promise<string | null> {
  return (await invoke('app.pickDirectory', undefined)).directory;
}

export const useCreateFolder = () =>
  useLibraryMutation((input: { parentFolderPath: string; folderName: string }, profileId) => invoke('library.createFolder', { ...input, profileId }));

export const useDeleteFolder = () => useLibraryMutation((folderPath: string, profileId) => invoke('library.deleteFolder', { folderPath, profileId }));

export const useStartFolderJob = () =>
  useLibraryMutation((input: ChannelInput<'library.folderJob'>, profileId) => invoke('library.folderJob', { ...input, profileId }));

export const useReindex = () => useLibraryMutation((_: void, profileId) => invoke('library.reindex', { profileId }));

export type { FileSummary };
