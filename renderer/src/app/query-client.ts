import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api/errors';

/**
 * Data comes from the local host (IPC or a loopback WebSocket), so retries only help when the
 * transport blinked; an error envelope from the main side is an answer, not a glitch.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => error instanceof ApiError && error.code === 'TRANSPORT' && failures < 2,
        retryDelay: (attempt) => Math.min(400 * 2 ** attempt, 2_000),
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
}
