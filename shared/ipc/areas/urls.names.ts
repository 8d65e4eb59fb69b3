/** Names of the urls area's channels and events; must list exactly the keys of ./urls.ts (checked in contract.ts). */
export const urlsChannelNames = [
  'urls.build',
  'urls.preview',
  'urls.checkSigned',
  'urls.streamPart',
  'urls.parse',
  'urls.responsive',
  'urls.namedTransformations',
  'urls.presets.list',
  'urls.presets.save',
  'urls.presets.delete',
] as const;
export const urlsEventNames = [] as const;
