/** Names of the transfer area's channels and events; must list exactly the keys of ./transfer.ts (checked in contract.ts). */
export const transferChannelNames = [
  'transfer.plan',
  'transfer.start',
  'transfer.jobs',
  'transfer.pause',
  'transfer.resume',
  'transfer.cancel',
  'transfer.report',
] as const;
export const transferEventNames = ['transfer.progress', 'transfer.jobChanged'] as const;
