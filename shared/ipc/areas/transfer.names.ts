/** Names of the transfer area's channels and events; must list exactly the keys of ./transfer.ts (checked in contract.ts). */
export const transferChannelNames = [
  'transfer.plan',
  'transfer.start',
  'transfer.jobs',
  'transfer.pause',
  'transfer.resume',
  'transfer.cancel',
  'transfer.report',
  'transfer.backupToFolder',
  'transfer.prepareBackupZip',
  'transfer.backups',
  'transfer.cancelBackup',
  'transfer.inspectBackup',
  'transfer.planRestore',
] as const;
export const transferEventNames = ['transfer.progress', 'transfer.jobChanged', 'transfer.backupChanged'] as const;
