/** Names of the urls area's channels and events; must list exactly the keys of ./urls.ts (checked in contract.ts). */
export const urlsChannelNames = [] as const;
export const urlsEventNames = [] as const;
