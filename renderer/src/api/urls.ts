import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PresetOptions, ResponsiveFormat, UrlDraft } from '../../../shared/domain/urls';
import { invoke } from './client';
import { useActiveProfile } from './profiles';

/** Query keys of the URL builder's data, per profile (switching profiles never shows another's data). */
export const urlKeys = {
  all: ['urls'] as const,
  preview: (profileId: string, draft: UrlDraft) => ['urls', 'preview', profileId, draft] as const,
  built: (profileId: string, draft: UrlDraft) => ['urls', 'built', profileId, draft] as const,
  responsive: (profileId: string, draft: UrlDraft, widths: number[], formats: ResponsiveFormat[]) =>
    ['urls', 'responsive', profileId, draft, widths, formats] as const,
  named: (profileId: string) => ['urls', 'named', profileId] as const,
  presets: (profileId: string) => ['urls', 'presets', profileId] as const,
};

/**
 * The built URL and, once it has no problems, the rendered preview's numbers. The previous answer stays
 * on screen while the next one renders, and only the newest draft's answer is ever shown.
 */
export function useUrlPreview(draft: UrlDraft, enabled: boolean) {
  const profileId = useActiveProfile()?.id;
  return useQuery({
    queryKey: urlKeys.preview(profileId ?? '', draft),
    // The next slider change supersedes this query: its signal stops the render request on the main side.
    queryFn: ({ signal }) => invoke('urls.preview', { profileId, draft }, { signal }),
    enabled: enabled && !!profileId,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
}

/** A URL built (and signed) without requesting it: a video's poster, the other stream protocol's manifest. */
export function useBuiltUrl(draft: UrlDraft, enabled: boolean) {
  const profileId = useActiveProfile()?.id;
  return useQuery({
    queryKey: urlKeys.built(profileId ?? '', draft),
    queryFn: ({ signal }) => invoke('urls.build', { profileId, draft }, { signal }),
    enabled: enabled && !!profileId,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: false,
  });
}

export function useResponsiveUrls(draft: UrlDraft, widths: number[], formats: ResponsiveFormat[], enabled: boolean) {
  const profileId = useActiveProfile()?.id;
  return useQuery({
    queryKey: urlKeys.responsive(profileId ?? '', draft, widths, formats),
    queryFn: ({ signal }) => invoke('urls.responsive', { profileId, draft, widths, formats }, { signal }),
    enabled: enabled && !!profileId && widths.length > 0,
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useNamedTransformations() {
  const profileId = useActiveProfile()?.id;
  return useQuery({
    queryKey: urlKeys.named(profileId ?? ''),
    queryFn: () => invoke('urls.namedTransformations', { profileId }),
    enabled: !!profileId,
    staleTime: 5 * 60_000,
  });
}

export function useParseUrl() {
  const profileId = useActiveProfile()?.id;
  return useMutation({ mutationFn: (url: string) => invoke('urls.parse', { profileId, url }) });
}

export function useCheckSignedUrl() {
  const profileId = useActiveProfile()?.id;
  return useMutation({ mutationFn: (url: string) => invoke('urls.checkSigned', { profileId, url }) });
}

export function usePresets() {
  const profileId = useActiveProfile()?.id;
  return useQuery({
    queryKey: urlKeys.presets(profileId ?? ''),
    queryFn: () => invoke('urls.presets.list', { profileId }),
    enabled: !!profileId,
  });
}

export function useSavePreset() {
  const queryClient = useQueryClient();
  const profileId = useActiveProfile()?.id;
  return useMutation({
    mutationFn: ({ name, options }: { name: string; options: PresetOptions }) => invoke('urls.presets.save', { profileId, name, options }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: urlKeys.presets(profileId ?? '') }),
  });
}

export function useDeletePreset() {
  const queryClient = useQueryClient();
  const profileId = useActiveProfile()?.id;
  return useMutation({
    mutationFn: (id: string) => invoke('urls.presets.delete', { profileId, id }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: urlKeys.presets(profileId ?? '') }),
  });
}
