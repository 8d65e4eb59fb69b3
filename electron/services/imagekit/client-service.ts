import ImageKit from '@imagekit/nodejs';
import type { ProfileConnection } from '../profiles/profile-service';

export interface ClientSettings {
  /** Per-request timeout; the SDK retries timeouts too, so the worst case is longer. */
  timeoutMs: number;
  /** Retries on 408/409/429/5xx and connection errors, with the SDK's backoff (honours Retry-After). */
  maxRetries: number;
}

export const defaultClientSettings: ClientSettings = { timeoutMs: 30_000, maxRetries: 2 };

export function createImageKitClient(connection: ProfileConnection, settings: ClientSettings = defaultClientSettings): ImageKit {
  return new ImageKit({
    privateKey: connection.privateKey,
    // undefined keeps the SDK's own hosts (api.imagekit.io, upload.imagekit.io); an emulator serves both.
    baseURL: connection.apiBaseUrl ?? null,
    timeout: settings.timeoutMs,
    maxRetries: settings.maxRetries,
  });
}
