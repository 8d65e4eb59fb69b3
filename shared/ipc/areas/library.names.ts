/** Names of the library area's channels and events; must list exactly the keys of ./library.ts (checked in contract.ts). */
export const libraryChannelNames = [] as const;
export const libraryEventNames = [] as const;
