/** Names of the uploads area's channels and events; must list exactly the keys of ./uploads.ts (checked in contract.ts). */
export const uploadsChannelNames = [
  'uploads.add',
  'uploads.stage.begin',
  'uploads.stage.chunk',
  'uploads.stage.end',
  'uploads.stage.discard',
  'uploads.list',
  'uploads.pause',
  'uploads.resume',
  'uploads.cancel',
  'uploads.retry',
  'uploads.resolveConflict',
  'uploads.clearFinished',
  'uploads.setConcurrency',
  'uploads.defaults.get',
  'uploads.defaults.save',
  'uploads.metadataFields',
  'uploads.nearDuplicates',
] as const;
export const uploadsEventNames = ['uploads.item', 'uploads.progress', 'uploads.total', 'uploads.batchDone'] as const;
