import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ChannelInput } from '../../../shared/ipc/contract';
import type { FileEdit } from '../../../shared/ipc/areas/editing';
import { invoke } from './client';
import { libraryKeys } from './library';
import { useActiveProfile } from './profiles';
import { purgeKeys } from './purge';
import { uploadKeys } from './uploads';

/** Every editing query key starts with ['editing', profileId]; file data also lives under ['library', …]. */
export const editingKeys = {
  profile: (profileId: string) => ['editing', profileId] as const,
  versions: (profileId: string, fileId: string) => ['editing', profileId, 'versions', fileId] as const,
  pixels: (profileId: string, fileId: string, a: string, b: string) => ['editing', profileId, 'pixels', fileId, a, b] as const,
  fields: (profileId: string, includeDeleted: boolean) => ['editing', profileId, 'fields', includeDeleted] as const,
  tags: (profileId: string) => ['editing', profileId, 'tags'] as const,
  files: (profileId: string, fileIds: readonly string[]) => ['editing', profileId, 'files', ...fileIds] as const,
  embedded: (profileId: string, fileId: string) => ['editing', profileId, 'embedded', fileId] as const,
};

function useProfileId(): string | undefined {
  return useActiveProfile()?.id;
}

/** After any change to files: the browser's listings and details, and everything this area caches. */
function useRefreshAfterChange() {
  const queryClient = useQueryClient();
  const profileId = useProfileId();
  return () => {
    if (!profileId) return;
    void queryClient.invalidateQueries({ queryKey: libraryKeys.profile(profileId) });
    void queryClient.invalidateQueries({ queryKey: editingKeys.profile(profileId) });
  };
}

export function useVersions(fileId: string) {
  const profileId = useProfileId();
  return useQuery({
    queryKey: editingKeys.versions(profileId ?? '', fileId),
    queryFn: () => invoke('editing.versions', { profileId, fileId }),
    enabled: Boolean(profileId),
  });
}

export function useVersionPixels(fileId: string, pair: [string, string] | null, maxSize = 800) {
  const profileId = useProfileId();
  return useQuery({
    queryKey: editingKeys.pixels(profileId ?? '', fileId, pair?.[0] ?? '', pair?.[1] ?? ''),
    queryFn: () => invoke('editing.versionPixels', { profileId, fileId, versionIds: pair!, maxSize }),
    enabled: Boolean(profileId && pair),
    staleTime: Infinity,
  });
}

/** A restore leaves a "Version restored" purge suggestion, so the Purge view's data is refreshed too. */
export function useRestoreVersion() {
  const refresh = useRefreshAfterChange();
  const profileId = useProfileId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { fileId: string; versionId: string }) => invoke('editing.restoreVersion', { profileId, ...input }),
    onSettled: () => {
      refresh();
      if (profileId) void queryClient.invalidateQueries({ queryKey: purgeKeys.all(profileId) });
    },
  });
}

export function useDeleteVersion() {
  const refresh = useRefreshAfterChange();
  const profileId = useProfileId();
  return useMutation({
    mutationFn: (input: { fileId: string; versionId: string }) => invoke('editing.deleteVersion', { profileId, ...input }),
    onSettled: refresh,
  });
}

/** Purges URLs now (the purge area's channel), linked to the suggestion the restore recorded. */
export function usePurgeUrls() {
  const profileId = useProfileId();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { urls: string[]; suggestionId?: string }) => invoke('purge.submit', { profileId, ...input }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['purge'] }),
  });
}

export function useLibraryTags(enabled = true) {
  const profileId = useProfileId();
  return useQuery({
    queryKey: editingKeys.tags(profileId ?? ''),
    queryFn: () => invoke('editing.libraryTags', { profileId }),
    enabled: enabled && Boolean(profileId),
    // Asked again each time a tag input opens: the main side answers from its scan while nothing changed.
    staleTime: 0,
  });
}

export type TagAction = 'add' | 'remove' | 'removeAI' | 'promoteAI';
const tagChannels = {
  add: 'editing.addTags',
  remove: 'editing.removeTags',
  removeAI: 'editing.removeAITags',
  promoteAI: 'editing.promoteAITags',
} as const;

