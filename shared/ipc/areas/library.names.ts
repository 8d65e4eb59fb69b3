/** Names of the library area's channels and events; must list exactly the keys of ./library.ts (checked in contract.ts). */
export const libraryChannelNames = [
  'library.list',
  'library.folders',
  'library.file',
  'library.rename',
  'library.transferFiles',
  'library.deleteFiles',
  'library.saveOriginals',
  'library.createFolder',
  'library.deleteFolder',
  'library.folderCounts',
  'library.folderJob',
  'library.jobStatus',
  'library.searchNames',
  'library.reindex',
  'library.recentSearches',
  'library.signedUrls',
] as const;
export const libraryEventNames = [] as const;
