import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConnectionStatus } from '../../../shared/domain/connection';
import type { ProfileDraft, ProfileView } from '../../../shared/domain/profile';
import type { ConnectionTarget } from '../../../shared/ipc/contract';
import { invoke, subscribe } from './client';
import { onLinkState } from './transport';

/** Query keys of the data this module owns; later features add their own keys per profile. */
export const queryKeys = {
  profiles: ['profiles'] as const,
  connection: ['connection'] as const,
  appInfo: ['app.info'] as const,
};

export function useProfiles() {
  return useQuery({ queryKey: queryKeys.profiles, queryFn: () => invoke('profiles.list') });
}

export function useActiveProfile(): ProfileView | undefined {
  return useProfiles().data?.find((p) => p.active);
}

export function useAppInfo() {
  return useQuery({ queryKey: queryKeys.appInfo, queryFn: () => invoke('app.info'), staleTime: Infinity });
}

/** The active profile's connection; kept fresh by `connection.changed` pushes (see useConnectionEvents). */
export function useConnectionStatus() {
  return useQuery({ queryKey: queryKeys.connection, queryFn: () => invoke('connection.status') });
}

/** Feeds main → renderer pushes into the query cache; mounted once by the app frame. */
export function useConnectionEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const offConnection = subscribe('connection.changed', (status) => {
      const active = queryClient.getQueryData<ProfileView[]>(queryKeys.profiles)?.find((p) => p.active);
      // A push about a profile that is not (or no longer) open must not overwrite the status bar.
      if (!active || status.profileId === null || status.profileId === active.id) {
        queryClient.setQueryData<ConnectionStatus>(queryKeys.connection, status);
      }
    });
    const offProfiles = subscribe('profiles.changed', (profiles) => {
      queryClient.setQueryData<ProfileView[]>(queryKeys.profiles, profiles);
    });
    // After the link to the host comes back, anything cached may be out of date.
    let wasLost = false;
    const offLink = onLinkState((state) => {
      if (state === 'lost') wasLost = true;
      if (state === 'open' && wasLost) {
        wasLost = false;
        void queryClient.invalidateQueries();
      }
    });
    return () => {
      offConnection();
      offProfiles();
      offLink();
    };
  }, [queryClient]);
}

export function useActivateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => invoke('profiles.activate', { id }),
    onSuccess: async () => {
      // Everything cached belongs to the previous library; drop it all, then reload profiles and status.
      await queryClient.invalidateQueries();
    },
  });
}

export function useSaveProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft: ProfileDraft) => invoke('profiles.save', draft),
    onSuccess: async ({ profile, connection }) => {
      if (profile.active) queryClient.setQueryData<ConnectionStatus>(queryKeys.connection, connection);
      await queryClient.invalidateQueries({ queryKey: queryKeys.profiles });
    },
  });
}

export function useDeleteProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => invoke('profiles.delete', { id }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: queryKeys.profiles });
      await queryClient.invalidateQueries({ queryKey: queryKeys.connection });
    },
  });
}

export function useTestConnection() {
  return useMutation({ mutationFn: (target: ConnectionTarget) => invoke('profiles.testConnection', target) });
}
