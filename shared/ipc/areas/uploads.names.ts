/** Names of the uploads area's channels and events; must list exactly the keys of ./uploads.ts (checked in contract.ts). */
export const uploadsChannelNames = [] as const;
export const uploadsEventNames = [] as const;
