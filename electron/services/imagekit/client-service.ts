import ImageKit from '@imagekit/nodejs';
import type { ProfileConnection, ProfileService } from '../profiles/profile-service';

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

/**
 * One official ImageKit client per profile; every feature calls ImageKit through `forProfile`.
 * A profile's client is rebuilt when its endpoint or key changes (call `invalidate`).
 */
export class ImageKitClients {
  readonly #clients = new Map<string, { client: ImageKit; connection: ProfileConnection }>();

  constructor(
    private readonly profiles: Pick<ProfileService, 'connectionOf' | 'activeId'>,
    private readonly settings: ClientSettings = defaultClientSettings,
  ) {}

  async forProfile(profileId: string): Promise<ImageKit> {
    return (await this.entry(profileId)).client;
  }

  async forActiveProfile(): Promise<{ profileId: string; client: ImageKit; connection: ProfileConnection }> {
    const profileId = this.profiles.activeId();
    const { client, connection } = await this.entry(profileId);
    return { profileId, client, connection };
  }

  private async entry(profileId: string): Promise<{ client: ImageKit; connection: ProfileConnection }> {
    const connection = await this.profiles.connectionOf(profileId);
    const cached = this.#clients.get(profileId);
    if (
      cached &&
      cached.connection.privateKey === connection.privateKey &&
      cached.connection.apiBaseUrl === connection.apiBaseUrl
    ) {
      return cached;
    }
    const fresh = { client: createImageKitClient(connection, this.settings), connection };
    this.#clients.set(profileId, fresh);
    return fresh;
  }

  invalidate(profileId: string): void {
    this.#clients.delete(profileId);
  }
}
