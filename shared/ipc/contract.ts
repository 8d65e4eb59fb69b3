import { z } from 'zod';
import { ConnectionStatus } from '../domain/connection';
import { ProfileDraft, ProfileId, ProfileView, PublicKey, PrivateKey, UrlEndpoint } from '../domain/profile';
import type { ChannelName, EventName } from './names';
import { libraryChannels, libraryEvents } from './areas/library';
import { uploadsChannels, uploadsEvents } from './areas/uploads';
import { editingChannels, editingEvents } from './areas/editing';
import { urlsChannels, urlsEvents } from './areas/urls';
import { purgeChannels, purgeEvents } from './areas/purge';
import { transferChannels, transferEvents } from './areas/transfer';

import { NoInput } from './common-schemas';

export { NoInput, ProfileScope } from './common-schemas';

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  /** Which host carries the contract: the Electron shell or the web host (tests, no-Electron machines). */
  host: z.enum(['electron', 'web']),
  platform: z.string(),
  /** 'unavailable' means private keys can only be kept for this run (the UI must ask first). */
  keychain: z.enum(['available', 'unavailable']),
  /** Where settings and the Local library live, for the About box and troubleshooting. */
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof AppInfo>;

/** Test a saved profile, or a draft from the Profile dialog before it is saved. */
export const ConnectionTarget = z.union([
  z.object({ id: ProfileId }).strict(),
  z
    .object({
      draft: z.object({
        /** When editing: the saved profile whose stored private key to use if `privateKey` is left out. */
        id: ProfileId.optional(),
        urlEndpoint: UrlEndpoint,
        publicKey: PublicKey,
        privateKey: PrivateKey.optional(),
      }),
    })
    .strict(),
]);
export type ConnectionTarget = z.input<typeof ConnectionTarget>;

export const SaveProfileResult = z.object({ profile: ProfileView, connection: ConnectionStatus });
export type SaveProfileResult = z.infer<typeof SaveProfileResult>;

/**
 * The request/response channels. Each entry's `input` is validated by the router before the handler
 * runs (BAD_INPUT on failure); `output` is validated in dev and test to catch drift.
 */
export const channels = {
  'app.info': { input: NoInput, output: AppInfo },
  /** Asks for a folder on this computer (Electron's dialog); null when cancelled. The web host answers NOT_ALLOWED. */
  'app.pickDirectory': { input: NoInput, output: z.object({ directory: z.string().nullable() }) },
  /** Every profile, the active one marked; the Local library first. */
  'profiles.list': { input: NoInput, output: z.array(ProfileView) },
  /** Create or edit an ImageKit-account profile; checks the connection after saving (the save stands either way). */
  'profiles.save': { input: ProfileDraft, output: SaveProfileResult },
  'profiles.delete': { input: z.object({ id: ProfileId }), output: z.object({ id: ProfileId }) },
  /** Make a profile the active one; its connection is checked and pushed as `connection.changed`. */
  'profiles.activate': { input: z.object({ id: ProfileId }), output: ProfileView },
  'profiles.testConnection': { input: ConnectionTarget, output: ConnectionStatus },
  /** The active profile's last known connection state (checked now if never checked). */
  'connection.status': { input: NoInput, output: ConnectionStatus },
  // Feature areas keep their channels in ./areas/<area>.ts so each feature owns its part of the contract.
  ...libraryChannels,
  ...uploadsChannels,
  ...editingChannels,
  ...urlsChannels,
  ...purgeChannels,
  ...transferChannels,
} as const satisfies Record<ChannelName, { input: z.ZodType; output: z.ZodType }>;

/** Main → renderer pushes. */
export const events = {
  'connection.changed': ConnectionStatus,
  'profiles.changed': z.array(ProfileView),
  ...libraryEvents,
  ...uploadsEvents,
  ...editingEvents,
  ...urlsEvents,
  ...purgeEvents,
  ...transferEvents,
} as const satisfies Record<EventName, z.ZodType>;

// Both directions of the key check: names.ts lists exactly the contract's keys.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const _channelsMatch: Exact<keyof typeof channels, ChannelName> = true;
const _eventsMatch: Exact<keyof typeof events, EventName> = true;
void _channelsMatch;
void _eventsMatch;

export type Channels = typeof channels;
export type Events = typeof events;
/** What a caller passes (before zod transforms/defaults). */
export type ChannelInput<C extends ChannelName> = z.input<Channels[C]['input']>;
/** What a handler receives (after parsing). */
export type ParsedInput<C extends ChannelName> = z.output<Channels[C]['input']>;
export type ChannelOutput<C extends ChannelName> = z.output<Channels[C]['output']>;
export type EventPayload<E extends EventName> = z.output<Events[E]>;
