/** Names of the editing area's channels and events; must list exactly the keys of ./editing.ts (checked in contract.ts). */
export const editingChannelNames = [
  'editing.versions',
  'editing.versionPixels',
  'editing.restoreVersion',
  'editing.deleteVersion',
  'editing.addTags',
  'editing.removeTags',
  'editing.removeAITags',
  'editing.promoteAITags',
  'editing.libraryTags',
  'editing.fields',
  'editing.createField',
  'editing.updateField',
  'editing.deleteField',
  'editing.updateFile',
  'editing.updateFiles',
  'editing.filesDetails',
  'editing.embeddedMetadata',
] as const;
export const editingEventNames = [] as const;
