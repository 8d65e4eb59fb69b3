/** Names of the editing area's channels and events; must list exactly the keys of ./editing.ts (checked in contract.ts). */
export const editingChannelNames = [] as const;
export const editingEventNames = [] as const;
