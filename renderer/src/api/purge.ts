import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/ipc/contract';
import { invoke, subscribe } from './client';
import { useActiveProfile } from './profiles';

/** Query keys of the purge area, per profile so switching profiles never shows another's history. */
export const purgeKeys = {
  all: (profileId: string) => ['purge', profileId] as const,
  settings: (profileId: string) => ['purge', profileId, 'settings'] as const,
  quota: (profileId: string) => ['purge', profileId, 'quota'] as const,
  requests: (profileId: string) => ['purge', profileId, 'requests'] as const,
  suggestions: (profileId: string) => ['purge', profileId, 'suggestions'] as const,
  changes: (profileId: string) => ['purge', profileId, 'changes'] as const,
};

function useProfileId(): string | undefined {
  return useActiveProfile()?.id;
}

export function usePurgeSettings() {
  const profileId = useProfileId();
  return useQuery({
    queryKey: purgeKeys.settings(profileId ?? '-'),
    queryFn: () => invoke('purge.settings', { profileId }),
    enabled: Boolean(profileId),
  });
}

export function usePurgeQuota() {
  const profileId = useProfileId();
  return useQuery({ queryKey: purgeKeys.quota(profileId ?? '-'), queryFn: () => invoke('purge.quota', { profileId }), enabled: Boolean(profileId) });
}

/** The history; refreshed while a request is still pending (events usually get there first). */
export function usePurgeRequests() {
  const profileId = useProfileId();
  return useQuery({
    queryKey: purgeKeys.requests(profileId ?? '-'),
    queryFn: () => invoke('purge.requests', { profileId, limit: 50 }),
    enabled: Boolean(profileId),
    refetchInterval: (query) => (query.state.data?.some((r) => r.state === 'pending') ? 2_000 : false),
  });
}

export function usePurgeSuggestions() {
  const profileId = useProfileId();
  return useQuery({ queryKey: purgeKeys.suggestions(profileId ?? '-'), queryFn: () => invoke('purge.suggestions', { profileId }), enabled: Boolean(profileId) });
}

/** Looks for files replaced outside the app while the Purge view is open (and on demand via refetch). */
export function useChangeWatch(intervalMs = 15_000) {
  const profileId = useProfileId();
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: purgeKeys.changes(profileId ?? '-'),
    queryFn: async () => {
      const result = await invoke('purge.checkForChanges', { profileId });
      if (result.suggested.length && profileId) await queryClient.invalidateQueries({ queryKey: purgeKeys.suggestions(profileId) });
      return result;
    },
    enabled: Boolean(profileId),
    refetchInterval: intervalMs,
    staleTime: 0,
  });
}

function useInvalidatePurge() {
  const queryClient = useQueryClient();
  const profileId = useProfileId();
  return () => (profileId ? queryClient.invalidateQueries({ queryKey: purgeKeys.all(profileId) }) : Promise.resolve());
}

export function useSubmitPurge() {
  const profileId = useProfileId();
  const invalidate = useInvalidatePurge();
  return useMutation({
    mutationFn: (input: { urls: string[]; suggestionId?: string }) => invoke('purge.submit', { profileId, ...input }),
    onSettled: invalidate,
  });
}

export function useUpdatePurgeSettings() {
  const profileId = useProfileId();
  const invalidate = useInvalidatePurge();
  return useMutation({
    mutationFn: (change: Omit<ChannelInput<'purge.updateSettings'>, 'profileId'>) => invoke('purge.updateSettings', { profileId, ...change }),
    onSuccess: invalidate,
  });
}

export function useDismissSuggestion() {
  const profileId = useProfileId();
  const invalidate = useInvalidatePurge();
  return useMutation({ mutationFn: (id: string) => invoke('purge.dismissSuggestion', { profileId, id }), onSuccess: invalidate });
}

/** Feeds purge pushes into the cache: request progress and new suggestions show without polling. */
export function usePurgeEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const offRequest = subscribe('purge.requestChanged', (view) => {
      void queryClient.invalidateQueries({ queryKey: purgeKeys.requests(view.profileId) });
      void queryClient.invalidateQueries({ queryKey: purgeKeys.quota(view.profileId) });
    });
    const offSuggested = subscribe('purge.suggested', (view) => {
      void queryClient.invalidateQueries({ queryKey: purgeKeys.suggestions(view.profileId) });
    });
    return () => {
      offRequest();
      offSuggested();
    };
  }, [queryClient]);
}

export function useFileMetadata() {
  const profileId = useProfileId();
  return useMutation({ mutationFn: (filePath: string) => invoke('purge.fileMetadata', { profileId, filePath }) });
}

export function useUrlMetadata() {
  const profileId = useProfileId();
  return useMutation({ mutationFn: (url: string) => invoke('purge.urlMetadata', { profileId, url }) });
}

export function useFindSimilar() {
  const profileId = useProfileId();
  return useMutation({
    mutationFn: (input: { referencePath: string; folderPath: string }) => invoke('purge.findSimilar', { profileId, ...input }),
  });
}
