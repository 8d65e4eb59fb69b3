import type { ConnectionStatus } from '../../../shared/domain/connection';
import type { ProfileConnection } from '../profiles/profile-service';
import { createImageKitClient } from '../imagekit/client-service';
import { describeFailure } from './describe-failure';

export interface ConnectionCheckOptions {
  timeoutMs: number;
  now?: () => Date;
}

/**
 * Checks a profile's endpoint and key with one cheap authenticated call (list one asset). No retries:
 * the person is waiting, and a retry loop would only delay the same answer.
 */
export async function checkConnection(connection: ProfileConnection, options: ConnectionCheckOptions): Promise<ConnectionStatus> {
  const now = options.now ?? (() => new Date());
  const client = createImageKitClient(connection, { timeoutMs: options.timeoutMs, maxRetries: 0 });
  const host = new URL(client.baseURL).host;
  try {
    await client.assets.list({ limit: 1 });
    return { profileId: connection.profileId, state: 'connected', message: 'Connected', checkedAt: now().toISOString() };
  } catch (error) {
    const { state, message } = describeFailure(error, host, options.timeoutMs);
    return { profileId: connection.profileId, state, message, checkedAt: now().toISOString() };
  }
}