export function useTagAction() {
  const refresh = useRefreshAfterChange();
  const profileId = useProfileId();
  return useMutation({
    mutationFn: ({ action, fileIds, tags }: { action: TagAction; fileIds: string[]; tags: string[] }) => {
      const channel = tagChannels[action];
      return channel === 'editing.addTags' || channel === 'editing.removeTags'
        ? invoke(channel, { profileId, fileIds, tags })
        : invoke(channel, { profileId, fileIds, aiTags: tags });
    },
    onSettled: refresh,
  });
}

export function useFields(includeDeleted = false) {
  const profileId = useProfileId();
  return useQuery({
    queryKey: editingKeys.fields(profileId ?? '', includeDeleted),
    queryFn: () => invoke('editing.fields', { profileId, includeDeleted }),
    enabled: Boolean(profileId),
  });
}

type FieldCreate = Omit<ChannelInput<'editing.createField'>, 'profileId'>;
type FieldUpdate = Omit<ChannelInput<'editing.updateField'>, 'profileId'>;

export function useFieldMutations() {
  const changed = useRefreshAfterChange();
  const profileId = useProfileId();
  const queryClient = useQueryClient();
  // The upload dialog lists the same fields under its own key: a field made here is offered there at once.
  const refresh = () => {
    changed();
    if (profileId) void queryClient.invalidateQueries({ queryKey: uploadKeys.fields(profileId) });
  };
  const create = useMutation({ mutationFn: (body: FieldCreate) => invoke('editing.createField', { profileId, ...body }), onSettled: refresh });
  const update = useMutation({ mutationFn: (body: FieldUpdate) => invoke('editing.updateField', { profileId, ...body }), onSettled: refresh });
  const remove = useMutation({ mutationFn: (id: string) => invoke('editing.deleteField', { profileId, id }), onSettled: refresh });
  return { create, update, remove };
}

export function useUpdateFile() {
  const refresh = useRefreshAfterChange();
  const profileId = useProfileId();
  return useMutation({
    mutationFn: ({ fileId, edit }: { fileId: string; edit: FileEdit }) => invoke('editing.updateFile', { profileId, fileId, edit }),
    onSettled: refresh,
  });
}

export function useUpdateFiles() {
  const refresh = useRefreshAfterChange();
  const profileId = useProfileId();
  return useMutation({
    mutationFn: (edits: { fileId: string; edit: FileEdit }[]) => invoke('editing.updateFiles', { profileId, edits }),
    onSettled: refresh,
  });
}

/** The most files one `editing.filesDetails` call takes (the contract's limit). */
const DETAILS_PAGE = 1000;

/**
 * Full details of many files (the bulk editor's rows), fetched a page of DETAILS_PAGE at a time so any number
 * can be opened; `data` is there once every page is, in the order asked.
 */
export function useFilesDetails(fileIds: readonly string[]) {
  const profileId = useProfileId();
  const pages: string[][] = [];
  for (let at = 0; at < fileIds.length; at += DETAILS_PAGE) pages.push(fileIds.slice(at, at + DETAILS_PAGE));
  return useQueries({
    queries: pages.map((page) => ({
      queryKey: editingKeys.files(profileId ?? '', page),
      queryFn: () => invoke('editing.filesDetails', { profileId, fileIds: page }),
      enabled: Boolean(profileId),
    })),
    combine: (results) => {
      const failed = results.find((r) => r.isError);
      const done = results.length > 0 && results.every((r) => r.data);
      return {
        data: done ? results.flatMap((r) => r.data!) : undefined,
        isPending: results.some((r) => r.isPending),
        isError: failed !== undefined,
        error: failed?.error ?? null,
      };
    },
  });
}

export function useEmbeddedMetadata(fileId: string) {
  const profileId = useProfileId();
  return useQuery({
    queryKey: editingKeys.embedded(profileId ?? '', fileId),
    queryFn: () => invoke('editing.embeddedMetadata', { profileId, fileId }),
    enabled: Boolean(profileId),
  });
}
