import { badRequest } from '../http/errors.js';

/**
 * ImageKit's tag limit, the one upload documents: the tags as sent (joined with `,`, the way the SDKs
 * send them to upload) may be at most 500 characters in total. Every route that writes or names
 * tags applies it, so no route can give a file (or a request) more tags than upload accepts.
 */
export const MAX_TAG_CHARACTERS = 500;

export const tagCharacters = (tags: readonly string[]): number => tags.join(',').length;

export const withinTagBudget = (tags: readonly string[]): boolean => tagCharacters(tags) <= MAX_TAG_CHARACTERS;

/** Completes "tags can be …" in messages. */
export const TAG_BUDGET_RULE = `at most ${MAX_TAG_CHARACTERS} characters in total`;

/** ImageKit's 400 for a tag list (or upload's comma-separated `tags` string, given as one item) over the limit. */
export function assertTagBudget(tags: readonly string[], param = 'tags'): void {
  if (!withinTagBudget(tags)) throw badRequest(`Your request contains invalid ${param} parameter. Tags can be ${TAG_BUDGET_RULE}.`);
}
