import { z } from 'zod';
import { ProfileId } from './profile';

/**
 * The state of the link to a profile's ImageKit API, for the status bar and the Profile dialog.
 * `message` is one sentence for a person ("Connected", "Key rejected: …", "Unreachable: …").
 */
export const connectionStates = ['unknown', 'checking', 'connected', 'key_rejected', 'unreachable', 'error'] as const;
export const ConnectionState = z.enum(connectionStates);
export type ConnectionState = z.infer<typeof ConnectionState>;

export const ConnectionStatus = z.object({
  profileId: ProfileId.nullable(),
  state: ConnectionState,
  message: z.string(),
  /** ISO time of the check that produced this state, or null before any. */
  checkedAt: z.string().nullable(),
});
export type ConnectionStatus = z.infer<typeof ConnectionStatus>;
