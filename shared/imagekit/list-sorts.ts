/**
 * ImageKit's List API `sort` values (OpenAPI `list-and-search-assets` enum plus the two newer ones):
 * one list for the emulator and the app.
 */
export const LIST_SORTS = [
  'ASC_NAME', 'DESC_NAME', 'ASC_CREATED', 'DESC_CREATED', 'ASC_UPDATED', 'DESC_UPDATED',
  'ASC_HEIGHT', 'DESC_HEIGHT', 'ASC_WIDTH', 'DESC_WIDTH', 'ASC_SIZE', 'DESC_SIZE',
  'ASC_RELEVANCE', 'DESC_RELEVANCE', 'ASC_DURATION', 'DESC_DURATION',
  'ASC_ORIGINAL_CREATION_DATE', 'DESC_ORIGINAL_CREATION_DATE',
] as const;
export type ListSort = (typeof LIST_SORTS)[number];
