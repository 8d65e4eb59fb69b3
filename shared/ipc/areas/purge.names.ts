/** Names of the purge area's channels and events; must list exactly the keys of ./purge.ts (checked in contract.ts). */
export const purgeChannelNames = [] as const;
export const purgeEventNames = [] as const;
