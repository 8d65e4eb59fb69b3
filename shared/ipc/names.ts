/**
 * Channel and event names only, without schemas: the preload's allow-list imports this file so it
 * stays tiny. contract.ts checks at compile time that its tables have exactly these keys.
 */
import { libraryChannelNames, libraryEventNames } from './areas/library.names';
import { uploadsChannelNames, uploadsEventNames } from './areas/uploads.names';
import { editingChannelNames, editingEventNames } from './areas/editing.names';
import { urlsChannelNames, urlsEventNames } from './areas/urls.names';
import { purgeChannelNames, purgeEventNames } from './areas/purge.names';
import { transferChannelNames, transferEventNames } from './areas/transfer.names';

const coreChannelNames = [
  'app.info',
  'app.pickDirectory',
  'profiles.list',
  'profiles.save',
  'profiles.delete',
  'profiles.activate',
  'profiles.testConnection',
  'connection.status',
] as const;

const coreEventNames = ['connection.changed', 'profiles.changed'] as const;

export const channelNames = [
  ...coreChannelNames,
  ...libraryChannelNames,
  ...uploadsChannelNames,
  ...editingChannelNames,
  ...urlsChannelNames,
  ...purgeChannelNames,
  ...transferChannelNames,
] as const;

export const eventNames = [
  ...coreEventNames,
  ...libraryEventNames,
  ...uploadsEventNames,
  ...editingEventNames,
  ...urlsEventNames,
  ...purgeEventNames,
  ...transferEventNames,
] as const;

export type ChannelName = (typeof channelNames)[number];
export type EventName = (typeof eventNames)[number];

const channelSet: ReadonlySet<string> = new Set(channelNames);
const eventSet: ReadonlySet<string> = new Set(eventNames);

export function isChannelName(value: unknown): value is ChannelName {
  return typeof value === 'string' && channelSet.has(value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && eventSet.has(value);
}
