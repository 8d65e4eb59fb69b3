import type { QueryClient } from '@tanstack/react-query';
import { invoke } from './client';
import { libraryKeys } from './library';
import { queryKeys } from './profiles';

let settled: Promise<void> | undefined;

/** However slow the host is, what waits for the first screen waits no longer than this. */
const FIRST_SCREEN_WAIT_MS = 3_000;

/** After the browser has painted the frame that the arrived data rendered. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/**
 * Asks for the first screen's data as the script starts, before React has rendered anything: the
 * profiles (which library is open) and, as soon as they arrive, the open library's top-level folders
 * (the Folders tree). The hooks that render them later (useProfiles, useFolders) find these queries in
 * the cache, already answered or in flight, instead of starting them one render after another.
 * Opening the bridge here also starts the web host's WebSocket handshake at once.
 */
export function prefetchFirstScreen(client: QueryClient): Promise<void> {
  const data = client
    .fetchQuery({ queryKey: queryKeys.profiles, queryFn: () => invoke('profiles.list') })
    .then((profiles) => {
      const active = profiles.find((p) => p.active);
      if (!active) return;
      return client.prefetchQuery({
        queryKey: libraryKeys.folders(active.id, '/'),
        queryFn: ({ signal }) => invoke('library.folders', { profileId: active.id, folderPath: '/' }, { signal }),
      });
    })
    // A failure is the hooks' to show (they retry and say why); here it only ends the wait.
    .catch(() => undefined)
    .then(afterNextPaint);
  settled = Promise.race([data, new Promise<void>((resolve) => setTimeout(resolve, FIRST_SCREEN_WAIT_MS))]);
  return settled;
}

/**
 * Resolves once the first screen's data has arrived (or failed), so code that is not part of the first
 * screen loads after it instead of competing with it; at once where nothing was prefetched (tests).
 */
export function firstScreenSettled(): Promise<void> {
  return settled ?? Promise.resolve();
}
