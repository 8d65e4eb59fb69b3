/** Names of the purge area's channels and events; must list exactly the keys of ./purge.ts (checked in contract.ts). */
export const purgeChannelNames = [
  'purge.submit',
  'purge.requests',
  'purge.quota',
  'purge.settings',
  'purge.updateSettings',
  'purge.suggestions',
  'purge.suggest',
  'purge.dismissSuggestion',
  'purge.checkForChanges',
  'purge.fileMetadata',
  'purge.urlMetadata',
  'purge.findSimilar',
] as const;
export const purgeEventNames = ['purge.requestChanged', 'purge.suggested'] as const;
