import { useQuery } from '@tanstack/react-query';
import type { SignedUrlRequest } from '../../../shared/ipc/areas/library';
import { invoke } from './client';
import { useActiveProfile } from './profiles';

/** Requests arriving within this window go out as one `library.signedUrls` call (a screenful of tiles settles together). */
export const SIGNED_URL_BATCH_MS = 25;
/** The channel's own limit per call. */
const MAX_BATCH = 500;
/** A signed URL is used for at most this long, well inside its hour-long life. */
const SIGNED_URL_STALE_MS = 40 * 60_000;

interface Pending {
  request: SignedUrlRequest;
  resolve: (url: string) => void;
  reject: (error: unknown) => void;
}

/** Collects sign requests per profile and sends each window's worth in one call. */
export function createSignedUrlBatcher() {
  const queues = new Map<string, Pending[]>();

  async function flush(profileId: string) {
    const queue = queues.get(profileId) ?? [];
    queues.delete(profileId);
    for (let i = 0; i < queue.length; i += MAX_BATCH) {
      const batch = queue.slice(i, i + MAX_BATCH);
      try {
        const answer = await invoke('library.signedUrls', { profileId, items: batch.map((p) => p.request) });
        // The main side answers in the order asked.
        batch.forEach((p, index) => {
          const url = answer.items[index]?.url;
          if (url) p.resolve(url);
          else p.reject(new Error('The signed URL is missing from the answer.'));
        });
      } catch (error) {
        for (const p of batch) p.reject(error);
      }
    }
  }

  return function sign(profileId: string, request: SignedUrlRequest): Promise<string> {
    return new Promise((resolve, reject) => {
      let queue = queues.get(profileId);
      if (!queue) {
        queue = [];
        queues.set(profileId, queue);
        setTimeout(() => void flush(profileId), SIGNED_URL_BATCH_MS);
      }
      queue.push({ request, resolve, reject });
    });
  };
}

const signBatched = createSignedUrlBatcher();

export const signedUrlKeys = {
  // Outside ['library', …]: a library invalidation must not re-sign every visible tile; a renamed
  // file has a new path and so a new key anyway.
  one: (profileId: string, request: SignedUrlRequest, freshness = '') =>
    ['signed-url', profileId, request.filePath, request.transformation ?? '', request.versionId ?? '', freshness] as const,
};

/**
 * A short-lived signed delivery URL of the active profile's file (for private files' previews),
 * signed in the main process and batched with the other tiles asking at the same moment.
 * `request` undefined: nothing is asked. `freshness` (e.g. the file's updatedAt) signs again when a
 * rendering depends on the file's state, such as an fo-custom crop after its coordinates changed.
 */
export function useSignedUrl(request: SignedUrlRequest | undefined, freshness = '') {
  const profileId = useActiveProfile()?.id;
  return useQuery({
    queryKey: signedUrlKeys.one(profileId ?? '', request ?? { filePath: '' }, freshness),
    queryFn: () => signBatched(profileId ?? '', request as SignedUrlRequest),
    enabled: Boolean(profileId && request),
    staleTime: SIGNED_URL_STALE_MS,
    gcTime: SIGNED_URL_STALE_MS,
    refetchInterval: SIGNED_URL_STALE_MS,
    refetchOnWindowFocus: false,
    retry: 1,
  });
}
