import { AppError, type CallContext, type ChannelName, type ChannelOutput, type Handlers, type ParsedInput } from '../../../shared/ipc/index';
import type { ProfileSession, ProfileSessions } from './profile-sessions';

/** The channels whose input carries the contract's optional `profileId` (ProfileScope). */
export type ProfileScopedChannel = { [C in ChannelName]: 'profileId' extends keyof ParsedInput<C> ? C : never }[ChannelName];

/** A handler that acts on one profile: it gets that profile's session, resolved once for the call. */
export type SessionHandler<C extends ChannelName> = (
  session: ProfileSession,
  input: ParsedInput<C>,
  ctx: CallContext,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

export type SessionHandlers = { [C in ProfileScopedChannel]?: SessionHandler<C> };

/**
 * The area base for profile-scoped channels: resolves the call's `profileId` (or the active profile)
 * into its cached session before the handler runs. When ImageKit rejects the key the session is
 * dropped, so a key fixed elsewhere (the dashboard, the command line) is read again on the next call.
 */
export function withSessions(sessions: ProfileSessions, table: SessionHandlers): Partial<Handlers> {
  const handlers: Record<string, (input: { profileId?: string }, ctx: CallContext) => Promise<unknown>> = {};
  for (const [channel, handler] of Object.entries(table) as [string, SessionHandler<ChannelName>][]) {
    handlers[channel] = async (input, ctx) => {
      const session = await sessions.resolve(input.profileId);
      try {
        return await handler(session, input as never, ctx);
      } catch (error) {
        if (error instanceof AppError && error.code === 'KEY_REJECTED') sessions.invalidate(session.id);
        throw error;
      }
    };
  }
  return handlers as Partial<Handlers>;
}
